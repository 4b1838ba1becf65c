-- 0000_init: Changdu electrical-safety platform, base schema. SRID 4326 everywhere.
CREATE EXTENSION IF NOT EXISTS postgis;
--> statement-breakpoint
CREATE TABLE counties (
  adcode integer PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  name_pinyin text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  seat geometry(Point, 4326)
);
CREATE INDEX counties_geom_gix ON counties USING gist (geom);
--> statement-breakpoint
CREATE TABLE departments (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  categories text[] -- NULL: all sectors
);
--> statement-breakpoint
CREATE TABLE roles (
  id text PRIMARY KEY,
  name_zh text NOT NULL,
  name_en text NOT NULL
);
--> statement-breakpoint
CREATE TABLE sites (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  category text NOT NULL CHECK (category IN ('relic','temple','school','welfare','hospital','mall','entertainment','gas','mine','hazchem')),
  county_adcode integer NOT NULL REFERENCES counties(adcode),
  department_id text NOT NULL REFERENCES departments(id),
  address text NOT NULL DEFAULT '',
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  geom geometry(Point, 4326) NOT NULL,
  generated boolean NOT NULL DEFAULT true,
  source text NOT NULL DEFAULT '',
  coord_quality text NOT NULL DEFAULT 'generated',
  is_pilot boolean NOT NULL DEFAULT false,
  rollout_state text NOT NULL DEFAULT 'planned' CHECK (rollout_state IN ('planned','surveyed','installed','commissioned','in_service')),
  planned_at date,
  surveyed_at date,
  installed_at date,
  commissioned_at date,
  in_service_at date,
  service_provider text NOT NULL DEFAULT '',
  power_ok boolean NOT NULL DEFAULT true,
  network_ok boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'offline' CHECK (status IN ('normal','warning','alarm','critical','fault','offline')),
  status_changed_at timestamptz,
  last_seen_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sites_geom_gix ON sites USING gist (geom);
CREATE INDEX sites_county_idx ON sites (county_adcode, category);
CREATE INDEX sites_category_idx ON sites (category);
--> statement-breakpoint
CREATE TABLE buildings (
  id serial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  kind text NOT NULL, -- assembly_hall, chapel, dormitory, teaching, ward, hall, office, plant, store, station
  footprint geometry(Polygon, 4326) NOT NULL,
  floors integer NOT NULL CHECK (floors BETWEEN 1 and 60),
  height_m real NOT NULL CHECK (height_m > 0),
  structure text NOT NULL CHECK (structure IN ('wood','stone_wood','brick','concrete')),
  built_year integer
);
CREATE INDEX buildings_site_idx ON buildings (site_id);
CREATE INDEX buildings_footprint_gix ON buildings USING gist (footprint);
--> statement-breakpoint
CREATE TABLE panels (
  id serial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  building_id integer NOT NULL REFERENCES buildings(id) ON DELETE CASCADE,
  name text NOT NULL,
  floor integer NOT NULL DEFAULT 0,
  -- position in building-local metres: x east, y north from the footprint's first vertex, z up from ground
  x real NOT NULL,
  y real NOT NULL,
  z real NOT NULL
);
CREATE INDEX panels_building_idx ON panels (building_id);
--> statement-breakpoint
CREATE TABLE devices (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  panel_id integer REFERENCES panels(id) ON DELETE SET NULL,
  model text NOT NULL DEFAULT 'ESMS-DT4',
  fw text,
  rssi real,
  report_interval_s integer NOT NULL DEFAULT 60,
  online boolean NOT NULL DEFAULT false,
  online_changed_at timestamptz,
  last_seen_at timestamptz,
  last_seq bigint,
  messages_received bigint NOT NULL DEFAULT 0,
  messages_duplicate bigint NOT NULL DEFAULT 0,
  messages_lost bigint NOT NULL DEFAULT 0
);
CREATE INDEX devices_site_idx ON devices (site_id);
--> statement-breakpoint
CREATE TABLE circuits (
  id serial PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  ch integer NOT NULL CHECK (ch BETWEEN 1 AND 16),
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  building_id integer REFERENCES buildings(id) ON DELETE SET NULL,
  panel_id integer REFERENCES panels(id) ON DELETE SET NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  phases smallint NOT NULL CHECK (phases IN (1, 3)),
  rated_current_a real NOT NULL CHECK (rated_current_a > 0),
  cable_mm2 real NOT NULL CHECK (cable_mm2 > 0),
  insulation text NOT NULL CHECK (insulation IN ('PVC','XLPE','rubber')),
  max_conductor_c real NOT NULL,
  load_type text NOT NULL CHECK (load_type IN ('lighting','sockets','heating','motor','mixed')),
  report_interval_s integer NOT NULL DEFAULT 60,
  residual_set_ma integer NOT NULL DEFAULT 300 CHECK (residual_set_ma BETWEEN 20 AND 1000),
  -- 3D route inside the building, building-local metres: [[x,y,z],...] from the panel outwards
  route jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (device_id, ch)
);
CREATE INDEX circuits_site_idx ON circuits (site_id);
--> statement-breakpoint
-- One row per circuit sample. Range-partitioned by day (see esms_ensure_partitions); the primary key
-- (circuit_id, ts) serves per-circuit time-range queries and makes redelivered samples idempotent.
CREATE TABLE readings (
  circuit_id integer NOT NULL,
  ts timestamptz NOT NULL,
  seq bigint NOT NULL,
  ia real, ib real, ic real,
  ir real,
  ta real, tb real, tc real, tn real,
  ua real, ub real, uc real,
  arc integer,
  amb_t real,
  amb_rh real,
  PRIMARY KEY (circuit_id, ts)
) PARTITION BY RANGE (ts);
CREATE TABLE readings_default PARTITION OF readings DEFAULT;
--> statement-breakpoint
-- Rollups for charts: 1-minute (partitioned by month) and 1-hour.
CREATE TABLE readings_1m (
  circuit_id integer NOT NULL,
  bucket timestamptz NOT NULL,
  n integer NOT NULL,
  i_avg real, i_max real,
  ir_avg real, ir_max real,
  t_avg real, t_max real,
  arc_sum integer,
  PRIMARY KEY (circuit_id, bucket)
) PARTITION BY RANGE (bucket);
CREATE TABLE readings_1m_default PARTITION OF readings_1m DEFAULT;
CREATE TABLE readings_1h (
  circuit_id integer NOT NULL,
  bucket timestamptz NOT NULL,
  n integer NOT NULL,
  i_avg real, i_max real,
  ir_avg real, ir_max real,
  t_avg real, t_max real,
  arc_sum integer,
  PRIMARY KEY (circuit_id, bucket)
);
--> statement-breakpoint
CREATE TABLE device_events (
  id bigserial PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  seq bigint NOT NULL,
  ts timestamptz NOT NULL,
  ch integer,
  code text NOT NULL,
  value real,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, seq, ts)
);
CREATE INDEX device_events_ts_idx ON device_events (ts DESC);
--> statement-breakpoint
CREATE TABLE quarantine (
  id bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL DEFAULT now(),
  topic text NOT NULL,
  device_id text,
  reason text NOT NULL,
  detail text NOT NULL DEFAULT '',
  size integer NOT NULL,
  raw bytea NOT NULL -- first 64 KiB, verbatim; rendered escaped
);
CREATE INDEX quarantine_received_idx ON quarantine (received_at DESC);
CREATE INDEX quarantine_reason_idx ON quarantine (reason, device_id);
CREATE TABLE quarantine_counters (
  reason text NOT NULL,
  device_id text NOT NULL DEFAULT '', -- '' when the device could not be identified
  count bigint NOT NULL DEFAULT 0,
  last_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reason, device_id)
);
--> statement-breakpoint
CREATE TABLE alarms (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  device_id text NOT NULL,
  ch integer,
  circuit_id integer REFERENCES circuits(id) ON DELETE SET NULL,
  type text NOT NULL CHECK (type IN ('overload','overtemperature','residual_current','insulation_degradation','abnormal_heating','arc_fault','phase_imbalance','voltage_abnormal','sensor_fault','device_offline')),
  severity text NOT NULL CHECK (severity IN ('warning','alarm','critical')),
  opened_at timestamptz NOT NULL,
  cleared_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  value real,
  threshold real,
  reason_zh text NOT NULL DEFAULT '',
  reason_en text NOT NULL DEFAULT '',
  evidence jsonb NOT NULL DEFAULT '{}'::jsonb,
  acknowledged_at timestamptz,
  acknowledged_by integer,
  false_alarm boolean NOT NULL DEFAULT false,
  false_alarm_reason text
);
-- exactly one active alarm per (circuit, type); device-level alarms use ch 0
CREATE UNIQUE INDEX alarms_one_active ON alarms (device_id, coalesce(ch, 0), type) WHERE cleared_at IS NULL;
CREATE INDEX alarms_site_idx ON alarms (site_id, opened_at DESC);
CREATE INDEX alarms_opened_idx ON alarms (opened_at DESC);
CREATE INDEX alarms_active_idx ON alarms (severity) WHERE cleared_at IS NULL;
--> statement-breakpoint
CREATE TABLE detection_state (
  device_id text NOT NULL,
  ch integer NOT NULL, -- 0 for device-level state
  state jsonb NOT NULL,
  sample_ts bigint NOT NULL,
  PRIMARY KEY (device_id, ch)
);
--> statement-breakpoint
CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{2,64}$'),
  password_hash text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL REFERENCES roles(id),
  department_id text REFERENCES departments(id),
  county_adcode integer REFERENCES counties(adcode),
  email text,
  phone text,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'regulator' OR department_id IS NOT NULL),
  CHECK (role <> 'county' OR county_adcode IS NOT NULL)
);
CREATE TABLE user_sites (
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, site_id)
);
CREATE TABLE user_devices (
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device_id text NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, device_id)
);
CREATE TABLE sessions (
  id text PRIMARY KEY, -- sha256 of the cookie token; the token itself is never stored
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
--> statement-breakpoint
CREATE TABLE hazards (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  alarm_id bigint REFERENCES alarms(id) ON DELETE SET NULL,
  circuit_id integer REFERENCES circuits(id) ON DELETE SET NULL,
  source text NOT NULL DEFAULT 'alarm' CHECK (source IN ('alarm','inspection','report','public')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  severity text NOT NULL CHECK (severity IN ('warning','alarm','critical')),
  state text NOT NULL DEFAULT 'reported' CHECK (state IN ('reported','assigned','rectifying','submitted','verified','closed','returned')),
  assignee_id integer REFERENCES users(id),
  deadline timestamptz,
  created_by integer REFERENCES users(id),
  rectified_by integer REFERENCES users(id),
  verified_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz
);
CREATE INDEX hazards_site_idx ON hazards (site_id, created_at DESC);
CREATE INDEX hazards_open_idx ON hazards (state, deadline) WHERE state NOT IN ('closed');
--> statement-breakpoint
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  username text,
  action text NOT NULL,
  target text,
  ip text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
--> statement-breakpoint
CREATE TABLE meta (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
--> statement-breakpoint
-- Create daily partitions of readings and monthly partitions of readings_1m covering [from, to).
CREATE OR REPLACE FUNCTION esms_ensure_partitions(p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE d date; m date; n integer := 0; name text;
BEGIN
  d := p_from;
  WHILE d < p_to LOOP
    name := 'readings_' || to_char(d, 'YYYYMMDD');
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF readings FOR VALUES FROM (%L) TO (%L)', name, d::timestamptz, (d + 1)::timestamptz);
      n := n + 1;
    END IF;
    d := d + 1;
  END LOOP;
  m := date_trunc('month', p_from)::date;
  WHILE m < p_to LOOP
    name := 'readings_1m_' || to_char(m, 'YYYYMM');
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF readings_1m FOR VALUES FROM (%L) TO (%L)', name, m::timestamptz, (m + interval '1 month')::timestamptz);
      n := n + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN n;
END $$;
--> statement-breakpoint
-- Drop partitions entirely older than the retention horizons.
CREATE OR REPLACE FUNCTION esms_drop_old_partitions(raw_keep interval, rollup_keep interval) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE r record; n integer := 0; day date;
BEGIN
  FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'readings'::regclass AND c.relname ~ '^readings_[0-9]{8}$' LOOP
    day := to_date(substr(r.relname, 10), 'YYYYMMDD');
    IF day + 1 <= (now() - raw_keep)::date THEN EXECUTE format('DROP TABLE %I', r.relname); n := n + 1; END IF;
  END LOOP;
  FOR r IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'readings_1m'::regclass AND c.relname ~ '^readings_1m_[0-9]{6}$' LOOP
    day := to_date(substr(r.relname, 13) || '01', 'YYYYMMDD');
    IF (day + interval '1 month') <= now() - rollup_keep THEN EXECUTE format('DROP TABLE %I', r.relname); n := n + 1; END IF;
  END LOOP;
  DELETE FROM readings_1h WHERE bucket < now() - rollup_keep;
  RETURN n;
END $$;
