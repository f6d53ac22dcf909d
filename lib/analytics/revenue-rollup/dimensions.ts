import { NONE, TOUCH_COLUMNS, type TouchDimension } from '../touch-columns';

// The (dimension, value) pairs a credit row counts under in the daily revenue rollup:
//   converted and attributed   all, and each touch dimension (no value: (none))
//   converted, no touch        all, unattributed
//   waiting for a conversion   unconverted (value: the payment's currency)

export type RevenueRowDims = { converted: boolean; attributed: boolean; currency: string } & Record<TouchDimension, string | null>;

/** The pairs of one credit row (the JavaScript twin of DIMENSION_VALUES_SQL, for the raw tail). */
export function dimensionValues(r: RevenueRowDims): [string, string][] {
  if (!r.converted) return [['unconverted', r.currency]];
  if (!r.attributed) return [['all', ''], ['unattributed', '']];
  return [['all', ''], ...(Object.keys(TOUCH_COLUMNS) as TouchDimension[]).map((d): [string, string] => [d, r[d] ?? NONE])];
}

/** SQL: the (dimension, value) rows of credit row `c` (a LATERAL subquery). */
export const DIMENSION_VALUES_SQL = `(
  SELECT v.dimension, v.value FROM (VALUES ('all', ''), ('unattributed', ''), ('unconverted', c.currency),
    ${Object.entries(TOUCH_COLUMNS)
      .map(([d, col]) => `('${d}', COALESCE(c.${col}, '${NONE}'))`)
      .join(', ')}) AS v(dimension, value)
  WHERE CASE WHEN c.revenue IS NULL THEN v.dimension = 'unconverted'
             WHEN c."touchId" IS NULL THEN v.dimension IN ('all', 'unattributed')
             ELSE v.dimension NOT IN ('unattributed', 'unconverted') END
) AS d`;
