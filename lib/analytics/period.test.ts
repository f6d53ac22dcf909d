import { describe, expect, it } from 'vitest';
import { bucketStarts, presetRange, previousRange, todayIn } from './period';

const now = new Date('2026-03-01T02:30:00Z'); // still Feb 28 in New York, Mar 1 in Berlin

describe('periods in the project time zone', () => {
  it('today depends on the zone', () => {
    expect(todayIn('America/New_York', now)).toBe('2026-02-28');
    expect(todayIn('Europe/Berlin', now)).toBe('2026-03-01');
  });
  it('presets', () => {
    const tz = 'Europe/Berlin';
    expect(presetRange('today', tz, null, now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('7d', tz, null, now)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetRange('30d', tz, null, now)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(presetRange('mtd', tz, null, now)).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('last_month', tz, null, now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('ytd', tz, null, now)).toEqual({ from: '2026-01-01', to: '2026-03-01' });
    expect(presetRange('all', tz, '2024-05-06', now)).toEqual({ from: '2024-05-06', to: '2026-03-01' });
    expect(presetRange('last_month', 'UTC', null, new Date('2026-01-15T00:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('the previous period has the same length and ends the day before', () => {
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
  it('buckets: weeks start on Monday, months on the 1st', () => {
    expect(bucketStarts({ from: '2026-03-04', to: '2026-03-16' }, 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketStarts({ from: '2026-01-31', to: '2026-03-01' }, 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(bucketStarts({ from: '2026-03-28', to: '2026-03-30' }, 'day')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
  });
});
