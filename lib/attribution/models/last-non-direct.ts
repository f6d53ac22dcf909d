import type { AttributionModel } from './types';

export const DIRECT = 'Direct';

/** Last non-direct touch: the latest touch that was not Direct; the latest touch if all were Direct. */
export const lastNonDirectTouch: AttributionModel = (journey, amount) => {
  if (!journey.length) return [];
  for (let i = journey.length - 1; i >= 0; i--) {
    if (journey[i].channel !== DIRECT) return [{ index: i, amount }];
  }
  return [{ index: journey.length - 1, amount }];
};
