// Zori's browser tracker (served minified at /zori.js). No dependencies, no fingerprinting: one
// random first-party id in a cookie, where the visit came from, page views and custom events.
// Wire format: lib/zod/ingest.ts.
import { wireStripeCheckouts } from './stripe-checkouts';

type Props = Record<string, string | number | boolean | null>;
type Session = Record<string, unknown>;
type Ev = Record<string, unknown> & { type: string; ts: number };
type Command = [string, ...unknown[]];

const w = window as unknown as { ZoriHQ?: Command[] | object };
const d = document;
const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
const loc = location;
const script = (d.currentScript || d.querySelector('script[data-key]')) as HTMLScriptElement | null;
const attr = (name: string) => script?.getAttribute('data-' + name);
const key = attr('key');
const api = attr('api') || new URL('/ingest', script?.src || loc.href).href;
const cookieDomain = attr('cookie-domain');
const VISITOR = 'zori_visitor_id';
const SESSION = 'zori_session';
const OPT_OUT = 'zori_opt_out';
const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'msclkid', 'fbclid', 'ttclid', 'li_fat_id', 'twclid', 'rdt_cid'];
const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

const dnt = nav.doNotTrack == '1' || (window as { doNotTrack?: string }).doNotTrack == '1' || nav.globalPrivacyControl === true;
const honourDnt = dnt && attr('respect-dnt') != 'false';

const randomId = () => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const getCookie = (name: string) => {
  const m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return m ? decodeURIComponent(m[1]) : null;
};
const setCookie = (name: string, value: string, maxAge: number | null) => {
  d.cookie =
    name + '=' + encodeURIComponent(value) + '; path=/; SameSite=Lax' +
    (maxAge != null ? '; max-age=' + maxAge : '') +
    (cookieDomain ? '; domain=' + cookieDomain : '') +
    (loc.protocol == 'https:' ? '; Secure' : '');
};
const dropCookie = (name: string) => setCookie(name, '', 0);

let optedOut = getCookie(OPT_OUT) == '1';
// Cookieless: no id is stored or sent; page views are still counted (no consent yet, Do Not Track).
let cookieless = attr('cookieless') != null || honourDnt;
const ephemeralId = randomId();
let sessionId = randomId();
/** The session start not yet sent with a visitor id (sent with the next page view). */
let pendingStart: Session | null = null;
let landingPath = loc.pathname;
let lastPath: string | null = null;
let queue: Ev[] = [];
let timer: ReturnType<typeof setTimeout> | 0 = 0;
/** Applies a change of consent or opt-out to the Stripe checkouts on the page (set once wired). */
let relabelCheckouts: (() => void) | undefined;

const visitorId = () => (cookieless || optedOut ? null : getCookie(VISITOR));

function ensureVisitor() {
  if (cookieless || optedOut) return;
  setCookie(VISITOR, getCookie(VISITOR) || randomId(), 63072000); // two years, renewed on every visit
}

/** Campaign parameters of the current URL, and a key that changes when the campaign does. */
function campaign(): [Session, string] {
  const q = new URLSearchParams(loc.search);
  const s: Session = {};
  let k = '';
  for (const p of UTM) {
    const v = q.get(p);
    if (v) (s[p] = v), (k += p + v);
  }
  const ref = q.get('ref') || q.get('via');
  if (ref) s.ref = ref;
  for (const c of CLICK_IDS) {
    const v = q.get(c);
    if (v) {
      s.click = { type: c, id: v };
      k += c + v;
      break;
    }
  }
  if (d.referrer) {
    try {
      const r = new URL(d.referrer);
      s.referrer = r.origin + r.pathname;
    } catch {}
  }
  return [s, k ? String(hash(k)) : ''];
}

const hash = (s: string) => {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
};

/** Continues the session (30 minutes of inactivity at most) unless a new campaign arrived. */
function session(pageLoad: boolean) {
  const [info, campaignKey] = campaign();
  if (cookieless || optedOut) {
    if (pageLoad) pendingStart = info;
    return;
  }
  const stored = getCookie(SESSION)?.split('.');
  if (stored && stored[0].length >= 16 && (!campaignKey || campaignKey == stored[1])) {
    sessionId = stored[0];
  } else {
    flush();
    sessionId = randomId();
    if (!pageLoad) delete info.referrer; // an in-app navigation has no new referrer
    pendingStart = info;
    landingPath = loc.pathname;
  }
  setCookie(SESSION, sessionId + '.' + (campaignKey || (stored && stored[1]) || ''), 1800);
}

