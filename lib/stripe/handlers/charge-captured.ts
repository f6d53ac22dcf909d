import { chargeSucceeded } from './charge-succeeded';
import type { EventHandler } from './types';

/**
 * charge.captured: an authorised charge was captured, now or partly (`amount_captured`): the
 * payment is recorded from here, as charge.succeeded would for a charge captured at once.
 */
export const chargeCaptured: EventHandler = (ctx, charge) => chargeSucceeded(ctx, charge);
