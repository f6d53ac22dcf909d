import { type Channel, classifyChannel } from './classify';
import { listedSourceForHost, normalizeHost, PAYMENT_HOSTS, WEBMAIL_HOSTS } from './sources';

// Turns what the tracker saw at a session start (UTM parameters, click id, referrer) into the
// session's source / medium / campaign, the way GA4 does before its channel rules run: UTM first,
// then the ad platform's click id, then the referrer (a search engine is organic, anything else a
// referral), else (direct) / (none). Self-referrals (the site's own hosts, payment pages) count as
// no referrer at all.

export type SessionSignals = {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  /** ?ref= / ?via= on the landing URL (affiliate and link-in-bio links). */
  ref?: string | null;
  clickIdType?: string | null;
  /** Referrer host (the tracker sends origin + path). */
  referrerHost?: string | null;
};

export type SessionSource = {
  source: string;
  medium: string;
  campaign: string | null;
  term: string | null;
  content: string | null;
  channel: Channel;
  /** True when nothing but a self-referral (or nothing at all) marks this session start. */
  selfReferral: boolean;
};

/** Source and medium implied by an ad platform's click id (auto-tagging), when UTM leaves them empty. */
export const CLICK_ID_SOURCES: Record<string, { source: string; medium: string | null }> = {
  gclid: { source: 'google', medium: 'cpc' },
  gbraid: { source: 'google', medium: 'cpc' },
  wbraid: { source: 'google', medium: 'cpc' },
  msclkid: { source: 'bing', medium: 'cpc' },
  // Facebook adds fbclid to organic outbound links too: it names the source, not a paid medium.
  fbclid: { source: 'facebook', medium: null },
  ttclid: { source: 'tiktok', medium: 'cpc' },
  li_fat_id: { source: 'linkedin', medium: 'cpc' },
  twclid: { source: 'twitter', medium: 'cpc' },
  rdt_cid: { source: 'reddit', medium: 'cpc' },
};

const clean = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/** Whether host is one of the project's domains (or a subdomain of one) or a payment page. */
export function isSelfReferral(host: string | null | undefined, projectDomains: readonly string[]): boolean {
  if (!host) return false;
  const h = normalizeHost(host);
  const matches = (d: string) => {
    const domain = normalizeHost(d.replace(/:\d+$/, ''));
    return h === domain || h.endsWith(`.${domain}`);
  };
  return projectDomains.some(matches) || PAYMENT_HOSTS.some(matches);
}

export function sessionSource(signals: SessionSignals, projectDomains: readonly string[]): SessionSource {
  const referrerHost = clean(signals.referrerHost)?.toLowerCase() ?? null;
  const selfRef = isSelfReferral(referrerHost, projectDomains);
  const externalReferrer = referrerHost && !selfRef ? normalizeHost(referrerHost) : null;
  const click = signals.clickIdType ? CLICK_ID_SOURCES[signals.clickIdType] : undefined;
  const campaign = clean(signals.utmCampaign);
  const term = clean(signals.utmTerm);
  const content = clean(signals.utmContent);

  let source = clean(signals.utmSource);
  let medium = clean(signals.utmMedium);
  if (!source && click) source = click.source;
  if (!medium && click?.medium && source === click.source) medium = click.medium;
  if (!source && clean(signals.ref)) {
    source = clean(signals.ref);
    medium ??= 'referral';
  }
  if (!source && externalReferrer) {
    if (WEBMAIL_HOSTS.has(externalReferrer)) {
      source = externalReferrer;
      medium ??= 'email';
    } else {
      const listed = listedSourceForHost(externalReferrer);
      if (listed?.category === 'search') {
        source = listed.source;
        medium ??= 'organic';
      } else {
        source = externalReferrer;
        medium ??= 'referral';
      }
    }
  }
  if (!source && medium) source = '(not set)';
  const hasCampaignSignal = Boolean(source || medium || campaign || click);
  if (!source) source = '(direct)';
  medium ??= source === '(direct)' ? '(none)' : '(not set)';
  return {
    source,
    medium,
    campaign,
    term,
    content,
    channel: classifyChannel({ source, medium, campaign }),
    selfReferral: !hasCampaignSignal && selfRef,
  };
}
