-- 0010_leased_queue: notification_outbox and report_deliveries follow one state machine (platform/jobs/leased-queue.ts):
-- a claimed row is 'sending' until lease_until, and each claim bumps claim_seq, which the claim's outcome must match
-- (attempts alone repeat after a requeue resets them). report_deliveries learns 'sending': it kept claimed rows
-- 'pending'. Rows written under the previous rules stay valid: claim_seq starts at 0 and the next claim makes it 1; a
-- report delivery claimed before this migration ('pending' with a lease) becomes 'sending' with the same lease, so it
-- is claimed again, or given up on its last attempt, when that lease runs out, as before.
ALTER TABLE notification_outbox ADD COLUMN claim_seq integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE report_deliveries ADD COLUMN claim_seq integer NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE report_deliveries DROP CONSTRAINT report_deliveries_state_check;
--> statement-breakpoint
ALTER TABLE report_deliveries ADD CONSTRAINT report_deliveries_state_check
  CHECK (state IN ('pending','sending','delivered','skipped','failed'));
--> statement-breakpoint
UPDATE report_deliveries SET state = 'sending' WHERE state = 'pending' AND lease_until IS NOT NULL;
--> statement-breakpoint
-- expired leases are found like the outbox's (notification_outbox_lease_idx)
CREATE INDEX report_deliveries_lease_idx ON report_deliveries (lease_until) WHERE state = 'sending';
