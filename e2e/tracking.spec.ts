import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { hashIdentity } from '../lib/identity/hash';
import { withDatabase } from './support/database';

// The tracker on a real page from a second origin (a tiny site on 127.0.0.1:149x embedding
// <script src="http://localhost:ZORI/zori.js">), in Chromium, checked by what lands in the database.

const ZORI_PORT = Number(process.env.ZORI_E2E_PORT ?? 1390);
const SITE_PORT = ZORI_PORT + 101; // e.g. 1493 next to 1392
const SITE = `http://127.0.0.1:${SITE_PORT}`;
// Headless Chromium announces itself as HeadlessChrome, which the bot filter drops (rightly).
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let site: http.Server;
let project: { id: string; key: string; salt: string };

function pageHtml(path: string): string {
  const queued =
    path === '/queued'
      ? `<script>window.ZoriHQ = window.ZoriHQ || []; ZoriHQ.push(['track', 'early', { n: 1 }]); ZoriHQ.push(['getVisitorId', function (id) { window.earlyId = id; }]);</script>`
      : '';
  return `<!doctype html><html><head><title>Site</title>${queued}
<script async src="http://localhost:${ZORI_PORT}/zori.js" data-key="${project.key}"${path.startsWith('/consent') ? ' data-cookieless' : ''}></script></head>
<body><h1>Page ${path}</h1><a id="next" href="/app/step2">Next step</a>
<script>document.getElementById('next').addEventListener('click', function (e) { e.preventDefault(); history.pushState({}, '', '/app/step2'); });</script>
</body></html>`;
}

