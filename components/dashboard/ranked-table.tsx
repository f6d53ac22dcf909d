import Link from 'next/link';
import { Download } from 'lucide-react';
import { Card, CardHeader } from '@/components/ui/card';
import { ChannelDot } from '@/components/ui/channel-colors';
import { DataTable, RowHeader, Td, Th, Tr } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatRate } from '@/lib/analytics/change';
import { formatCount, formatMoney } from '@/lib/format/numbers';

// A ranked table (channel, source, medium, …). Each row's name is a link that filters the whole page
// by that value; an active filter shows as a chip with a link that removes it.

export type RankedRow = { value: string; visitors: number; customers: number; revenue: number; net: number; payments: number; conversionRate: number | null };

export function RankedTable({
  title,
  label,
  rows,
  currency,
  filterHref,
  csvHref,
  testId,
  channels = false,
}: {
  title: string;
  label: string;
  rows: RankedRow[];
  currency: string;
  filterHref: (value: string) => string;
  csvHref: string;
  testId: string;
  /** Rows are channels: each gets its colour. */
  channels?: boolean;
}) {
  return (
    <Card aria-labelledby={`${testId}-title`} className="flex flex-col">
      <CardHeader
        titleId={`${testId}-title`}
        title={title}
        actions={
          <a href={csvHref} className="inline-flex items-center gap-1 text-xs text-muted hover:text-fg" download>
            <Download aria-hidden className="size-3.5" />
            Export CSV<span className="sr-only"> of {title}</span>
          </a>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No data in this period" className="py-8" />
      ) : (
        <DataTable caption={title} testId={testId} className="mt-2">
          <thead>
            <tr>
              <Th>{label}</Th>
              <Th numeric>Visitors</Th>
              <Th numeric>Customers</Th>
              <Th numeric title="Share of this period's visitors from this row who paid in the period">
                Conversion
              </Th>
              <Th numeric>Revenue</Th>
              <Th numeric wrap>
                Revenue / visitor
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Tr key={r.value}>
                <RowHeader>
                  <Link href={filterHref(r.value)} className="flex max-w-[10rem] items-center gap-2 text-fg hover:text-accent-fg hover:underline" title={`Filter by ${r.value}`}>
                    {channels && <ChannelDot channel={r.value} />}
                    <span className="truncate">{r.value}</span>
                  </Link>
                </RowHeader>
                <Td numeric>{formatCount(r.visitors)}</Td>
                <Td numeric>{formatCount(r.customers)}</Td>
                <Td numeric>{formatRate(r.conversionRate)}</Td>
                <Td numeric className="font-medium">
                  {formatMoney(r.revenue, currency)}
                </Td>
                <Td numeric>{formatMoney(r.visitors ? Math.round(r.revenue / r.visitors) : null, currency)}</Td>
              </Tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Card>
  );
}
