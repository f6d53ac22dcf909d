import { CHANNELS, type Channel } from '@/lib/channels/classify';

// One colour per channel, used by every chart and table (legend dots) so a channel looks the same
// everywhere. Mid-tone colours that read on the light and the dark background alike.

const COLORS: Record<Channel | 'Unattributed', string> = {
  'Organic Search': '#10b981', // emerald
  'Paid Search': '#6366f1', // indigo
  Direct: '#64748b', // slate
  'Organic Social': '#0ea5e9', // sky
  'AI Assistants': '#d946ef', // fuchsia
  'Paid Social': '#ec4899', // pink
  Email: '#f59e0b', // amber
  Referral: '#8b5cf6', // violet
  Affiliates: '#14b8a6', // teal
  Display: '#f97316', // orange
  'Paid Video': '#ef4444', // red
  'Organic Video': '#f43f5e', // rose
  'Paid Shopping': '#84cc16', // lime
  'Organic Shopping': '#22c55e', // green
  'Cross-network': '#a855f7', // purple
  'Paid Other': '#9f1239', // dark rose
  Audio: '#06b6d4', // cyan
  SMS: '#eab308', // yellow
  'Mobile Push Notifications': '#3b82f6', // blue
  Unassigned: '#a8a29e', // stone
  Unattributed: '#a1a1aa', // zinc: payments with no visitor, never Direct
};

const FALLBACK = ['#0891b2', '#c026d3', '#65a30d', '#ea580c', '#4f46e5'];

export function channelColor(channel: string): string {
  if (channel in COLORS) return COLORS[channel as keyof typeof COLORS];
  let h = 0;
  for (const ch of channel) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length];
}

/** Channels in a stable order (GA4's), unattributed last: stacks and legends keep their places. */
export function sortChannels(channels: Iterable<string>): string[] {
  const rank = (c: string) => (c === 'Unattributed' ? 1000 : (CHANNELS as readonly string[]).indexOf(c) === -1 ? 500 : (CHANNELS as readonly string[]).indexOf(c));
  return [...new Set(channels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function ChannelDot({ channel }: { channel: string }) {
  return <span aria-hidden className="inline-block size-2 shrink-0 rounded-full" style={{ background: channelColor(channel) }} />;
}
