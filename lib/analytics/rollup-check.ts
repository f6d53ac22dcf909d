import { MODEL_IDS, type ModelId } from '@/lib/attribution/models';
import type { Filter } from '@/lib/zod/analytics';
import type { ProjectScope } from '@/lib/authz';
import { aggregateRevenue, type RevenueAggregates } from './aggregate';
import { type AttributedRevenue, isFiltered, loadAttributedRevenue, type Mode, type RevenueQuery } from './attributed-revenue';
import { aggregatesFromCredits, loadRevenueAggregates } from './rollup-aggregates';
import { loadAttributedRevenueFromRaw } from './raw-revenue';
import { type VisitorCounts, visitorCounts, visitorCountsRaw } from './visitors';

// Checks the rollups against the raw rows: the same query both ways, compared entry by entry,
// credit by credit and figure by figure, and the same for unique visitors (`zori rollup verify`,
// and the rollup consistency tests).

type Entry = AttributedRevenue['entries'][number];
const entryKey = (e: Entry) => `${e.id}|${e.kind}|${e.bucket}|${e.customerKey}|${e.returning}|${e.revenue}|${e.refunded}`;

/** A canonical form of a period's revenue: every entry and credit as a string, sorted. */
export function canonicalRevenue(r: AttributedRevenue) {
  return {
    currency: r.currency,
    entries: r.entries.map(entryKey).sort(),
    unattributed: r.unattributed.map(entryKey).sort(),
    credits: r.credits.map((c) => `${entryKey(c.entry)}|${JSON.stringify(c.touch)}|${c.revenue}|${c.refunded}`).sort(),
    unconverted: [...r.unconverted].sort((a, b) => a.currency.localeCompare(b.currency)).map((u) => `${u.currency}|${u.amount}|${u.payments}`),
  };
}

export type Canonical = ReturnType<typeof canonicalRevenue> & { aggregates: string[]; creditAggregates: string[] };

/** A canonical form of revenue aggregates: one sorted line per figure. */
export function canonicalAggregates(a: RevenueAggregates): string[] {
  const lines = [`currency|${a.currency}`, `totals|${JSON.stringify(a.totals)}`, `unattributed|${JSON.stringify(a.unattributed)}`];
  for (const [d, m] of Object.entries(a.by)) for (const [k, v] of m) lines.push(`by|${d}|${k}|${JSON.stringify(v)}`);
  for (const [b, m] of a.buckets) for (const [ch, v] of m) lines.push(`bucket|${b}|${ch}|${v.revenue}|${v.refunded}`);
  for (const u of a.unconverted) lines.push(`unconverted|${u.currency}|${u.amount}|${u.payments}`);
  return lines.sort();
}

/**
 * The same query from the rollups and from the raw rows: the period's entries and credits row by
 * row, and the aggregates the views are made of, from the daily rollup where it answers and from
 * the credit rows (SQL), against JavaScript over the raw rows.
 */
export async function rollupAndRaw(scope: ProjectScope, q: RevenueQuery): Promise<{ rollup: Canonical; raw: Canonical }> {
  const [rollup, raw, aggregates, fromCredits] = await Promise.all([
    loadAttributedRevenue(scope, q),
    loadAttributedRevenueFromRaw(scope, q),
    loadRevenueAggregates(scope, q),
    aggregatesFromCredits(scope, q),
  ]);
  const reference = canonicalAggregates(aggregateRevenue(raw, isFiltered(q.filter)));
  return {
    rollup: { ...canonicalRevenue(rollup), aggregates: canonicalAggregates(aggregates), creditAggregates: canonicalAggregates(fromCredits) },
    raw: { ...canonicalRevenue(raw), aggregates: reference, creditAggregates: reference },
  };
}

/** The first line where the two differ, or null when they agree. */
export function firstDifference(a: Canonical, b: Canonical): string | null {
  for (const key of ['currency', 'entries', 'unattributed', 'credits', 'unconverted', 'aggregates', 'creditAggregates'] as const) {
    const x = [a[key]].flat();
    const y = [b[key]].flat();
    for (let i = 0; i < Math.max(x.length, y.length); i++)
      if (x[i] !== y[i]) return `${key}[${i}]: rollup ${x[i] ?? '(none)'} / raw ${y[i] ?? '(none)'}`;
  }
  return null;
}

export type VerifyResult = { model: ModelId; mode: Mode; entries: number; credits: number; difference: string | null };

/** Every model and mode over a range. */
export async function verifyRollup(scope: ProjectScope, range: RevenueQuery['range']): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  for (const mode of ['live', 'test'] as const)
    for (const model of MODEL_IDS) {
      const { rollup, raw } = await rollupAndRaw(scope, { range, model, mode, interval: 'day' });
      out.push({ model, mode, entries: raw.entries.length, credits: raw.credits.length, difference: firstDifference(rollup, raw) });
    }
  return out;
}

const visitorLines = (v: VisitorCounts) => [`all|${v.total}`, ...Object.entries(v.by).flatMap(([d, m]) => [...m].map(([k, n]) => `${d}|${k}|${n}`))].sort();

/** Unique visitors of a range (optionally filtered) from the rollup and from the raw touches, as sorted lines. */
export async function visitorsRollupAndRaw(scope: ProjectScope, range: RevenueQuery['range'], filter?: Filter): Promise<{ rollup: string[]; raw: string[] }> {
  const [rollup, raw] = await Promise.all([visitorCounts(scope, range, filter), visitorCountsRaw(scope, range, filter)]);
  return { rollup: visitorLines(rollup), raw: visitorLines(raw) };
}
