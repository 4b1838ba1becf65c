/** Serves server/ogc's handler over real HTTP on a free port, so GDAL talks to the same code Next runs. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sql } from '../../../platform/db.ts';
import { handleOgc } from '../../../server/ogc/handler.ts';

export async function serveOgc(sql: Sql): Promise<{ base: string; close: () => Promise<void>; server: Server; seen: string[] }> {
  /** request URLs, so tests can check what the client actually asked for */
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers });
    handleOgc(sql, request).then(
      async (r) => {
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
      },
      (e) => {
        res.writeHead(500);
        res.end(String(e));
      },
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, server, seen, close: () => new Promise((ok) => server.close(() => ok())) };
}
