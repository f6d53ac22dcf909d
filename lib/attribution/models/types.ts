// The shapes every attribution model shares. A journey is the visitor's touches inside the
// project's attribution window, oldest first; a model turns a payment amount into integer credits
// per touch that always add up to the amount.

export type JourneyTouch = {
  /** Stable order key (Touch.id): breaks ties between touches at the same instant. */
  id: bigint | number | string;
  occurredAt: Date;
  channel: string;
};

export type Credit = { index: number; amount: number };

/** A model: journey (in window, oldest first, non-empty) + amount in minor units + payment time -> credits. */
export type AttributionModel = (journey: readonly JourneyTouch[], amount: number, paidAt: Date) => Credit[];

export const MODEL_IDS = ['first_touch', 'last_touch', 'linear', 'position_based', 'time_decay'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
