'use client';

import { CalendarRange, GitBranch } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Switch, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { DateRangePicker } from '@/components/ui/date-range-picker';
import { Select } from '@/components/ui/select';

// Period, attribution model, live/test data and the comparison: every change is written to the URL,
// so a view can be shared and bookmarked; the server page reads the URL and renders the numbers.
// Pages show only the controls that change what they display (the payments list has no model or
// comparison).

const PERIODS = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: 'mtd', label: 'Month to date' },
  { id: 'last_month', label: 'Last month' },
  { id: 'ytd', label: 'Year to date' },
  { id: 'all', label: 'All time' },
  { id: 'custom', label: 'Custom range' },
];
const MODELS = [
  { id: 'first_touch', label: 'First touch', description: 'All credit to the touch that first brought the buyer' },
  { id: 'last_touch', label: 'Last non-direct touch', description: 'All credit to the last touch that was not Direct' },
  { id: 'linear', label: 'Linear', description: 'Credit shared equally by every touch' },
  { id: 'position_based', label: 'Position-based (40/20/40)', description: '40% first, 40% last, 20% shared by the middle' },
  { id: 'time_decay', label: 'Time decay (7-day half-life)', description: 'Touches closer to the purchase get more' },
];

export type ControlValues = { period: string; from: string; to: string; compare: string; model: string; mode: string };

export function useUrlUpdate() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    next.delete('cursor'); // a new view starts at its first page
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
}

export function ReportControls({
  values,
  show,
  earliest,
  today,
}: {
  values: ControlValues;
  show: { model: boolean; compare: boolean };
  earliest: string | null;
  today: string;
}) {
  const set = useUrlUpdate();
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Report controls">
      <Select
        label="Period"
        variant="toolbar"
        icon={CalendarRange}
        options={PERIODS}
        value={values.period}
        onChange={(period) => set(period === 'custom' ? { period: 'custom', from: values.from, to: values.to } : { period, from: null, to: null })}
      />
      <DateRangePicker label="Dates" from={values.from} to={values.to} min={earliest ?? undefined} max={today} onChange={({ from, to }) => set({ period: 'custom', from, to })} />
      {show.model && (
        <Select label="Attribution model" variant="toolbar" icon={GitBranch} options={MODELS} value={values.model} onChange={(model) => set({ model })} className="max-w-[16rem]" />
      )}
      <ToggleButtonGroup
        aria-label="Data"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[values.mode]}
        onSelectionChange={(keys) => {
          const [mode] = [...keys];
          if (mode) set({ mode: String(mode) });
        }}
        className="inline-flex h-9 items-center rounded-lg border border-line bg-surface p-0.5 shadow-xs"
      >
        {['live', 'test'].map((m) => (
          <ToggleButton
            key={m}
            id={m}
            className="h-full cursor-default rounded-md px-3 text-sm capitalize text-muted outline-none transition-colors hover:text-fg data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent data-[selected]:bg-subtle data-[selected]:font-medium data-[selected]:text-fg"
          >
            {m === 'live' ? 'Live' : 'Test'}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {show.compare && (
        <Switch
          isSelected={values.compare !== 'none'}
          isDisabled={values.period === 'all'}
          onChange={(on) => set({ compare: on ? 'previous' : 'none' })}
          className="group inline-flex h-9 cursor-default items-center gap-2 rounded-lg px-1 text-sm text-fg outline-none data-[disabled]:opacity-50"
        >
          <span className="flex h-5 w-9 shrink-0 items-center rounded-full bg-zinc-300 px-0.5 transition-colors group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-accent group-data-[selected]:bg-indigo-600 dark:bg-zinc-700 dark:group-data-[selected]:bg-indigo-500">
            <span className="size-4 rounded-full bg-white shadow transition-transform group-data-[selected]:translate-x-4" />
          </span>
          Compare with previous period
        </Switch>
      )}
    </div>
  );
}

/** The time series' bucket size, next to the chart it changes. */
export function IntervalSelect({ value }: { value: string }) {
  const set = useUrlUpdate();
  return (
    <Select
      label="Chart buckets"
      variant="toolbar"
      options={[
        { id: 'day', label: 'By day' },
        { id: 'week', label: 'By week' },
        { id: 'month', label: 'By month' },
      ]}
      value={value}
      onChange={(interval) => set({ interval })}
    />
  );
}
