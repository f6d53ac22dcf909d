import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatDayRange, formatMonth } from './dates';
import { formatCount, formatMoney, formatMoneyCompact } from './numbers';

describe('dates', () => {
  it('writes an instant in the project time zone with a 24-hour clock', () => {
    const at = new Date('2026-12-01T12:39:00Z');
    expect(formatDateTime(at, 'Europe/Paris')).toBe('Dec 1, 2026, 13:39');
    expect(formatDateTime(at, 'UTC')).toBe('Dec 1, 2026, 12:39');
    expect(formatDate('2026-12-01T23:30:00Z', 'Asia/Tokyo')).toBe('Dec 2, 2026');
  });

  it('writes report days as they are (already local), and ranges compactly', () => {
    expect(formatDay('2026-12-01')).toBe('Dec 1, 2026');
    expect(formatDay('2026-12-01', { short: true })).toBe('Dec 1');
    expect(formatMonth('2026-12-01')).toBe('Dec 2026');
    expect(formatDayRange('2026-11-02', '2026-12-01')).toBe('Nov 2 – Dec 1, 2026');
    expect(formatDayRange('2025-12-30', '2026-01-05')).toBe('Dec 30, 2025 – Jan 5, 2026');
    expect(formatDayRange('2026-12-01', '2026-12-01')).toBe('Dec 1, 2026');
  });
});

describe('numbers', () => {
  it('formats money from minor units, and compactly for axes', () => {
    expect(formatMoney(123450, 'usd')).toBe('$1,234.50');
    expect(formatMoney(1500, 'jpy')).toBe('¥1,500');
    expect(formatMoney(null, 'usd')).toBe('—');
    expect(formatMoneyCompact(1300, 'usd')).toBe('$1.3K');
    expect(formatMoneyCompact(650, 'usd')).toBe('$650');
    expect(formatMoneyCompact(2_000_000, 'eur')).toBe('€2M');
    expect(formatCount(12345)).toBe('12,345');
  });
});

describe('plural', () => {
  it('agrees the noun with the count', async () => {
    const { plural } = await import('./text');
    expect(plural(1, 'member')).toBe('1 member');
    expect(plural(2, 'member')).toBe('2 members');
    expect(plural(0, 'project')).toBe('0 projects');
    expect(plural(1204, 'visitor')).toBe('1,204 visitors');
  });
});