test.beforeAll(async () => {
  const uid = randomBytes(4).toString('hex');
  project = await withDatabase(async (db) => {
    const org = await db.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, $2, now()) RETURNING id`, [`org_${uid}`, `Tracking ${uid}`]);
    const key = `zpk_e2e${uid}${randomBytes(8).toString('hex')}`;
    const p = await db.query(
      `INSERT INTO "Project" (id, "organizationId", name, "nameKey", "publishableKey", domains, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, ARRAY['127.0.0.1'], now()) RETURNING id, "identitySalt"`,
      [`prj_${uid}`, org.rows[0].id, `Site ${uid}`, `site ${uid}`, key],
    );
    return { id: p.rows[0].id, key, salt: p.rows[0].identitySalt };
  });
  site = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', SITE).pathname;
    if (path === '/favicon.ico') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(path));
  });
  await new Promise<void>((r) => site.listen(SITE_PORT, '127.0.0.1', r));
});

test.afterAll(async () => {
  await new Promise((r) => site.close(r));
});

test.use({ userAgent: CHROME_UA });

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[]) => withDatabase(async (db) => (await db.query(sql, params)).rows as T[]);
const pageviewsOf = (visitorId: string | null) =>
  rows<{ path: string; sessionId: string }>(`SELECT path, "sessionId" FROM "Pageview" WHERE "projectId" = $1 AND "visitorId" IS NOT DISTINCT FROM $2 ORDER BY "occurredAt", id`, [project.id, visitorId]);
const touchesOf = (visitorId: string) =>
  rows<{ sessionId: string; channel: string; source: string; medium: string; campaign: string | null; landingPath: string; clickIdType: string | null }>(
    `SELECT "sessionId", channel, source, medium, campaign, "landingPath", "clickIdType" FROM "Touch" WHERE "projectId" = $1 AND "visitorId" = $2 ORDER BY "occurredAt"`,
    [project.id, visitorId],
  );

async function visitorCookie(context: BrowserContext) {
  return (await context.cookies(SITE)).find((c) => c.name === 'zori_visitor_id');
}
const visitorIdOf = (page: Page) => page.evaluate(() => (window as unknown as { ZoriHQ: { getVisitorId(): Promise<string> } }).ZoriHQ.getVisitorId());
const trackerReady = (page: Page) => page.waitForFunction(() => typeof (window as unknown as { ZoriHQ?: { getVisitorId?: unknown } }).ZoriHQ?.getVisitorId === 'function');

test('UTM landing, SPA navigation, reload and a new campaign', async ({ page, context }) => {
  await page.goto(`${SITE}/landing?utm_source=Newsletter&utm_medium=email&utm_campaign=spring`);
  await trackerReady(page);
  const vid = await visitorIdOf(page);
  const cookie = await visitorCookie(context);
  expect(cookie?.value).toBe(vid);
  expect(cookie?.sameSite).toBe('Lax');
  // The tracker asks for two years; Chromium caps any cookie at 400 days (renewed on every visit).
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(399 * 24 * 3600 * 1000);

  await page.getByRole('link', { name: 'Next step' }).click();
  await expect(page).toHaveURL(`${SITE}/app/step2`);
  await expect.poll(async () => (await pageviewsOf(vid)).map((p) => p.path)).toEqual(['/landing', '/app/step2']);

  await page.reload();
  await trackerReady(page);
  expect(await visitorIdOf(page)).toBe(vid);
  await expect.poll(async () => (await pageviewsOf(vid)).length).toBe(3);
  const views = await pageviewsOf(vid);
  expect(new Set(views.map((v) => v.sessionId)).size).toBe(1);
  expect(await touchesOf(vid)).toMatchObject([{ channel: 'Email', source: 'Newsletter', medium: 'email', campaign: 'spring', landingPath: '/landing' }]);

  // A new campaign starts a new session (and touch) for the same visitor.
  await page.goto(`${SITE}/pricing?gclid=abc123`);
  await trackerReady(page);
  expect(await visitorIdOf(page)).toBe(vid);
  await expect.poll(async () => (await touchesOf(vid)).length).toBe(2);
  const touches = await touchesOf(vid);
  expect(touches[1]).toMatchObject({ channel: 'Paid Search', source: 'google', medium: 'cpc', clickIdType: 'gclid', landingPath: '/pricing' });
  expect(touches[1].sessionId).not.toBe(touches[0].sessionId);
  const visitor = await rows(`SELECT "firstTouchId" FROM "Visitor" WHERE "projectId" = $1 AND "visitorId" = $2`, [project.id, vid]);
  const first = await rows<{ id: string }>(`SELECT id::text FROM "Touch" WHERE "projectId" = $1 AND "visitorId" = $2 AND campaign = 'spring'`, [project.id, vid]);
  expect(String(visitor[0].firstTouchId)).toBe(first[0].id);
});

test('identify() links the visitor to the app user and email, as salted hashes', async ({ page }) => {
  await page.goto(`${SITE}/signup`);
  await trackerReady(page);
  const vid = await visitorIdOf(page);
  await page.evaluate(() => (window as unknown as { ZoriHQ: { identify(t: object): void } }).ZoriHQ.identify({ app_id: 'user_77', email: 'Buyer@Example.com', plan: 'pro' }));
  await expect
    .poll(async () => (await rows(`SELECT "appUserIdHash", "emailHash" FROM "Visitor" WHERE "projectId" = $1 AND "visitorId" = $2`, [project.id, vid]))[0])
    .toEqual({ appUserIdHash: hashIdentity(project.salt, 'app_user', 'user_77'), emailHash: hashIdentity(project.salt, 'email', 'buyer@example.com') });
});

test('commands queued before the script loads run once it does', async ({ page, context }) => {
  await page.goto(`${SITE}/queued`);
  await page.waitForFunction(() => typeof (window as unknown as { earlyId?: string }).earlyId === 'string');
  const early = await page.evaluate(() => (window as unknown as { earlyId: string }).earlyId);
  expect((await visitorCookie(context))?.value).toBe(early);
  await expect
    .poll(async () => rows(`SELECT name, props, path FROM "TrackedEvent" WHERE "projectId" = $1 AND "visitorId" = $2`, [project.id, early]))
    .toEqual([{ name: 'early', props: { n: 1 }, path: '/queued' }]);
});

test('optOut() removes the id and stops all tracking, also after reload', async ({ page, context }) => {
  await page.goto(`${SITE}/home`);
  await trackerReady(page);
  const vid = await visitorIdOf(page);
  await expect.poll(async () => (await pageviewsOf(vid)).length).toBe(1);
  await page.evaluate(() => (window as unknown as { ZoriHQ: { optOut(): void } }).ZoriHQ.optOut());
  expect(await visitorCookie(context)).toBeUndefined();
  await page.getByRole('link', { name: 'Next step' }).click();
  await page.reload();
  await trackerReady(page);
  await page.evaluate(() => (window as unknown as { ZoriHQ: { track(n: string): void } }).ZoriHQ.track('after-opt-out'));
  await page.waitForTimeout(1500); // longer than the tracker's batching and the server's flush
  expect(await visitorCookie(context)).toBeUndefined();
  expect((await context.cookies(SITE)).find((c) => c.name === 'zori_opt_out')?.value).toBe('1');
  expect(await pageviewsOf(vid)).toHaveLength(1);
  const events = await rows(`SELECT 1 FROM "TrackedEvent" WHERE "projectId" = $1 AND name = 'after-opt-out'`, [project.id]);
  expect(events).toHaveLength(0);
});

test('Do Not Track: no cookie, no visitor, the page view is still counted', async ({ page, context }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
  const path = `/dnt-${Date.now()}`;
  await page.goto(`${SITE}${path}?utm_source=twitter`);
  await trackerReady(page);
  const id = await visitorIdOf(page);
  expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/); // never null, but never stored
  await expect.poll(async () => rows(`SELECT "visitorId" FROM "Pageview" WHERE "projectId" = $1 AND path = $2`, [project.id, path])).toEqual([{ visitorId: null }]);
  expect(await visitorCookie(context)).toBeUndefined();
  expect(await rows(`SELECT 1 FROM "Visitor" WHERE "projectId" = $1 AND "visitorId" = $2`, [project.id, id])).toHaveLength(0);
});

test('cookieless until consent: counted without an id, then the session start is tied to the new id', async ({ page, context }) => {
  const path = `/consent-${Date.now()}`;
  await page.goto(`${SITE}${path}?utm_source=partner&utm_medium=affiliate`);
  await trackerReady(page);
  await expect.poll(async () => rows(`SELECT "visitorId" FROM "Pageview" WHERE "projectId" = $1 AND path = $2`, [project.id, path])).toEqual([{ visitorId: null }]);
  expect(await visitorCookie(context)).toBeUndefined();
  await page.evaluate(() => (window as unknown as { ZoriHQ: { setConsent(c: object): void } }).ZoriHQ.setConsent({ analytics: true }));
  const vid = (await visitorCookie(context))?.value;
  expect(vid).toBeTruthy();
  expect(await visitorIdOf(page)).toBe(vid);
  await expect.poll(async () => touchesOf(vid!)).toMatchObject([{ channel: 'Affiliates', source: 'partner', landingPath: path }]);
});
