import { z } from 'zod';
import { isStripeCurrency, maxStripeAmount } from '@/lib/money/currencies';
import { InvalidEventError, type StripeObject } from '@/lib/stripe/handlers/types';

// The fields of Stripe objects that decide a figure, checked where an event's object enters the
// ledger. Objects arrive in every API version's shape (2013 to now), so only what the ledger
// relies on is required and every other field passes through untouched. A failure is permanent:
// the object will not change on a retry (see InvalidEventError), so the message says exactly what
// is wrong with which field.

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? JSON.stringify(v).slice(0, 40) : String(v));

/** An amount in minor units: a whole number, never negative (its ceiling depends on the currency: see `limits`). */
const amount = (opts: { signed?: boolean } = {}) =>
  z.any().superRefine((v, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: 'custom', message: 'is missing' });
    if (typeof v !== 'number' || !Number.isFinite(v)) return void ctx.addIssue({ code: 'custom', message: `${show(v)} is not a number` });
    if (!Number.isInteger(v)) return void ctx.addIssue({ code: 'custom', message: `${show(v)} is not a whole number (amounts are in the currency's minor unit)` });
    if (v < 0 && !opts.signed) ctx.addIssue({ code: 'custom', message: `${show(v)} is negative` });
  }) as z.ZodType<number>;

const currency = z
  .any()
  .superRefine((v, ctx) => {
    if (v === undefined) return void ctx.addIssue({ code: 'custom', message: 'is missing' });
    if (typeof v !== 'string' || !isStripeCurrency(v.toLowerCase())) ctx.addIssue({ code: 'custom', message: `${show(v)} is not a currency Stripe supports` });
  })
  .transform((v) => String(v).toLowerCase());

const id = z.any().superRefine((v, ctx) => {
  if (v === undefined || v === null) return void ctx.addIssue({ code: 'custom', message: 'is missing' });
  if (typeof v !== 'string' || v.length === 0 || v.length > 255) ctx.addIssue({ code: 'custom', message: `${show(v)} is not an id` });
}) as z.ZodType<string>;

/** Each amount field within Stripe's technical maximum for the object's currency (and above its negative for signed ones). */
function limits(fields: string[]) {
  return (o: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (typeof o.currency !== 'string' || !isStripeCurrency(o.currency)) return;
    const max = maxStripeAmount(o.currency);
    for (const f of fields) {
      const v = o[f];
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) > max) ctx.addIssue({ code: 'custom', path: [f], message: `${show(v)} is more than Stripe allows in ${o.currency} (${max})` });
    }
  };
}

/** `part` (a refunded or captured amount) is at most the object's `amount`. */
function atMostAmount(part: string, what: string) {
  return (o: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const v = o[part];
    if (typeof v === 'number' && typeof o.amount === 'number' && v > o.amount) ctx.addIssue({ code: 'custom', path: [part], message: `${show(v)} is more than ${what} (${o.amount})` });
  };
}

export const chargeObjectSchema = z
  .looseObject({
    id,
    amount: amount(),
    currency,
    amount_captured: amount().nullish(),
    amount_refunded: amount().nullish(),
    captured: z.boolean({ error: (i) => `${show(i.input)} is not true or false` }).nullish(),
  })
  .superRefine(limits(['amount', 'amount_captured', 'amount_refunded']))
  .superRefine(atMostAmount('amount_refunded', "the charge's amount"))
  .superRefine(atMostAmount('amount_captured', "the charge's amount"));

export const refundObjectSchema = z
  .looseObject({ id, amount: amount(), currency, status: z.string({ error: (i) => `${show(i.input)} is not a status` }).nullish() })
  .superRefine(limits(['amount']));

export const disputeObjectSchema = z.looseObject({ id, amount: amount(), currency }).superRefine(limits(['amount']));

export const invoiceObjectSchema = z
  .looseObject({ id, currency, amount_paid: amount().nullish(), amount_due: amount().nullish(), total: amount({ signed: true }).nullish() })
  .superRefine(limits(['amount_paid', 'amount_due', 'total']));

export const invoicePaymentObjectSchema = z.looseObject({ currency, amount_paid: amount().nullish() }).superRefine(limits(['amount_paid']));

export const checkoutSessionObjectSchema = z
  .looseObject({ id, currency: currency.nullish(), amount_total: amount().nullish() })
  .superRefine(limits(['amount_total']));

/**
 * The object with its checked fields normalised (currency lower-case), or an InvalidEventError that
 * names each bad field: "dispute.id is missing", "refund.amount: -5000 is negative".
 */
export function validStripeObject<T extends z.ZodType>(name: string, schema: T, object: StripeObject): StripeObject & z.infer<T> {
  const parsed = schema.safeParse(object);
  if (parsed.success) return parsed.data as StripeObject & z.infer<T>;
  const problems = [...new Set(parsed.error.issues.map((i) => {
    const field = [name, ...i.path.map(String)].join('.');
    return i.message === 'is missing' ? `${field} is missing` : `${field}: ${i.message}`;
  }))];
  throw new InvalidEventError(problems.join('; '));
}
