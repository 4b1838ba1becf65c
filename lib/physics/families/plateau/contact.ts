/**
 * Contact resistance of a loosening or oxidising screw terminal (plateau family). Sources:
 *  - R. Holm, "Electric Contacts: Theory and Application" (4th ed., 1967): constriction resistance ρ/(2a); a
 *    loss of contact force shrinks the a-spots, so R grows by multiples, not by small additions.
 *  - M. Braunović, V. Konchits, N. Myshkin, "Electrical Contacts: Fundamentals, Applications and Technology"
 *    (CRC, 2007), ch. 5–6: film growth on Cu/brass contacts is thermally activated (Arrhenius, Ea ≈ 0.6–1 eV);
 *    thermal cycling (fretting, stress relaxation of the screw) raises R a little with every heating cycle;
 *    degradation ends in a thermal runaway once I²R heat speeds the film growth that raises R.
 *  - J. Aronstein, "Conventional and Ground-Fault Protective Devices…" / NFPA 921 §9.10: glowing connections
 *    reach several hundred °C at ordinary currents before anything trips.
 * The growth law: d ln R/dt = g0·exp(Ea/k·(1/T_ref − 1/T)) + c_f·(dT/dt)⁺, T the terminal's temperature (K).
 */

const EA_OVER_K = 8120; // K: Ea ≈ 0.70 eV
const T_REF_K = 323.15; // 50 °C
/** Ω: beyond this the joint is an open, glowing gap (the current, not the film, limits what happens) */
const R_MAX_OHM = 2;

export interface ContactFault {
  /** growth rate at 50 °C (1/h) */
  g0PerH: number;
  /** fretting: relative growth per K of heating swing */
  fretPerK: number;
  /** extra resistance at onset (Ω) */
  r0Ohm: number;
}

/** Arrhenius factor of the film growth at terminal temperature tC (°C), 1 at 50 °C. */
export function arrhenius(tC: number): number {
  const tk = Math.max(200, tC + 273.15);
  return Math.exp(EA_OVER_K * (1 / T_REF_K - 1 / tk));
}

/**
 * Advance the fault's added resistance over dtS seconds at terminal temperature tC that rose by dTup K
 * (heating only) during the step. `r` is the present added resistance (Ω); returns the new value.
 */
export function growContact(f: ContactFault, r: number, tC: number, dTup: number, dtS: number): number {
  const dln = f.g0PerH * arrhenius(Math.min(tC, 400)) * (dtS / 3600) + f.fretPerK * Math.max(0, dTup);
  return Math.min(R_MAX_OHM, r * Math.exp(dln));
}
