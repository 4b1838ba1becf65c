/**
 * Flat per-circuit state: one Float64Array per circuit, addressed by the constants below, so the hot
 * path allocates nothing and a snapshot is a plain number array. NaN means "unknown".
 */

// ---- general -----------------------------------------------------------------------------------
export const G_LAST_TS = 0;
export const G_LAST_DT = 1; // dt (s) the cached smoothing factors were computed for
export const G_SAMPLES = 2;
export const A_CABLE = 3; // cached 1 − exp(−dt/τ) for each time constant below
export const A_TERM = 4;
export const A_HOUR = 5;
export const A_DAY = 6;
export const A_WEEK = 7;
export const A_BRK = 8;
export const I_PREV = 9; // 9,10,11: previous raw phase currents (two-sample min filter against inrush)
export const TH_THETA = 12; // estimated conductor rise over ambient (K)
export const TH_BRK = 13; // breaker thermal memory: EWMA of (I/In)²
export const AMB_T = 14;
export const AMB_RH = 15;
// insulation: smoothed leakage, its baseline, EW regression of leakage on humidity
export const LK_S = 16;
export const LK_BASE = 17;
export const LK_RW = 18; // 18..22: w, Σx, Σy, Σxx, Σxy (x = humidity excess, y = leakage)
export const LK_TW = 23; // 23..27: w, Σt, Σy, Σtt, Σty (trend of humidity-corrected leakage, t in days)
export const LK_T0 = 28; // time origin of the trend regression (ms)
export const LK_C = 29; // humidity-corrected leakage (mA)
export const LK_SLOPE = 30; // mA/day
export const ARC_RUN = 31; // consecutive samples with arcing at or above the set point
export const ARC_RATE = 32;
export const HT_EXCESS = 33; // worst abnormal-heating excess at rated current (K)
export const HT_WHICH = 34; // field index of that terminal
export const HT_DIFF = 35; // its current differential over the reference (K)
export const ARC_PRE = 36; // consecutive reports of sustained sub-limit arcing
export const LK_PREV = 37; // previous raw leakage (step detection)
export const LK_STEPV = 38; // pending step (mA) and samples it has held
export const LK_STEPN = 39;
export const G_SIZE = 40;

// ---- heating model per temperature field (ta, tb, tc, tn) --------------------------------------
export const H_XLAG = 0; // lagged (I/In)² driving this terminal (first-order terminal thermal model)
export const H_W = 1; // EW regression of (T − Tref) on XLAG: weight, Σx, Σy, Σxx, Σxy
export const H_SX = 2;
export const H_SY = 3;
export const H_SXX = 4;
export const H_SXY = 5;
// differential (loose-joint) model: slow per-pole model of the rise, residual against it, fast regression
// of the sibling-differential excess on load (a joint's excess scales with I², a drifting sensor's does not)
export const H_MW = 6; // slow EW regression of rise on XLAG: w, Σx, Σy, Σxx, Σxy
export const H_MX = 7;
export const H_MY = 8;
export const H_MXX = 9;
export const H_MXY = 10;
export const H_FW = 11; // fast EW regression of the excess on XLAG: w, Σx, Σe, Σxx, Σxe
export const H_FX = 12;
export const H_FE = 13;
export const H_FXX = 14;
export const H_FXE = 15;
export const H_RES = 16; // residual of the rise against the slow model (K)
export const H_SIZE = 17;
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
export const S_SIZE = 9;
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

export const CIRCUIT_STATE_SIZE = L_BASE + CIRCUIT_TYPES.length * L_SIZE;

export function newCircuitState(): Float64Array {
  const s = new Float64Array(CIRCUIT_STATE_SIZE);
  s[G_LAST_TS] = NaN;
  s[AMB_T] = NaN;
  s[AMB_RH] = NaN;
  s[LK_S] = NaN;
  s[LK_BASE] = NaN;
  s[LK_PREV] = NaN;
  for (let f = 0; f < FIELDS.length; f++) {
    s[S_BASE + f * S_SIZE + S_LAST] = NaN;
    s[S_BASE + f * S_SIZE + S_PEND] = NaN;
    s[S_BASE + f * S_SIZE + S_GOOD] = NaN;
  }
  return s;
}
