-- 0014_api_tokens: personal API tokens for GIS clients (OGC API – Features and vector tiles under /ogc). Only the
-- SHA-256 of the 256-bit random token is stored; the token itself is shown once. Read-only by design: the only
-- scope is 'read', and the bearer path never reaches a route that writes.
CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  token_hash text NOT NULL UNIQUE,
  -- the first characters of the token, so a user can tell tokens apart without the secret
  prefix text NOT NULL,
  scope text NOT NULL DEFAULT 'read' CHECK (scope IN ('read')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC);
--> statement-breakpoint
-- The vector tiles (server/ogc/tiles.ts) are cached per scope and keyed by this counter. registry_version (0009)
-- moves only for what ingest needs (no geometry, no buildings, no counties), so the tiles keep their own counter;
-- like 0009, statement-level triggers and `UPDATE OF` only the columns the tiles carry (never sites.status).
CREATE TABLE tile_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  v bigint NOT NULL DEFAULT 1
);
--> statement-breakpoint
INSERT INTO tile_version DEFAULT VALUES;
--> statement-breakpoint
CREATE FUNCTION bump_tile_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tile_version SET v = v + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sites_tile_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name_zh, name_en, category, county_adcode, department_id, geom, rollout_state ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_version();
--> statement-breakpoint
CREATE TRIGGER buildings_tile_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON buildings
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_version();
--> statement-breakpoint
CREATE TRIGGER counties_tile_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE ON counties
  FOR EACH STATEMENT EXECUTE FUNCTION bump_tile_version();
