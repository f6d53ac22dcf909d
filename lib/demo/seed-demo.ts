import { rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { refreshAttributionForProject } from '@/lib/attribution/status';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newPublishableKey } from '@/lib/tenancy/tokens';

// A small, realistic demo: one organization with a shop project, ~1,500 visitors over the last 90
// days arriving through mixed channels, their touches and pageviews, and ~160 payments (some
// refunded, some in EUR, some unattributed, a few in test mode). Deterministic (seeded PRNG) and
// fast (a few multi-row inserts). Sign in as DEMO_OWNER_EMAIL (owner) or DEMO_VIEWER_EMAIL (viewer).

export const DEMO_OWNER_EMAIL = 'demo@zori.local';
export const DEMO_VIEWER_EMAIL = 'demo-viewer@zori.local';
const DEMO_SETTING = 'demo-project-id';
/** A readable, fixed id so the demo's dashboard has a stable URL (/projects/demo-shop). */
export const DEMO_PROJECT_ID = 'demo-shop';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Source = { channel: string; source?: string; medium?: string; campaign?: string; referrerDomain?: string; weight: number; buyRate: number };
const SOURCES: Source[] = [
  { channel: 'Organic Search', source: 'google', medium: 'organic', referrerDomain: 'www.google.com', weight: 30, buyRate: 0.08 },
  { channel: 'Direct', weight: 18, buyRate: 0.06 },
  { channel: 'Paid Search', source: 'google', medium: 'cpc', campaign: 'brand', weight: 12, buyRate: 0.12 },
  { channel: 'Paid Search', source: 'google', medium: 'cpc', campaign: 'competitors', weight: 6, buyRate: 0.05 },
  { channel: 'Paid Social', source: 'facebook', medium: 'paid_social', campaign: 'spring_sale', weight: 10, buyRate: 0.04 },
  { channel: 'Organic Social', source: 'news.ycombinator.com', referrerDomain: 'news.ycombinator.com', weight: 8, buyRate: 0.05 },
  { channel: 'Email', source: 'newsletter', medium: 'email', campaign: 'march_update', weight: 7, buyRate: 0.15 },
  { channel: 'Referral', source: 'producthunt.com', referrerDomain: 'www.producthunt.com', weight: 6, buyRate: 0.07 },
  { channel: 'AI Assistants', source: 'chatgpt.com', medium: 'referral', referrerDomain: 'chatgpt.com', weight: 4, buyRate: 0.11 },
  { channel: 'Affiliates', source: 'partnerstack', medium: 'affiliate', campaign: 'partners', weight: 3, buyRate: 0.1 },
];
const LANDINGS = ['/', '/pricing', '/blog/revenue-attribution', '/features', '/docs/getting-started'];
const PRICES = [1900, 4900, 9900, 19900];
const DAY = 86_400_000;

