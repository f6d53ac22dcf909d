// The touch dimensions the dashboard groups and filters by, and their Touch columns.

export const TOUCH_COLUMNS = {
  channel: 'channel',
  source: 'source',
  medium: 'medium',
  campaign: 'campaign',
  referrer: '"referrerDomain"',
  landing_page: '"landingPath"',
} as const;
export type TouchDimension = keyof typeof TOUCH_COLUMNS;
