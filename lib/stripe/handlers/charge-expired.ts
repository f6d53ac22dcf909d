import { releaseAuthorization } from './release-authorization';
import type { EventHandler } from './types';

/** charge.expired: an authorisation was never captured and has lapsed: it never becomes revenue. */
export const chargeExpired: EventHandler = (ctx, charge) => releaseAuthorization(ctx, charge, 'authorisation expired uncaptured: no revenue');