function send(beacon: boolean, vid = visitorId()) {
  if (timer) clearTimeout(timer);
  timer = 0;
  if (!queue.length || !key || optedOut) return (queue = []);
  const body = JSON.stringify({ key, vid, sid: sessionId, now: Date.now(), dnt: dnt || undefined, events: queue });
  queue = [];
  if (!(beacon && nav.sendBeacon && nav.sendBeacon(api, body))) {
    fetch(api, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': 'text/plain' } }).catch(() => {});
  }
}
const flush = () => send(false);

function push(ev: Omit<Ev, 'ts'>) {
  if (optedOut || !key) return;
  if (!cookieless) setCookie(SESSION, sessionId + '.' + (getCookie(SESSION)?.split('.')[1] || ''), 1800);
  queue.push({ ts: Date.now(), ...ev } as Ev);
  if (queue.length >= 20) flush();
  else timer ||= setTimeout(flush, 250);
}

function pageview(pageLoad: boolean) {
  const path = loc.pathname;
  if (!pageLoad && path == lastPath) return;
  lastPath = path;
  session(pageLoad);
  // Without an id the start still goes with the first page view (its referrer is counted) and is
  // kept, in case consent arrives later on this page.
  const start = visitorId() || pageLoad ? pendingStart : null;
  if (visitorId()) pendingStart = null;
  push({ type: 'pageview', path, session: start });
}

const api$ = {
  push(cmd: Command) {
    const fn = (api$ as unknown as Record<string, (...a: unknown[]) => unknown>)[cmd[0]];
    if (typeof fn == 'function' && cmd[0] != 'push') {
      const out = fn(...cmd.slice(1, cmd[0] == 'getVisitorId' ? 1 : undefined));
      const cb = cmd[1];
      if (cmd[0] == 'getVisitorId' && typeof cb == 'function') (out as Promise<string>).then(cb as (id: string) => void);
    }
  },
  /** The visitor id to pass to your backend (Stripe metadata). Never null: without consent a per-page id that is never stored. */
  getVisitorId() {
    ensureVisitor();
    return Promise.resolve(visitorId() || ephemeralId);
  },
  identify(traits: { app_id?: string | number; email?: string } = {}) {
    if (traits.app_id != null || traits.email) push({ type: 'identify', app_id: traits.app_id, email: traits.email });
    flush();
  },
  track(name: string, props?: Props) {
    push({ type: 'event', name, path: loc.pathname, props });
  },
  setConsent(consent: { analytics: boolean }) {
    if (consent.analytics && !honourDnt && !optedOut) {
      if (!cookieless) return;
      cookieless = false;
      ensureVisitor();
      setCookie(SESSION, sessionId, 1800);
      // The page was counted without an id: send its session start now, tied to the new id.
      if (pendingStart) push({ type: 'session', path: landingPath, session: pendingStart });
      pendingStart = null;
    } else if (!consent.analytics) {
      cookieless = true;
      dropCookie(VISITOR);
      dropCookie(SESSION);
    }
    relabelCheckouts?.();
  },
  optOut() {
    optedOut = true;
    queue = [];
    setCookie(OPT_OUT, '1', 63072000);
    dropCookie(VISITOR);
    dropCookie(SESSION);
    relabelCheckouts?.();
  },
};

// Commands queued before the script loaded (window.ZoriHQ = window.ZoriHQ || []; ZoriHQ.push([...]))
// run first, so consent and opt-out apply to the first page view.
const queued = Array.isArray(w.ZoriHQ) ? w.ZoriHQ : [];
w.ZoriHQ = api$;
for (const cmd of queued) api$.push(cmd);
ensureVisitor();
pageview(true);

// Stripe's no-code checkouts get the visitor id as client_reference_id: the cookie's id, or without
// consent this page's id; nothing when opted out or when Do Not Track is honoured.
const checkoutRef = () => (optedOut || honourDnt ? null : visitorId() || ephemeralId);
let pageIdSent = false;
relabelCheckouts = wireStripeCheckouts(
  checkoutRef,
  ['buy.stripe.com', ...(attr('stripe-link-domains') || '').toLowerCase().split(/[\s,]+/)],
  () => {
    // Without a cookie, the page's id reaches Stripe: tie this page's session start to it (once), so
    // the payment can be credited to where this visit came from.
    if (pageIdSent || checkoutRef() != ephemeralId) return;
    pageIdSent = true;
    queue.push({ type: 'session', ts: Date.now(), path: landingPath, session: pendingStart || {} });
    send(true, ephemeralId);
  },
);

for (const m of ['pushState', 'replaceState'] as const) {
  const orig = history[m];
  history[m] = function (this: History, ...args: Parameters<History['pushState']>) {
    orig.apply(this, args);
    pageview(false);
  };
}
addEventListener('popstate', () => pageview(false));
addEventListener('pagehide', () => send(true));
d.addEventListener('visibilitychange', () => d.visibilityState == 'hidden' && send(true));