/** Creates the demo organization (idempotent: returns the existing demo project when there is one). */
export async function seedDemo(now = new Date()): Promise<{ projectId: string; created: boolean }> {
  const existing = await prisma().systemSetting.findUnique({ where: { key: DEMO_SETTING } });
  if (existing && (await prisma().project.findUnique({ where: { id: existing.value }, select: { id: true } }))) return { projectId: existing.value, created: false };

  const rand = prng(20260301);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const weighted = () => {
    let r = rand() * SOURCES.reduce((s, x) => s + x.weight, 0);
    for (const s of SOURCES) if ((r -= s.weight) < 0) return s;
    return SOURCES[0];
  };

  const [owner, viewer] = await Promise.all(
    [DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL].map((email) => prisma().user.upsert({ where: { email }, update: {}, create: { email, name: email.startsWith('demo-viewer') ? 'Demo viewer' : 'Demo owner' } })),
  );
  const org = await prisma().organization.create({
    data: { name: 'Demo organization', memberships: { create: [{ userId: owner.id, role: 'owner' }, { userId: viewer.id, role: 'viewer' }] } },
  });
  const project = await prisma().project.create({
    data: { id: DEMO_PROJECT_ID, organizationId: org.id, name: 'Demo shop', nameKey: 'demo shop', publishableKey: newPublishableKey(), timeZone: 'Europe/London', domains: ['shop.example.com'] },
  });
  const projectId = project.id;

  const visitors: { projectId: string; visitorId: string; firstSeenAt: Date; lastSeenAt: Date }[] = [];
  const touches: { projectId: string; visitorId: string; sessionId: string; occurredAt: Date; channel: string; source?: string; medium?: string; campaign?: string; referrerDomain?: string; landingPath: string }[] = [];
  const pageviews: { projectId: string; visitorId: string; sessionId: string; occurredAt: Date; path: string; referrerDomain?: string }[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];

  let paymentNo = 0;
  const addPayment = (p: { visitorId: string | null; paidAt: Date; customer: string; live?: boolean; status?: 'no_visitor_id' }) => {
    const amount = pick(PRICES);
    const eur = rand() < 0.12;
    const key = `pi_demo_${++paymentNo}`;
    payments.push({
      projectId,
      livemode: p.live ?? true,
      stripeAccount: 'acct_demo',
      paymentKey: key,
      paymentIntentId: key,
      customerId: p.customer,
      customerEmail: `${p.customer.replace('cus_', '')}@customers.example`,
      amount: BigInt(amount),
      currency: eur ? 'eur' : 'usd',
      reportingAmount: BigInt(eur ? Math.round(amount * 1.08) : amount),
      reportingCurrency: 'usd',
      fxSource: eur ? 'balance_transaction' : 'same_currency',
      amountRefunded: BigInt(rand() < 0.06 ? amount : 0),
      paidAt: p.paidAt,
      visitorId: p.visitorId,
      visitorIdSource: p.visitorId ? 'checkout_session' : null,
    });
  };

  for (let v = 1; v <= 1500; v++) {
    const visitorId = `demo-visitor-${v}`;
    const first = new Date(now.getTime() - rand() * 90 * DAY);
    const sessions = 1 + Math.floor(rand() * rand() * 4);
    let at = first;
    let buyer: Source | null = null;
    for (let s = 0; s < sessions && at < now; s++) {
      const src = s === 0 || rand() < 0.5 ? weighted() : SOURCES[1];
      const sessionId = `${visitorId}-s${s}`;
      const landingPath = src.channel === 'Organic Search' ? pick(LANDINGS) : src.campaign ? '/pricing' : pick(LANDINGS);
      touches.push({ projectId, visitorId, sessionId, occurredAt: at, channel: src.channel, source: src.source, medium: src.medium, campaign: src.campaign, referrerDomain: src.referrerDomain, landingPath });
      const views = 1 + Math.floor(rand() * 5);
      for (let k = 0; k < views; k++) pageviews.push({ projectId, visitorId, sessionId, occurredAt: new Date(at.getTime() + k * 40_000), path: k === 0 ? landingPath : pick(LANDINGS), referrerDomain: k === 0 ? src.referrerDomain : undefined });
      if (s === 0) buyer = src;
      at = new Date(at.getTime() + rand() * 10 * DAY);
    }
    visitors.push({ projectId, visitorId, firstSeenAt: first, lastSeenAt: at > now ? now : at });
    if (buyer && rand() < buyer.buyRate * 1.4) {
      const paidAt = new Date(Math.min(now.getTime() - 60_000, first.getTime() + rand() * 12 * DAY + 600_000));
      addPayment({ visitorId, paidAt, customer: `cus_demo${v}` });
      if (rand() < 0.2 && paidAt.getTime() + 30 * DAY < now.getTime()) addPayment({ visitorId, paidAt: new Date(paidAt.getTime() + 30 * DAY), customer: `cus_demo${v}` });
    }
    if (rand() < 0.004) addPayment({ visitorId, paidAt: new Date(first.getTime() + DAY / 2), customer: `cus_test${v}`, live: false });
  }
  // Payments whose checkout never carried a visitor id: shown as unattributed, never as Direct.
  for (let i = 0; i < 14; i++) addPayment({ visitorId: null, paidAt: new Date(now.getTime() - rand() * 88 * DAY), customer: `cus_offline${i}` });

  await prisma().visitor.createMany({ data: visitors });
  await prisma().touch.createMany({ data: touches });
  await prisma().pageview.createMany({ data: pageviews });
  await prisma().payment.createMany({ data: payments });
  await refreshAttributionForProject(projectId);
  await rebuildDirtyCredits(projectId);
  await prisma().systemSetting.upsert({ where: { key: DEMO_SETTING }, update: { value: projectId }, create: { key: DEMO_SETTING, value: projectId } });
  return { projectId, created: true };
}

/** With ZORI_DEMO=1 at start: seeds the demo when the database has no organization yet. */
export async function seedDemoIfEmpty(log: (msg: string) => void): Promise<void> {
  if ((await prisma().organization.count()) > 0) return;
  const t0 = Date.now();
  const { projectId } = await seedDemo();
  log(`[zori] demo data loaded in ${Date.now() - t0} ms: sign in as ${DEMO_OWNER_EMAIL} (owner) or ${DEMO_VIEWER_EMAIL} (viewer); dashboard at /projects/${projectId}`);
}

/** On an empty database, tell the newcomer how to load the demo. */
export async function offerDemo(log: (msg: string) => void): Promise<void> {
  if ((await prisma().organization.count()) > 0) return;
  log('[zori] empty database: run `npm run demo` (or start with ZORI_DEMO=1) to load a demo organization with realistic data');
}
