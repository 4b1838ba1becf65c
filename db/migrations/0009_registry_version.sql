-- 0009_registry_version: a counter that moves whenever what ingest's registry holds changes (sites' names,
-- category or county; devices added, removed or moved; any circuit change). Ingest polls it once a minute and
-- reloads the whole registry only when it moved: the reload rebuilt ~57k circuit entries every minute and held
-- the pipeline for a second or more. Statement-level triggers, and `UPDATE OF` lists only the registry's
-- columns, so ingest's own updates (sites.status, devices.last_seq/online/last_seen_at) do not fire them.
CREATE TABLE registry_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  v bigint NOT NULL DEFAULT 1
);
--> statement-breakpoint
INSERT INTO registry_version DEFAULT VALUES;
--> statement-breakpoint
CREATE FUNCTION bump_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE registry_version SET v = v + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sites_registry_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name_zh, category, county_adcode ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
--> statement-breakpoint
CREATE TRIGGER devices_registry_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, site_id, report_interval_s ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
--> statement-breakpoint
CREATE TRIGGER circuits_registry_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON circuits
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();
