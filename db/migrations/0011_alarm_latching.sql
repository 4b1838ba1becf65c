-- 0011_alarm_latching (and the site states it brings): an alarm of severity 报警/危急 holds until a person resets it (GB 14287: the alarm state is kept
-- until manual reset). When its condition is no longer seen it gains recovered_at (已恢复待复位) and stays active
-- (cleared_at NULL, so it keeps escalating while nobody acknowledged it); a reset sets cleared_at with who, when and
-- the note. 预警, sensor faults and offline devices still clear themselves. Rows written before this migration keep
-- their meaning: an active row is active, a cleared row was cleared.
ALTER TABLE alarms
  ADD COLUMN recovered_at timestamptz,
  ADD COLUMN reset_at timestamptz,
  ADD COLUMN reset_by integer REFERENCES users(id) ON DELETE SET NULL,
  ADD COLUMN reset_note text;
--> statement-breakpoint
CREATE INDEX alarms_recovered_idx ON alarms (site_id) WHERE cleared_at IS NULL AND recovered_at IS NOT NULL;
--> statement-breakpoint
ALTER TABLE alarm_notes DROP CONSTRAINT alarm_notes_kind_check;
--> statement-breakpoint
ALTER TABLE alarm_notes ADD CONSTRAINT alarm_notes_kind_check CHECK (kind IN ('note','ack','false_alarm','hazard','reset'));
--> statement-breakpoint
-- A site's status gains 'recovered' (its only active alarms are latched ones awaiting reset) and 'unequipped' (未接入:
-- no detector fitted yet), which is no longer drawn as 'offline'.
ALTER TABLE sites DROP CONSTRAINT sites_status_check;
--> statement-breakpoint
ALTER TABLE sites ADD CONSTRAINT sites_status_check CHECK (status IN ('normal','warning','alarm','critical','fault','recovered','offline','unequipped'));
--> statement-breakpoint
ALTER TABLE sites ALTER COLUMN status SET DEFAULT 'unequipped';
--> statement-breakpoint
UPDATE sites SET status = 'unequipped' WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = sites.id);
