/**
 * Flat per-circuit state: one Float64Array per circuit, addressed by the constants below, so the hot
 * path allocates nothing and a snapshot is a plain number array. NaN means "unknown".
 */

// ---- general -----------------------------------------------------------------------------------
export const G_LAST_TS = 0;
export const G_LAST_DT = 1; // dt (s) the cached smoothing factors were computed for
export const G_SAMPLES = 2;
export const A_CABLE = 3; // cached 1 − exp(−dt/τ) for each time constant below
export const A_TERM = 4; // terminal time constant (≈ 3 min): the part of a terminal's rise that follows load at once
export const A_HOUR = 5;
export const A_DAY = 6;
export const A_WEEK = 7;
export const A_BRK = 8;
export const I_PREV = 9; // 9,10,11: previous raw phase currents (inrush rejection, see held())
export const TH_THETA = 12; // estimated conductor rise over ambient (K)
export const TH_BRK = 13; // breaker thermal memory: EWMA of (I/In)²
export const AMB_T = 14;
export const AMB_RH = 15;
// insulation: smoothed leakage, its baseline, EW regression of leakage on humidity
export const LK_S = 16;
export const LK_BASE = 17;
export const LK_RW = 18; // 18..22: unused since layout 2 (the humidity-only regression, now LK_REG)
export const LK_TW = 23; // 23..27: w, Σt, Σy, Σtt, Σty (trend of humidity-corrected leakage, t in days)
export const LK_T0 = 28; // time origin of the trend regression (ms)
export const LK_C = 29; // humidity-corrected leakage (mA)
export const LK_SLOPE = 30; // mA/day
export const ARC_RUN = 31; // consecutive samples with arcing at or above the set point
export const ARC_RATE = 32;
export const A_FAST = 33; // cached 1 − exp(−dt/6 h): the heating detector's excess window
export const A_SLOW = 34; // cached 1 − exp(−dt/2 days): the per-pole healthy-rise models
export const HT_DIFF = 35; // its current differential over the reference (K)
export const ARC_PRE = 36; // consecutive reports of sustained sub-limit arcing
export const LK_PREV = 37; // previous load-corrected leakage (step detection)
export const LK_STEPV = 38; // pending step (mA) and samples it has held
export const LK_STEPN = 39;
export const I_ENV = 40; // 40,41,42: hourly EW mean of the held phase currents (A)
export const G_T0 = 43; // time origin (ms) of the heating regressions' time axis (moved forward as time passes)
export const G_SWING = 44; // 1 when the load switched materially in the previous interval
export const G_BADMASK = 45; // bit f set while field f is flagged (mirrors S_BAD ≠ 0), so healthy samples skip the scans
// 6 h EW weight and time moments of the heating shape fits, shared by the poles (they are updated together)
export const G_HW = 46;
export const G_HT = 47;
export const G_HTT = 48;
// weekly EW regression of the raw leakage on humidity excess h and load L = ΣI/In (weight-normalised means):
// w, h, L, y, hh, hL, LL, hy, Ly
export const LK_REG = 49;
export const G_HIDDEN = 58; // bit f set while temperature field f is hidden hot (its sensor failed after a climb)
export const G_FIRST = 59; // sample time of the circuit's first sample (learning periods)
// arc inference (detectors/arc.ts): evidence score, its lagged per-6-h maxima (the circuit's own nuisance level)
export const AR_S = 60;
export const AR_RING = 61; // 61..72: max score of each of the last 12 six-hour slots
export const AR_SLOTS = 12;
export const AR_SLOT = 73; // index (ts / 6 h) of the slot being filled
export const AR_PREV_C = 74; // previous report's count and current (load steps, steady appliance noise)
export const AR_PREV_I = 75;
export const RS_PREV = 76; // consecutive leakage readings at or over the set point
export const HT_RATED = 77; // the alarmed terminal's excess scaled to rated current (K), from its load-following fit
export const AR_BIG = 78; // sample time of the last unexplained report with more half-cycles than dimmers can make
export const AR_PEND = 79; // evidence of the last report, waiting for the next to tell a burst from an appliance run
export const RS_SPIKEV = 80; // the leakage reading of the last one-report excursion that came back (mA)
export const G_SIZE = 81;

// ---- heating model per temperature field (ta, tb, tc, tn) --------------------------------------
export const H_XLAG = 0; // (I/In)² lagged by the cable time constant (the conductor's share of the rise)
export const H_XF = 1; // (I/In)² lagged by the terminal time constant (what a loose joint's I²R heat follows)
// slow EW regression of this pole's rise over the panel air on H_XLAG: its healthy model (w, Σx, Σy, Σxx, Σxy)
export const H_MW = 2;
export const H_MX = 3;
export const H_MY = 4;
export const H_MXX = 5;
export const H_MXY = 6;
export const H_RES = 7; // last excess of this pole over its model and its siblings (K)
// 6 h EW moments of the excess e against time t (h, shared: G_HT) and load u = H_XF, for the two explanations
// of an excess: a drifting sensor (e = a + b·t, follows time) and a loose joint (e = u·(c + d·t), follows I²)
export const H_E = 8;
export const H_TE = 9;
export const H_EE = 10;
export const H_UU = 11;
export const H_UUT = 12;
export const H_UUTT = 13;
export const H_UE = 14;
export const H_UTE = 15;
export const H_TPREV = 16; // last trusted reading of this terminal (°C) and its smoothed rate of change (K/s)
export const H_TRATE = 17;
export const H_SIZE = 18;
export const H_BASE = G_SIZE;
export const H_COUNT = 4;

