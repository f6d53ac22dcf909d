import { AI_ASSISTANT_SOURCE_LISTS } from './ai-assistant-sources.generated';
import { GA4_SOURCE_LISTS } from './ga4-sources.generated';

// The source lists GA4's channel rules refer to ("a list of search sites", …), Zori's list of AI
// assistants (data/ai-assistant-sources.csv, same form; GA4 has no such list), plus the few hosts
// Zori adds because GA4's published list predates them. Table-driven: edit the tables, not code.

export type SourceCategory = 'search' | 'social' | 'shopping' | 'video' | 'ai_assistant';

/** Sources GA4's list lacks (x.com is Twitter's current host). Same categories as GA4's. */
const ZORI_EXTRA_SOURCES: Record<string, SourceCategory> = {
  'x.com': 'social',
  'bsky.app': 'social',
  'threads.net': 'social',
  'threads.com': 'social',
  'mastodon.social': 'social',
};

/** Webmail hosts: a click from one of these is an email visit (GA4 would call it a referral). */
export const WEBMAIL_HOSTS: ReadonlySet<string> = new Set([
  'mail.google.com',
  'inbox.google.com',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'mail.yahoo.com',
  'mail.aol.com',
  'mail.proton.me',
  'mail.protonmail.com',
  'app.fastmail.com',
  'mail.zoho.com',
  'mail.yandex.ru',
  'mail.yandex.com',
  'e.mail.ru',
  'mail.gmx.net',
  'mail.hey.com',
  'app.hey.com',
]);

/** Payment pages a buyer returns from: never a traffic source of their own (self-referrals). */
export const PAYMENT_HOSTS: readonly string[] = [
  'checkout.stripe.com',
  'pay.stripe.com',
  'billing.stripe.com',
  'invoice.stripe.com',
  'hooks.stripe.com',
  'paypal.com',
  'checkout.paddle.com',
  'buy.paddle.com',
  'checkout.lemonsqueezy.com',
  'pay.google.com',
  'checkout.shopify.com',
];

const CATEGORY_BY_SOURCE: ReadonlyMap<string, SourceCategory> = new Map<string, SourceCategory>([
  ...Object.entries({ ...GA4_SOURCE_LISTS, ...AI_ASSISTANT_SOURCE_LISTS }).flatMap(([category, sources]) =>
    sources.map((s) => [s, category as SourceCategory] as [string, SourceCategory]),
  ),
  ...Object.entries(ZORI_EXTRA_SOURCES),
]);

/** Second-level labels under which country domains register (google.co.uk, amazon.com.au). */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gob']);

/** example.co.uk for a.b.example.co.uk: a small heuristic, enough to find a site's brand label. */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Lower-cased host without a trailing dot or a leading www. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/**
 * The GA4 list entry a referrer host stands for: the host itself (l.facebook.com), its registrable
 * domain (old.reddit.com → reddit.com), or for a bare site its brand label (google.co.uk → google).
 */
export function listedSourceForHost(rawHost: string): { source: string; category: SourceCategory } | undefined {
  const host = normalizeHost(rawHost);
  const direct = CATEGORY_BY_SOURCE.get(host);
  if (direct) return { source: host, category: direct };
  const domain = registrableDomain(host);
  const byDomain = CATEGORY_BY_SOURCE.get(domain);
  if (byDomain) return { source: domain, category: byDomain };
  if (domain === host) {
    const brand = host.split('.')[0];
    const byBrand = CATEGORY_BY_SOURCE.get(brand);
    if (byBrand) return { source: brand, category: byBrand };
  }
  return undefined;
}

/** The category of a session source (utm_source or one derived from the referrer), per GA4's lists. */
export function sourceCategory(source: string | null | undefined): SourceCategory | undefined {
  if (!source) return undefined;
  const s = source.trim().toLowerCase();
  const exact = CATEGORY_BY_SOURCE.get(s);
  if (exact) return exact;
  if (WEBMAIL_HOSTS.has(normalizeHost(s))) return undefined; // mail.yahoo.com is mail, not yahoo.com's search
  // A utm_source written as a host (www.google.com) is looked up like a referrer host.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s)) return listedSourceForHost(s)?.category;
  return undefined;
}
