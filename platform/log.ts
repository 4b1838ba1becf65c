/** Structured logs (pino), one child logger per component. */
import pino from 'pino';

const root = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid } });
export function logger(component: string) {
  return root.child({ c: component });
}
