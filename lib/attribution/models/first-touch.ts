import type { AttributionModel } from './types';

/** First touch (Zori's default): the touch that first brought the visitor inside the window gets everything. */
export const firstTouch: AttributionModel = (journey, amount) => (journey.length ? [{ index: 0, amount }] : []);
