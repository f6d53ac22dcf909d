import { attribute, type JourneyTouch, MODEL_IDS, type ModelId } from '@/lib/attribution/models';
import { refundMovements, type RefundFacts } from './movements';

// Turns one payment (with its refunds and its visitor's touches) into credit rows: for each model,
// the payment's revenue and each refund split over the touches the model credits. Pure, so the
// rollup (lib/analytics/credits/rebuild.ts) and the raw check (lib/analytics/raw-revenue.ts) share
// one definition of what a payment credits.

export type TouchDims = {
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  referrer: string | null;
  landing_page: string | null;
};

export type JourneyStep = JourneyTouch & TouchDims & { id: string };

export type PaymentFacts = RefundFacts & {
  id: string;
  livemode: boolean;
  currency: string;
  visitorId: string | null;
  customerKey: string;
  returning: boolean;
  /** The visitor's touches up to the payment (the models apply the window). */
  journey: JourneyStep[];
};

export type CreditRow = {
  paymentId: string;
  model: ModelId;
  kind: 'payment' | 'refund';
  occurredAt: Date;
  /** The payment's share (kind payment), null while unconverted. */
  revenue: number | null;
  /** The refund's share (kind refund). */
  refunded: number;
  touch: (JourneyStep & { visitorId: string }) | null;
};

export function creditRows(p: PaymentFacts, windowDays: number, models: readonly ModelId[] = MODEL_IDS): CreditRow[] {
  const rows: CreditRow[] = [];
  const movements = refundMovements(p);
  for (const model of models) {
    if (p.reportingAmount === null) {
      rows.push({ paymentId: p.id, model, kind: 'payment', occurredAt: p.paidAt, revenue: null, refunded: 0, touch: null });
      continue;
    }
    const credited = p.visitorId ? attribute(model, p.journey, p.reportingAmount, p.paidAt, windowDays) : [];
    if (credited.length === 0) {
      rows.push({ paymentId: p.id, model, kind: 'payment', occurredAt: p.paidAt, revenue: p.reportingAmount, refunded: 0, touch: null });
      for (const m of movements) rows.push({ paymentId: p.id, model, kind: 'refund', occurredAt: m.at, revenue: 0, refunded: m.refunded, touch: null });
      continue;
    }
    const visitorId = p.visitorId!;
    for (const c of credited) rows.push({ paymentId: p.id, model, kind: 'payment', occurredAt: p.paidAt, revenue: c.amount, refunded: 0, touch: { ...c.touch, visitorId } });
    for (const m of movements)
      for (const c of attribute(model, p.journey, m.refunded, p.paidAt, windowDays))
        rows.push({ paymentId: p.id, model, kind: 'refund', occurredAt: m.at, revenue: 0, refunded: c.amount, touch: { ...c.touch, visitorId } });
  }
  return rows;
}
