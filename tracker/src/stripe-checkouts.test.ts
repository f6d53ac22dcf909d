// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paymentLinkHref, wireStripeCheckouts } from './stripe-checkouts';

const HOSTS = ['buy.stripe.com', 'pay.shop.test'];
const VID = 'Xb3_kQ9-zPq1LmN0aBcDeF';

describe('paymentLinkHref', () => {
  it('adds client_reference_id and keeps every other parameter and the fragment', () => {
    const href = 'https://buy.stripe.com/test_4gw5nM?prefilled_email=ada%40example.com&locale=fr&utm_source=newsletter&utm_campaign=spring#top';
    const out = new URL(paymentLinkHref(href, HOSTS, VID)!);
    expect(out.origin + out.pathname + out.hash).toBe('https://buy.stripe.com/test_4gw5nM#top');
    expect([...out.searchParams]).toEqual([
      ['prefilled_email', 'ada@example.com'],
      ['locale', 'fr'],
      ['utm_source', 'newsletter'],
      ['utm_campaign', 'spring'],
      ['client_reference_id', VID],
    ]);
  });

  it('works on the custom link domains it is given, and only there', () => {
    expect(paymentLinkHref('https://pay.shop.test/b/abc', HOSTS, VID)).toBe(`https://pay.shop.test/b/abc?client_reference_id=${VID}`);
    expect(paymentLinkHref('https://pay.other.test/b/abc', HOSTS, VID)).toBeUndefined();
    expect(paymentLinkHref('https://buy.stripe.com.evil.test/abc', HOSTS, VID)).toBeUndefined();
    expect(paymentLinkHref('https://shop.test/pricing', HOSTS, VID)).toBeUndefined();
  });

  it('leaves alone what it cannot change safely', () => {
    expect(paymentLinkHref('http://buy.stripe.com/abc', HOSTS, VID)).toBeUndefined(); // not https
    expect(paymentLinkHref('not a url', HOSTS, VID)).toBeUndefined();
    expect(paymentLinkHref('javascript:alert(1)', HOSTS, VID)).toBeUndefined();
    // A hosted Checkout Session on a custom domain: its state is in the fragment, not for a reference.
    expect(paymentLinkHref('https://pay.shop.test/c/pay/cs_test_a1#fidkdWxOYHwnPyd1blpxYHZxWjA0', HOSTS, VID)).toBeUndefined();
    // The site passes its own reference (a user id): never overwritten.
    expect(paymentLinkHref('https://buy.stripe.com/abc?client_reference_id=user_42', HOSTS, VID)).toBeUndefined();
    expect(paymentLinkHref('https://buy.stripe.com/abc?client_reference_id=user_42', HOSTS, VID, 'older_id')).toBeUndefined();
  });

  it('replaces or removes only the reference it wrote itself, and reports no change as undefined', () => {
    const ours = 'https://buy.stripe.com/abc?locale=de&client_reference_id=page_id';
    expect(paymentLinkHref(ours, HOSTS, VID, 'page_id')).toBe(`https://buy.stripe.com/abc?locale=de&client_reference_id=${VID}`);
    expect(paymentLinkHref(ours, HOSTS, null, 'page_id')).toBe('https://buy.stripe.com/abc?locale=de');
    expect(paymentLinkHref(ours, HOSTS, 'page_id', 'page_id')).toBeUndefined();
    expect(paymentLinkHref('https://buy.stripe.com/abc', HOSTS, null)).toBeUndefined();
  });
});

