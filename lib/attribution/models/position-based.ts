import { distribute } from './distribute';
import type { AttributionModel } from './types';

/**
 * Position-based (U-shaped, 40/20/40): 40% to the first touch, 40% to the last, 20% shared by the
 * touches in between. One touch gets 100%; two touches get 50% each (there is no middle).
 */
export const positionBased: AttributionModel = (journey, amount) => {
  const n = journey.length;
  if (n === 0) return [];
  if (n === 1) return [{ index: 0, amount }];
  if (n === 2) return distribute(amount, [1, 1]);
  // Integer weights: ends 40·(n−2) each, middles 20 each => ends 40%, middles 20% in total.
  const middle = n - 2;
  return distribute(amount, journey.map((_, i) => (i === 0 || i === n - 1 ? 40 * middle : 20)));
};
