-- 0012_readings_message_key: duplicates are by (device, seq) (docs/telemetry-v1.md), not by sample time. Two
-- different messages of one device may carry the same ts; keyed on (circuit_id, ts) the second was dropped as a
-- duplicate. The key now names the message too, so both are kept, while a redelivery (same ts, same seq) still
-- conflicts and is stored once. A re-stamped redelivery (same seq, new ts) is found by ingest before storing.
-- (circuit_id, ts) stays the key's prefix: per-circuit time-range scans are unchanged.
ALTER TABLE readings DROP CONSTRAINT readings_pkey;
--> statement-breakpoint
ALTER TABLE readings ADD PRIMARY KEY (circuit_id, ts, seq);
