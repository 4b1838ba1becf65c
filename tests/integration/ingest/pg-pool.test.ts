/**
 * The worker's database pool (workers/ingest/pg-pool.ts, TCP_NODELAY sockets) through a TCP proxy that, like a
 * restarting server, first drops every connection and then refuses new ones for a while: queries fail with a
 * connection error meanwhile (more failures than the pool has connections), and succeed again once the server
 * is back. A socket factory that broke postgres.js's reconnect would leave the pool hanging here.
 */
import net from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSql } from '../../../platform/db.ts';
import { noDelay } from '../../../workers/ingest/pg-pool.ts';
import { isConnectionError } from '../../../workers/ingest/tx.ts';
import { waitFor } from './harness.ts';

const target = new URL(inject('dbUrl'));
const open = new Set<net.Socket>();
const proxy = net.createServer((c) => {
  const u = net.connect(Number(target.port), target.hostname);
  for (const s of [c, u]) {
    open.add(s);
    s.on('error', () => {});
    s.on('close', () => open.delete(s));
  }
  c.pipe(u).pipe(c);
});
const listen = (port = 0) => new Promise<number>((r) => proxy.listen(port, '127.0.0.1', () => r((proxy.address() as net.AddressInfo).port)));
const refuse = () => {
  proxy.close();
  for (const s of open) s.destroy();
};
afterAll(() => refuse());

describe('ingest pool', () => {
  it('keeps working across a stretch of refused connections', async () => {
    const port = await listen();
    const url = new URL(target);
    url.port = String(port);
    const sql = noDelay(createSql(url.toString(), { max: 2, app: 'it-pool' }));
    try {
      expect((await sql<{ one: number }[]>`SELECT 1 AS one`)[0].one).toBe(1);
      refuse();
      for (let i = 0; i < 5; i++) {
        const e = await sql`SELECT 1`.then(() => null, (x: unknown) => x);
        expect(isConnectionError(e)).toBe(true);
      }
      await listen(port);
      const r = await waitFor(async () => (await sql<{ one: number }[]>`SELECT 1 AS one`)[0], 30_000, 100);
      expect(r.one).toBe(1);
    } finally {
      await sql.end({ timeout: 1 });
    }
  }, 60_000);
});
