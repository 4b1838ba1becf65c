-- 0004_simulator: ground truth of the fleet simulator's injections (workers/simulator). One row per injected
-- condition (portal control message or CLI --inject); the simulator pre-simulates the physics to find the
-- first sample at which the circuit becomes dangerous (danger_at) and records it here, so detections can be
-- scored against what really happened. Sample times, not wall-clock times.
CREATE TABLE sim_ground_truth (
  id uuid PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
  ch integer CHECK (ch BETWEEN 1 AND 16),
  kind text NOT NULL,
  class text NOT NULL CHECK (class IN ('fault','nuisance','sensor','transport')),
  source text NOT NULL DEFAULT 'control' CHECK (source IN ('control','cli')),
  severity real NOT NULL DEFAULT 1,
  accelerate real NOT NULL DEFAULT 1,
  onset_at timestamptz NOT NULL,
  danger_at timestamptz,
  end_at timestamptz,
  cleared_at timestamptz,
  expected_alarm text,
  accept_alarms text[] NOT NULL DEFAULT '{}',
  pole text,
  field text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX sim_ground_truth_device_idx ON sim_ground_truth (device_id, ch);
--> statement-breakpoint
CREATE INDEX sim_ground_truth_created_idx ON sim_ground_truth (created_at DESC);
