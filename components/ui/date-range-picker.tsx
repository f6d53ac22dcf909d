'use client';

import { type CalendarDate, parseDate } from '@internationalized/date';
import { CalendarDays, ChevronLeft, ChevronRight } from 'lucide-react';
import { Button, CalendarCell, CalendarGrid, CalendarGridBody, CalendarGridHeader, CalendarHeaderCell, Dialog, DialogTrigger, Heading, RangeCalendar } from 'react-aria-components';
import { formatDayRange } from '@/lib/format/dates';
import { cn } from './cn';
import { Popover } from './popover';

// A range of days picked on a calendar (react-aria RangeCalendar: keyboard, screen readers). The
// button shows the range in the app's one date format; days are "YYYY-MM-DD" in and out.

export function DateRangePicker({
  label,
  from,
  to,
  min,
  max,
  onChange,
  className,
}: {
  label: string;
  from: string;
  to: string;
  min?: string;
  max?: string;
  onChange: (range: { from: string; to: string }) => void;
  className?: string;
}) {
  return (
    <DialogTrigger>
      <Button
        aria-label={`${label}: ${formatDayRange(from, to)}`}
        className={cn(
          'flex h-9 min-w-0 items-center gap-2 rounded-lg border border-line bg-surface px-3 text-sm text-fg shadow-xs outline-none transition-colors hover:bg-subtle data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent',
          className,
        )}
      >
        <CalendarDays aria-hidden className="size-4 shrink-0 text-muted" />
        <span className="truncate tabular-nums">{formatDayRange(from, to)}</span>
      </Button>
      <Popover placement="bottom start" className="p-3">
        <Dialog aria-label={label} className="outline-none">
          {({ close }) => (
            <RangeCalendar
              aria-label={label}
              defaultValue={{ start: parseDate(from), end: parseDate(to) }}
              minValue={min ? parseDate(min) : undefined}
              maxValue={max ? parseDate(max) : undefined}
              onChange={(r: { start: CalendarDate; end: CalendarDate }) => {
                onChange({ from: r.start.toString(), to: r.end.toString() });
                close();
              }}
              className="w-72"
            >
              <header className="mb-2 flex items-center justify-between">
                <Button slot="previous" className="grid size-8 place-items-center rounded-lg text-muted outline-none hover:bg-subtle hover:text-fg data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent">
                  <ChevronLeft aria-hidden className="size-4" />
                </Button>
                <Heading className="text-sm font-semibold" />
                <Button slot="next" className="grid size-8 place-items-center rounded-lg text-muted outline-none hover:bg-subtle hover:text-fg data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent">
                  <ChevronRight aria-hidden className="size-4" />
                </Button>
              </header>
              <CalendarGrid className="w-full border-collapse">
                <CalendarGridHeader>{(day) => <CalendarHeaderCell className="pb-1 text-xs font-medium text-muted">{day}</CalendarHeaderCell>}</CalendarGridHeader>
                <CalendarGridBody>
                  {(date) => (
                    <CalendarCell
                      date={date}
                      className="grid h-9 cursor-default place-items-center text-sm tabular-nums outline-none data-[outside-month]:invisible data-[disabled]:text-muted/50 data-[hovered]:bg-subtle data-[selected]:bg-indigo-50 data-[selected]:text-indigo-900 dark:data-[selected]:bg-indigo-500/20 dark:data-[selected]:text-indigo-100 data-[selection-start]:rounded-l-lg data-[selection-end]:rounded-r-lg data-[selection-start]:bg-indigo-600 data-[selection-start]:text-white data-[selection-end]:bg-indigo-600 data-[selection-end]:text-white data-[focus-visible]:ring-2 data-[focus-visible]:ring-accent"
                    />
                  )}
                </CalendarGridBody>
              </CalendarGrid>
            </RangeCalendar>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
