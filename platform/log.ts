/** Structured logs (pino), one child logger per component. */
import pino from 'pino';
import { env } from './env.ts';

const root = pino({ level: env.LOG_LEVEL, base: { pid: process.pid } });
export function logger(component: string) {
  return root.child({ c: component });
}
