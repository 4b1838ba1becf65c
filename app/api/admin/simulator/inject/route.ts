/** POST /api/admin/simulator/inject — an administrator injects a fault on a chosen circuit (demo/tests). Audited. */
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { AppError } from '../../../../../server/http/errors.ts';
import { services } from '../../../../../server/services.ts';
import { audit } from '../../../../../server/auth/audit.ts';
import { INJECTABLE, SIM_CONTROL_TOPIC, type SimControl } from '../../../../../lib/events/sim-control.ts';

const body = z.object({
  device: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  ch: z.number().int().min(1).max(16).optional(),
  kind: z.enum(INJECTABLE),
  severity: z.number().min(0).max(1).optional(),
  accelerate: z.number().min(1).max(100000).optional(),
  durationS: z.number().int().positive().max(30 * 86400).optional(),
  op: z.enum(['inject', 'clear']).default('inject'),
});

export const POST = route({ permission: 'simulator.inject', body }, async ({ body, principal, ip }) => {
  const { sql } = services();
  const [dev] = await sql`SELECT id FROM devices WHERE id = ${body.device}`;
  if (!dev) throw new AppError('NOT_FOUND', { message: '设备不存在', messageEn: 'Unknown device' });
  if (body.ch != null) {
    const [c] = await sql`SELECT 1 FROM circuits WHERE device_id = ${body.device} AND ch = ${body.ch}`;
    if (!c) throw new AppError('NOT_FOUND', { message: '该设备没有此通道', messageEn: 'Unknown channel' });
  }
  const mqtt = (globalThis as Record<symbol, unknown>)[Symbol.for('esms.mqtt')] as MqttClient | undefined;
  if (!mqtt?.connected) throw new AppError('UNAVAILABLE', { message: 'MQTT 代理不可用', messageEn: 'MQTT broker unavailable' });
  const id = randomUUID();
  const msg: SimControl =
    body.op === 'clear'
      ? { v: 1, op: 'clear', id, device: body.device, ch: body.ch }
      : { v: 1, op: 'inject', id, device: body.device, ch: body.ch, kind: body.kind, severity: body.severity ?? 1, accelerate: body.accelerate ?? 1, durationS: body.durationS };
  await mqtt.publishAsync(SIM_CONTROL_TOPIC, JSON.stringify(msg), { qos: 1 });
  await audit(sql, { userId: principal.userId, username: principal.username, action: `simulator.${body.op}`, target: `${body.device}/${body.ch ?? '*'}`, ip, detail: msg as never });
  return { ok: true, id };
});
