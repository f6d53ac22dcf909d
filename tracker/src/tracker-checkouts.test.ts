import { Window } from 'happy-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTracker } from '../build';

// The built tracker in a fresh browser window per test (happy-dom), checked by what it writes on
// the page's Stripe checkouts and what it sends, in each consent mode.

type Beacon = { vid: string | null; events: { type: string; path?: string; session?: Record<string, unknown> }[] };
type Tracker = { getVisitorId(): Promise<string>; setConsent(c: { analytics: boolean }): void; optOut(): void };

let code: string;
const windows: Window[] = [];
beforeAll(async () => {
  code = await buildTracker();
});
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

const BODY = `
  <a id="link" href="https://buy.stripe.com/test_abc?prefilled_email=ada%40example.test">Buy</a>
  <stripe-pricing-table id="table" pricing-table-id="prctbl_1"></stripe-pricing-table>
  <stripe-buy-button id="button" buy-button-id="buy_btn_1"></stripe-buy-button>`;

function openPage(opts: { scriptAttrs?: Record<string, string>; cookies?: string[]; doNotTrack?: boolean } = {}) {
  const window = new Window({ url: 'https://shop.test/pricing?utm_source=chatgpt.com', settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } }); // our own script only
  windows.push(window);
  const beacons: Beacon[] = [];
  const record = (body: unknown) => beacons.push(JSON.parse(String(body)));
  Object.assign(window, { fetch: async (_url: string, init: { body: string }) => (record(init.body), new window.Response(null, { status: 202 })) });
  Object.assign(window.navigator, { sendBeacon: (_url: string, body: string) => (record(body), true) });
  if (opts.doNotTrack) Object.defineProperty(window.navigator, 'doNotTrack', { value: '1' });
  for (const c of opts.cookies ?? []) window.document.cookie = c;
  const document = window.document;
  document.body.innerHTML = BODY;
  const script = document.createElement('script');
  script.setAttribute('data-key', 'zpk_test_key');
  for (const [k, v] of Object.entries(opts.scriptAttrs ?? {})) script.setAttribute(k, v);
  script.textContent = code;
  document.head.append(script);
  const zori = (window as unknown as { ZoriHQ: Tracker }).ZoriHQ;
  const link = document.querySelector('#link') as unknown as HTMLAnchorElement;
  const refs = () => ({
    link: new URL(link.href).searchParams.get('client_reference_id'),
    table: document.querySelector('#table')!.getAttribute('client-reference-id'),
    button: document.querySelector('#button')!.getAttribute('client-reference-id'),
  });
  const cookie = (name: string) => document.cookie.match(new RegExp(`(?:^|; )${name}=([^;]*)`))?.[1] ?? null;
  const click = () => {
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
  };
  return { window, document, zori, beacons, refs, cookie, click, link };
}

describe('the tracker labels Stripe checkouts with the visitor id', () => {
  it('cookie mode: the first-party visitor id, every other link parameter kept', async () => {
    const page = openPage();
    const vid = page.cookie('zori_visitor_id');
    expect(vid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await page.zori.getVisitorId()).toBe(vid);
    expect(page.refs()).toEqual({ link: vid, table: vid, button: vid });
    expect(new URL(page.link.href).searchParams.get('prefilled_email')).toBe('ada@example.test');
  });

  it('cookieless mode: this page’s id, tied to the visit’s source once the visitor heads to checkout', async () => {
    const page = openPage({ scriptAttrs: { 'data-cookieless': '' } });
    const pageId = await page.zori.getVisitorId();
    expect(page.cookie('zori_visitor_id')).toBeNull();
    expect(page.refs()).toEqual({ link: pageId, table: pageId, button: pageId });
    await new Promise((r) => setTimeout(r, 300)); // the page view went out, without an id
    expect(page.beacons.map((b) => b.vid)).toEqual([null]);

    page.click();
    page.click();
    const bound = page.beacons.filter((b) => b.vid === pageId);
    expect(bound).toHaveLength(1);
    expect(bound[0].events).toEqual([expect.objectContaining({ type: 'session', path: '/pricing', session: expect.objectContaining({ utm_source: 'chatgpt.com' }) })]);

    // Consent given: the checkouts follow the new first-party id.
    page.zori.setConsent({ analytics: true });
    const vid = page.cookie('zori_visitor_id');
    expect(vid).toBeTruthy();
    expect(page.refs()).toEqual({ link: vid, table: vid, button: vid });
  });

  it('opted out: nothing is passed, and opting out later removes what was written', async () => {
    const optedOut = openPage({ cookies: ['zori_opt_out=1'] });
    expect(optedOut.refs()).toEqual({ link: null, table: null, button: null });
    expect(optedOut.link.href).toBe('https://buy.stripe.com/test_abc?prefilled_email=ada%40example.test');

    const page = openPage();
    expect(page.refs().link).toBeTruthy();
    page.zori.optOut();
    expect(page.refs()).toEqual({ link: null, table: null, button: null });
    page.click();
    expect(page.beacons.filter((b) => b.events.some((e) => e.type === 'session'))).toHaveLength(0);
  });

  it('Do Not Track honoured: nothing is passed; with data-respect-dnt="false" the visitor id is', async () => {
    const dnt = openPage({ doNotTrack: true });
    expect(dnt.refs()).toEqual({ link: null, table: null, button: null });
    dnt.click();
    await new Promise((r) => setTimeout(r, 300));
    expect(dnt.beacons.every((b) => b.vid === null)).toBe(true);

    const overridden = openPage({ doNotTrack: true, scriptAttrs: { 'data-respect-dnt': 'false' } });
    const vid = overridden.cookie('zori_visitor_id');
    expect(vid).toBeTruthy();
    expect(overridden.refs()).toEqual({ link: vid, table: vid, button: vid });
  });

  it('custom Payment Link domains come from data-stripe-link-domains', () => {
    const page = openPage({ scriptAttrs: { 'data-stripe-link-domains': 'pay.shop.test, Checkout.Shop.test' } });
    const vid = page.cookie('zori_visitor_id');
    for (const [i, href] of ['https://pay.shop.test/b/1', 'https://checkout.shop.test/b/2', 'https://elsewhere.test/b/3'].entries()) {
      const a = page.document.createElement('a');
      a.id = `custom${i}`;
      a.href = href;
      page.document.body.append(a);
    }
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        const ref = (i: number) => new URL((page.document.querySelector(`#custom${i}`) as unknown as HTMLAnchorElement).href).searchParams.get('client_reference_id');
        expect([ref(0), ref(1), ref(2)]).toEqual([vid, vid, null]);
        resolve();
      }),
    );
  });
});
