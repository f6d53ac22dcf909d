import { NONE, TOUCH_COLUMNS } from '../touch-columns';

// The dimensions unique visitors are counted by: the total ('all') and each touch column the
// dashboard groups by. A touch without a value counts under (none), as the raw queries do.

/** SQL: one (dimension, value) row per dimension for touch `t` (a LATERAL VALUES list). */
export const DIMENSION_VALUES_SQL = `(VALUES ('all', ''), ${Object.entries(TOUCH_COLUMNS)
  .map(([dim, col]) => `('${dim}', COALESCE(t.${col}, '${NONE}'))`)
  .join(', ')}) AS d(dimension, value)`;

