import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { withDatabase } from './support/database';

// Stripe's no-code checkouts on a real shop page from a second origin (127.0.0.1:<ZORI+1001>), in
// Chromium: a Payment Link, one on a custom link domain, a Pricing Table and a Buy Button (stand-in
// custom elements that record every client-reference-id they are given, as Stripe's would read it),
// and more of them inserted after load; in cookie, cookieless and opted-out modes.

const ZORI_PORT = Number(process.env.ZORI_E2E_PORT ?? 1390);
const SITE_PORT = ZORI_PORT + 1001;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let site: http.Server;
let project: { id: string; key: string };

// Registered before either script loads, like Stripe's pricing-table.js / buy-button.js would be.
const STAND_INS = `<script>
window.recorded = [];
for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) {
  customElements.define(tag, class extends HTMLElement {
    static observedAttributes = ['client-reference-id'];
    attributeChangedCallback(name, old, value) { window.recorded.push({ tag, id: this.id, value }); }
  });
}
</script>`;

function shopHtml(path: string) {
  const mode = path.startsWith('/cookieless') ? ' data-cookieless' : '';
  return `<!doctype html><html><head><title>Shop</title>${STAND_INS}
<script async src="http://localhost:${ZORI_PORT}/zori.js" data-key="${project.key}" data-stripe-link-domains="pay.shop.test"${mode}></script></head>
<body><h1>Pricing</h1>
<a id="link" href="https://buy.stripe.com/test_6oE3dK?prefilled_email=ada%40example.test&locale=fr">Buy with a Payment Link</a>
<a id="custom" href="https://pay.shop.test/b/test_aF2">Pay on our domain</a>
<a id="own-ref" href="https://buy.stripe.com/test_7pQ?client_reference_id=user_42">Buy (own reference)</a>
<a id="about" href="/about">About</a>
<stripe-pricing-table id="table" pricing-table-id="prctbl_1" publishable-key="pk_test_1"></stripe-pricing-table>
<stripe-buy-button id="button" buy-button-id="buy_btn_1" publishable-key="pk_test_1"></stripe-buy-button>
<div id="later"></div>
</body></html>`;
}

