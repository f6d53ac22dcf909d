'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';

// Period, comparison, model, live/test and bucket size: every change is written to the URL, so a
// view can be shared and bookmarked; the server page reads the URL and renders the numbers.

const PERIODS: [string, string][] = [
  ['today', 'Today'],
  ['7d', 'Last 7 days'],
  ['30d', 'Last 30 days'],
  ['90d', 'Last 90 days'],
  ['mtd', 'Month to date'],
  ['last_month', 'Last month'],
  ['ytd', 'Year to date'],
  ['all', 'All time'],
  ['custom', 'Custom range'],
];
const MODELS: [string, string][] = [
  ['first_touch', 'First touch'],
  ['last_touch', 'Last non-direct touch'],
  ['linear', 'Linear'],
  ['position_based', 'Position-based (40/20/40)'],
  ['time_decay', 'Time decay (7-day half-life)'],
];

const select = 'rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-900';

export function DashboardControls({ values }: { values: { period: string; from: string; to: string; compare: string; model: string; mode: string; interval: string } }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [from, setFrom] = useState(values.from);
  const [to, setTo] = useState(values.to);

  const set = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    router.push(`${pathname}?${next.toString()}`);
  };

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label="Dashboard controls"
      onSubmit={(e) => {
        e.preventDefault();
        set({ period: 'custom', from, to });
      }}
    >
      <label className="flex flex-col text-xs font-medium">
        Period
        <select className={select} value={values.period} onChange={(e) => set(e.target.value === 'custom' ? { period: 'custom', from, to } : { period: e.target.value, from: null, to: null })}>
          {PERIODS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {values.period === 'custom' && (
        <>
          <label className="flex flex-col text-xs font-medium">
            From
            <input type="date" className={select} value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="flex flex-col text-xs font-medium">
            To
            <input type="date" className={select} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500">
            Apply
          </button>
        </>
      )}
      <label className="flex flex-col text-xs font-medium">
        Compare with
        <select className={select} value={values.compare} onChange={(e) => set({ compare: e.target.value })}>
          <option value="previous">Previous period</option>
          <option value="none">No comparison</option>
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium">
        Attribution model
        <select className={select} value={values.model} onChange={(e) => set({ model: e.target.value })}>
          {MODELS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium">
        Data
        <select className={select} value={values.mode} onChange={(e) => set({ mode: e.target.value })}>
          <option value="live">Live</option>
          <option value="test">Test</option>
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium">
        Chart buckets
        <select className={select} value={values.interval} onChange={(e) => set({ interval: e.target.value })}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
    </form>
  );
}
