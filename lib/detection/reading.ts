/**
 * Scratch for the channel reading being processed: processChannel fills it, the detectors read it. Values
 * travel as plain doubles in one typed array instead of call arguments, so no call in the hot path boxes
 * a number. The core is synchronous and single-threaded, so one buffer serves every engine.
 */
export const V = new Float64Array(26);
// 0–11: the sensor-checked fields in FIELDS order (ia … arc), NaN when absent or withheld
export const V_HA = 12; // 12–14: held phase currents (inrush rejected) for the thermal models
export const V_TMAX = 15; // hottest trusted terminal (°C), NaN if none
export const V_ELAPSED = 16; // seconds since this circuit's previous sample
export const V_DA = 17; // 17–20: terminal readings for the heating model (raw for drift-flagged fields)
export const V_TS = 21; // the sample time (ms)
export const V_AMB_T = 22; // the message's panel air temperature and humidity, NaN when absent
export const V_AMB_RH = 23;
/** channels of this message whose leakage jumped together (a surge or the device's self-test through every CT) */
export const V_IR_COMMON = 24;
/** ms since the device's last self_test event (NaN: none) */
export const V_SELFTEST = 25;
