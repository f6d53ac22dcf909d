import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { coveredThrough } from '@/lib/analytics/day-rollups/engine';
import { addDays, todayIn } from '@/lib/analytics/period';
import { reclassifyProjectChannels } from '@/lib/analytics/reclassify-channels';
import { buildRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { verifyRollup, visitorsRollupAndRaw } from '@/lib/analytics/rollup-check';
import { buildVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { authorizeProject, systemActor } from '@/lib/authz';
import { CHANNEL_RULES_VERSION } from '@/lib/channels/classify';
import { sessionSource } from '@/lib/channels/session-source';
import { seal } from '@/lib/crypto/secrets';
import { pool, prisma } from '@/lib/db/client';
import type { TouchRow } from '@/lib/ingest/rows';
import { writeBatch } from '@/lib/ingest/write';
import { forgetWebhookTarget } from '@/lib/stripe/connection';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { actorOf, makeTenant } from '../helpers/factories';
import { charge, event, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

// History stored before the AI Assistants channel keeps its channel until the project asks for the
// current rules; then the touches move and every rollup follows exactly (checked against the raw
// rows, as `zori rollup verify` does). Payments go through the real webhook route and worker.

const DAY = 86400_000;
let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();
beforeAll(async () => {
  server = await startWebhookServer();
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  await server.close();
});

/** A touch as the ingest path stored it under the rules of its day (`channel` given: the old rules). */
function touch(projectId: string, visitorId: string, daysAgo: number, t: { source: string; medium: string; channel: string; campaign?: string }): TouchRow {
  return {
    projectId, visitorId, sessionId: `s_${uid()}`, occurredAt: new Date(Date.now() - daysAgo * DAY), channel: t.channel, source: t.source, medium: t.medium,
    campaign: t.campaign ?? null, term: null, content: null, referrerDomain: t.medium === 'referral' ? t.source : null, referrerPath: null, landingPath: '/pricing',
    clickIdType: null, clickId: null, onlyIfFirst: false,
  };
}

async function setUp() {
  const { project, byRole } = await makeTenant(['owner', 'viewer']);
  const secret = `whsec_${uid()}`;
  await prisma().project.update({ where: { id: project.id }, data: { channelRulesVersion: 1 } }); // created before the AI channel
  await prisma().stripeConnection.create({ data: { projectId: project.id, kind: 'self_hosted', stripeAccountId: `acct_${uid()}`, webhookSecrets: [seal(secret)] } });
  forgetWebhookTarget(project.id);
  const v = { chatgpt: `v_${uid()}`, perplexity: `v_${uid()}`, utm: `v_${uid()}`, google: `v_${uid()}`, reddit: `v_${uid()}` };
  const touches = [
    // As the rules before AI Assistants stored them.
    touch(project.id, v.chatgpt, 20, { source: 'chatgpt.com', medium: 'referral', channel: 'Referral' }),
    touch(project.id, v.perplexity, 12, { source: 'perplexity.ai', medium: 'referral', channel: 'Referral' }),
    touch(project.id, v.utm, 9, { source: 'chatgpt.com', medium: '(not set)', channel: 'Unassigned' }),
    touch(project.id, v.utm, 6, { source: 'google', medium: 'organic', channel: 'Organic Search' }),
    touch(project.id, v.google, 8, { source: 'google', medium: 'organic', channel: 'Organic Search' }),
    touch(project.id, v.reddit, 7, { source: 'reddit.com', medium: 'referral', channel: 'Organic Social' }),
  ];
  const visitors = Object.values(v).map((visitorId) => {
    const at = new Date(Math.min(...touches.filter((t) => t.visitorId === visitorId).map((t) => t.occurredAt.getTime())));
    return { projectId: project.id, visitorId, firstSeenAt: at, lastSeenAt: at, country: null, appUserIdHash: null, emailHash: null, identifiedAt: null };
  });
  await writeBatch({ visitors, touches, pageviews: [], events: [] });
  // One payment per visitor, a few days after their visit, through the webhook route.
  const paid: Record<keyof typeof v, number> = { chatgpt: 18, perplexity: 10, utm: 5, google: 4, reddit: 3 };
  for (const [k, visitorId] of Object.entries(v) as [keyof typeof v, string][]) {
    const body = JSON.stringify(event('charge.succeeded', { ...charge({ amount: 1000 + paid[k], metadata: { zori_visitor_id: visitorId } }), created: Math.floor(Date.now() / 1000) - paid[k] * 86400 }));
    expect((await server.post(project.id, body, { 'stripe-signature': signedHeader(body, secret) })).status).toBe(200);
  }
  await worker.idle();
  await rebuildDirtyCredits(project.id);
  await buildVisitorRollup(project.id);
  await buildRevenueRollup(project.id);
  const scope = await authorizeProject(systemActor, project.id, 'read');
  return { projectId: project.id, owner: actorOf(byRole.owner!), viewer: actorOf(byRole.viewer!), v, scope };
}

const channelsOf = async (projectId: string) =>
  Object.fromEntries((await prisma().touch.findMany({ where: { projectId }, select: { visitorId: true, source: true, channel: true } })).map((t) => [`${t.visitorId}:${t.source}`, t.channel]));
const creditChannel = async (projectId: string, visitorId: string, model: 'first_touch' | 'last_touch') =>
  (await prisma().revenueCredit.findFirstOrThrow({ where: { projectId, visitorId, model, kind: 'payment' } })).channel;
/** Revenue per channel as the rollup (and the dashboard) reads it, first-touch model. */
async function revenueByChannel(projectId: string) {
  const { rows } = await pool().query<{ channel: string; revenue: string }>(
    `SELECT channel, sum(revenue)::text AS revenue FROM "RevenueCredit" WHERE "projectId" = $1 AND model = 'first_touch' AND kind = 'payment' GROUP BY 1 ORDER BY 1`,
    [projectId],
  );
  return Object.fromEntries(rows.map((r) => [r.channel, Number(r.revenue)]));
}
async function expectRollupsExact(scope: Awaited<ReturnType<typeof setUp>>['scope']) {
  const range = { from: addDays(todayIn('UTC'), -40), to: todayIn('UTC') };
  for (const r of await verifyRollup(scope, range)) expect(r.difference, `${r.model} ${r.mode}`).toBeNull();
  const visitors = await visitorsRollupAndRaw(scope, range);
  expect(visitors.rollup).toEqual(visitors.raw);
  for (const channel of ['AI Assistants', 'Referral', 'Organic Search']) {
    const filtered = await visitorsRollupAndRaw(scope, range, { channel });
    expect(filtered.rollup, channel).toEqual(filtered.raw);
  }
}

describe('AI Assistants for history (Settings › Channels)', () => {
  it('new visits from AI assistants are classified AI Assistants by the ingest rules', () => {
    expect(sessionSource({ referrerHost: 'chatgpt.com' }, ['shop.example.test']).channel).toBe('AI Assistants');
  });

  it('keeps stored channels until asked, then moves them and rebuilds credits and day rollups exactly', async () => {
    const { projectId, owner, v, scope } = await setUp();
    expect(await coveredThrough('revenue', projectId)).toBe(addDays(todayIn('UTC'), -1));
    expect(await revenueByChannel(projectId)).toEqual({ Referral: 1018 + 1010, Unassigned: 1005, 'Organic Search': 1004, 'Organic Social': 1003 });
    await expectRollupsExact(scope);

    const result = await reclassifyProjectChannels(owner, projectId);
    expect(result).toMatchObject({ touches: 3, payments: 3, rulesVersion: CHANNEL_RULES_VERSION });
    expect(result.from?.getTime()).toBeCloseTo(Date.now() - 20 * DAY, -5);
    expect(await channelsOf(projectId)).toEqual({
      [`${v.chatgpt}:chatgpt.com`]: 'AI Assistants',
      [`${v.perplexity}:perplexity.ai`]: 'AI Assistants',
      [`${v.utm}:chatgpt.com`]: 'AI Assistants',
      [`${v.utm}:google`]: 'Organic Search',
      [`${v.google}:google`]: 'Organic Search',
      [`${v.reddit}:reddit.com`]: 'Organic Social',
    });
    // The utm=chatgpt.com visitor came back from Google: first touch AI, last touch search.
    expect(await creditChannel(projectId, v.utm, 'first_touch')).toBe('AI Assistants');
    expect(await creditChannel(projectId, v.utm, 'last_touch')).toBe('Organic Search');
    expect(await revenueByChannel(projectId)).toEqual({ 'AI Assistants': 1018 + 1010 + 1005, 'Organic Search': 1004, 'Organic Social': 1003 });
    // The day rollups were rebuilt, not just bypassed: they answer through yesterday again.
    expect(await coveredThrough('revenue', projectId)).toBe(addDays(todayIn('UTC'), -1));
    expect(await coveredThrough('visitors', projectId)).toBe(addDays(todayIn('UTC'), -1));
    await expectRollupsExact(scope);
    expect((await prisma().project.findUniqueOrThrow({ where: { id: projectId } })).channelRulesVersion).toBe(CHANNEL_RULES_VERSION);

    // Once more: nothing left to move.
    expect(await reclassifyProjectChannels(owner, projectId)).toMatchObject({ touches: 0, payments: 0 });
    await expectRollupsExact(scope);
  });

  it('only owners and admins may reclassify; nothing moves otherwise', async () => {
    const { projectId, viewer } = await setUp();
    await expect(reclassifyProjectChannels(viewer, projectId)).rejects.toThrow();
    expect(await revenueByChannel(projectId)).toMatchObject({ Referral: 1018 + 1010 });
    expect((await prisma().project.findUniqueOrThrow({ where: { id: projectId } })).channelRulesVersion).toBe(1);
  });
});
