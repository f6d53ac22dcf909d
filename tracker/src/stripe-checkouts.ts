// Stripe's no-code checkouts carry the visitor id to the Checkout Session as client_reference_id:
// Payment Links as a URL parameter, <stripe-pricing-table> and <stripe-buy-button> as the
// client-reference-id attribute. Stripe takes 1–200 letters, digits, - and _ and silently drops
// anything else, so only such ids are written, and only values this script wrote are ever replaced.

const REF = 'client_reference_id';
const ATTR = 'client-reference-id';
const ELEMENTS = 'stripe-pricing-table,stripe-buy-button';
const VALID = /^[\w-]{1,200}$/;

/**
 * The Payment Link `href` with client_reference_id=`id` (without it when `id` is null), every other
 * part kept as it was; undefined when nothing changes or the link must be left alone: not https on a
 * Payment Link host, a hosted Checkout Session (/c/…), or a reference the site set itself (anything
 * but `ours`, the value this script wrote before). `id` must already fit Stripe's rule.
 */
export function paymentLinkHref(href: string, hosts: string[], id: string | null, ours?: string | null): string | undefined {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return;
  }
  const q = u.searchParams;
  if (u.protocol != 'https:' || hosts.indexOf(u.hostname) < 0 || /^\/c\//.test(u.pathname) || q.get(REF) == id || q.getAll(REF).some((v) => v != ours)) return;
  id ? q.set(REF, id) : q.delete(REF);
  return u.href;
}

/**
 * Keeps every Payment Link, Pricing Table and Buy Button on the page carrying `refId()` (nothing
 * when it returns null or an id Stripe would drop): those present now, those added or changed later
 * (one MutationObserver, no polling), and a link again as it is clicked. `onCheckout` runs when the
 * visitor heads to one of them. Returns a function that applies a new `refId()` everywhere.
 */
export function wireStripeCheckouts(refId: () => string | null, hosts: string[], onCheckout: () => void) {
  const d = document;
  const written = new WeakMap<Element, string | null>();
  /** Brings one element up to date; true when it carries this script's reference. */
  const update = (el: Element) => {
    let id = refId();
    if (id && !VALID.test(id)) id = null;
    const ours = written.get(el);
    if (el.localName == 'a') {
      const href = paymentLinkHref((el as HTMLAnchorElement).href, hosts, id, ours);
      if (href) written.set(el, id), ((el as HTMLAnchorElement).href = href);
    } else if (el.matches(ELEMENTS)) {
      const current = el.getAttribute(ATTR);
      if (current == null || current == ours) {
        written.set(el, id);
        if (id) current != id && el.setAttribute(ATTR, id);
        else if (current != null) el.removeAttribute(ATTR);
      }
    }
    return written.has(el);
  };
  const scan = (root: ParentNode) => root.querySelectorAll('a[href],' + ELEMENTS).forEach(update);
  scan(d);
  new MutationObserver((records) =>
    records.forEach((r) =>
      r.attributeName ? update(r.target as Element) : r.addedNodes.forEach((n) => n.nodeType == 1 && (update(n as Element), scan(n as Element))),
    ),
  ).observe(d.documentElement, { childList: true, subtree: true, attributeFilter: ['href', ATTR] });
  d.addEventListener(
    'click',
    (e) => {
      const link = (e.target as Element).closest('a');
      if (link && update(link)) onCheckout();
    },
    true,
  );
  // Pricing Tables and Buy Buttons are iframes: a click inside one moves the focus into it.
  addEventListener('blur', () =>
    setTimeout(() => {
      const focused = d.activeElement;
      if (focused && focused.closest(ELEMENTS)) onCheckout();
    }),
  );
  return () => scan(d);
}
