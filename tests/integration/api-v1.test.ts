import { beforeAll, describe, expect, it } from 'vitest';
import { GET as breakdownGET } from '@/app/api/v1/projects/[projectId]/revenue/breakdown/route';
import { GET as channelsGET } from '@/app/api/v1/projects/[projectId]/revenue/channels/route';
import { GET as timeseriesGET } from '@/app/api/v1/projects/[projectId]/revenue/timeseries/route';
import { GET as paymentsGET } from '@/app/api/v1/projects/[projectId]/payments/route';
import { GET as openapiGET } from '@/app/api/v1/openapi.json/route';
import { prisma } from '@/lib/db/client';
import { addApiKey, addPayment, addTouch } from '../helpers/analytics-data';
import { makeTenant } from '../helpers/factories';

// The public API through its real route handlers (they read only the Request, so they are called
// directly with a real Request object), on the real PostgreSQL.

type Handler = (req: Request, ctx: { params: Promise<{ projectId: string }> }) => Promise<Response>;
async function call(handler: Handler, projectId: string, path: string, key?: string) {
  const req = new Request(`http://zori.test/api/v1/projects/${projectId}/${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const res = await handler(req, { params: Promise.resolve({ projectId }) });
  return { status: res.status, body: await res.json() };
}

let projectId: string;
let key: string;
let otherProjectId: string;
let otherKey: string;

beforeAll(async () => {
  const t = await makeTenant(['owner']);
  projectId = t.project.id;
  await prisma().project.update({ where: { id: projectId }, data: { timeZone: 'America/New_York', reportingCurrency: 'usd' } });
  key = (await addApiKey(projectId)).key;

  // Visitor A: Paid Search (Jan 10), then Direct (Jan 20), pays 100.00 on Jan 21, 30.00 refunded.
  await addTouch(projectId, 'va', '2026-01-10T15:00:00Z', { channel: 'Paid Search', source: 'google', medium: 'cpc', campaign: 'winter', landingPath: '/pricing' });
  await addTouch(projectId, 'va', '2026-01-20T15:00:00Z', { channel: 'Direct', landingPath: '/' });
  await addPayment(projectId, { paidAt: '2026-01-21T15:00:00Z', amount: 10_000, visitorId: 'va', customerId: 'cus_a', refunded: 3_000 });
  // Visitor B: Organic Social only, pays 50.00 on Jan 22 and 25.00 on Jan 25 (returning customer).
  await addTouch(projectId, 'vb', '2026-01-15T15:00:00Z', { channel: 'Organic Social', source: 'twitter.com', referrerDomain: 'twitter.com', landingPath: '/blog' });
  await addPayment(projectId, { paidAt: '2026-01-22T15:00:00Z', amount: 5_000, visitorId: 'vb', customerId: 'cus_b' });
  await addPayment(projectId, { paidAt: '2026-01-25T15:00:00Z', amount: 2_500, visitorId: 'vb', customerId: 'cus_b' });
  // Unattributed: no visitor id, and a visitor whose only touch is after the payment.
  await addPayment(projectId, { paidAt: '2026-01-23T15:00:00Z', amount: 1_000, customerId: 'cus_c' });
  await addTouch(projectId, 'vlate', '2026-01-24T16:00:00Z', { channel: 'Email', source: 'newsletter' });
  await addPayment(projectId, { paidAt: '2026-01-24T15:00:00Z', amount: 700, visitorId: 'vlate', status: 'unknown_visitor' });
  // Test mode and an unconverted EUR payment never mix into live USD totals.
  await addPayment(projectId, { paidAt: '2026-01-21T16:00:00Z', amount: 99_999, visitorId: 'va', livemode: false });
  await addPayment(projectId, { paidAt: '2026-01-21T17:00:00Z', amount: 4_200, currency: 'eur', reportingAmount: null, visitorId: 'va' });

  const o = await makeTenant(['owner']);
  otherProjectId = o.project.id;
  otherKey = (await addApiKey(otherProjectId)).key;
  await addPayment(otherProjectId, { paidAt: '2026-01-21T15:00:00Z', amount: 123_456, visitorId: 'va' });
});

const JAN = 'from=2026-01-01&to=2026-01-31';

describe('authentication and tenant isolation', () => {
  it('refuses a missing, unknown or revoked key with 401 and a JSON error', async () => {
    const revoked = (await addApiKey(projectId, true)).key;
    for (const k of [undefined, 'zori_nope', revoked]) {
      const res = await call(channelsGET, projectId, `revenue/channels?${JAN}`, k);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toMatch(/key/i);
    }
  });
  it("answers 404 for another project's key, and the other project's data never shows", async () => {
    const res = await call(channelsGET, projectId, `revenue/channels?${JAN}`, otherKey);
    expect(res.status).toBe(404);
    const own = await call(channelsGET, otherProjectId, `revenue/channels?${JAN}`, otherKey);
    expect(own.body.totals.revenue).toBe(123_456);
  });
  it('records lastUsedAt', async () => {
    const { key: k, row } = await addApiKey(projectId);
    await call(channelsGET, projectId, `revenue/channels?${JAN}`, k);
    expect((await prisma().apiKey.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt).not.toBeNull();
  });
});

describe('parameter validation', () => {
  it.each([
    ['revenue/channels?model=best', 'model'],
    ['revenue/channels?mode=prod', 'mode'],
    ['revenue/channels?from=2026-02-30', 'from'],
    ['revenue/channels?from=2026-02-10&to=2026-02-01', 'from'],
    ['revenue/channels?colour=red', 'colour'],
    ['revenue/breakdown?dimension=country', 'dimension'],
    ['revenue/breakdown?dimension=source&limit=0', 'limit'],
    ['revenue/timeseries?interval=hour', 'interval'],
    ['payments?status=pending', 'status'],
    ['payments?cursor=garbage', 'cursor'],
  ])('%s -> 400 naming %s', async (path, param) => {
    const handler = path.startsWith('payments') ? paymentsGET : path.includes('breakdown') ? breakdownGET : path.includes('timeseries') ? timeseriesGET : channelsGET;
    const res = await call(handler, projectId, path, key);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(param);
  });
});

describe('GET revenue/channels', () => {
  it('first touch: everything to the first touch, unattributed apart, test mode and unconverted money excluded', async () => {
    const { status, body } = await call(channelsGET, projectId, `revenue/channels?${JAN}`, key);
    expect(status).toBe(200);
    expect(body.currency).toBe('usd');
    expect(body.model).toBe('first_touch');
    expect(body.totals).toMatchObject({
      revenue: 10_000 + 5_000 + 2_500 + 1_000 + 700,
      refunded: 3_000,
      net: 19_200 - 3_000,
      payments: 5,
      customers: 4,
      unattributed: { revenue: 1_700, payments: 2 },
    });
    expect(body.totals.unconverted).toEqual([{ currency: 'eur', amount: 4_200, payments: 1 }]);
    const byName = Object.fromEntries(body.rows.map((r: { channel: string }) => [r.channel, r]));
    expect(byName['Paid Search']).toMatchObject({ revenue: 10_000, refunded: 3_000, net: 7_000, payments: 1, customers: 1, visitors: 1 });
    expect(byName['Organic Social']).toMatchObject({ revenue: 7_500, payments: 2, customers: 1, visitors: 1 });
    expect(byName.Direct).toMatchObject({ revenue: 0, visitors: 1 });
    expect(body.rows.map((r: { channel: string }) => r.channel)).not.toContain('Unattributed');
  });
  it('last non-direct and linear models move the credit; totals stay the same', async () => {
    const last = (await call(channelsGET, projectId, `revenue/channels?${JAN}&model=last_touch`, key)).body;
    expect(last.rows.find((r: { channel: string }) => r.channel === 'Paid Search').revenue).toBe(10_000);
    const linear = (await call(channelsGET, projectId, `revenue/channels?${JAN}&model=linear`, key)).body;
    const by = Object.fromEntries(linear.rows.map((r: { channel: string; revenue: number }) => [r.channel, r.revenue]));
    expect(by).toMatchObject({ 'Paid Search': 5_000, Direct: 5_000, 'Organic Social': 7_500 });
    expect(linear.totals.revenue).toBe(last.totals.revenue);
  });
  it('test mode shows only test payments', async () => {
    const { body } = await call(channelsGET, projectId, `revenue/channels?${JAN}&mode=test`, key);
    expect(body.totals.revenue).toBe(99_999);
    expect(body.totals.payments).toBe(1);
  });
});

describe('GET revenue/breakdown', () => {
  it('ranks sources by revenue, with (none) for touches without one, and honours limit', async () => {
    const { body } = await call(breakdownGET, projectId, `revenue/breakdown?dimension=source&${JAN}`, key);
    expect(body.rows.slice(0, 2)).toEqual([
      { value: 'google', revenue: 10_000, net: 7_000, payments: 1, customers: 1, visitors: 1 },
      { value: 'twitter.com', revenue: 7_500, net: 7_500, payments: 2, customers: 1, visitors: 1 },
    ]);
    const limited = await call(breakdownGET, projectId, `revenue/breakdown?dimension=landing_page&limit=1&${JAN}`, key);
    expect(limited.body.rows).toEqual([{ value: '/pricing', revenue: 10_000, net: 7_000, payments: 1, customers: 1, visitors: 1 }]);
  });
});

describe('GET revenue/timeseries', () => {
  it('buckets by day in the project zone, stacked by channel, with unattributed as its own series', async () => {
    const { body } = await call(timeseriesGET, projectId, 'revenue/timeseries?from=2026-01-21&to=2026-01-23', key);
    expect(body.points).toEqual([
      { date: '2026-01-21', revenue: 10_000, net: 7_000, byChannel: { 'Paid Search': 10_000 } },
      { date: '2026-01-22', revenue: 5_000, net: 5_000, byChannel: { 'Organic Social': 5_000 } },
      { date: '2026-01-23', revenue: 1_000, net: 1_000, byChannel: { Unattributed: 1_000 } },
    ]);
  });
  it('months and weeks (weeks start on Monday)', async () => {
    const month = (await call(timeseriesGET, projectId, `revenue/timeseries?interval=month&${JAN}`, key)).body;
    expect(month.points).toHaveLength(1);
    expect(month.points[0].revenue).toBe(19_200);
    const week = (await call(timeseriesGET, projectId, `revenue/timeseries?interval=week&${JAN}`, key)).body;
    expect(week.points.map((p: { date: string }) => p.date)).toEqual(['2025-12-29', '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect(week.points[3].revenue).toBe(19_200);
  });
  it('day boundaries follow the zone across a DST change (New York, 2026-03-08)', async () => {
    const t = await makeTenant(['owner']);
    await prisma().project.update({ where: { id: t.project.id }, data: { timeZone: 'America/New_York' } });
    const k = (await addApiKey(t.project.id)).key;
    await addPayment(t.project.id, { paidAt: '2026-03-08T04:30:00Z', amount: 100 }); // Mar 7, 23:30 EST
    await addPayment(t.project.id, { paidAt: '2026-03-08T05:30:00Z', amount: 200 }); // Mar 8, 00:30 EST
    await addPayment(t.project.id, { paidAt: '2026-03-09T03:30:00Z', amount: 400 }); // Mar 8, 23:30 EDT
    await addPayment(t.project.id, { paidAt: '2026-03-09T04:30:00Z', amount: 800 }); // Mar 9, 00:30 EDT
    const { body } = await call(timeseriesGET, t.project.id, 'revenue/timeseries?from=2026-03-07&to=2026-03-09', k);
    expect(body.points.map((p: { date: string; revenue: number }) => [p.date, p.revenue])).toEqual([
      ['2026-03-07', 100],
      ['2026-03-08', 600],
      ['2026-03-09', 800],
    ]);
    const oneDay = await call(channelsGET, t.project.id, 'revenue/channels?from=2026-03-08&to=2026-03-08', k);
    expect(oneDay.body.totals.revenue).toBe(600);
  });
});

describe('GET payments', () => {
  it('pages newest first with a cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { data: { id: string; paidAt: string }[]; nextCursor: string | null } } = await call(
        paymentsGET,
        projectId,
        `payments?${JAN}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        key,
      );
      seen.push(...res.body.data.map((p) => p.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6); // 5 USD live + 1 unconverted EUR live
    const all = (await call(paymentsGET, projectId, `payments?${JAN}&limit=50`, key)).body.data;
    expect(all.map((p: { id: string }) => p.id)).toEqual(seen);
    const times = all.map((p: { paidAt: string }) => p.paidAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
  it('filters by attribution status and shows the reason', async () => {
    const un = (await call(paymentsGET, projectId, `payments?${JAN}&status=unattributed`, key)).body.data;
    expect(un.map((p: { amount: number; attribution: { status: string } }) => [p.amount, p.attribution.status]).sort()).toEqual([
      [1_000, 'no_visitor_id'],
      [700, 'unknown_visitor'],
    ]);
    const at = (await call(paymentsGET, projectId, `payments?${JAN}&status=attributed`, key)).body.data;
    const big = at.find((p: { amount: number }) => p.amount === 10_000);
    expect(big).toMatchObject({ currency: 'usd', reportingAmount: 10_000, refunded: 3_000, customerId: 'cus_a' });
    expect(big.attribution).toMatchObject({ status: 'attributed', visitorId: 'va', channel: 'Paid Search', source: 'google', medium: 'cpc', campaign: 'winter' });
    const eur = at.find((p: { currency: string }) => p.currency === 'eur');
    expect(eur.reportingAmount).toBeNull();
  });
  it('test mode lists test payments only', async () => {
    const data = (await call(paymentsGET, projectId, `payments?${JAN}&mode=test`, key)).body.data;
    expect(data.map((p: { amount: number }) => p.amount)).toEqual([99_999]);
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every endpoint', async () => {
    const doc = await (await openapiGET()).json();
    expect(Object.keys(doc.paths)).toEqual([
      '/api/v1/projects/{projectId}/revenue/channels',
      '/api/v1/projects/{projectId}/revenue/breakdown',
      '/api/v1/projects/{projectId}/revenue/timeseries',
      '/api/v1/projects/{projectId}/payments',
    ]);
  });
});
