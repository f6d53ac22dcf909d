import { NONE, TOUCH_COLUMNS, TOUCH_DIMENSIONS, type TouchDimension } from '../touch-columns';

// The (filter, dimension, value) rows a credit row counts under in the daily revenue rollup:
//   converted and attributed   unfiltered: all, and each touch dimension (no value: (none));
//                              within a one-value filter on X (its X value): each other dimension
//   converted, no touch        unfiltered: all, unattributed
//   waiting for a conversion   unfiltered: unconverted (value: the payment's currency)

export type RevenueRowDims = { converted: boolean; attributed: boolean; currency: string } & Record<TouchDimension, string | null>;

/** The unfiltered (dimension, value) pairs of one credit row (for the raw tail of a query). */
export function dimensionValues(r: RevenueRowDims): [string, string][] {
  if (!r.converted) return [['unconverted', r.currency]];
  if (!r.attributed) return [['all', ''], ['unattributed', '']];
  return [['all', ''], ...TOUCH_DIMENSIONS.map((d): [string, string] => [d, r[d] ?? NONE])];
}

const valueOf = (col: string) => `COALESCE(c.${col}, '${NONE}')`;

/** SQL: the rows of credit row `c` (a LATERAL subquery). */
export const DIMENSION_VALUES_SQL = `(
  SELECT v.* FROM (VALUES ('', '', 'all', ''), ('', '', 'unattributed', ''), ('', '', 'unconverted', c.currency),
    ${[
      ...TOUCH_DIMENSIONS.map((d) => `('', '', '${d}', ${valueOf(TOUCH_COLUMNS[d])})`),
      ...TOUCH_DIMENSIONS.flatMap((x) =>
        TOUCH_DIMENSIONS.filter((y) => y !== x).map((y) => `('${x}', ${valueOf(TOUCH_COLUMNS[x])}, '${y}', ${valueOf(TOUCH_COLUMNS[y])})`),
      ),
    ].join(',\n    ')}) AS v(filter_dimension, filter_value, dimension, value)
  WHERE CASE WHEN c.revenue IS NULL THEN v.dimension = 'unconverted'
             WHEN c."touchId" IS NULL THEN v.dimension IN ('all', 'unattributed')
             ELSE v.dimension NOT IN ('unattributed', 'unconverted') END
) AS d`;
