import { randomUUID } from 'node:crypto';
import { type BalanceTransactionFacts, toReportingCurrency } from '@/lib/money/convert';
import type { HandlerContext } from '@/lib/stripe/handlers/types';
import { resolveVisitor, type VisitorCandidates } from '@/lib/stripe/resolve-visitor';
import { lockStripeIds } from './locks';
import { recomputePaymentNet } from './net';

// The payment ledger: one row per real payment, keyed by (project, account, PaymentIntent id, else
// Charge id, else Invoice id). Every look-up, update and delete below is scoped by the project of
// the event being processed, so no event can reach another project's rows whatever ids it carries. Every event that knows something about a payment calls upsertPayment with
// what it knows; facts merge, so the events may come in any order and any number of times.
//
// The amount comes from the most authoritative object seen (charge > invoice_payment > invoice):
// an invoice event for a payment already recorded from its charge adds attribution, never a second
// amount. An invoice whose payment is not known yet gets a row keyed by the invoice id; when an event
// links that invoice to its PaymentIntent/Charge (charge.invoice before basil, invoice.payment_intent,
// invoice_payment.paid) the rows are merged into one.

export type AmountSource = 'charge' | 'invoice_payment' | 'invoice';
const AMOUNT_RANK: Record<AmountSource, number> = { invoice: 1, invoice_payment: 2, charge: 3 };

export type PaymentKind = 'one_time' | 'subscription_first' | 'subscription_renewal';

export type PaymentFacts = {
  paymentIntentId?: string | null;
  chargeId?: string | null;
  invoiceId?: string | null;
  amount?: { value: bigint; currency: string; source: AmountSource } | null;
  customerId?: string | null;
  customerEmail?: string | null;
  appUserId?: string | null;
  subscriptionId?: string | null;
  checkoutSessionId?: string | null;
  kind?: PaymentKind | null;
  paidAt?: Date | null;
  balanceTransactionId?: string | null;
  /** The charge's balance transaction when Zori could fetch it (settlement amount for reporting). */
  balance?: BalanceTransactionFacts | null;
  candidates?: VisitorCandidates;
  /** charge.amount_refunded of this (cumulative) charge snapshot. */
  chargeAmountRefunded?: bigint | null;
  /** false: only enrich payments that exist (checkout sessions, refunds); never create one. */
  create?: boolean;
};

type PaymentRow = {
  id: string;
  paymentKey: string;
  paymentIntentId: string | null;
  chargeId: string | null;
  invoiceId: string | null;
  subscriptionId: string | null;
  checkoutSessionId: string | null;
  customerId: string | null;
  customerEmail: string | null;
  kind: PaymentKind;
  amount: string;
  currency: string;
  amountSource: AmountSource | null;
  paidAt: Date;
  balanceTransactionId: string | null;
  reportingAmount: string | null;
  fxSource: string | null;
  visitorCandidates: VisitorCandidates;
  chargeAmountRefunded: string;
  chargeSnapshotAt: Date | null;
  livemode: boolean;
};

const KIND_RANK: Record<PaymentKind, number> = { one_time: 0, subscription_renewal: 1, subscription_first: 2 };

async function findRows(ctx: HandlerContext, facts: PaymentFacts): Promise<PaymentRow[]> {
  const direct = [facts.paymentIntentId, facts.chargeId].filter(Boolean) as string[];
  const invoiceOnly = direct.length === 0;
  const ids = [...direct, ...(facts.invoiceId ? [facts.invoiceId] : [])];
  const res = await ctx.tx.query<PaymentRow>(
    `SELECT * FROM "Payment" WHERE "projectId" = $4 AND "stripeAccount" = $1
        AND ("paymentKey" = ANY($2::text[]) OR "paymentIntentId" = ANY($2::text[]) OR "chargeId" = ANY($2::text[])
             OR ($3::boolean AND "invoiceId" = ANY($2::text[])))
      ORDER BY "createdAt" FOR UPDATE`,
    [ctx.stripeAccount, ids, invoiceOnly, ctx.projectId],
  );
  return res.rows;
}

const keyRank = (k: string) => (k.startsWith('pi_') ? 3 : k.startsWith('ch_') || k.startsWith('py_') ? 2 : 1);

