import { describe, expect, it } from 'vitest';
import { CHANNELS, classifyChannel } from './classify';
import { isSelfReferral, sessionSource } from './session-source';
import { listedSourceForHost, sourceCategory } from './sources';

const DOMAINS = ['shop.example.com', 'example.com'];
const fromReferrer = (host: string) => sessionSource({ referrerHost: host }, DOMAINS);
const fromUtm = (utmSource?: string, utmMedium?: string, utmCampaign?: string) =>
  sessionSource({ utmSource, utmMedium, utmCampaign }, DOMAINS);

describe('GA4 default channel rules (source / medium / campaign)', () => {
  const cases: Array<[string | null, string | null, string | null, (typeof CHANNELS)[number]]> = [
    ['(direct)', '(none)', null, 'Direct'],
    ['(direct)', '(not set)', null, 'Direct'],
    ['google', 'cpc', 'brand-cross-network-q3', 'Cross-network'],
    ['facebook', 'organic', 'Cross-Network', 'Cross-network'],
    ['amazon', 'cpc', null, 'Paid Shopping'],
    ['newsletter', 'paid', 'summer-shop', 'Paid Shopping'],
    ['newsletter', 'ppc', 'shopping-week', 'Paid Shopping'],
    ['google', 'cpc', null, 'Paid Search'],
    ['bing', 'ppc', null, 'Paid Search'],
    ['duckduckgo', 'paidsearch', null, 'Paid Search'],
    ['google', 'retargeting', null, 'Paid Search'],
    ['facebook', 'cpc', null, 'Paid Social'],
    ['linkedin', 'paid_social', null, 'Paid Social'],
    ['t.co', 'cpm-cpc', null, 'Paid Social'],
    ['youtube', 'cpv', null, 'Paid Video'],
    ['youtube.com', 'paid', null, 'Paid Video'],
    ['anything', 'display', null, 'Display'],
    ['adnetwork', 'banner', null, 'Display'],
    ['adnetwork', 'interstitial', null, 'Display'],
    ['adnetwork', 'expandable', null, 'Display'],
    ['adnetwork', 'cpm', null, 'Display'],
    ['newsletter-partner', 'cpc', null, 'Paid Other'],
    ['podcast-network', 'paid_media', null, 'Paid Other'],
    ['etsy', null, null, 'Organic Shopping'],
    ['partner', 'referral', 'spring_shop', 'Organic Shopping'],
    ['chatgpt.com', '(not set)', null, 'AI Assistants'],
    ['chatgpt.com', 'referral', null, 'AI Assistants'],
    ['Perplexity', 'referral', null, 'AI Assistants'],
    ['gemini.google.com', 'referral', null, 'AI Assistants'],
    // Paid and display rules come first: an ad bought on an assistant is paid traffic.
    ['chatgpt.com', 'cpc', null, 'Paid Other'],
    ['chatgpt.com', 'display', null, 'Display'],
    // "workshop" contains "shop" after a letter in [a-df-z] ("k"): not a shopping campaign.
    ['partner', 'referral', 'workshop', 'Referral'],
    // ...but "eshop" (an "e" before "shop") is one: GA4's class deliberately excludes only a-d and f-z.
    ['partner', 'referral', 'eshop-launch', 'Organic Shopping'],
    ['facebook', 'referral', null, 'Organic Social'],
    ['newsletter', 'social', null, 'Organic Social'],
    ['newsletter', 'social-network', null, 'Organic Social'],
    ['newsletter', 'social media', null, 'Organic Social'],
    ['newsletter', 'sm', null, 'Organic Social'],
    ['youtube', 'referral', null, 'Organic Video'],
    ['vendor', 'video', null, 'Organic Video'],
    ['vendor', 'short-video-clip', null, 'Organic Video'],
    ['google', 'organic', null, 'Organic Search'],
    ['someengine', 'organic', null, 'Organic Search'],
    ['blog.example.org', 'referral', null, 'Referral'],
    ['partner', 'app', null, 'Referral'],
    ['partner', 'link', null, 'Referral'],
    ['newsletter', 'email', null, 'Email'],
    ['newsletter', 'e-mail', null, 'Email'],
    ['newsletter', 'e_mail', null, 'Email'],
    ['newsletter', 'e mail', null, 'Email'],
    ['email', 'blast', null, 'Email'],
    ['partner', 'affiliate', null, 'Affiliates'],
    ['spotify', 'audio', null, 'Audio'],
    ['sms', null, null, 'SMS'],
    ['twilio', 'sms', null, 'SMS'],
    ['app', 'push', null, 'Mobile Push Notifications'],
    ['app', 'web-push', null, 'Mobile Push Notifications'],
    ['app', 'mobile', null, 'Mobile Push Notifications'],
    ['app', 'notification', null, 'Mobile Push Notifications'],
    ['firebase', null, null, 'Mobile Push Notifications'],
    ['newsletter', null, null, 'Unassigned'],
    ['(not set)', 'weird', null, 'Unassigned'],
  ];
  it.each(cases)('%s / %s / %s → %s', (source, medium, campaign, channel) => {
    expect(classifyChannel({ source, medium, campaign })).toBe(channel);
  });

  it('ignores case and surrounding whitespace', () => {
    expect(classifyChannel({ source: '  Google ', medium: ' CPC' })).toBe('Paid Search');
    expect(classifyChannel({ source: 'FaceBook', medium: 'Paid-Social  ' })).toBe('Paid Social');
    expect(classifyChannel({ source: 'Newsletter', medium: ' EMAIL ' })).toBe('Email');
    expect(classifyChannel({ source: 'x', medium: 'x', campaign: ' BLACK-FRIDAY-SHOPPING ' })).toBe('Organic Shopping');
    expect(classifyChannel({ source: 'Google Shopping', medium: 'cpc' })).toBe('Paid Shopping');
  });

  it('every channel name GA4 defines is reachable', () => {
    const reached = new Set(cases.map((c) => c[3]));
    expect(CHANNELS.filter((c) => !reached.has(c))).toEqual([]);
  });
});

