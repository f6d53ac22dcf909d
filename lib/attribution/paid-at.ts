// Stripe stamps a payment with whole seconds (`created`), so a payment "at 12:00:05" happened
// somewhere in 12:00:05.000–12:00:05.999, while touches carry milliseconds. A touch in that same
// second may precede the payment: it counts. Every check of "touch before payment" uses this bound.

/** Milliseconds after `paidAt` up to which a touch still counts as before the payment. */
export const PAID_AT_PRECISION_MS = 1000;

/** SQL: touch `t` happened before payment `p` (strictly before the end of p's paidAt second). */
export const TOUCH_BEFORE_PAYMENT_SQL = `t."occurredAt" < p."paidAt" + interval '1 second'`;
