/** A delivery channel: deliver one claimed outbox row or throw (DeliveryError says whether retrying can help). */
import type { ClaimedRow } from '../outbox.ts';
import type { Channel } from '../../../lib/domain/workflow/plan.ts';

export interface DeliveryChannel {
  name: Channel;
  deliver(row: ClaimedRow): Promise<void>;
  close?(): Promise<void> | void;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/** Links in external messages point at the portal. */
export function absoluteUrl(base: string | undefined, path: string): string {
  return base ? new URL(path, base).toString() : path;
}
