import { beforeAll, describe, expect, it } from 'vitest';
import { visitorsRollupAndRaw } from '@/lib/analytics/rollup-check';
import { addDays, todayIn } from '@/lib/analytics/period';
import { buildVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { visitorsFromRollup } from '@/lib/analytics/visitor-rollup/query';
import { authorizeProject, systemActor } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import type { TouchRow } from '@/lib/ingest/rows';
import { writeBatch } from '@/lib/ingest/write';
import { updateProject } from '@/lib/tenancy/projects';
import { makeTenant } from '../helpers/factories';

// The unique-visitors rollup against the raw touches, on random touches written through the
// ingest writer: built, then made stale by late touches (queries must stay exact meanwhile), then
// rebuilt, then reset by a time zone change. Every range compared is random.

let seed = 4242;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const DAY = 86_400_000;
let projectId: string;
let n = 0;

const CHANNELS = [
  { channel: 'Organic Search', source: 'google', medium: 'organic' },
  { channel: 'Paid Social', source: 'facebook', medium: 'paid_social' },
  { channel: 'Email', source: 'newsletter', medium: 'email' },
  { channel: 'Direct', source: '(direct)', medium: '(none)' },
];

/** Touches of random visitors (a pool of 60, so many return) between `daysAgo` days ago and now. */
async function writeTouches(count: number, daysAgo: number) {
  const touches: TouchRow[] = [];
  for (let i = 0; i < count; i++) {
    const c = pick(CHANNELS);
    touches.push({
      projectId,
      visitorId: `zv_${Math.floor(rand() * 60)}`,
      sessionId: `s_${n++}`,
      occurredAt: new Date(Date.now() - rand() * daysAgo * DAY),
      ...c,
      campaign: rand() < 0.3 ? pick(['spring', 'launch']) : null,
      term: null,
      content: null,
      referrerDomain: rand() < 0.2 ? 'news.example' : null,
      referrerPath: null,
      landingPath: pick(['/', '/pricing', '/docs']),
      clickIdType: null,
      clickId: null,
      onlyIfFirst: false,
    });
  }
  const visitors = [...new Set(touches.map((t) => t.visitorId))].map((visitorId) => {
    const at = touches.find((t) => t.visitorId === visitorId)!.occurredAt;
    return { projectId, visitorId, firstSeenAt: at, lastSeenAt: at, country: null, appUserIdHash: null, emailHash: null, identifiedAt: null };
  });
  await writeBatch({ visitors, touches, pageviews: [], events: [] });
}

async function scope() {
  return authorizeProject(systemActor, projectId, 'read');
}

/** Random ranges inside the last 45 days, the last one ending today. */
async function randomRanges(count: number) {
  const today = todayIn((await scope()).project.timeZone);
  return Array.from({ length: count }, (_, i) => {
    const to = i === 0 ? today : addDays(today, -Math.floor(rand() * 30));
    return { from: addDays(to, -Math.floor(rand() * 15)), to };
  });
}

const FILTERS = [undefined, { channel: 'Email' }, { medium: '(none)' }, { campaign: 'spring' }, { landing_page: '/docs' }, { channel: 'Email', campaign: 'launch' }];

/** Random ranges, each unfiltered and with one random filter (one value, or two: counted raw). */
async function expectAgreement(count: number) {
  for (const range of await randomRanges(count)) {
    for (const filter of [undefined, pick(FILTERS.slice(1))]) {
      const { rollup, raw } = await visitorsRollupAndRaw(await scope(), range, filter);
      expect(rollup, JSON.stringify({ range, filter })).toEqual(raw);
    }
  }
}

beforeAll(async () => {
  const { project } = await makeTenant(['owner']);
  projectId = project.id;
  await prisma().project.update({ where: { id: projectId }, data: { timeZone: 'America/New_York' } });
  await writeTouches(400, 45);
});

describe('the unique-visitors rollup agrees with the raw touches', () => {
  it('counts from the rollup once it is built', async () => {
    expect(await buildVisitorRollup(projectId)).toBeGreaterThan(40);
    const today = todayIn((await scope()).project.timeZone);
    const covered = await visitorsFromRollup(await scope(), { from: addDays(today, -29), to: today }, ['channel']);
    expect(covered).not.toBeNull();
    expect(await visitorsFromRollup(await scope(), { from: addDays(today, -29), to: today }, ['source'], { channel: 'Email' })).not.toBeNull();
    expect(covered!.total).toBeGreaterThan(30);
    await expectAgreement(12);
  });

  it('stays exact while late touches make built days stale, and after the rebuild', async () => {
    await writeTouches(60, 20); // many land on days already built
    expect(await prisma().dayRollupDirty.count({ where: { projectId, rollup: 'visitors' } })).toBeGreaterThan(0);
    await expectAgreement(12);
    await buildVisitorRollup(projectId);
    expect(await prisma().dayRollupDirty.count({ where: { projectId, rollup: 'visitors' } })).toBe(0);
    await expectAgreement(12);
  });

  it('is noticed when stale (a touch written behind its back)', async () => {
    const today = todayIn((await scope()).project.timeZone);
    const range = { from: addDays(today, -10), to: addDays(today, -2) };
    await prisma().touch.create({ data: { projectId, visitorId: 'zv_new', sessionId: `s_${n++}`, occurredAt: new Date(Date.now() - 5 * DAY), channel: 'Referral' } });
    const stale = await visitorsRollupAndRaw(await scope(), range);
    expect(stale.rollup).not.toEqual(stale.raw);
    await prisma().dayRollupDirty.create({ data: { projectId, rollup: 'visitors', fromDay: new Date(`${addDays(today, -6)}T00:00:00Z`) } });
    await buildVisitorRollup(projectId);
    const repaired = await visitorsRollupAndRaw(await scope(), range);
    expect(repaired.rollup).toEqual(repaired.raw);
  });

  it('starts over when the time zone changes', async () => {
    await updateProject(systemActor, projectId, { timeZone: 'Asia/Kolkata' });
    expect(await prisma().visitorDayCount.count({ where: { projectId } })).toBe(0);
    await expectAgreement(4);
    await buildVisitorRollup(projectId);
    expect(await prisma().visitorDayCount.count({ where: { projectId } })).toBeGreaterThan(0);
    await expectAgreement(12);
  });
});
