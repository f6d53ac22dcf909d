import { describe, expect, it } from 'vitest';
import { refreshAttributionForVisitors, refreshPaymentAttribution } from '@/lib/attribution/status';
import { prisma } from '@/lib/db/client';
import { updateProject } from '@/lib/tenancy/projects';
import { actorOf, makeTenant } from '../helpers/factories';

const DAY = 24 * 3600 * 1000;

async function payment(projectId: string, key: string, visitorId: string | null, paidAt: Date) {
  return prisma().payment.create({
    data: { projectId, livemode: true, stripeAccount: `acct_${projectId}`, paymentKey: key, amount: 1000n, currency: 'usd', reportingCurrency: 'usd', paidAt, visitorId },
  });
}

async function touch(projectId: string, visitorId: string, sessionId: string, occurredAt: Date) {
  await prisma().visitor.upsert({
    where: { projectId_visitorId: { projectId, visitorId } },
    create: { projectId, visitorId, firstSeenAt: occurredAt, lastSeenAt: occurredAt },
    update: {},
  });
  await prisma().touch.create({ data: { projectId, visitorId, sessionId, occurredAt, channel: 'Organic Social', source: 'twitter' } });
}

describe('attribution status', () => {
  it('classifies each payment by its visitor and the touches inside the window before it', async () => {
    const { project } = await makeTenant();
    const paidAt = new Date('2026-06-01T12:00:00Z');
    await touch(project.id, 'v-in', 's1', new Date(paidAt.getTime() - 10 * DAY));
    await touch(project.id, 'v-old', 's2', new Date(paidAt.getTime() - 100 * DAY));
    await touch(project.id, 'v-after', 's3', new Date(paidAt.getTime() + DAY));
    const ps = await Promise.all([
      payment(project.id, 'pi_1', 'v-in', paidAt),
      payment(project.id, 'pi_2', 'v-old', paidAt),
      payment(project.id, 'pi_3', 'v-after', paidAt),
      payment(project.id, 'pi_4', 'v-never', paidAt),
      payment(project.id, 'pi_5', null, paidAt),
    ]);
    expect(await refreshPaymentAttribution(project.id, ps.map((p) => p.id))).toBe(5);
    const status = Object.fromEntries(
      (await prisma().payment.findMany({ where: { projectId: project.id } })).map((p) => [p.paymentKey, p.attributionStatus]),
    );
    expect(status).toEqual({ pi_1: 'attributed', pi_2: 'outside_window', pi_3: 'unknown_visitor', pi_4: 'unknown_visitor', pi_5: 'no_visitor_id' });
  });

  it('credits a payment whose visitor touches arrive late, and leaves other projects alone', async () => {
    const a = await makeTenant();
    const b = await makeTenant();
    const paidAt = new Date('2026-06-01T12:00:00Z');
    const pa = await payment(a.project.id, 'pi_late', 'v-late', paidAt);
    const pb = await payment(b.project.id, 'pi_late', 'v-late', paidAt);
    await refreshPaymentAttribution(a.project.id, [pa.id]);
    await refreshPaymentAttribution(b.project.id, [pb.id]);
    await touch(a.project.id, 'v-late', 's1', new Date(paidAt.getTime() - 60_000));
    expect(await refreshAttributionForVisitors(a.project.id, ['v-late'])).toBe(1);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: pa.id } })).attributionStatus).toBe('attributed');
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: pb.id } })).attributionStatus).toBe('unknown_visitor');
  });

  it('counts a touch in the same second as the payment: Stripe stamps payments in whole seconds', async () => {
    const { project } = await makeTenant();
    const paidAt = new Date('2026-06-01T12:00:05Z'); // Stripe's created, i.e. some time in 12:00:05.xxx
    await touch(project.id, 'v-same-second', 's1', new Date('2026-06-01T12:00:05.415Z'));
    await touch(project.id, 'v-next-second', 's2', new Date('2026-06-01T12:00:06.000Z'));
    const ps = await Promise.all([payment(project.id, 'pi_same', 'v-same-second', paidAt), payment(project.id, 'pi_next', 'v-next-second', paidAt)]);
    await refreshPaymentAttribution(project.id, ps.map((p) => p.id));
    const status = Object.fromEntries((await prisma().payment.findMany({ where: { projectId: project.id } })).map((p) => [p.paymentKey, p.attributionStatus]));
    expect(status).toEqual({ pi_same: 'attributed', pi_next: 'unknown_visitor' });
  });

  it('re-evaluates payments when the project\'s attribution window changes', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const paidAt = new Date('2026-06-01T12:00:00Z');
    await touch(project.id, 'v-100d', 's1', new Date(paidAt.getTime() - 100 * DAY));
    const p = await payment(project.id, 'pi_window', 'v-100d', paidAt);
    await refreshPaymentAttribution(project.id, [p.id]);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: p.id } })).attributionStatus).toBe('outside_window');
    await updateProject(actorOf(byRole.owner!), project.id, { attributionWindowDays: 120 });
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: p.id } })).attributionStatus).toBe('attributed');
  });
});
