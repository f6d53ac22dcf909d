import { type Actor, authorizeProject, DomainError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { inboxEventIdSchema } from '@/lib/zod/stripe';
import { fixForUnattributed } from './unattributed-fix';

// The diagnostics page's queries: recent deliveries, rejected deliveries per day, unattributed
// payments with the reason and the fix; and re-running an event.

export async function listRecentDeliveries(actor: Actor, projectId: string, limit = 50) {
  await authorizeProject(actor, projectId, 'read');
  const rows = await prisma().stripeEvent.findMany({
    where: { projectId },
    orderBy: { receivedAt: 'desc' },
    take: limit,
    select: { id: true, eventId: true, type: true, livemode: true, apiVersion: true, receivedAt: true, processedAt: true, status: true, attempts: true, lastError: true, nextAttemptAt: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString() }));
}

export async function listRejectionCounts(actor: Actor, projectId: string, days = 14) {
  await authorizeProject(actor, projectId, 'read');
  const since = new Date(Date.now() - days * 86400_000);
  return prisma().webhookRejection.findMany({ where: { projectId, day: { gte: since } }, orderBy: [{ day: 'desc' }, { reason: 'asc' }] });
}

export async function listUnattributedPayments(actor: Actor, projectId: string, limit = 50) {
  const scope = await authorizeProject(actor, projectId, 'read');
  const rows = await prisma().payment.findMany({
    where: { projectId, attributionStatus: { not: 'attributed' } },
    orderBy: { paidAt: 'desc' },
    take: limit,
    select: {
      id: true, paymentKey: true, livemode: true, amount: true, currency: true, paidAt: true, attributionStatus: true, visitorId: true,
      visitorIdSource: true, checkoutSessionId: true, subscriptionId: true, invoiceId: true, kind: true,
    },
  });
  const sessionIds = [...new Set(rows.map((p) => p.checkoutSessionId).filter((id): id is string => id !== null))];
  const sessions = sessionIds.length
    ? await prisma().checkoutSession.findMany({ where: { projectId, sessionId: { in: sessionIds } }, select: { sessionId: true, paymentLinkId: true, foreignClientReference: true } })
    : [];
  const origin = new Map(sessions.map((s) => [s.sessionId, s]));
  return rows.map((p) => ({ ...p, fix: fixForUnattributed(p, scope.project.attributionWindowDays, (p.checkoutSessionId && origin.get(p.checkoutSessionId)) || null) }));
}

/** Runs a failed (or any) event again now; processing is idempotent, so a processed one changes nothing. */
export async function rerunInboxEvent(actor: Actor, projectId: string, inboxId: unknown) {
  await authorizeProject(actor, projectId, 'manage');
  const id = inboxEventIdSchema.parse(inboxId);
  const updated = await prisma().stripeEvent.updateMany({
    where: { id, projectId, status: { in: ['failed', 'processed', 'pending'] } },
    data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  if (updated.count === 0) throw new DomainError('No such event to re-run (ignored events are never processed).', 400);
  const worker = inboxWorker();
  if (worker.running) worker.enqueue(id.toString());
}
