-- 0008_report_delivery: the report scheduler delivers report_deliveries itself (server/reports/delivery.ts).
-- A row is claimed with FOR UPDATE SKIP LOCKED and a lease (lease_until), retried with backoff
-- (next_attempt_at, attempts, last_error) and given up as 'failed' after the last attempt. A portal delivery
-- writes the recipient's bell notification in the same transaction that marks it delivered (notification_id).
-- Rows written before this migration that still wait ('pending' e-mail) become due at once.
ALTER TABLE report_deliveries
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN notification_id bigint REFERENCES notifications(id) ON DELETE SET NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS report_deliveries_pending_idx;
CREATE INDEX report_deliveries_due_idx ON report_deliveries (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX report_deliveries_schedule_idx ON report_deliveries (schedule_id, archive_id);
