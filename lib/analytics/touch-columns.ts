// The touch dimensions the dashboard groups and filters by, and their Touch columns.

/** How a touch without a value shows (and filters); GA4's literal (none) is the same value. */
export const NONE = '(none)';

export const TOUCH_COLUMNS = {
  channel: 'channel',
  source: 'source',
  medium: 'medium',
  campaign: 'campaign',
  referrer: '"referrerDomain"',
  landing_page: '"landingPath"',
} as const;
export type TouchDimension = keyof typeof TOUCH_COLUMNS;
export const TOUCH_DIMENSIONS = Object.keys(TOUCH_COLUMNS) as TouchDimension[];
