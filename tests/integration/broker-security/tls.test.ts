/** The embedded broker's MQTTS listener: a configured certificate serves TLS, with the same authentication. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from '../../../platform/infra/embedded-broker.ts';
import { createBrokerAuth } from '../../../platform/mqtt-auth/aedes-auth.ts';
import { serviceCredential } from '../../../platform/mqtt-auth/services.ts';
import { testSql } from '../helpers/db.ts';
import { tryConnect } from './clients.ts';

const sql = testSql(2);
afterAll(() => sql.end());

describe.runIf(existsSync('/usr/bin/openssl'))('MQTTS on the embedded broker', () => {
  it('accepts credentials over TLS and still refuses anonymous clients', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'esms-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('/usr/bin/openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const serviceKey = randomBytes(32).toString('base64url');
    const auth = createBrokerAuth({ sql, serviceKey, ingestClientId: 'esms-ingest' });
    const b = await startEmbeddedBroker(await getPort(), { auth, tls: { port: await getPort(), host: '127.0.0.1', certFile: cert, keyFile: key } });
    try {
      const url = `mqtts://127.0.0.1:${b.tlsPort}`;
      const tls = { ca: readFileSync(cert), servername: '127.0.0.1', rejectUnauthorized: false };
      const ok = await tryConnect(url, { ...serviceCredential(serviceKey, 'portal'), clientId: 'esms-portal', ...tls });
      expect(ok.ok).toBe(true);
      if (ok.ok) ok.client.end(true);
      expect((await tryConnect(url, { clientId: 'anon', ...tls })).ok).toBe(false);
    } finally {
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
