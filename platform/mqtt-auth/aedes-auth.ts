/**
 * Authentication and authorisation for the embedded broker (aedes) from the credential registry. A client's
 * principal is resolved once at connect and kept on the client, so authorizePublish (once per message) is a
 * string test. Revocation and rotation arrive by LISTEN esms_mqtt_credentials: that username's sessions are
 * dropped at once. Every refusal is counted (refusals.ts); a client refused too often is refused outright.
 */
import type { Aedes, AedesOptions, AuthenticateError, Client } from 'aedes';
import type { Sql } from '../db.ts';
import { logger } from '../log.ts';
import { canPublish, canSubscribe, clientIdAllowed, RESERVED_PREFIX, type Principal } from './acl.ts';
import { verifySecret } from './hash.ts';
import { FloodGuard, RefusalCounter, type RefusalReason } from './refusals.ts';
import { findCredential, principalOf } from './registry.ts';
import { checkService } from './services.ts';

const log = logger('broker.auth');
const PRINCIPAL = Symbol('esms.principal');
type Authed = Client & { [PRINCIPAL]?: Principal };

export interface BrokerAuthOptions {
  sql: Sql;
  serviceKey?: string;
  ingestClientId: string;
  /** refusals written to the database this often (ms) */
  flushMs?: number;
}

export interface BrokerAuth {
  handlers: Pick<AedesOptions, 'authenticate' | 'authorizePublish' | 'authorizeSubscribe'>;
  /** starts LISTEN and the refusal flush once the broker exists */
  attach(broker: Aedes): Promise<void>;
  refusals: RefusalCounter;
  close(): Promise<void>;
}

const authError = (code: 4 | 5, message: string): AuthenticateError => Object.assign(new Error(message), { returnCode: code }) as AuthenticateError;

export function createBrokerAuth(o: BrokerAuthOptions): BrokerAuth {
  const refusals = new RefusalCounter();
  const guard = new FloodGuard();
  let broker: Aedes | null = null;
  let timer: NodeJS.Timeout | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  const address = (c: Client) => (c.conn as { remoteAddress?: string }).remoteAddress ?? '';
  const refuse = (c: Client, principal: string, reason: RefusalReason, topic = '', deviceId: string | null = null) => {
    refusals.add({ principal, reason, deviceId, clientId: c.id ?? '', address: address(c), topic });
    guard.refused(`${address(c)}|${principal}`);
    if (refusals.total % 1000 === 1) log.warn({ principal, reason, clientId: c.id, topic }, 'mqtt refused (1 in 1000 logged)');
  };

  async function resolve(username: string, password: string): Promise<{ p?: Principal; reason?: RefusalReason; deviceId?: string | null }> {
    const svc = checkService(o.serviceKey, username, password);
    if (svc === 'wrong') return { reason: 'bad_credentials' };
    if (svc) return { p: svc };
    if (username.startsWith(RESERVED_PREFIX)) return { reason: 'bad_credentials' };
    const row = await findCredential(o.sql, username);
    if (!row) return { reason: 'bad_credentials' };
    const deviceId = row.device_id;
    if (row.revoked) return { reason: 'revoked', deviceId };
    if (!verifySecret(password, row.password_hash)) return { reason: 'bad_credentials', deviceId };
    const p = principalOf(row);
    return p ? { p, deviceId } : { reason: 'bad_credentials', deviceId };
  }

  const handlers: BrokerAuth['handlers'] = {
    authenticate(client, username, password, done) {
      if (!username) {
        refuse(client, '(anonymous)', 'anonymous');
        return done(authError(5, 'anonymous clients are not accepted'), false);
      }
      if (guard.blocked(`${address(client)}|${username}`)) {
        refusals.add({ principal: username, reason: 'rate_limited', deviceId: null, clientId: client.id ?? '', address: address(client), topic: '' });
        return done(authError(5, 'too many refused attempts'), false);
      }
      resolve(username, password?.toString('utf8') ?? '').then(
        ({ p, reason, deviceId }) => {
          if (!p) {
            refuse(client, username, reason!, '', deviceId ?? null);
            return done(authError(reason === 'revoked' ? 5 : 4, reason!), false);
          }
          if (!clientIdAllowed(p, client.id, o.ingestClientId)) {
            refuse(client, username, 'client_id', '', p.kind === 'device' ? p.device : null);
            return done(authError(5, `client id '${client.id}' is not this credential's`), false);
          }
          (client as Authed)[PRINCIPAL] = p;
          done(null, true);
        },
        (e: Error) => {
          log.error({ err: e.message }, 'credential lookup failed');
          done(Object.assign(new Error('registry unavailable'), { returnCode: 3 }) as AuthenticateError, false);
        },
      );
    },
    authorizePublish(client, packet, done) {
      if (!client) return done(null); // the broker's own messages
      const p = (client as Authed)[PRINCIPAL];
      if (p && canPublish(p, packet.topic)) return done(null);
      refuse(client, p?.username ?? '(none)', 'publish_denied', packet.topic, p?.kind === 'device' ? p.device : null);
      done(new Error(`publish to ${packet.topic} not allowed`)); // aedes closes the connection
    },
    authorizeSubscribe(client, sub, done) {
      const p = (client as Authed)[PRINCIPAL];
      if (p && canSubscribe(p, sub.topic)) return done(null, sub);
      refuse(client, p?.username ?? '(none)', 'subscribe_denied', sub.topic, p?.kind === 'device' ? p.device : null);
      done(null, null); // SUBACK 0x80 for this filter; the connection stays
    },
  };

  const flush = () => refusals.flush(o.sql).catch((e: Error) => log.warn({ err: e.message }, 'refusal counters not written'));

  return {
    handlers,
    refusals,
    async attach(b) {
      broker = b;
      const l = await o.sql.listen('esms_mqtt_credentials', (username) => {
        const clients = Object.values((broker as unknown as { clients: Record<string, Authed> }).clients);
        for (const c of clients) {
          if (c[PRINCIPAL]?.username !== username) continue;
          log.info({ username, clientId: c.id }, 'credential changed: session dropped');
          c.close();
        }
      });
      unlisten = () => l.unlisten();
      timer = setInterval(flush, o.flushMs ?? 2000);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await unlisten?.().catch(() => {});
      await flush();
    },
  };
}
