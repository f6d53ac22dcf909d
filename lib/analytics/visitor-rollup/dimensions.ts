// The dimensions unique visitors are counted by: the total ('all') and each touch column the
// dashboard groups by. A touch without a value counts under (none), as the raw queries do.

export const NONE_VALUE = '(none)';

export const VISITOR_DIMENSIONS = {
  channel: 'channel',
  source: 'source',
  medium: 'medium',
  campaign: 'campaign',
  referrer: '"referrerDomain"',
  landing_page: '"landingPath"',
} as const;
export type VisitorDimension = keyof typeof VISITOR_DIMENSIONS;

/** SQL: one (dimension, value) row per dimension for touch `t` (a LATERAL VALUES list). */
export const DIMENSION_VALUES_SQL = `(VALUES ('all', ''), ${Object.entries(VISITOR_DIMENSIONS)
  .map(([dim, col]) => `('${dim}', COALESCE(t.${col}, '${NONE_VALUE}'))`)
  .join(', ')}) AS d(dimension, value)`;

/** SQL: the local calendar day of timestamp column `col` in time zone parameter `tz`. */
export const localDaySql = (col: string, tz: string) => `((${col} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
