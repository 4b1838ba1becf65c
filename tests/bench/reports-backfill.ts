/**
 * Synthetic-but-plausible year of operations for the reports bench (and manual screens), written with COPY:
 * ~100k alarms and ~10k hazards over every connected site, a year of site_daily_stats (what reports read:
 * per-site daily aggregates — 58k circuits × 8,760 hourly rollups would be ~510M rows), and readings_1h for a
 * sample of circuits over the last days (the path site_daily_stats is rolled up from). Deterministic.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Sql } from '../../platform/db.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const H = 3600_000;
const D = 86_400_000;
const TYPES: [string, number][] = [['overload', 0.22], ['overtemperature', 0.16], ['residual_current', 0.2], ['abnormal_heating', 0.1], ['arc_fault', 0.06], ['insulation_degradation', 0.05], ['phase_imbalance', 0.06], ['voltage_abnormal', 0.05], ['sensor_fault', 0.04], ['device_offline', 0.06]];
const SEV: [string, number][] = [['warning', 0.62], ['alarm', 0.3], ['critical', 0.08]];
const DEADLINE_H: Record<string, number> = { critical: 24, alarm: 72, warning: 168 };
const TITLE: Record<string, string> = {
  overload: '回路过载，存在私拉乱接大功率电器', overtemperature: '导线温度超限，线路老化', residual_current: '剩余电流超限，线路绝缘受潮',
  abnormal_heating: '接线端子松动发热', arc_fault: '故障电弧，插座接触不良', insulation_degradation: '绝缘劣化，需更换导线',
  phase_imbalance: '三相负荷不平衡', voltage_abnormal: '电压异常，进线接头松动', sensor_fault: '监测传感器故障', device_offline: '监测终端长期离线',
};
const pick = <T>(r: () => number, xs: [T, number][]) => {
  let u = r();
  for (const [x, w] of xs) if ((u -= w) <= 0) return x;
  return xs[xs.length - 1][0];
};
const iso = (t: number) => new Date(t).toISOString();
const lognormal = (r: () => number, median: number, sigma: number) => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r()));

async function copy(sql: Sql, table: string, cols: string, lines: Iterable<string>) {
  const stream = await sql.unsafe(`COPY ${table} (${cols}) FROM STDIN`).writable();
  async function* gen() {
    let buf: string[] = [];
    for (const l of lines) {
      buf.push(l);
      if (buf.length >= 5000) {
        yield buf.join('\n') + '\n';
        buf = [];
      }
    }
    if (buf.length) yield buf.join('\n') + '\n';
  }
  await pipeline(Readable.from(gen()), stream);
}

export interface BackfillResult {
  alarms: number;
  hazards: number;
  siteDays: number;
  readings1h: number;
  ms: number;
}

/** `alarms` is the count per 365 days; the window is [start, end) (default: the 365 days before end). */
export async function backfillYear(sql: Sql, opts: { start?: Date; end?: Date; alarms?: number; seed?: number; sampleCircuits?: number; readingDays?: number } = {}): Promise<BackfillResult> {
  const t0 = performance.now();
  const end = (opts.end ?? new Date()).getTime();
  const start = opts.start?.getTime() ?? end - 365 * D;
  const r = rng(opts.seed ?? 8);
  const sites = await sql<{ id: string; category: string; devices: string[]; circuits: number[] }[]>`
    SELECT s.id, s.category, array_agg(DISTINCT d.id) AS devices, array_agg(c.id) AS circuits
    FROM sites s JOIN devices d ON d.site_id = s.id JOIN circuits c ON c.device_id = d.id GROUP BY s.id, s.category ORDER BY s.id`;
  const users = await sql<{ id: number }[]>`SELECT id FROM users WHERE role IN ('site_manager','technician','county','regulator') ORDER BY id`;
  const [{ maxId }] = await sql<{ maxId: number }[]>`SELECT coalesce(max(id), 0)::int AS "maxId" FROM alarms`;
  const [{ maxH }] = await sql<{ maxH: number }[]>`SELECT coalesce(max(id), 0)::int AS "maxH" FROM hazards`;
  const weight = sites.map(() => Math.pow(r(), 2.2) + 0.05); // a few sites produce most alarms
  const wsum = weight.reduce((a, b) => a + b, 0);
  const target = Math.round(((opts.alarms ?? 100_000) * (end - start)) / (365 * D));
  const alarmLines: string[] = [];
  const hazardLines: string[] = [];
  let aid = maxId;
  let hid = maxH;
  sites.forEach((s, i) => {
    const n = Math.round((target * weight[i]) / wsum);
    for (let k = 0; k < n; k++) {
      const opened = start + r() * (end - start - 2 * H);
      const type = pick(r, TYPES);
      const severity = pick(r, SEV);
      const falseA = r() < 0.12;
      const dev = s.devices[Math.floor(r() * s.devices.length)];
      const ch = 1 + Math.floor(r() * 8);
      const ackMin = r() < 0.05 ? null : lognormal(r, severity === 'critical' ? 8 : 25, 1.1);
      const ack = ackMin == null ? '\\N' : iso(Math.min(end, opened + ackMin * 60_000));
      const cleared = iso(Math.min(end - 60_000, opened + lognormal(r, 90, 1.2) * 60_000));
      aid++;
      alarmLines.push([aid, s.id, dev, ch, type, severity, iso(opened), cleared, iso(opened), ack, falseA ? 't' : 'f', falseA ? '阈值设置偏低' : '\\N', `${TITLE[type]}（回测数据）`].join('\t'));
      if (!falseA && r() < (severity === 'warning' ? 0.06 : 0.22)) {
        hid++;
        const created = opened + lognormal(r, 2, 1) * H;
        if (created >= end) continue;
        const deadline = created + DEADLINE_H[severity] * H;
        const took = lognormal(r, DEADLINE_H[severity] * 0.45, 0.8) * H;
        const submitted = created + took;
        const verified = submitted + lognormal(r, 12, 0.8) * H;
        const closed = verified + lognormal(r, 6, 0.8) * H;
        let state = 'closed';
        if (closed > end) state = verified <= end ? 'verified' : submitted <= end ? 'submitted' : created + 2 * H <= end ? 'rectifying' : 'reported';
        if (state === 'closed' && r() < 0.015) state = 'rectifying'; // long-standing open orders
        const u = users.length ? users[Math.floor(r() * users.length)].id : null;
        hazardLines.push([
          hid, s.id, aid, 'alarm', TITLE[type], severity, state, u ?? '\\N', iso(deadline), iso(created), iso(Math.min(end, closed)),
          state === 'closed' ? iso(closed) : '\\N', ['submitted', 'verified', 'closed'].includes(state) ? iso(submitted) : '\\N',
          ['verified', 'closed'].includes(state) ? iso(verified) : '\\N',
        ].join('\t'));
      }
    }
  });
  await sql`ALTER TABLE alarms DISABLE TRIGGER USER`;
  try {
    await copy(sql, 'alarms', 'id, site_id, device_id, ch, type, severity, opened_at, cleared_at, updated_at, acknowledged_at, false_alarm, false_alarm_reason, reason_zh', alarmLines);
  } finally {
    await sql`ALTER TABLE alarms ENABLE TRIGGER USER`;
  }
  await copy(sql, 'hazards', 'id, site_id, alarm_id, source, title, severity, state, assignee_id, deadline, created_at, updated_at, closed_at, submitted_at, verified_at', hazardLines);
  await sql`SELECT setval('alarms_id_seq', ${aid})`;
  await sql`SELECT setval('hazards_id_seq', ${Math.max(hid, 1)})`;

  // a year of per-site daily aggregates; winter heating makes load and temperatures higher (Changdu, 3,200 m)
  const firstDay = Date.UTC(new Date(start + 8 * H).getUTCFullYear(), new Date(start + 8 * H).getUTCMonth(), new Date(start + 8 * H).getUTCDate());
  const dayLines: string[] = [];
  const days: string[] = [];
  for (let d = firstDay; d < end + 8 * H - D; d += D) days.push(new Date(d).toISOString().slice(0, 10));
  for (const s of sites) {
    const nC = s.circuits.length;
    const base = 28 + r() * 10;
    for (const day of days) {
      const doy = (Date.parse(day) / D) % 365.25;
      const winter = Math.cos(((doy - 15) / 365.25) * 2 * Math.PI); // 1 in mid-January
      const tMax = base + 12 * winter + r() * 14;
      const hot = tMax > 60 ? Math.floor(r() * 4) : r() < 0.01 ? 1 : 0;
      const irMax = 4 + r() * 18 + (r() < 0.02 ? 20 : 0);
      const ch = nC * 24 - (r() < 0.03 ? Math.floor(r() * nC * 6) : 0);
      dayLines.push([day, s.id, nC, ch, ch * 60, (8 + r() * 40).toFixed(1), irMax.toFixed(1), (irMax * 0.4).toFixed(1), tMax.toFixed(1), (tMax * 0.6).toFixed(1), r() < 0.03 ? 1 + Math.floor(r() * 3) : 0, hot, irMax >= 30 ? 1 + Math.floor(r() * 3) : 0].join('\t'));
    }
  }
  await copy(sql, 'site_daily_stats', 'day, site_id, circuits, circuit_hours, samples, i_max, ir_max, ir_avg, t_max, t_avg, arc_sum, hot_circuit_hours, leak_circuit_hours', dayLines);
  await sql`INSERT INTO site_daily_rollup_days (day, final) SELECT d::date, true FROM unnest(${days}::text[]) d ON CONFLICT (day) DO UPDATE SET final = true`;

  // hourly rollups of a sample of circuits over the last days: the source site_daily_stats is rolled up from
  const sample = sites.flatMap((s) => s.circuits).filter((_, i) => i % Math.max(1, Math.floor(58_000 / (opts.sampleCircuits ?? 400))) === 0);
  const hours = (opts.readingDays ?? 14) * 24;
  const h0 = Math.floor(end / H) * H - hours * H;
  function* readingLines() {
    for (const c of sample)
      for (let k = 0; k < hours; k++) {
        const i = 5 + r() * 20;
        const tt = 25 + r() * 20;
        yield [c, iso(h0 + k * H), 60, i.toFixed(2), (i * 1.3).toFixed(2), (r() * 8).toFixed(1), (r() * 15).toFixed(1), tt.toFixed(1), (tt + 5).toFixed(1), 0].join('\t');
      }
  }
  await copy(sql, 'readings_1h', 'circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum', readingLines());
  await sql`UPDATE devices SET online = (hashtext(id) % 100) <> 0`;
  await sql`ANALYZE alarms; ANALYZE hazards; ANALYZE site_daily_stats; ANALYZE readings_1h; ANALYZE devices`.simple();
  return { alarms: alarmLines.length, hazards: hazardLines.length, siteDays: dayLines.length, readings1h: sample.length * hours, ms: Math.round(performance.now() - t0) };
}
