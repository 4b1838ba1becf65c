-- 0005_rollout: rollout management, supervision and reports. The plan as data (phases, per county ×
-- sector targets, pilot selections), audited site rollout transitions, the fire department's inspection
-- records, a per-site daily aggregate that reports read instead of readings, and the report archive,
-- schedules and deliveries.
CREATE TABLE plan_phases (
  phase smallint PRIMARY KEY CHECK (phase BETWEEN 1 AND 5),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  goal_zh text NOT NULL,
  goal_en text NOT NULL,
  -- share of each county × sector target expected in service at the end of the phase (0..1); during phase 4
  -- the expectation rises linearly from phase 3's value to this one (server/rollout/pure/phases.ts)
  expected_share real NOT NULL CHECK (expected_share BETWEEN 0 AND 1),
  CHECK (ends_on >= starts_on)
);
--> statement-breakpoint
INSERT INTO plan_phases (phase, name_zh, name_en, starts_on, ends_on, goal_zh, goal_en, expected_share) VALUES
(1, '学习宣传，营造氛围', 'Awareness and publicity', '2018-09-03', '2018-09-15',
 '认清电气火灾形势，了解推广智慧式用电安全管理系统的重要意义', 'Awareness of the electrical-fire situation and of why smart electricity monitoring matters', 0),
(2, '研究部署，协调动员', 'Planning and mobilisation', '2018-09-15', '2018-09-30',
 '各县（区）、各部门制定推广方案，9月30日前报市安委办', 'Each county and department files its rollout plan with the committee office by 30 Sept', 0),
(3, '试点先行，总结经验', 'Pilots first', '2018-10-01', '2018-11-30',
 '卡若区先行试点，各部门、各县（区）选取3–4家单位试点，11月20日前上报；评选1–2家市级试点单位，推荐自治区试点', 'Karuo first; 3–4 pilot units per department and county, reported by 20 Nov; 1–2 municipal pilot units selected, regional ones recommended', 0.03),
(4, '大力推进，全面覆盖', 'Full coverage', '2018-12-01', '2021-05-10',
 '重点行业领域符合通电、通网等安装条件的单位全面覆盖；建设完善智慧用电智能监控综合管理平台', 'Every unit of the key sectors that has power and network covered; the monitoring platform built and perfected', 1),
(5, '查找不足，总结提高', 'Review and improve', '2021-05-11', '2021-11-15',
 '分析实时监测数据和隐患整改情况，查找短板，总结提高', 'Analyse monitoring data and hazard rectification, find the weak points, improve', 1);
