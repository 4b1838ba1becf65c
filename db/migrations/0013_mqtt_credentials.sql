-- 0013_mqtt_credentials: who may speak on the broker. One row per device credential (the device speaks only as
-- itself, on its registry site) or site gateway (speaks for the devices of its sites). The secret is 256 random
-- bits shown once at issue; only its hash is kept, in Mosquitto's password_file format ($7$: PBKDF2-SHA512,
-- per-row salt) so the embedded broker and a generated Mosquitto password_file verify the same string.
-- Service accounts (ingest, portal, simulator control) are not here: their passwords are derived from
-- MQTT_SERVICE_KEY at boot. Changes NOTIFY esms_mqtt_credentials so brokers drop revoked or rotated sessions.
CREATE TABLE mqtt_credentials (
  username text PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9_.-]{1,80}$' AND username !~ '^esms-'),
  kind text NOT NULL CHECK (kind IN ('device', 'gateway')),
  device_id text REFERENCES devices(id) ON DELETE CASCADE,
  sites text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  revoked_at timestamptz,
  CHECK ((kind = 'device') = (device_id IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX mqtt_credentials_device ON mqtt_credentials (device_id) WHERE device_id IS NOT NULL;
--> statement-breakpoint
-- refused connects, publishes and subscriptions, per principal (the username tried, or '(anonymous)') and reason
CREATE TABLE mqtt_refusals (
  principal text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('anonymous', 'bad_credentials', 'revoked', 'client_id', 'publish_denied', 'subscribe_denied', 'rate_limited')),
  device_id text,
  count bigint NOT NULL DEFAULT 0,
  last_client_id text NOT NULL DEFAULT '',
  last_address text NOT NULL DEFAULT '',
  last_topic text NOT NULL DEFAULT '',
  first_at timestamptz NOT NULL DEFAULT now(),
  last_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal, reason)
);
--> statement-breakpoint
CREATE FUNCTION mqtt_credentials_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('esms_mqtt_credentials', COALESCE(NEW.username, OLD.username));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mqtt_credentials_changed AFTER INSERT OR UPDATE OR DELETE ON mqtt_credentials
  FOR EACH ROW EXECUTE FUNCTION mqtt_credentials_notify();
