import { NONE, TOUCH_COLUMNS, TOUCH_DIMENSIONS } from '../touch-columns';

// The (filter, dimension, value) rows a touch counts under in the visitors rollup: unfiltered, the
// total ('all') and each touch dimension; and for views filtered by one value of a dimension X, each
// other dimension Y under the filter (X, the touch's X value). A touch without a value counts
// under (none), as the raw queries do.

const valueOf = (col: string) => `COALESCE(t.${col}, '${NONE}')`;

/** SQL: the rows of touch `t` (a LATERAL VALUES list). */
export const DIMENSION_VALUES_SQL = `(VALUES ('', '', 'all', ''), ${[
  ...TOUCH_DIMENSIONS.map((d) => `('', '', '${d}', ${valueOf(TOUCH_COLUMNS[d])})`),
  ...TOUCH_DIMENSIONS.flatMap((x) =>
    TOUCH_DIMENSIONS.filter((y) => y !== x).map((y) => `('${x}', ${valueOf(TOUCH_COLUMNS[x])}, '${y}', ${valueOf(TOUCH_COLUMNS[y])})`),
  ),
].join(', ')}) AS d(filter_dimension, filter_value, dimension, value)`;
