-- 0007_profiles: detection profile overrides per site and per circuit. `override` is a partial
-- profile (profileOverrideSchema in workers/detection/core/profile.ts), validated by the portal against the GB
-- ranges and against every circuit it reaches (server/profiles/). History is the audit log: every change writes
-- one audit_log row with before/after and the reason (actions profile.set / profile.clear, detail.siteId).
-- Any write notifies channel `esms_profiles` at commit, so the running ingest worker rebuilds its engine within
-- seconds; `rev` moves on every insert and update, so the worker's poll (max(rev), count) catches a missed
-- notification too.
CREATE SEQUENCE profile_overrides_rev_seq;
--> statement-breakpoint
CREATE TABLE profile_overrides (
  id serial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  -- NULL: the site layer (all circuits of the site); otherwise one circuit of that site
  circuit_id integer REFERENCES circuits(id) ON DELETE CASCADE,
  override jsonb NOT NULL CHECK (jsonb_typeof(override) = 'object'),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  rev bigint NOT NULL DEFAULT nextval('profile_overrides_rev_seq'),
  updated_by integer REFERENCES users(id) ON DELETE SET NULL,
  updated_by_name text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX profile_overrides_site_uq ON profile_overrides (site_id) WHERE circuit_id IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX profile_overrides_circuit_uq ON profile_overrides (circuit_id) WHERE circuit_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX profile_overrides_site_idx ON profile_overrides (site_id);
--> statement-breakpoint
CREATE FUNCTION esms_profile_overrides_rev() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.rev := nextval('profile_overrides_rev_seq');
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER profile_overrides_rev BEFORE UPDATE ON profile_overrides
  FOR EACH ROW EXECUTE FUNCTION esms_profile_overrides_rev();
--> statement-breakpoint
CREATE FUNCTION esms_profile_overrides_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('esms_profiles', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER profile_overrides_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON profile_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION esms_profile_overrides_notify();
--> statement-breakpoint
-- the profile page lists a site's history (site and circuit layers) from the audit log
CREATE INDEX audit_log_profile_site_idx ON audit_log ((detail->>'siteId'), at DESC) WHERE action LIKE 'profile.%';
