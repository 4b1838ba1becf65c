/**
 * GET /api/admin/quarantine — rejected device messages (reason, escaped raw text or hex) and counters, and the
 * broker's refusals per principal and reason (brokerRefusals).
 */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { REJECT_REASONS } from '../../../../lib/protocol/reject-reasons.ts';
import { readQuarantine } from '../../../../server/queries/quarantine.ts';
import { readBrokerRefusals } from '../../../../server/queries/broker-refusals.ts';

const empty = (v: unknown) => (v === '' || v == null ? undefined : v);
const query = z.object({
  reason: z.preprocess(empty, z.enum(REJECT_REASONS).optional()),
  device: z.preprocess(empty, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()),
  before: z.preprocess(empty, z.coerce.number().int().positive().optional()),
  limit: z.preprocess(empty, z.coerce.number().int().min(1).max(200).default(50)),
});

export const GET = route({ permission: 'quarantine.view', query }, async ({ query: q }) => {
  const { sql } = services();
  const [quarantine, brokerRefusals] = await Promise.all([readQuarantine(sql, q), readBrokerRefusals(sql, { device: q.device })]);
  return { ...quarantine, brokerRefusals };
});
