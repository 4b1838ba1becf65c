-- 0002_workflow: alarm → notification outbox → hazard work orders → records/digests.
-- Notification events are written by a trigger on `alarms`, so an alarm change and its outbox event commit
-- together whichever process wrote the alarm; the notify worker fans events out to per-user deliveries.
CREATE TABLE notify_events (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('alarm','escalation','hazard','digest')),
  -- alarm: opened|escalated|cleared; escalation: level1..3; hazard: assigned|overdue|submitted|returned|closed; digest: daily
  change text NOT NULL,
  alarm_id bigint REFERENCES alarms(id) ON DELETE CASCADE,
  hazard_id bigint REFERENCES hazards(id) ON DELETE CASCADE,
  site_id text REFERENCES sites(id) ON DELETE CASCADE,
  severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('warning','alarm','critical')),
  level smallint NOT NULL DEFAULT 0, -- escalation level: 0 responsible, 1 county, 2 department, 3 fire
  target_user_id integer REFERENCES users(id) ON DELETE CASCADE, -- events for one user (digests)
  dedupe_key text UNIQUE, -- timers insert at most one event per key (escalation level, overdue, digest period)
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  fanned_out_at timestamptz
);
CREATE INDEX notify_events_pending_idx ON notify_events (id) WHERE fanned_out_at IS NULL;
CREATE INDEX notify_events_alarm_idx ON notify_events (alarm_id, kind);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION esms_alarm_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ch text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    ch := CASE WHEN NEW.cleared_at IS NULL THEN 'opened' ELSE 'cleared' END;
  ELSIF OLD.cleared_at IS NULL AND NEW.cleared_at IS NOT NULL THEN
    ch := 'cleared';
  ELSIF NEW.cleared_at IS NULL AND NEW.severity IS DISTINCT FROM OLD.severity
        AND array_position(ARRAY['warning','alarm','critical'], NEW.severity) > array_position(ARRAY['warning','alarm','critical'], OLD.severity) THEN
    ch := 'escalated';
  ELSE
    RETURN NULL; -- de-escalation or no-op update: nobody needs waking up
  END IF;
  INSERT INTO notify_events (kind, change, alarm_id, site_id, severity)
  VALUES ('alarm', ch, NEW.id, NEW.site_id, NEW.severity);
  PERFORM pg_notify('esms_notify', 'event');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER alarms_notify AFTER INSERT OR UPDATE OF severity, cleared_at ON alarms
  FOR EACH ROW EXECUTE FUNCTION esms_alarm_notify();
--> statement-breakpoint
CREATE TABLE notification_prefs (
  user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  channels text[] NOT NULL DEFAULT ARRAY['portal','webhook','email','push'],
  min_severity text NOT NULL DEFAULT 'warning' CHECK (min_severity IN ('warning','alarm','critical')),
  quiet_start time, -- Beijing time; NULL: no quiet hours
  quiet_end time,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE push_subscriptions (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);
--> statement-breakpoint
CREATE TABLE notification_outbox (
  id bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES notify_events(id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('portal','webhook','email','push')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','sending','sent','failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  last_error text,
  idempotency_key text NOT NULL UNIQUE,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (event_id, user_id, channel)
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX notification_outbox_lease_idx ON notification_outbox (lease_until) WHERE state = 'sending';
CREATE INDEX notification_outbox_failed_idx ON notification_outbox (created_at DESC) WHERE state = 'failed';
CREATE INDEX notification_outbox_channel_idx ON notification_outbox (channel, created_at DESC);
--> statement-breakpoint
-- The portal inbox (alarm centre bell): one row per delivered 'portal' outbox row.
CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  outbox_id bigint UNIQUE REFERENCES notification_outbox(id) ON DELETE SET NULL,
  kind text NOT NULL,
  severity text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  url text,
  alarm_id bigint,
  hazard_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
--> statement-breakpoint
CREATE TABLE alarm_notes (
  id bigserial PRIMARY KEY,
  alarm_id bigint NOT NULL REFERENCES alarms(id) ON DELETE CASCADE,
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  username text NOT NULL,
  kind text NOT NULL DEFAULT 'note' CHECK (kind IN ('note','ack','false_alarm','hazard')),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alarm_notes_alarm_idx ON alarm_notes (alarm_id, id);
--> statement-breakpoint
-- Alarm centre: keyset paging on (opened_at, id) under every common filter, fast at millions of rows.
CREATE INDEX alarms_keyset_idx ON alarms (opened_at DESC, id DESC);
CREATE INDEX alarms_site_keyset_idx ON alarms (site_id, opened_at DESC, id DESC);
CREATE INDEX alarms_type_keyset_idx ON alarms (type, opened_at DESC, id DESC);
CREATE INDEX alarms_sev_keyset_idx ON alarms (severity, opened_at DESC, id DESC);
CREATE INDEX alarms_unacked_idx ON alarms (opened_at DESC, id DESC) WHERE cleared_at IS NULL AND acknowledged_at IS NULL AND NOT false_alarm;
CREATE INDEX alarms_false_idx ON alarms (opened_at DESC, id DESC) WHERE false_alarm;
--> statement-breakpoint
ALTER TABLE hazards ADD COLUMN IF NOT EXISTS location text NOT NULL DEFAULT '';
ALTER TABLE hazards ADD COLUMN IF NOT EXISTS rectification text NOT NULL DEFAULT '';
ALTER TABLE hazards ADD COLUMN IF NOT EXISTS return_reason text;
ALTER TABLE hazards ADD COLUMN IF NOT EXISTS submitted_at timestamptz;
ALTER TABLE hazards ADD COLUMN IF NOT EXISTS verified_at timestamptz;
CREATE INDEX IF NOT EXISTS hazards_alarm_idx ON hazards (alarm_id);
CREATE INDEX IF NOT EXISTS hazards_keyset_idx ON hazards (created_at DESC, id DESC);
--> statement-breakpoint
CREATE TABLE hazard_events (
  id bigserial PRIMARY KEY,
  hazard_id bigint NOT NULL REFERENCES hazards(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  username text,
  ip text,
  action text NOT NULL,
  from_state text,
  to_state text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX hazard_events_hazard_idx ON hazard_events (hazard_id, id);
CREATE INDEX hazard_events_at_idx ON hazard_events (at DESC);
--> statement-breakpoint
CREATE TABLE hazard_attachments (
  id bigserial PRIMARY KEY,
  hazard_id bigint NOT NULL REFERENCES hazards(id) ON DELETE CASCADE,
  event_id bigint REFERENCES hazard_events(id) ON DELETE SET NULL,
  stage text NOT NULL CHECK (stage IN ('report','rectification')),
  filename text NOT NULL,
  mime text NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','application/pdf')),
  size integer NOT NULL CHECK (size > 0 AND size <= 5242880),
  sha256 text NOT NULL,
  data bytea NOT NULL,
  uploaded_by integer REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(data) = size)
);
CREATE INDEX hazard_attachments_hazard_idx ON hazard_attachments (hazard_id, id);
--> statement-breakpoint
-- Periodic 抄告 digests per supervising user's scope, readable in the portal and sent through the outbox.
CREATE TABLE digests (
  id bigserial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  content jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, period_start, period_end)
);
CREATE INDEX digests_user_idx ON digests (user_id, period_end DESC);
