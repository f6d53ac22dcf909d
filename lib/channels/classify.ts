import { type SourceCategory, sourceCategory } from './sources';

// Google Analytics 4's default channel group, rule for rule, in GA4's order: the first rule that
// matches names the channel. Inputs are compared trimmed and lower-cased (GA4's conditions ignore
// case). Source: Google's help page "[GA4] Default channel group". Zori adds one channel GA4 lacks,
// AI Assistants (ChatGPT, Perplexity, Claude, Gemini, Copilot, …), checked after the paid and
// shopping rules and before Organic Social and Referral, which would otherwise take those visits.

/**
 * The version of these rules. Touches keep the channel they were stored with; a project whose
 * history was classified with an older version can have it reclassified (lib/analytics/reclassify-channels.ts).
 * 1: GA4's default channel group. 2: + AI Assistants.
 */
export const CHANNEL_RULES_VERSION = 2;

export const CHANNELS = [
  'Direct',
  'Cross-network',
  'Paid Shopping',
  'Paid Search',
  'Paid Social',
  'Paid Video',
  'Display',
  'Paid Other',
  'Organic Shopping',
  'AI Assistants',
  'Organic Social',
  'Organic Video',
  'Organic Search',
  'Referral',
  'Email',
  'Affiliates',
  'Audio',
  'SMS',
  'Mobile Push Notifications',
  'Unassigned',
] as const;
export type Channel = (typeof CHANNELS)[number];

export type ChannelInput = {
  source?: string | null;
  medium?: string | null;
  campaign?: string | null;
};

type Facts = { source: string; medium: string; campaign: string; category: SourceCategory | undefined };

const PAID_MEDIUM = /^(.*cp.*|ppc|retargeting|paid.*)$/;
const SHOPPING_CAMPAIGN = /^(.*(([^a-df-z]|^)shop|shopping).*)$/;
const EMAIL = /^(email|e-mail|e_mail|e mail)$/;
const SOCIAL_MEDIUMS = new Set(['social', 'social-network', 'social-media', 'sm', 'social network', 'social media']);
const DISPLAY_MEDIUMS = new Set(['display', 'banner', 'expandable', 'interstitial', 'cpm']);

const isPaid = (f: Facts) => PAID_MEDIUM.test(f.medium);
const isShopping = (f: Facts) => f.category === 'shopping' || SHOPPING_CAMPAIGN.test(f.campaign);

const RULES: ReadonlyArray<[Exclude<Channel, 'Unassigned'>, (f: Facts) => boolean]> = [
  ['Direct', (f) => f.source === '(direct)' && (f.medium === '(not set)' || f.medium === '(none)')],
  ['Cross-network', (f) => f.campaign.includes('cross-network')],
  ['Paid Shopping', (f) => isShopping(f) && isPaid(f)],
  ['Paid Search', (f) => f.category === 'search' && isPaid(f)],
  ['Paid Social', (f) => f.category === 'social' && isPaid(f)],
  ['Paid Video', (f) => f.category === 'video' && isPaid(f)],
  ['Display', (f) => DISPLAY_MEDIUMS.has(f.medium)],
  ['Paid Other', (f) => isPaid(f)],
  ['Organic Shopping', (f) => isShopping(f)],
  ['AI Assistants', (f) => f.category === 'ai_assistant'],
  ['Organic Social', (f) => f.category === 'social' || SOCIAL_MEDIUMS.has(f.medium)],
  ['Organic Video', (f) => f.category === 'video' || /video/.test(f.medium)],
  ['Organic Search', (f) => f.category === 'search' || f.medium === 'organic'],
  ['Referral', (f) => f.medium === 'referral' || f.medium === 'app' || f.medium === 'link'],
  ['Email', (f) => EMAIL.test(f.source) || EMAIL.test(f.medium)],
  ['Affiliates', (f) => f.medium === 'affiliate'],
  ['Audio', (f) => f.medium === 'audio'],
  ['SMS', (f) => f.source === 'sms' || f.medium === 'sms'],
  ['Mobile Push Notifications', (f) => f.medium.endsWith('push') || f.medium.includes('mobile') || f.medium.includes('notification') || f.source === 'firebase'],
];

const norm = (v: string | null | undefined) => (v ?? '').trim().toLowerCase();

/** The GA4 default channel of a session's source, medium and campaign. Pure. */
export function classifyChannel(input: ChannelInput): Channel {
  const facts: Facts = {
    source: norm(input.source),
    medium: norm(input.medium),
    campaign: norm(input.campaign),
    category: sourceCategory(input.source),
  };
  for (const [channel, matches] of RULES) if (matches(facts)) return channel;
  return 'Unassigned';
}
