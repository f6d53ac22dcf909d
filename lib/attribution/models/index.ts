import { firstTouch } from './first-touch';
import { lastNonDirectTouch } from './last-non-direct';
import { linear } from './linear';
import { positionBased } from './position-based';
import { timeDecay } from './time-decay';
import { PAID_AT_PRECISION_MS } from '../paid-at';
import type { AttributionModel, JourneyTouch, ModelId } from './types';

export * from './types';
export { distribute } from './distribute';

export const MODELS: Record<ModelId, AttributionModel> = {
  first_touch: firstTouch,
  last_touch: lastNonDirectTouch,
  linear,
  position_based: positionBased,
  time_decay: timeDecay,
};

export const MODEL_LABELS: Record<ModelId, string> = {
  first_touch: 'First touch',
  last_touch: 'Last non-direct touch',
  linear: 'Linear',
  position_based: 'Position-based (40/20/40)',
  time_decay: 'Time decay (7-day half-life)',
};

/** Single-touch models credit one touch; the query layer can then fetch just that touch. */
export const SINGLE_TOUCH_MODELS: ReadonlySet<ModelId> = new Set(['first_touch', 'last_touch']);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The touches that count for a payment: before the end of the payment's (whole-second) paidAt,
 * no older than the window, oldest first (ties by id). Touches after the payment never count.
 */
export function journeyInWindow<T extends JourneyTouch>(touches: readonly T[], paidAt: Date, windowDays: number): T[] {
  const end = paidAt.getTime() + PAID_AT_PRECISION_MS;
  const start = paidAt.getTime() - windowDays * DAY_MS;
  return touches
    .filter((t) => t.occurredAt.getTime() < end && t.occurredAt.getTime() >= start)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || compareIds(a.id, b.id));
}

function compareIds(a: JourneyTouch['id'], b: JourneyTouch['id']): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Credits of a payment under a model, after applying the window. */
export function attribute<T extends JourneyTouch>(model: ModelId, touches: readonly T[], amount: number, paidAt: Date, windowDays: number) {
  const journey = journeyInWindow(touches, paidAt, windowDays);
  return MODELS[model](journey, amount, paidAt).map((c) => ({ touch: journey[c.index], amount: c.amount }));
}