/** Writes what one event knows about a payment; returns the ids of the payments written. */
export async function upsertPayment(ctx: HandlerContext, facts: PaymentFacts): Promise<string[]> {
  if (!facts.paymentIntentId && !facts.chargeId && !facts.invoiceId) return [];
  await lockStripeIds(ctx, [facts.paymentIntentId, facts.chargeId, facts.invoiceId]);
  const rows = await findRows(ctx, facts);
  const invoiceOnly = !facts.paymentIntentId && !facts.chargeId;

  if (invoiceOnly && rows.length > 0) {
    // The invoice's payments are known (an invoice can have several): enrich each, never merge them.
    const out: string[] = [];
    for (const row of rows) out.push(await writeMerged(ctx, [row], { ...facts, amount: row.amountSource === 'invoice' || !row.amountSource ? facts.amount : null }));
    return out;
  }
  if (rows.length === 0) {
    if (facts.create === false || !facts.amount || facts.amount.value <= 0n) return [];
  }
  return [await writeMerged(ctx, rows, facts)];
}

async function writeMerged(ctx: HandlerContext, rows: PaymentRow[], facts: PaymentFacts): Promise<string> {
  const { tx, stripeAccount: account } = ctx;
  const pick = <K extends keyof PaymentRow>(field: K, fact: PaymentRow[K] | null | undefined): PaymentRow[K] | null =>
    fact ?? rows.map((r) => r[field]).find((v) => v !== null && v !== undefined) ?? null;

  const paymentIntentId = pick('paymentIntentId', facts.paymentIntentId);
  const chargeId = pick('chargeId', facts.chargeId);
  const invoiceId = pick('invoiceId', facts.invoiceId);
  const paymentKey = (paymentIntentId ?? chargeId ?? invoiceId) as string;

  // Amount: the most authoritative source wins; equal rank keeps what is stored (redelivery-safe).
  let amount: { value: bigint; currency: string; source: AmountSource | null } | null = null;
  for (const r of rows) {
    const rank = r.amountSource ? AMOUNT_RANK[r.amountSource] : 0;
    if (!amount || rank > (amount.source ? AMOUNT_RANK[amount.source] : 0)) amount = { value: BigInt(r.amount), currency: r.currency, source: r.amountSource };
  }
  if (facts.amount && (!amount || AMOUNT_RANK[facts.amount.source] > (amount.source ? AMOUNT_RANK[amount.source] : 0))) amount = facts.amount;
  if (!amount) throw new Error(`payment ${paymentKey} has no amount`);

  let kind: PaymentKind = facts.kind ?? 'one_time';
  for (const r of rows) if (KIND_RANK[r.kind] > KIND_RANK[kind]) kind = r.kind;

  const candidates: VisitorCandidates = {};
  for (const r of rows) Object.assign(candidates, r.visitorCandidates ?? {});
  Object.assign(candidates, facts.candidates ?? {});

  // The newest charge snapshot's cumulative amount_refunded.
  let refunded = 0n;
  let snapshotAt: Date | null = null;
  for (const r of rows) {
    if (r.chargeSnapshotAt && (!snapshotAt || r.chargeSnapshotAt > snapshotAt)) {
      snapshotAt = r.chargeSnapshotAt;
      refunded = BigInt(r.chargeAmountRefunded);
    }
  }
  if (facts.chargeAmountRefunded !== undefined && facts.chargeAmountRefunded !== null && (!snapshotAt || ctx.eventCreated >= snapshotAt)) {
    snapshotAt = ctx.eventCreated;
    refunded = facts.chargeAmountRefunded;
  }

  const customerEmail = pick('customerEmail', facts.customerEmail);
  const subscriptionId = pick('subscriptionId', facts.subscriptionId);
  const checkoutSessionId = pick('checkoutSessionId', facts.checkoutSessionId);
  const paidAtCandidates = [facts.paidAt, ...rows.map((r) => r.paidAt)].filter((d): d is Date => d instanceof Date);
  const paidAt = paidAtCandidates.length ? new Date(Math.min(...paidAtCandidates.map((d) => d.getTime()))) : ctx.eventCreated;

  const visitor = await resolveVisitor(tx, { projectId: ctx.projectId, stripeAccount: account, identitySalt: ctx.project.identitySalt }, candidates, {
    paymentIntentId,
    invoiceId,
    subscriptionId,
    checkoutSessionId,
    customerEmail,
    appUserId: facts.appUserId ?? null,
  });

  const balanceTransactionId = pick('balanceTransactionId', facts.balanceTransactionId);
  const stored = rows.find((r) => r.reportingAmount !== null && r.fxSource === 'balance_transaction' && r.currency === amount.currency && BigInt(r.amount) === amount.value);
  const conversion = stored
    ? { amount: BigInt(stored.reportingAmount as string), source: 'balance_transaction' }
    : toReportingCurrency(amount.value, amount.currency, ctx.project.reportingCurrency, facts.balance);

  // The row with the best key survives; the others (placeholders of the same payment) fold into it.
  const sorted = [...rows].sort((a, b) => keyRank(b.paymentKey) - keyRank(a.paymentKey));
  const primary = sorted[0];
  const id = primary?.id ?? randomUUID();
  for (const other of sorted.slice(1)) {
    await tx.query(`UPDATE "Refund" SET "paymentId" = $1 WHERE "paymentId" = $2 AND "projectId" = $3`, [id, other.id, ctx.projectId]);
    await tx.query(`UPDATE "Dispute" SET "paymentId" = $1 WHERE "paymentId" = $2 AND "projectId" = $3`, [id, other.id, ctx.projectId]);
    await tx.query(`DELETE FROM "Payment" WHERE id = $1 AND "projectId" = $2`, [other.id, ctx.projectId]);
  }

  const values = [
    id, ctx.projectId, ctx.livemode, account, paymentKey, paymentIntentId, chargeId, invoiceId, subscriptionId, visitor.checkoutSessionId,
    pick('customerId', facts.customerId), customerEmail, kind, amount.value.toString(), amount.currency.toLowerCase(),
    conversion.amount?.toString() ?? null, ctx.project.reportingCurrency.toLowerCase(), conversion.source, paidAt,
    visitor.visitorId, visitor.source, JSON.stringify(visitor.candidates), amount.source, balanceTransactionId, refunded.toString(), snapshotAt,
  ];
  if (primary) {
    await tx.query(
      `UPDATE "Payment" SET "livemode" = $3, "stripeAccount" = $4, "paymentKey" = $5, "paymentIntentId" = $6, "chargeId" = $7, "invoiceId" = $8,
         "subscriptionId" = $9, "checkoutSessionId" = $10, "customerId" = $11, "customerEmail" = $12, kind = $13::"PaymentKind", amount = $14,
         currency = $15, "reportingAmount" = $16, "reportingCurrency" = $17, "fxSource" = $18, "paidAt" = $19, "visitorId" = $20,
         "visitorIdSource" = $21, "visitorCandidates" = $22::jsonb, "amountSource" = $23, "balanceTransactionId" = $24,
         "chargeAmountRefunded" = $25, "chargeSnapshotAt" = $26, "updatedAt" = now()
       WHERE id = $1 AND "projectId" = $2`,
      values,
    );
  } else {
    await tx.query(
      `INSERT INTO "Payment" (id, "projectId", livemode, "stripeAccount", "paymentKey", "paymentIntentId", "chargeId", "invoiceId",
         "subscriptionId", "checkoutSessionId", "customerId", "customerEmail", kind, amount, currency, "reportingAmount", "reportingCurrency",
         "fxSource", "paidAt", "visitorId", "visitorIdSource", "visitorCandidates", "amountSource", "balanceTransactionId",
         "chargeAmountRefunded", "chargeSnapshotAt", "amountRefunded", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::"PaymentKind", $14, $15, $16, $17, $18, $19, $20, $21, $22::jsonb,
         $23, $24, $25, $26, LEAST($14::bigint, $25::bigint), now())`,
      values,
    );
    // A new payment has no refund or dispute rows yet: its refunded total is the charge snapshot's.
    return id;
  }
  await recomputePaymentNet(tx, ctx.projectId, id);
  return id;
}

/** The payment a refund or dispute belongs to (by charge, else PaymentIntent), locked; null if not recorded yet. */
export async function findPaymentFor(ctx: HandlerContext, chargeId: string | null, paymentIntentId: string | null): Promise<string | null> {
  await lockStripeIds(ctx, [chargeId, paymentIntentId]);
  const res = await ctx.tx.query<{ id: string }>(
    `SELECT id FROM "Payment" WHERE "projectId" = $4 AND "stripeAccount" = $1
        AND ("chargeId" = $2 OR "paymentIntentId" = $3 OR "paymentKey" = $2 OR "paymentKey" = $3)
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE`,
    [ctx.stripeAccount, chargeId, paymentIntentId, ctx.projectId],
  );
  return res.rows[0]?.id ?? null;
}