--> statement-breakpoint
-- Units to cover per county × sector. Rows are derived from the site registry on first use (units that meet
-- the installation conditions) and then edited by people with 'rollout.edit' (derived = false once edited).
CREATE TABLE rollout_targets (
  county_adcode integer NOT NULL REFERENCES counties(adcode),
  category text NOT NULL CHECK (category IN ('relic','temple','school','welfare','hospital','mall','entertainment','gas','mine','hazchem')),
  target_units integer NOT NULL CHECK (target_units BETWEEN 0 AND 100000),
  derived boolean NOT NULL DEFAULT true,
  note text NOT NULL DEFAULT '',
  updated_by integer REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_adcode, category)
);
--> statement-breakpoint
-- Pilot selections beyond sites.is_pilot (the county/department pilots): the 1–2 municipal pilot units and the
-- units recommended to the region (自治区), with the pilot report date.
CREATE TABLE pilot_selections (
  site_id text PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
  municipal boolean NOT NULL DEFAULT false,
  regional_recommended boolean NOT NULL DEFAULT false,
  reported_on date,
  note text NOT NULL DEFAULT '',
  selected_by integer REFERENCES users(id) ON DELETE SET NULL,
  selected_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE site_rollout_events (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id) ON DELETE SET NULL,
  username text,
  ip text,
  from_state text NOT NULL,
  to_state text NOT NULL,
  backwards boolean NOT NULL DEFAULT false,
  reason text NOT NULL DEFAULT '',
  changes jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK (NOT backwards OR char_length(reason) >= 4)
);
CREATE INDEX site_rollout_events_site_idx ON site_rollout_events (site_id, id DESC);
CREATE INDEX sites_rollout_idx ON sites (rollout_state, county_adcode, category);
--> statement-breakpoint
-- The fire department's routine inspections: each department's rollout, with a snapshot of the figures then.
CREATE TABLE fire_inspections (
  id bigserial PRIMARY KEY,
  inspected_on date NOT NULL,
  department_id text NOT NULL REFERENCES departments(id),
  county_adcode integer REFERENCES counties(adcode), -- NULL: city-wide
  inspector_id integer REFERENCES users(id) ON DELETE SET NULL,
  inspector_name text NOT NULL,
  findings text NOT NULL CHECK (char_length(findings) BETWEEN 2 AND 4000),
  rectification_required boolean NOT NULL DEFAULT false,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fire_inspections_date_idx ON fire_inspections (inspected_on DESC, id DESC);
--> statement-breakpoint
-- Per-site daily monitoring aggregates (Beijing days), rolled up from readings_1h; reports never read readings.
CREATE TABLE site_daily_stats (
  day date NOT NULL,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  circuits integer NOT NULL,
  circuit_hours integer NOT NULL, -- circuit-hours with data
  samples bigint NOT NULL,
  i_max real, ir_max real, ir_avg real, t_max real, t_avg real,
  arc_sum integer NOT NULL DEFAULT 0,
  hot_circuit_hours integer NOT NULL DEFAULT 0, -- circuit-hours with t_max ≥ 60 °C
  leak_circuit_hours integer NOT NULL DEFAULT 0, -- circuit-hours with ir_max ≥ 30 mA
  PRIMARY KEY (day, site_id)
);
CREATE INDEX site_daily_stats_site_idx ON site_daily_stats (site_id, day);
CREATE TABLE site_daily_rollup_days (
  day date PRIMARY KEY,
  rolled_at timestamptz NOT NULL DEFAULT now(),
  final boolean NOT NULL DEFAULT false
);
--> statement-breakpoint
CREATE TABLE report_schedules (
  id bigserial PRIMARY KEY,
  owner_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('monthly','quarterly','annual')),
  county_adcode integer REFERENCES counties(adcode),
  category text,
  formats text[] NOT NULL DEFAULT ARRAY['pdf'],
  recipient_ids integer[] NOT NULL DEFAULT '{}',
  channels text[] NOT NULL DEFAULT ARRAY['portal'],
  hour_bj smallint NOT NULL DEFAULT 8 CHECK (hour_bj BETWEEN 0 AND 23),
  enabled boolean NOT NULL DEFAULT true,
  next_run_at timestamptz NOT NULL,
  last_run_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (formats <@ ARRAY['pdf','xlsx','csv']::text[] AND cardinality(formats) > 0),
  CHECK (channels <@ ARRAY['portal','email']::text[])
);
CREATE INDEX report_schedules_due_idx ON report_schedules (next_run_at) WHERE enabled;
--> statement-breakpoint
CREATE TABLE report_archive (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('monthly','quarterly','annual','phase')),
  title text NOT NULL,
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL,
  -- the region the report covers: the issuer's scope narrowed by filters (server/reports/region.ts)
  region jsonb NOT NULL,
  region_label text NOT NULL,
  params jsonb NOT NULL,
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  issued_by integer REFERENCES users(id) ON DELETE SET NULL,
  issued_by_name text NOT NULL,
  schedule_id bigint REFERENCES report_schedules(id) ON DELETE SET NULL,
  issued_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_archive_issued_idx ON report_archive (issued_at DESC, id DESC);
CREATE TABLE report_files (
  archive_id bigint NOT NULL REFERENCES report_archive(id) ON DELETE CASCADE,
  format text NOT NULL CHECK (format IN ('pdf','xlsx','csv')),
  mime text NOT NULL,
  filename text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (archive_id, format),
  CHECK (octet_length(data) = size)
);
--> statement-breakpoint
-- Deliveries of scheduled reports. The notification outbox (0002) only carries alarm/hazard/digest events, so
-- reports are delivered here: 'portal' rows are the recipient's report inbox; 'email' rows wait for a mailer.
CREATE TABLE report_deliveries (
  id bigserial PRIMARY KEY,
  schedule_id bigint REFERENCES report_schedules(id) ON DELETE SET NULL,
  archive_id bigint NOT NULL REFERENCES report_archive(id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('portal','email')),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','delivered','skipped','failed')),
  detail text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  read_at timestamptz,
  UNIQUE (archive_id, user_id, channel)
);
CREATE INDEX report_deliveries_user_idx ON report_deliveries (user_id, id DESC);
CREATE INDEX report_deliveries_pending_idx ON report_deliveries (channel, id) WHERE state = 'pending';
--> statement-breakpoint
-- The daily site rollup (server/reports/rollup.ts) reads one Beijing day of readings_1h at a time; retention
-- (esms_drop_old_partitions) deletes by bucket too.
CREATE INDEX IF NOT EXISTS readings_1h_bucket_idx ON readings_1h (bucket);
