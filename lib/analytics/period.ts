import type { PeriodPreset } from '@/lib/zod/analytics';

// Calendar ranges in the project's time zone. A range is two inclusive YYYY-MM-DD dates; SQL turns
// them into instants with `AT TIME ZONE` (columns are UTC timestamps without zone), so day
// boundaries follow the zone's DST rules.

export type DateRange = { from: string; to: string };

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The range a preset means today; `all` starts at `earliest` (the project's first data). */
export function presetRange(preset: PeriodPreset, timeZone: string, earliest: string | null, now = new Date()): DateRange {
  const today = todayIn(timeZone, now);
  const [y, m] = today.split('-');
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case '90d':
      return { from: addDays(today, -89), to: today };
    case 'mtd':
      return { from: `${y}-${m}-01`, to: today };
    case 'last_month': {
      const end = addDays(`${y}-${m}-01`, -1);
      return { from: `${end.slice(0, 7)}-01`, to: end };
    }
    case 'ytd':
      return { from: `${y}-01-01`, to: today };
    case 'all':
      return { from: earliest && earliest < today ? earliest : today, to: today };
    default:
      return { from: addDays(today, -29), to: today };
  }
}

/** The period of the same length right before a range (what the headline figures compare against). */
export function previousRange(range: DateRange): DateRange {
  const length = daysBetween(range.from, range.to) + 1;
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Default API range when from/to are missing: the last 30 days up to today. */
export function resolveRange(q: { from?: string; to?: string }, timeZone: string, now = new Date()): DateRange {
  const to = q.to ?? todayIn(timeZone, now);
  const from = q.from ?? addDays(to, -29);
  return { from, to };
}

/** Every bucket start from..to for an interval (weeks start on Monday, as PostgreSQL's date_trunc). */
export function bucketStarts(range: DateRange, interval: 'day' | 'week' | 'month'): string[] {
  const out: string[] = [];
  let cur = range.from;
  if (interval === 'week') {
    const dow = (new Date(`${cur}T00:00:00Z`).getUTCDay() + 6) % 7;
    cur = addDays(cur, -dow);
  } else if (interval === 'month') cur = `${cur.slice(0, 7)}-01`;
  while (cur <= range.to) {
    out.push(cur);
    if (interval === 'day') cur = addDays(cur, 1);
    else if (interval === 'week') cur = addDays(cur, 7);
    else {
      const d = new Date(`${cur}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + 1);
      cur = d.toISOString().slice(0, 10);
    }
  }
  return out;
}

/** The bucket (day, Monday of the week, first of the month) an instant falls in, in a time zone. */
export function localBucket(instant: Date, timeZone: string, interval: 'day' | 'week' | 'month'): string {
  const day = todayIn(timeZone, instant);
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}