describe('GA4 source lists', () => {
  it('reduces referrer hosts to the list entry they stand for', () => {
    expect(listedSourceForHost('www.google.com')).toEqual({ source: 'google', category: 'search' });
    expect(listedSourceForHost('www.google.co.uk')).toEqual({ source: 'google', category: 'search' });
    expect(listedSourceForHost('www.bing.com')).toEqual({ source: 'bing', category: 'search' });
    expect(listedSourceForHost('duckduckgo.com')).toEqual({ source: 'duckduckgo', category: 'search' });
    expect(listedSourceForHost('l.facebook.com')).toEqual({ source: 'l.facebook.com', category: 'social' });
    expect(listedSourceForHost('new.reddit.com')).toEqual({ source: 'reddit.com', category: 'social' });
    expect(listedSourceForHost('docs.google.com')).toBeUndefined();
    expect(listedSourceForHost('blog.example.org')).toBeUndefined();
  });

  it('categorises utm_source values by exact name or as a host', () => {
    expect(sourceCategory('google')).toBe('search');
    expect(sourceCategory('IGShopping')).toBe('shopping');
    expect(sourceCategory('www.youtube.com')).toBe('video');
    expect(sourceCategory('newsletter')).toBeUndefined();
    expect(sourceCategory('')).toBeUndefined();
  });
});

