import { distribute } from './distribute';
import type { AttributionModel } from './types';

export const HALF_LIFE_MS = 7 * 24 * 60 * 60 * 1000;

/** Time decay: a touch's weight halves for every 7 days between it and the payment. */
export const timeDecay: AttributionModel = (journey, amount, paidAt) =>
  distribute(
    amount,
    journey.map((t) => 2 ** (-Math.max(0, paidAt.getTime() - t.occurredAt.getTime()) / HALF_LIFE_MS)),
  );