// ---- sensor health per measured field ------------------------------------------------------------
export const FIELDS = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'] as const;
export const F_IA = 0, F_IB = 1, F_IC = 2, F_IR = 3, F_TA = 4, F_TB = 5, F_TC = 6, F_TN = 7, F_UA = 8, F_ARC = 11;
export const S_LAST = 0; // last raw value
export const S_REPEAT = 1; // consecutive identical values
export const S_SEEN = 2; // samples in which the field was present
export const S_MISS = 3; // consecutive samples missing after having been seen
export const S_BAD = 4; // fault code (SENSOR_* below), 0 = healthy
export const S_OK = 5; // consecutive healthy samples while flagged (for clearing)
export const S_SPIKES = 6; // decaying count of confirmed spikes
export const S_PEND = 7; // value before a suspected spike, NaN if none pending
export const S_GOOD = 8; // last accepted (non-spike) value
export const S_SINCE = 9; // sample time at which the present run of identical values began
export const S_EXPL = 10; // 1 while the jump held back is explained by a panel-wide transient (not a sensor spike)
export const S_SIZE = 11;
export const S_BASE = H_BASE + H_COUNT * H_SIZE;
export const SENSOR_OK = 0, SENSOR_STUCK = 1, SENSOR_DRIFT = 2, SENSOR_SPIKE = 3, SENSOR_DISCONNECTED = 4, SENSOR_MISSING = 5;
export const SENSOR_KINDS = ['ok', 'stuck', 'drifting', 'spiking', 'disconnected', 'missing'] as const;

// ---- alarm lifecycle per circuit alarm type -----------------------------------------------------
export const CIRCUIT_TYPES = [
  'overload',
  'overtemperature',
  'residual_current',
  'insulation_degradation',
  'abnormal_heating',
  'arc_fault',
  'phase_imbalance',
  'voltage_abnormal',
  'sensor_fault',
] as const;
export type CircuitAlarmType = (typeof CIRCUIT_TYPES)[number];
export const T_OVERLOAD = 0, T_OVERTEMP = 1, T_RESIDUAL = 2, T_INSULATION = 3, T_HEATING = 4, T_ARC = 5, T_IMBALANCE = 6, T_VOLTAGE = 7, T_SENSOR = 8;
export const L_SEV = 0; // 0 none, 1 warning, 2 alarm, 3 critical
export const L_OPENED = 1;
export const L_M1 = 2; // bit history of samples at level ≥ 1, ≥ 2, ≥ 3
export const L_M2 = 3;
export const L_M3 = 4;
export const L_CALM = 5; // consecutive samples below the clear (hysteresis) condition
export const L_VALUE = 6;
export const L_THRESH = 7;
export const L_AUX = 8; // detector-specific detail for the reason (phase, sensor kind…)
export const L_SIZE = 9;
export const L_BASE = S_BASE + FIELDS.length * S_SIZE;

/** Layout version, stored in the last slot: a snapshot of another layout restores as a fresh circuit. */
export const STATE_LAYOUT = 3;
export const G_LAYOUT = L_BASE + CIRCUIT_TYPES.length * L_SIZE;
export const CIRCUIT_STATE_SIZE = G_LAYOUT + 1;

export function newCircuitState(): Float64Array {
  const s = new Float64Array(CIRCUIT_STATE_SIZE);
  s[G_LAST_TS] = NaN;
  s[AMB_T] = NaN;
  s[AMB_RH] = NaN;
  s[LK_S] = NaN;
  s[LK_BASE] = NaN;
  s[LK_PREV] = NaN;
  s[I_ENV] = s[I_ENV + 1] = s[I_ENV + 2] = NaN;
  s[G_T0] = NaN;
  s[G_FIRST] = NaN;
  s[AR_PREV_C] = NaN;
  s[AR_PREV_I] = NaN;
  s[AR_SLOT] = NaN;
  s[AR_BIG] = -Infinity;
  s[RS_SPIKEV] = NaN;
  for (let i = 0; i < H_COUNT; i++) s[H_BASE + i * H_SIZE + H_TPREV] = NaN;
  s[G_LAYOUT] = STATE_LAYOUT;
  for (let f = 0; f < FIELDS.length; f++) {
    s[S_BASE + f * S_SIZE + S_LAST] = NaN;
    s[S_BASE + f * S_SIZE + S_PEND] = NaN;
    s[S_BASE + f * S_SIZE + S_GOOD] = NaN;
    s[S_BASE + f * S_SIZE + S_SINCE] = NaN;
  }
  return s;
}
