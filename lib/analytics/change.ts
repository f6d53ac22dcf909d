// How a figure moved against the previous period. A figure that was zero before has no
// percentage change ("+31700% vs 0" says nothing): it is new, or went below zero.

export type Change =
  | { kind: 'none' } // nothing to compare with
  | { kind: 'same' }
  | { kind: 'new' } // from zero to a positive figure
  | { kind: 'up'; ratio: number }
  | { kind: 'down'; ratio: number | null }; // ratio null: from zero to a negative figure

export function compareFigures(now: number | null, before: number | null | undefined): Change {
  if (now === null || before === null || before === undefined) return { kind: 'none' };
  if (now === before) return { kind: 'same' };
  if (before === 0) return now > 0 ? { kind: 'new' } : { kind: 'down', ratio: null };
  const ratio = (now - before) / Math.abs(before);
  return ratio > 0 ? { kind: 'up', ratio } : { kind: 'down', ratio: -ratio };
}

/** "+12.3%", "−4.0%", "new", "no change"; ten times or more reads as "11×" rather than "+1000%". */
export function formatChange(c: Change): string {
  switch (c.kind) {
    case 'none':
      return '';
    case 'same':
      return 'no change';
    case 'new':
      return 'new';
    case 'up':
      return c.ratio >= 9 ? `${formatMultiple(1 + c.ratio)}×` : `+${percent(c.ratio)}`;
    case 'down':
      return c.ratio === null ? 'below zero' : `−${percent(c.ratio)}`;
  }
}

/** Whether the move is good news: more revenue is, more refunds are not; "new" follows "up". */
export function changeTone(c: Change, lowerIsBetter = false): 'good' | 'bad' | 'neutral' {
  if (c.kind === 'none' || c.kind === 'same') return 'neutral';
  const up = c.kind === 'up' || c.kind === 'new';
  return up !== lowerIsBetter ? 'good' : 'bad';
}

function percent(ratio: number): string {
  const p = ratio * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p).toLocaleString('en-US')}%`;
}

function formatMultiple(x: number): string {
  return x < 100 ? x.toFixed(x < 20 ? 1 : 0).replace(/\.0$/, '') : Math.round(x).toLocaleString('en-US');
}

/** A share as a percentage; a rate is a share of its base and never reads more than 100%. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`A rate is between 0 and 1 (got ${rate})`);
  const p = rate * 100;
  return `${p === 0 || p >= 10 ? p.toFixed(1) : p.toFixed(2)}%`;
}

/** Converted visitors over visitors: null without visitors. Both count the same people, so 0..1. */
export function conversionRate(converted: number, visitors: number): number | null {
  if (converted > visitors) throw new RangeError(`${converted} converted of ${visitors} visitors: the converted must be among the visitors`);
  return visitors > 0 ? converted / visitors : null;
}
