// The one way Zori writes dates and times: "Dec 1, 2026" and "Dec 1, 2026, 13:40", in the
// project's time zone (pages say which), 24-hour clock. Report days ("2026-12-01") are already
// local to the project and are written as they are.

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function cached(key: string, make: () => Intl.DateTimeFormat) {
  let f = dateTimeFormats.get(key);
  if (!f) dateTimeFormats.set(key, (f = make()));
  return f;
}

/** An instant in a time zone: "Dec 1, 2026, 13:40". */
export function formatDateTime(at: Date | string, timeZone: string): string {
  const f = cached(`dt:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  return f.format(new Date(at));
}

/** The day of an instant in a time zone: "Dec 1, 2026". */
export function formatDate(at: Date | string, timeZone: string): string {
  const f = cached(`d:${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric' }));
  return f.format(new Date(at));
}

function asUtcDay(day: string): Date {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a day: ${day}`);
  return d;
}

/** A report day ("2026-12-01", already local): "Dec 1, 2026"; short: "Dec 1". */
export function formatDay(day: string, opts: { short?: boolean } = {}): string {
  const f = cached(`day:${opts.short ? 's' : 'l'}`, () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', ...(opts.short ? {} : { year: 'numeric' }) }));
  return f.format(asUtcDay(day));
}

/** A month bucket ("2026-12-01"): "Dec 2026". */
export function formatMonth(day: string): string {
  return cached('month', () => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' })).format(asUtcDay(day));
}

/** A range of report days: "Nov 2 – Dec 1, 2026", "Dec 30, 2025 – Jan 5, 2026", "Dec 1, 2026". */
export function formatDayRange(from: string, to: string): string {
  if (from === to) return formatDay(from);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${formatDay(from, { short: true })} – ${formatDay(to)}`;
  return `${formatDay(from)} – ${formatDay(to)}`;
}
