import { randomBytes } from 'node:crypto';
import { markPaymentsOfVisitorsDirty, rebuildCredits } from '@/lib/analytics/credits/rebuild';
import { markVisitorDaysDirty } from '@/lib/analytics/visitor-rollup/dirty';
import { prisma } from '@/lib/db/client';
import { newApiKey, sha256 } from '@/lib/tenancy/tokens';

// Builders for touches, payments and API keys of a test project: rows as the ingest paths write
// them, with the revenue credits rebuilt as those paths do.

const uid = () => randomBytes(5).toString('hex');

export async function addTouch(
  projectId: string,
  visitorId: string,
  occurredAt: string,
  dims: { channel: string; source?: string; medium?: string; campaign?: string; referrerDomain?: string; landingPath?: string },
) {
  const touch = await prisma().touch.create({ data: { projectId, visitorId, sessionId: uid(), occurredAt: new Date(occurredAt), ...dims } });
  await markVisitorDaysDirty(projectId, touch.occurredAt);
  await rebuildCredits(projectId, await markPaymentsOfVisitorsDirty(projectId, [visitorId], touch.occurredAt));
  return touch;
}

export async function addPayment(
  projectId: string,
  p: {
    paidAt: string;
    amount: number;
    visitorId?: string;
    currency?: string;
    reportingAmount?: number | null;
    refunded?: number;
    livemode?: boolean;
    customerId?: string;
    status?: 'attributed' | 'no_visitor_id' | 'unknown_visitor' | 'outside_window';
  },
) {
  const key = `pi_${uid()}`;
  const payment = await prisma().payment.create({
    data: {
      projectId,
      livemode: p.livemode ?? true,
      stripeAccount: `acct_${projectId}`,
      paymentKey: key,
      paymentIntentId: key,
      amount: BigInt(p.amount),
      currency: p.currency ?? 'usd',
      reportingAmount: p.reportingAmount === null ? null : BigInt(p.reportingAmount ?? p.amount),
      reportingCurrency: 'usd',
      amountRefunded: BigInt(p.refunded ?? 0),
      paidAt: new Date(p.paidAt),
      visitorId: p.visitorId ?? null,
      customerId: p.customerId ?? null,
      attributionStatus: p.status ?? (p.visitorId ? 'attributed' : 'no_visitor_id'),
    },
  });
  await rebuildCredits(projectId, [payment.id]);
  return payment;
}

export async function addApiKey(projectId: string, revoked = false) {
  const key = newApiKey();
  const row = await prisma().apiKey.create({
    data: { projectId, name: 'test', prefix: key.slice(0, 9), keyHash: sha256(key), revokedAt: revoked ? new Date() : null },
  });
  return { key, row };
}
