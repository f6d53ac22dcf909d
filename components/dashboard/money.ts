export { formatMoney, majorToMinor, minorToMajor } from '@/lib/analytics/dashboard-params';

export function formatPercent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(v < 0.1 ? 2 : 1)}%`;
}

export function formatChange(v: number | null): string {
  if (v === null) return 'no comparison';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${Math.abs(v * 100).toFixed(1)}%`;
}