describe('wireStripeCheckouts', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const settle = () => new Promise((r) => setTimeout(r, 0)); // MutationObserver callbacks have run

  it('labels links, Pricing Tables and Buy Buttons present at start, and those added later', async () => {
    document.body.innerHTML = `
      <a id="link" href="https://buy.stripe.com/test_abc?prefilled_email=a%40b.test">Buy</a>
      <a id="other" href="https://shop.test/about">About</a>
      <stripe-pricing-table id="table" pricing-table-id="prctbl_1" publishable-key="pk_test_1"></stripe-pricing-table>`;
    wireStripeCheckouts(() => VID, HOSTS, () => {});
    expect(document.querySelector<HTMLAnchorElement>('#link')!.href).toBe(`https://buy.stripe.com/test_abc?prefilled_email=a%40b.test&client_reference_id=${VID}`);
    expect(document.querySelector<HTMLAnchorElement>('#other')!.href).toBe('https://shop.test/about');
    expect(document.querySelector('#table')!.getAttribute('client-reference-id')).toBe(VID);

    // Inserted after load, nested in other markup (a SPA rendering its pricing page).
    const section = document.createElement('section');
    section.innerHTML = `<div><a id="late" href="https://pay.shop.test/b/xyz">Pay</a><stripe-buy-button id="button" buy-button-id="buy_btn_1"></stripe-buy-button></div>`;
    document.body.append(section);
    const table = document.createElement('stripe-pricing-table');
    document.body.append(table);
    await settle();
    expect(document.querySelector<HTMLAnchorElement>('#late')!.href).toBe(`https://pay.shop.test/b/xyz?client_reference_id=${VID}`);
    expect(document.querySelector('#button')!.getAttribute('client-reference-id')).toBe(VID);
    expect(table.getAttribute('client-reference-id')).toBe(VID);

    // A link whose href the page changes later is labelled again.
    const other = document.querySelector<HTMLAnchorElement>('#other')!;
    other.setAttribute('href', 'https://buy.stripe.com/test_new');
    await settle();
    expect(other.href).toBe(`https://buy.stripe.com/test_new?client_reference_id=${VID}`);
  });

  it("never replaces the site's own reference", async () => {
    document.body.innerHTML = `
      <a id="link" href="https://buy.stripe.com/abc?client_reference_id=user_42">Buy</a>
      <stripe-buy-button id="button" client-reference-id="user_42"></stripe-buy-button>`;
    wireStripeCheckouts(() => VID, HOSTS, () => {});
    await settle();
    expect(document.querySelector<HTMLAnchorElement>('#link')!.href).toBe('https://buy.stripe.com/abc?client_reference_id=user_42');
    expect(document.querySelector('#button')!.getAttribute('client-reference-id')).toBe('user_42');
    // …also when the site sets it after Zori labelled the element.
    const table = document.createElement('stripe-pricing-table');
    document.body.append(table);
    await settle();
    expect(table.getAttribute('client-reference-id')).toBe(VID);
    table.setAttribute('client-reference-id', 'user_77');
    await settle();
    expect(table.getAttribute('client-reference-id')).toBe('user_77');
  });

  it('writes nothing Stripe would drop: ids over 200 characters or with other characters', () => {
    for (const id of ['a'.repeat(201), 'has space', 'dot.ted', 'ümlaut', '']) {
      document.body.innerHTML = `<a id="link" href="https://buy.stripe.com/abc">Buy</a><stripe-pricing-table id="table"></stripe-pricing-table>`;
      wireStripeCheckouts(() => id, HOSTS, () => {});
      expect(document.querySelector<HTMLAnchorElement>('#link')!.href).toBe('https://buy.stripe.com/abc');
      expect(document.querySelector('#table')!.hasAttribute('client-reference-id')).toBe(false);
    }
    document.body.innerHTML = `<a id="link" href="https://buy.stripe.com/abc">Buy</a>`;
    wireStripeCheckouts(() => 'a'.repeat(200), HOSTS, () => {});
    expect(new URL(document.querySelector<HTMLAnchorElement>('#link')!.href).searchParams.get('client_reference_id')).toHaveLength(200);
  });

  it('follows a new id everywhere when told (consent given, opt-out)', () => {
    let id: string | null = 'page_scoped_id';
    document.body.innerHTML = `<a id="link" href="https://buy.stripe.com/abc?locale=en">Buy</a><stripe-buy-button id="button"></stripe-buy-button>`;
    const relabel = wireStripeCheckouts(() => id, HOSTS, () => {});
    const link = document.querySelector<HTMLAnchorElement>('#link')!;
    const button = document.querySelector('#button')!;
    expect(link.href).toBe('https://buy.stripe.com/abc?locale=en&client_reference_id=page_scoped_id');
    id = VID;
    relabel();
    expect(link.href).toBe(`https://buy.stripe.com/abc?locale=en&client_reference_id=${VID}`);
    expect(button.getAttribute('client-reference-id')).toBe(VID);
    id = null;
    relabel();
    expect(link.href).toBe('https://buy.stripe.com/abc?locale=en');
    expect(button.hasAttribute('client-reference-id')).toBe(false);
  });

  it('labels a link again as it is clicked and reports the checkout; other links report nothing', () => {
    document.body.innerHTML = `<a id="link" href="https://buy.stripe.com/abc"><span id="inner">Buy</span></a><a id="other" href="/about">About</a>`;
    let id = 'first_id';
    const onCheckout = vi.fn();
    wireStripeCheckouts(() => id, HOSTS, onCheckout);
    id = 'second_id'; // changed without a relabel: the click still sends the current one
    const link = document.querySelector<HTMLAnchorElement>('#link')!;
    link.addEventListener('click', (e) => e.preventDefault());
    document.querySelector<HTMLElement>('#inner')!.click();
    expect(link.href).toBe('https://buy.stripe.com/abc?client_reference_id=second_id');
    expect(onCheckout).toHaveBeenCalledTimes(1);
    const other = document.querySelector<HTMLAnchorElement>('#other')!;
    other.addEventListener('click', (e) => e.preventDefault());
    other.click();
    expect(onCheckout).toHaveBeenCalledTimes(1);
  });
});
