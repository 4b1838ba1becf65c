import type { z } from 'zod';

/** Field errors for the client: path + message (zod's messages are English; the top message is Chinese). */
export function zodDetails(err: z.ZodError) {
  return err.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
}
