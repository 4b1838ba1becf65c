/** Live deltas are coalesced: one message per room per interval, latest value per circuit, scope rooms only. */
import { describe, expect, it } from 'vitest';
import type { InternalPublish } from '../../../lib/events/realtime.ts';
import { AlarmBook } from '../../../workers/ingest/alarms.ts';
import { Live } from '../../../workers/ingest/live.ts';
import { Registry } from '../../../workers/ingest/registry.ts';

function setup() {
  const reg = new Registry();
  for (const [id, cat, county] of [['A', 'school', 1], ['B', 'school', 1], ['C', 'temple', 2]] as const) {
    reg.sites.set(id, { id, nameZh: id, category: cat, countyAdcode: county, status: 'offline', lastSeenAt: null });
    reg.devices.set(`${id}-D`, { id: `${id}-D`, siteId: id, reportIntervalS: 60, circuits: new Map() });
  }
  const out: InternalPublish[] = [];
  const book = new AlarmBook();
  const live = new Live(reg, book, (m) => out.push(m));
  live.indexRegistry(new Map());
  return { live, out, book, reg };
}

describe('Live', () => {
  it('groups site deltas per room and sends each room one message per tick', () => {
    const { live, out } = setup();
    const now = 1_000_000;
    for (let i = 0; i < 50; i++) {
      for (const s of ['A', 'B', 'C']) {
        live.heardFrom(`${s}-D`, s, null, now - 1000 + i, now);
        live.sample(s, { circuitId: s.charCodeAt(0), ts: now - 1000 + i, ia: i });
      }
    }
    live.tick(now);
    const rooms = out.map((m) => `${m.event}@${m.rooms.join(',')}`);
    expect(new Set(rooms).size).toBe(rooms.length); // never two messages for one room and event
    const all = out.find((m) => m.event === 'sites:delta' && m.rooms[0] === 'all')!;
    expect((all.payload as { sites: { id: string; status: string }[] }).sites.map((s) => [s.id, s.status])).toEqual([['A', 'normal'], ['B', 'normal'], ['C', 'normal']]);
    const county1 = out.find((m) => m.event === 'sites:delta' && m.rooms[0] === 'county:1')!;
    expect((county1.payload as { sites: { id: string }[] }).sites.map((s) => s.id)).toEqual(['A', 'B']);
    const circ = out.filter((m) => m.event === 'circuits:delta');
    expect(circ.map((m) => m.rooms)).toEqual([['site:A'], ['site:B'], ['site:C']]);
    expect((circ[0].payload as { circuits: { ia: number }[] }).circuits).toEqual([{ circuitId: 65, ts: now - 1000 + 49, ia: 49 }]);
    out.length = 0;
    live.tick(now + 500); // nothing changed: nothing sent
    expect(out).toEqual([]);
  });

  it('a silent site goes offline on the sweep', () => {
    const { live, out } = setup();
    live.heardFrom('A-D', 'A', true, 1000, 1000);
    live.tick(1000);
    out.length = 0;
    live.sweep();
    live.tick(1000 + 181_000);
    const d = out.find((m) => m.event === 'sites:delta' && m.rooms[0] === 'site:A');
    expect((d!.payload as { sites: { status: string }[] }).sites[0].status).toBe('offline');
  });

  it('builds a circuit sample from the latest stored message only, at the tick', () => {
    const { live, out, reg } = setup();
    for (const [id, ch] of [[11, 1], [12, 2]]) reg.circuitsById.set(id, { id, device: 'A-D', ch, nameZh: `回路${ch}`, entry: {} as never });
    const msg = (ts: number, ia: number) => ({ v: 1 as const, device: 'A-D', seq: ts, ts, channels: [{ ch: 1, ia }, { ch: 2, ia: ia + 1, tn: 30 }] });
    const circuits = [{ id: 11 }, { id: 12 }];
    live.telemetry('A', msg(2000, 5), circuits);
    live.telemetry('A', msg(1000, 9), circuits); // late: older than what is there
    live.telemetry('A', msg(3000, 7), circuits);
    live.tick(5000);
    const circ = out.filter((m) => m.event === 'circuits:delta');
    expect(circ).toHaveLength(1);
    expect((circ[0].payload as { circuits: unknown[] }).circuits).toEqual([{ circuitId: 11, ts: 3000, ia: 7 }, { circuitId: 12, ts: 3000, ia: 8, tn: 30 }]);
  });
});
