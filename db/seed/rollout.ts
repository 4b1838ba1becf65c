/**
 * Rollout dates and states of generated sites along the plan's phases (db/seed/changdu/plan.md):
 * pilots first (Karuo), then phase 4's full coverage with some counties and sectors behind. Pure, seeded.
 */
import { KARUO } from '../../lib/domain/counties.ts';
import type { RolloutState } from '../../lib/domain/vocabulary/index.ts';
import { SITE_CATEGORIES, type SiteCategory } from '../../lib/protocol/v1.ts';
import { SERVICE_PROVIDERS } from './names.ts';
import type { Rng } from './rng.ts';
import type { CountyCtx, SiteRow } from './sites.ts';

const DAY = 86_400_000;
export const PHASE4_START = Date.UTC(2018, 11, 1);
export const PHASE4_END = Date.UTC(2021, 4, 10);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

const PRIORITY: Record<SiteCategory, number> = {
  relic: 0.55, school: 0.6, mall: 0.6, temple: 0.85, hospital: 0.8, entertainment: 0.9, welfare: 0.9,
  gas: 1, hazchem: 0.95, mine: 1.1,
};

export function assignRollout(sites: SiteRow[], ctxs: CountyCtx[], rng: Rng) {
  const r = rng.fork('rollout');
  // counties behind schedule
  const laggards = new Set<number>(r.shuffle(ctxs.filter((c) => c.data.adcode !== KARUO).map((c) => c.data.adcode)).slice(0, 3));
  // providers: Karuo split by department between the first two, others one provider per county
  const providerOf = (s: SiteRow) => {
    if (s.countyAdcode === KARUO) return SERVICE_PROVIDERS[['religion', 'culture', 'civil'].includes(s.departmentId) ? 0 : 1];
    const i = ctxs.findIndex((c) => c.data.adcode === s.countyAdcode);
    return SERVICE_PROVIDERS[[1, 2, 3, 2, 0, 3, 2, 3, 1, 2, 3][i % 11]];
  };
  // remote sites may lack power or network
  for (const s of sites) {
    const remote = s.anchor === 'rural' || s.anchor === 'remote';
    if (remote && s.generated) {
      const rs = r.fork(s.id);
      if (rs.chance(0.05)) s.powerOk = false;
      if (rs.chance(0.1)) s.networkOk = false;
    }
  }
  // pilots: Karuo 3–4 per sector, every other county 3–4 units (real and town sites first)
  const pilotScore = (s: SiteRow) =>
    (s.id === 'KR-TMP-001' ? -1000 : 0) + (s.generated ? 0 : -100) + (s.anchor === 'seat' ? -10 : 0) + r.next();
  for (const ctx of ctxs) {
    const inCounty = sites.filter((s) => s.countyAdcode === ctx.data.adcode && s.powerOk && s.networkOk);
    if (ctx.data.adcode === KARUO) {
      for (const cat of SITE_CATEGORIES) {
        const list = inCounty.filter((s) => s.category === cat).sort((a, b) => pilotScore(a) - pilotScore(b));
        for (const s of list.slice(0, r.int(3, 4))) s.isPilot = true;
      }
    } else {
      const n = r.int(3, 4);
      const list = inCounty.sort((a, b) => pilotScore(a) - pilotScore(b));
      const cats = new Set<SiteCategory>();
      for (const s of list) {
        if (cats.size >= n) break;
        if (cats.has(s.category)) continue;
        cats.add(s.category);
        s.isPilot = true;
      }
    }
  }
  for (const s of sites) {
    const rs = r.fork(`dates:${s.id}`);
    s.serviceProvider = providerOf(s);
    if (s.isPilot) {
      const planned = Date.UTC(2018, 8, rs.int(20, 30));
      const surveyed = Date.UTC(2018, 9, rs.int(2, 12));
      const installed = surveyed + rs.int(5, 15) * DAY;
      const commissioned = installed + rs.int(3, 10) * DAY;
      const inService = Math.min(commissioned + rs.int(2, 10) * DAY, Date.UTC(2018, 10, 20));
      Object.assign(s, {
        rolloutState: 'in_service', plannedAt: iso(planned), surveyedAt: iso(surveyed), installedAt: iso(installed),
        commissionedAt: iso(Math.min(commissioned, inService)), inServiceAt: iso(inService),
      });
      s.createdAt = `${iso(planned)}T00:00:00.000Z`;
      continue;
    }
    const lag = laggards.has(s.countyAdcode);
    const planned = Date.UTC(2018, 8, 30) + rs.int(0, 75) * DAY;
    s.plannedAt = iso(planned);
    s.createdAt = `${iso(planned)}T00:00:00.000Z`;
    let state: RolloutState;
    if (!s.powerOk || !s.networkOk) state = rs.chance(0.6) ? 'surveyed' : 'planned';
    else
      state = lag
        ? rs.weighted<RolloutState>([['in_service', 0.52], ['commissioned', 0.12], ['installed', 0.1], ['surveyed', 0.14], ['planned', 0.12]])
        : rs.weighted<RolloutState>([['in_service', 0.78], ['commissioned', 0.09], ['installed', 0.05], ['surveyed', 0.05], ['planned', 0.03]]);
    if (!s.generated && state !== 'in_service' && s.powerOk && s.networkOk && rs.chance(0.7)) state = 'in_service';
    s.rolloutState = state;
    if (state === 'planned') {
      s.serviceProvider = '';
      continue;
    }
    // target in-service date over phase 4, priority sectors earlier, laggards later; milestones backwards from it
    const span = PHASE4_END - PHASE4_START;
    let f = Math.pow(rs.next(), 1 / (1.4 - 0.6 * PRIORITY[s.category]));
    if (lag) f = 0.35 + 0.65 * f;
    if (state !== 'in_service') f = 0.75 + 0.25 * f; // still in progress: recent work
    const target = PHASE4_START + 20 * DAY + Math.round(f * (span - 30 * DAY));
    const commissioned = target - rs.int(3, 14) * DAY;
    const installed = Math.max(PHASE4_START, commissioned - rs.int(7, 40) * DAY);
    const surveyed = Math.max(Date.UTC(2018, 9, 5), installed - rs.int(20, 120) * DAY);
    s.plannedAt = iso(Math.min(planned, surveyed - 3 * DAY));
    s.createdAt = `${s.plannedAt}T00:00:00.000Z`;
    s.surveyedAt = iso(surveyed);
    if (state === 'surveyed') continue;
    s.installedAt = iso(installed);
    if (state === 'installed') continue;
    s.commissionedAt = iso(commissioned);
    if (state === 'commissioned') continue;
    s.inServiceAt = iso(target);
  }
}