test.beforeAll(async () => {
  const uid = randomBytes(4).toString('hex');
  project = await withDatabase(async (db) => {
    const org = await db.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, $2, now()) RETURNING id`, [`org_nc${uid}`, `No-code ${uid}`]);
    const key = `zpk_nc${uid}${randomBytes(8).toString('hex')}`;
    const p = await db.query(
      `INSERT INTO "Project" (id, "organizationId", name, "nameKey", "publishableKey", domains, "updatedAt") VALUES ($1, $2, $3, $4, $5, ARRAY['127.0.0.1'], now()) RETURNING id`,
      [`prj_nc${uid}`, org.rows[0].id, `Shop ${uid}`, `shop ${uid}`, key],
    );
    return { id: p.rows[0].id, key };
  });
  site = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', SITE).pathname;
    if (path === '/favicon.ico') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(shopHtml(path));
  });
  await new Promise<void>((r) => site.listen(SITE_PORT, '127.0.0.1', r));
});

test.afterAll(async () => {
  await new Promise((r) => site.close(r));
});

test.use({ userAgent: CHROME_UA });

type Recorded = { tag: string; id: string; value: string | null };
const trackerReady = (page: Page) => page.waitForFunction(() => typeof (window as unknown as { ZoriHQ?: { getVisitorId?: unknown } }).ZoriHQ?.getVisitorId === 'function');
const visitorIdOf = (page: Page) => page.evaluate(() => (window as unknown as { ZoriHQ: { getVisitorId(): Promise<string> } }).ZoriHQ.getVisitorId());
const referenceOf = async (page: Page, selector: string) => new URL((await page.locator(selector).getAttribute('href'))!).searchParams.get('client_reference_id');
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { recorded: Recorded[] }).recorded);
/** What each stand-in element was last given, as Stripe's element would read it. */
const lastRecorded = async (page: Page) => Object.fromEntries((await recorded(page)).map((r) => [r.id, r.value]));

/** Adds a link, a Pricing Table and a Buy Button the way a single-page app renders them after load. */
const renderLater = (page: Page) =>
  page.evaluate(() => {
    const later = document.getElementById('later')!;
    later.innerHTML = `<section><a id="late-link" href="https://buy.stripe.com/test_late">Late link</a>
      <stripe-pricing-table id="late-table" pricing-table-id="prctbl_2"></stripe-pricing-table></section>`;
    const button = document.createElement('stripe-buy-button');
    button.id = 'late-button';
    later.append(button);
  });

/** Follows a link to Stripe (answered here: this machine has no internet) and returns the URL the browser asked for. */
async function followToStripe(page: Page, selector: string) {
  let requested = '';
  await page.route(/^https:\/\/(buy\.stripe\.com|pay\.shop\.test)\//, (route) => {
    requested = route.request().url();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Stripe Checkout</title>' });
  });
  await page.locator(selector).click();
  await expect(page).toHaveTitle('Stripe Checkout');
  return new URL(requested);
}

test('cookie mode: links, Pricing Tables and Buy Buttons carry the visitor id, also those rendered later', async ({ page, context }) => {
  await page.goto(`${SITE}/pricing?utm_source=newsletter&utm_medium=email`);
  await trackerReady(page);
  const vid = await visitorIdOf(page);
  expect((await context.cookies(SITE)).find((c) => c.name === 'zori_visitor_id')?.value).toBe(vid);

  expect(await referenceOf(page, '#link')).toBe(vid);
  expect(await referenceOf(page, '#custom')).toBe(vid);
  expect(await referenceOf(page, '#own-ref')).toBe('user_42'); // the site's own reference is left alone
  expect(await page.locator('#about').getAttribute('href')).toBe('/about');
  const link = new URL((await page.locator('#link').getAttribute('href'))!);
  expect([...link.searchParams]).toEqual([['prefilled_email', 'ada@example.test'], ['locale', 'fr'], ['client_reference_id', vid]]);
  await expect.poll(() => lastRecorded(page)).toEqual({ table: vid, button: vid });

  await renderLater(page);
  await expect.poll(() => referenceOf(page, '#late-link')).toBe(vid);
  await expect.poll(() => lastRecorded(page)).toEqual({ table: vid, button: vid, 'late-table': vid, 'late-button': vid });

  const checkout = await followToStripe(page, '#link');
  expect(checkout.origin + checkout.pathname).toBe('https://buy.stripe.com/test_6oE3dK');
  expect(checkout.searchParams.get('client_reference_id')).toBe(vid);
  expect(checkout.searchParams.get('prefilled_email')).toBe('ada@example.test');
});

test("cookieless mode: this page's id, tied to the visit's source when the visitor heads to checkout", async ({ page, context }) => {
  const path = `/cookieless-${Date.now()}`;
  await page.goto(`${SITE}${path}?utm_source=partner&utm_medium=affiliate`);
  await trackerReady(page);
  const pageId = await visitorIdOf(page);
  expect((await context.cookies(SITE)).find((c) => c.name === 'zori_visitor_id')).toBeUndefined();
  expect(await referenceOf(page, '#link')).toBe(pageId);
  await expect.poll(() => lastRecorded(page)).toEqual({ table: pageId, button: pageId });
  await renderLater(page);
  await expect.poll(() => lastRecorded(page)).toEqual({ table: pageId, button: pageId, 'late-table': pageId, 'late-button': pageId });

  const rows = (sql: string) => withDatabase(async (db) => (await db.query(sql, [project.id, pageId])).rows);
  // Nothing ties the page to an id until the visitor heads to checkout…
  expect(await rows(`SELECT 1 FROM "Visitor" WHERE "projectId" = $1 AND "visitorId" = $2`)).toHaveLength(0);
  const checkout = await followToStripe(page, '#custom');
  expect(checkout.searchParams.get('client_reference_id')).toBe(pageId);
  // …then the page's session start is stored under that id, so the payment can be credited to it.
  await expect.poll(() => rows(`SELECT channel, source, "landingPath" FROM "Touch" WHERE "projectId" = $1 AND "visitorId" = $2`)).toEqual([
    { channel: 'Affiliates', source: 'partner', landingPath: path },
  ]);
  expect((await context.cookies(SITE)).find((c) => c.name === 'zori_visitor_id')).toBeUndefined();
});

test('opted out: nothing reaches Stripe, and opting out on the page takes back what was written', async ({ page, context }) => {
  await page.goto(`${SITE}/pricing`);
  await trackerReady(page);
  const vid = await visitorIdOf(page);
  expect(await referenceOf(page, '#link')).toBe(vid);
  await page.evaluate(() => (window as unknown as { ZoriHQ: { optOut(): void } }).ZoriHQ.optOut());
  expect(await referenceOf(page, '#link')).toBeNull();
  expect(await referenceOf(page, '#own-ref')).toBe('user_42');
  await expect.poll(() => lastRecorded(page)).toEqual({ table: null, button: null });

  // A later visit from the same browser: the opt-out cookie keeps everything off.
  await page.goto(`${SITE}/pricing?again=1`);
  await trackerReady(page);
  expect((await context.cookies(SITE)).find((c) => c.name === 'zori_opt_out')?.value).toBe('1');
  await renderLater(page);
  await page.waitForTimeout(300); // the observer has seen the new elements
  expect(await referenceOf(page, '#link')).toBeNull();
  expect(await referenceOf(page, '#late-link')).toBeNull();
  expect(await recorded(page)).toEqual([]);
  const checkout = await followToStripe(page, '#link');
  expect(checkout.searchParams.has('client_reference_id')).toBe(false);
});

test('the Integrations page shows the three no-code set-ups with their snippets', async ({ page }) => {
  await signInByMagicLink(page, `no-code-${Date.now()}@example.test`);
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByRole('heading', { name: 'Payment Links, Pricing Tables and Buy Buttons' })).toBeVisible();
  await expect(page.getByTestId('no-code-payment-link')).toContainText('<a href="https://buy.stripe.com/…">');
  await expect(page.getByTestId('no-code-pricing-table')).toContainText('<stripe-pricing-table');
  await expect(page.getByTestId('no-code-buy-button')).toContainText('<stripe-buy-button');
  for (const id of ['payment-link', 'pricing-table', 'buy-button']) await expect(page.getByTestId(`no-code-${id}`)).toContainText('/zori.js" data-key="zpk_');
  await expect(page.getByRole('button', { name: 'Copy Pricing Table snippet' })).toBeVisible();
});
