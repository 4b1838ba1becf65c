/**
 * Refused broker attempts (mqtt_refusals, written by the embedded broker): per principal and reason, shown beside
 * the quarantine. The quarantine holds what a credentialed device sent that was invalid; this, who was not let in
 * or not let publish or subscribe where it tried.
 */
import type { Sql } from '../../platform/db.ts';

export const REFUSAL_INFO: Record<string, { zh: string; en: string }> = {
  anonymous: { zh: '匿名连接', en: 'anonymous connect' },
  bad_credentials: { zh: '凭据错误', en: 'wrong credentials' },
  revoked: { zh: '凭据已吊销', en: 'revoked credential' },
  client_id: { zh: '客户端标识不符', en: 'client id not the credential’s' },
  publish_denied: { zh: '越权发布', en: 'publish refused' },
  subscribe_denied: { zh: '越权订阅', en: 'subscribe refused' },
  rate_limited: { zh: '尝试过频', en: 'rate-limited' },
};

export interface BrokerRefusal {
  principal: string;
  deviceId: string | null;
  reason: string;
  reasonZh: string;
  count: number;
  lastClientId: string;
  lastAddress: string;
  lastTopic: string;
  lastAt: string;
}

export async function readBrokerRefusals(sql: Sql, q: { device?: string } = {}): Promise<BrokerRefusal[]> {
  const rows = await sql<{ principal: string; device_id: string | null; reason: string; count: string; last_client_id: string; last_address: string; last_topic: string; last_at: Date }[]>`
    SELECT principal, device_id, reason, count, last_client_id, last_address, last_topic, last_at FROM mqtt_refusals
    WHERE ${q.device ?? null}::text IS NULL OR device_id = ${q.device ?? null} OR principal = ${q.device ?? null}
    ORDER BY last_at DESC LIMIT 200`;
  return rows.map((r) => ({
    principal: r.principal,
    deviceId: r.device_id,
    reason: r.reason,
    reasonZh: REFUSAL_INFO[r.reason]?.zh ?? r.reason,
    count: Number(r.count),
    lastClientId: r.last_client_id,
    lastAddress: r.last_address,
    lastTopic: r.last_topic,
    lastAt: r.last_at.toISOString(),
  }));
}
