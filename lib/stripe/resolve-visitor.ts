import type { PoolClient } from 'pg';
import { hashIdentity } from '@/lib/identity/hash';

// Which zori_visitor_id a payment belongs to. Events add what they saw to the payment's
// candidates (by source); the winner is the first source in this order that has one, so a late
// event with a better source still corrects it, and the winning source is stored with the payment:
export const VISITOR_SOURCES = [
  'charge_metadata',
  'payment_intent_metadata',
  'checkout_session_metadata',
  'checkout_session_client_reference_id',
  'invoice_subscription_metadata',
  'subscription_metadata',
  'customer_metadata',
  'identify_email',
  'identify_app_user',
] as const;
export type VisitorSource = (typeof VISITOR_SOURCES)[number];
export type VisitorCandidates = Partial<Record<VisitorSource, string>>;

export type PaymentLinks = {
  paymentIntentId: string | null;
  invoiceId: string | null;
  subscriptionId: string | null;
  checkoutSessionId: string | null;
  customerEmail: string | null;
  appUserId: string | null;
};

/** Visitor ids from a completed Checkout Session of this payment (its metadata never reaches the charge). */
async function checkoutCandidates(tx: PoolClient, projectId: string, stripeAccount: string, links: PaymentLinks): Promise<{ sessionId?: string; candidates: VisitorCandidates }> {
  if (!links.paymentIntentId && !links.invoiceId && !links.subscriptionId && !links.checkoutSessionId) return { candidates: {} };
  const res = await tx.query<{ sessionId: string; visitorId: string | null; clientReferenceId: string | null }>(
    `SELECT "sessionId", "visitorId", "clientReferenceId" FROM "CheckoutSession"
      WHERE "projectId" = $6 AND "stripeAccount" = $1 AND ("sessionId" = $2 OR "paymentIntentId" = $3 OR "invoiceId" = $4 OR "subscriptionId" = $5)
      ORDER BY "completedAt" ASC LIMIT 1`,
    [stripeAccount, links.checkoutSessionId, links.paymentIntentId, links.invoiceId, links.subscriptionId, projectId],
  );
  const row = res.rows[0];
  if (!row) return { candidates: {} };
  return {
    sessionId: row.sessionId,
    candidates: {
      ...(row.visitorId && { checkout_session_metadata: row.visitorId }),
      ...(row.clientReferenceId && { checkout_session_client_reference_id: row.clientReferenceId }),
    },
  };
}

/** The visitor identify() linked to the customer's email or the site's user id (most recent first). */
async function identifyCandidates(tx: PoolClient, projectId: string, salt: string, links: PaymentLinks): Promise<VisitorCandidates> {
  const out: VisitorCandidates = {};
  if (links.customerEmail) {
    const r = await tx.query<{ visitorId: string }>(
      `SELECT "visitorId" FROM "Visitor" WHERE "projectId" = $1 AND "emailHash" = $2 ORDER BY "identifiedAt" DESC NULLS LAST LIMIT 1`,
      [projectId, hashIdentity(salt, 'email', links.customerEmail)],
    );
    if (r.rows[0]) out.identify_email = r.rows[0].visitorId;
  }
  if (links.appUserId) {
    const r = await tx.query<{ visitorId: string }>(
      `SELECT "visitorId" FROM "Visitor" WHERE "projectId" = $1 AND "appUserIdHash" = $2 ORDER BY "identifiedAt" DESC NULLS LAST LIMIT 1`,
      [projectId, hashIdentity(salt, 'app_user', links.appUserId)],
    );
    if (r.rows[0]) out.identify_app_user = r.rows[0].visitorId;
  }
  return out;
}

export function pickVisitor(candidates: VisitorCandidates): { visitorId: string; source: VisitorSource } | null {
  for (const source of VISITOR_SOURCES) {
    const id = candidates[source];
    if (id) return { visitorId: id, source };
  }
  return null;
}

/**
 * Resolves the payment's visitor from the candidates events stored plus the two sources that live
 * in other tables (stored Checkout Sessions, identify() links). The identify lookup runs only when
 * nothing better is known.
 */
export async function resolveVisitor(
  tx: PoolClient,
  ctx: { projectId: string; stripeAccount: string; identitySalt: string },
  stored: VisitorCandidates,
  links: PaymentLinks,
): Promise<{ visitorId: string | null; source: VisitorSource | null; candidates: VisitorCandidates; checkoutSessionId: string | null }> {
  // A session is looked up unless charge or PaymentIntent metadata already outranks it (saves a query per charge).
  const outranked = Boolean(stored.charge_metadata || stored.payment_intent_metadata) && !links.checkoutSessionId;
  const checkout = outranked ? { candidates: {} } : await checkoutCandidates(tx, ctx.projectId, ctx.stripeAccount, links);
  let candidates: VisitorCandidates = { ...stored, ...checkout.candidates };
  let pick = pickVisitor(candidates);
  if (!pick || pick.source.startsWith('identify_')) {
    candidates = { ...candidates, ...(await identifyCandidates(tx, ctx.projectId, ctx.identitySalt, links)) };
    pick = pickVisitor(candidates);
  }
  return { visitorId: pick?.visitorId ?? null, source: pick?.source ?? null, candidates, checkoutSessionId: links.checkoutSessionId ?? ('sessionId' in checkout ? (checkout.sessionId ?? null) : null) };
}
