import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { hashIdentity } from '@/lib/identity/hash';
import { forgetCachedProjects } from '@/lib/ingest/project-cache';
import { ingestBuffer } from '@/lib/ingest/queue';
import { randomToken } from '@/lib/tenancy/tokens';
import { handleIngest } from '@/server/routes/ingest';
import { handleTrackerScript } from '@/server/routes/tracker-script';
import { makeTenant } from '../helpers/factories';

// /ingest over real HTTP (the lean handler on node:http, no Next) against the real database.

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ORIGIN = 'https://shop.example.test';
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    void (pathname === '/ingest' ? handleIngest(req, res) : handleTrackerScript(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await ingestBuffer().flush();
  await new Promise((r) => server.close(r));
});

const id = () => randomToken(22);
type Body = Record<string, unknown>;

async function post(body: Body | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: ORIGIN, 'user-agent': CHROME, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

function beacon(key: string, vid: string | null, sid: string, events: Body[], extra: Body = {}): Body {
  const now = Date.now();
  return { key, vid, sid, now, events: events.map((e) => ({ ts: now, ...e })), ...extra };
}

async function stored(projectId: string) {
  await ingestBuffer().flush();
  const where = { projectId };
  const [visitors, touches, pageviews, events] = await Promise.all([
    prisma().visitor.findMany({ where }),
    prisma().touch.findMany({ where, orderBy: { occurredAt: 'asc' } }),
    prisma().pageview.findMany({ where, orderBy: { occurredAt: 'asc' } }),
    prisma().trackedEvent.findMany({ where }),
  ]);
  return { visitors, touches, pageviews, events };
}

describe('POST /ingest', () => {
  it('stores a visitor, one touch per session with its GA4 channel, page views and events', async () => {
    const { project } = await makeTenant();
    const vid = id();
    const sid = id();
    const session = { referrer: 'https://l.facebook.com/l.php', utm_source: 'facebook', utm_medium: 'paid_social', utm_campaign: 'launch' };
    const first = await post(beacon(project.publishableKey, vid, sid, [{ type: 'pageview', path: '/pricing', session }]), { 'cf-ipcountry': 'de' });
    expect(first.status).toBe(202);
    expect(first.json).toEqual({ accepted: 1 });
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    // The same session again (a retried beacon, a reload) adds page views, not touches.
    await post(beacon(project.publishableKey, vid, sid, [{ type: 'pageview', path: '/pricing', session }, { type: 'event', name: 'signup', props: { plan: 'pro' } }]));

    const s = await stored(project.id);
    expect(s.visitors).toHaveLength(1);
    expect(s.visitors[0]).toMatchObject({ visitorId: vid, country: 'DE' });
    expect(s.touches).toHaveLength(1);
    expect(s.touches[0]).toMatchObject({ sessionId: sid, channel: 'Paid Social', source: 'facebook', medium: 'paid_social', campaign: 'launch', referrerDomain: 'l.facebook.com', referrerPath: '/l.php', landingPath: '/pricing' });
    expect(s.visitors[0].firstTouchId).toBe(s.touches[0].id);
    expect(s.pageviews.map((p) => p.path)).toEqual(['/pricing', '/pricing']);
    expect(s.events).toMatchObject([{ name: 'signup', props: { plan: 'pro' }, visitorId: vid }]);
  });

  it('accepts subdomains of a listed domain and a Referer when Origin is missing', async () => {
    const { project } = await makeTenant();
    expect((await post(beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/' }]), { origin: 'https://www.shop.example.test' })).status).toBe(202);
    const viaReferer = await post(beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/' }]), { origin: '', referer: 'https://shop.example.test/a?b=c' });
    expect(viaReferer.status).toBe(202);
    expect((await stored(project.id)).pageviews).toHaveLength(2);
  });

  it('a new session from a self-referral or payment page adds no touch; a first visit from one counts as Direct', async () => {
    const { project } = await makeTenant();
    const vid = id();
    await post(beacon(project.publishableKey, vid, id(), [{ type: 'pageview', path: '/', session: { referrer: 'https://news.ycombinator.com/item' } }]));
    await post(beacon(project.publishableKey, vid, id(), [{ type: 'pageview', path: '/thanks', session: { referrer: 'https://checkout.stripe.com/c/pay/cs_123' } }]));
    await post(beacon(project.publishableKey, vid, id(), [{ type: 'pageview', path: '/', session: { referrer: 'https://shop.example.test/blog' } }]));
    const other = id();
    await post(beacon(project.publishableKey, other, id(), [{ type: 'pageview', path: '/', session: { referrer: 'https://blog.shop.example.test/' } }]));
    const s = await stored(project.id);
    expect(s.touches.filter((t) => t.visitorId === vid).map((t) => t.channel)).toEqual(['Organic Social']);
    expect(s.touches.filter((t) => t.visitorId === other).map((t) => t.channel)).toEqual(['Direct']);
  });

  it('identify() stores salted hashes that match hashIdentity (the Stripe side computes the same)', async () => {
    const { project } = await makeTenant();
    const vid = id();
    await post(beacon(project.publishableKey, vid, id(), [{ type: 'pageview', path: '/' }, { type: 'identify', app_id: 42, email: ' Ada@Example.com ' }]));
    const [v] = (await stored(project.id)).visitors;
    const salt = (await prisma().project.findUniqueOrThrow({ where: { id: project.id } })).identitySalt;
    expect(v.appUserIdHash).toBe(hashIdentity(salt, 'app_user', '42'));
    expect(v.emailHash).toBe(hashIdentity(salt, 'email', 'ada@example.com'));
    expect(v.identifiedAt).not.toBeNull();
    expect(JSON.stringify(v)).not.toContain('example.com');
  });

  it('Do Not Track (project honours it) and cookieless beacons count page views without a visitor', async () => {
    const { project } = await makeTenant();
    await post(beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/dnt', session: { utm_source: 'x' } }, { type: 'identify', email: 'a@b.c' }], { dnt: true }));
    await post(beacon(project.publishableKey, null, id(), [{ type: 'pageview', path: '/cookieless', session: { referrer: 'https://www.google.com/' } }]));
    const s = await stored(project.id);
    expect(s.visitors).toEqual([]);
    expect(s.touches).toEqual([]);
    expect(s.pageviews.map((p) => [p.path, p.visitorId, p.referrerDomain])).toEqual(
      expect.arrayContaining([['/dnt', null, null], ['/cookieless', null, 'www.google.com']]),
    );
  });

  it('takes event times by the client clock offset: never in the future, at most a day back', async () => {
    const { project } = await makeTenant();
    const before = Date.now();
    const skewed = before + 3600_000; // client clock an hour ahead
    await post({ key: project.publishableKey, vid: id(), sid: id(), now: skewed, events: [{ type: 'pageview', path: '/a', ts: skewed - 5000 }, { type: 'pageview', path: '/b', ts: skewed + 60_000 }, { type: 'pageview', path: '/c', ts: 0 }] });
    const after = Date.now();
    const at = Object.fromEntries((await stored(project.id)).pageviews.map((p) => [p.path, p.occurredAt.getTime()]));
    expect(at['/a']).toBeGreaterThanOrEqual(before - 5000 - 5);
    expect(at['/a']).toBeLessThanOrEqual(after - 5000 + 5);
    expect(at['/b']).toBeLessThanOrEqual(after);
    expect(at['/c']).toBeGreaterThanOrEqual(before - 24 * 3600_000 - 5);
  });

  it('credits a payment that named the visitor before its beacons arrived (late beacon)', async () => {
    const { project } = await makeTenant();
    const vid = id();
    const paidAt = new Date();
    const payment = await prisma().payment.create({
      data: { projectId: project.id, livemode: true, stripeAccount: `acct_${project.id}`, paymentKey: `pi_${id()}`, amount: 5000n, currency: 'usd', reportingCurrency: 'usd', paidAt, visitorId: vid, attributionStatus: 'unknown_visitor' },
    });
    // The visit happened 10 minutes before the payment; the beacon only arrives now.
    const now = Date.now();
    await post({ key: project.publishableKey, vid, sid: id(), now, events: [{ type: 'pageview', path: '/', ts: now - 600_000, session: { utm_source: 'newsletter', utm_medium: 'email' } }] });
    await stored(project.id);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).attributionStatus).toBe('attributed');
  });
});

describe('POST /ingest rejects bad requests and stores nothing of them', () => {
  it('unknown key 403, foreign origin 403 without CORS, bot 202 dropped', async () => {
    const { project } = await makeTenant();
    const good = beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/' }]);
    const unknown = await post({ ...good, key: 'zpk_doesnotexist' });
    expect(unknown).toMatchObject({ status: 403, json: { error: 'Unknown publishable key' } });
    const foreign = await post(good, { origin: 'https://evil.example.net' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toMatch(/not one of this project's domains/);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(good, { origin: '' })).status).toBe(403);
    const bot = await post(good, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    expect(bot).toMatchObject({ status: 202, json: { accepted: 0, dropped: 'bot' } });
    const headless = await post(good, { 'user-agent': CHROME.replace('Chrome/', 'HeadlessChrome/') });
    expect(headless.json.dropped).toBe('bot');
    expect(await stored(project.id)).toMatchObject({ visitors: [], pageviews: [], touches: [] });
  });

  it('malformed bodies get 400 with a clear message; bodies over 64 KB get 413', async () => {
    const { project } = await makeTenant();
    expect(await post('{not json')).toMatchObject({ status: 400, json: { error: 'Body must be JSON' } });
    const badPath = await post(beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: 'no-slash' }]));
    expect(badPath.status).toBe(400);
    expect(badPath.json.error).toBe('Invalid beacon: events.0.path: must start with /');
    const badId = await post(beacon(project.publishableKey, 'short', id(), [{ type: 'pageview', path: '/' }]));
    expect(badId.json.error).toMatch(/^Invalid beacon: vid: must be 16–64 characters/);
    const mixed = await post(beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/ok' }, { type: 'teleport' }]));
    expect(mixed.status).toBe(400);
    const noEvents = await post(beacon(project.publishableKey, id(), id(), []));
    expect(noEvents.json.error).toMatch(/at least one event/);
    const huge = await post(beacon(project.publishableKey, id(), id(), [{ type: 'event', name: 'x', props: { a: 'y'.repeat(70_000) } }]));
    expect(huge.status).toBe(413);
    expect(await stored(project.id)).toMatchObject({ visitors: [], pageviews: [], events: [] });
  });

  it('answers CORS preflight and refuses other methods', async () => {
    const pre = await fetch(`${base}/ingest`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    expect((await fetch(`${base}/ingest`)).status).toBe(405);
  });

  it('sees a domain added to the project once the cache entry expires (or is forgotten)', async () => {
    const { project } = await makeTenant();
    const b = beacon(project.publishableKey, id(), id(), [{ type: 'pageview', path: '/' }]);
    expect((await post(b, { origin: 'https://new.example.org' })).status).toBe(403);
    await prisma().project.update({ where: { id: project.id }, data: { domains: ['shop.example.test', 'new.example.org'] } });
    forgetCachedProjects();
    expect((await post(b, { origin: 'https://new.example.org' })).status).toBe(202);
  });
});

describe('GET /zori.js', () => {
  it('serves the minified tracker compressed, with an ETag and long cache, and 304 on revalidation', async () => {
    const res = await fetch(`${base}/zori.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toMatch(/max-age=86400/);
    const body = await res.text();
    expect(body).toContain('zori_visitor_id');
    expect(Number(res.headers.get('content-length'))).toBeLessThanOrEqual(2560);
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${base}/script.min.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
