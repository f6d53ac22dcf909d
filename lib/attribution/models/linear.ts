import { distribute } from './distribute';
import type { AttributionModel } from './types';

/** Linear: every touch in the window gets an equal share. */
export const linear: AttributionModel = (journey, amount) => distribute(amount, journey.map(() => 1));