describe('session source from real-world referrers', () => {
  const cases: Array<[string, string, string, string]> = [
    ['www.google.com', 'google', 'organic', 'Organic Search'],
    ['www.google.co.uk', 'google', 'organic', 'Organic Search'],
    ['www.google.com.au', 'google', 'organic', 'Organic Search'],
    ['www.bing.com', 'bing', 'organic', 'Organic Search'],
    ['cn.bing.com', 'cn.bing.com', 'organic', 'Organic Search'],
    ['duckduckgo.com', 'duckduckgo', 'organic', 'Organic Search'],
    ['search.yahoo.com', 'yahoo.com', 'organic', 'Organic Search'],
    ['yandex.ru', 'yandex.ru', 'organic', 'Organic Search'],
    ['t.co', 't.co', 'referral', 'Organic Social'],
    ['twitter.com', 'twitter.com', 'referral', 'Organic Social'],
    ['x.com', 'x.com', 'referral', 'Organic Social'],
    ['l.facebook.com', 'l.facebook.com', 'referral', 'Organic Social'],
    ['lm.facebook.com', 'lm.facebook.com', 'referral', 'Organic Social'],
    ['m.facebook.com', 'm.facebook.com', 'referral', 'Organic Social'],
    ['www.linkedin.com', 'linkedin.com', 'referral', 'Organic Social'],
    ['www.reddit.com', 'reddit.com', 'referral', 'Organic Social'],
    ['old.reddit.com', 'old.reddit.com', 'referral', 'Organic Social'],
    ['www.youtube.com', 'youtube.com', 'referral', 'Organic Video'],
    ['m.youtube.com', 'm.youtube.com', 'referral', 'Organic Video'],
    ['news.ycombinator.com', 'news.ycombinator.com', 'referral', 'Organic Social'],
    ['www.etsy.com', 'etsy.com', 'referral', 'Organic Shopping'],
    ['mail.google.com', 'mail.google.com', 'email', 'Email'],
    ['outlook.live.com', 'outlook.live.com', 'email', 'Email'],
    ['mail.yahoo.com', 'mail.yahoo.com', 'email', 'Email'],
    ['docs.google.com', 'docs.google.com', 'referral', 'Referral'],
    // AI assistants, as their links arrive (chatgpt.com also appends utm_source=chatgpt.com).
    ['chatgpt.com', 'chatgpt.com', 'referral', 'AI Assistants'],
    ['chat.openai.com', 'chat.openai.com', 'referral', 'AI Assistants'],
    ['www.perplexity.ai', 'perplexity.ai', 'referral', 'AI Assistants'],
    ['claude.ai', 'claude.ai', 'referral', 'AI Assistants'],
    ['gemini.google.com', 'gemini.google.com', 'referral', 'AI Assistants'],
    ['copilot.microsoft.com', 'copilot.microsoft.com', 'referral', 'AI Assistants'],
    ['edgeservices.bing.com', 'edgeservices.bing.com', 'referral', 'AI Assistants'],
    ['chat.deepseek.com', 'chat.deepseek.com', 'referral', 'AI Assistants'],
    ['chat.mistral.ai', 'chat.mistral.ai', 'referral', 'AI Assistants'],
    ['www.meta.ai', 'meta.ai', 'referral', 'AI Assistants'],
    ['grok.com', 'grok.com', 'referral', 'AI Assistants'],
    ['you.com', 'you.com', 'referral', 'AI Assistants'],
    ['notebooklm.google.com', 'notebooklm.google.com', 'referral', 'AI Assistants'],
    ['blog.somebody.dev', 'blog.somebody.dev', 'referral', 'Referral'],
    ['WWW.GOOGLE.DE.', 'google', 'organic', 'Organic Search'],
  ];
  it.each(cases)('%s → %s / %s → %s', (host, source, medium, channel) => {
    expect(fromReferrer(host)).toMatchObject({ source, medium, channel, selfReferral: false });
  });

  it('AI assistants: utm_source=chatgpt.com (what ChatGPT appends) and the referrer agree; search and social hosts stay theirs', () => {
    expect(fromUtm('chatgpt.com')).toMatchObject({ source: 'chatgpt.com', medium: '(not set)', channel: 'AI Assistants' });
    expect(sessionSource({ utmSource: 'chatgpt.com', referrerHost: 'chatgpt.com' }, DOMAINS)).toMatchObject({ source: 'chatgpt.com', channel: 'AI Assistants' });
    expect(fromUtm('perplexity')).toMatchObject({ channel: 'AI Assistants' });
    expect(fromUtm('chatgpt.com', 'cpc', 'launch')).toMatchObject({ channel: 'Paid Other' });
    expect(fromReferrer('www.google.com')).toMatchObject({ source: 'google', channel: 'Organic Search' });
    expect(fromReferrer('www.bing.com')).toMatchObject({ source: 'bing', channel: 'Organic Search' });
    expect(fromReferrer('x.com')).toMatchObject({ channel: 'Organic Social' });
    expect(listedSourceForHost('labs.perplexity.ai')).toEqual({ source: 'perplexity.ai', category: 'ai_assistant' });
    expect(sourceCategory('gemini.google.com')).toBe('ai_assistant');
    expect(sourceCategory('gemini')).toBeUndefined(); // also an exchange's name: only the host counts
  });

  it('no referrer and no campaign is Direct; a desktop mail client sends no referrer', () => {
    expect(sessionSource({}, DOMAINS)).toMatchObject({ source: '(direct)', medium: '(none)', channel: 'Direct', selfReferral: false });
  });

  it('UTM parameters win over the referrer, trimmed, case kept for display but not for rules', () => {
    const s = sessionSource({ utmSource: ' Newsletter ', utmMedium: 'EMAIL', utmCampaign: ' spring ', referrerHost: 'mail.google.com' }, DOMAINS);
    expect(s).toMatchObject({ source: 'Newsletter', medium: 'EMAIL', campaign: 'spring', channel: 'Email' });
    expect(fromUtm('google', 'cpc', 'brand')).toMatchObject({ channel: 'Paid Search', campaign: 'brand' });
    expect(fromUtm('facebook', 'paid_social')).toMatchObject({ channel: 'Paid Social' });
    expect(fromUtm('Facebook', ' Paid ')).toMatchObject({ channel: 'Paid Social' });
    expect(fromUtm('linkedin', 'cpc')).toMatchObject({ channel: 'Paid Social' });
    expect(fromUtm('youtube', 'cpv')).toMatchObject({ channel: 'Paid Video' });
    expect(fromUtm('reddit')).toMatchObject({ medium: '(not set)', channel: 'Organic Social' });
    expect(fromUtm(undefined, 'email')).toMatchObject({ source: '(not set)', channel: 'Email' });
    expect(fromUtm('  ', '  ')).toMatchObject({ source: '(direct)', channel: 'Direct' });
  });

  it('click ids stand for their ad platform when UTM is absent', () => {
    expect(sessionSource({ clickIdType: 'gclid' }, DOMAINS)).toMatchObject({ source: 'google', medium: 'cpc', channel: 'Paid Search' });
    expect(sessionSource({ clickIdType: 'wbraid' }, DOMAINS)).toMatchObject({ channel: 'Paid Search' });
    expect(sessionSource({ clickIdType: 'msclkid' }, DOMAINS)).toMatchObject({ source: 'bing', channel: 'Paid Search' });
    expect(sessionSource({ clickIdType: 'ttclid' }, DOMAINS)).toMatchObject({ channel: 'Paid Social' });
    expect(sessionSource({ clickIdType: 'li_fat_id' }, DOMAINS)).toMatchObject({ channel: 'Paid Social' });
    expect(sessionSource({ clickIdType: 'fbclid', referrerHost: 'l.facebook.com' }, DOMAINS)).toMatchObject({ channel: 'Organic Social' });
    expect(sessionSource({ clickIdType: 'gclid', utmSource: 'google', utmMedium: 'display' }, DOMAINS)).toMatchObject({ channel: 'Display' });
  });

  it('ref and via parameters name a referral source', () => {
    expect(sessionSource({ ref: 'producthunt' }, DOMAINS)).toMatchObject({ source: 'producthunt', medium: 'referral', channel: 'Referral' });
    expect(sessionSource({ ref: 'twitter' }, DOMAINS)).toMatchObject({ channel: 'Organic Social' });
  });

  it('self-referrals (own domains, subdomains, payment pages) are not a source', () => {
    for (const host of ['example.com', 'www.example.com', 'app.example.com', 'checkout.stripe.com', 'www.paypal.com']) {
      expect(fromReferrer(host)).toMatchObject({ source: '(direct)', channel: 'Direct', selfReferral: true });
    }
    // A campaign on a link from the own site is still a campaign.
    expect(sessionSource({ referrerHost: 'example.com', utmSource: 'footer', utmMedium: 'link' }, DOMAINS)).toMatchObject({ selfReferral: false, channel: 'Referral' });
    expect(isSelfReferral('notexample.com', DOMAINS)).toBe(false);
    expect(isSelfReferral('localhost', ['localhost:3000'])).toBe(true);
    expect(isSelfReferral(null, DOMAINS)).toBe(false);
  });
});
