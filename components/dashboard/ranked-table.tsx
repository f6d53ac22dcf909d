import Link from 'next/link';
import { formatMoney, formatPercent } from './money';

// A ranked table (channel, source, medium, …). Each row's name is a link that filters the whole page
// by that value; an active filter shows as a chip with a link that removes it.

export type RankedRow = { value: string; visitors: number; customers: number; revenue: number; net: number; payments: number };

export function RankedTable({
  title,
  label,
  rows,
  currency,
  filterHref,
  csvHref,
  testId,
}: {
  title: string;
  label: string;
  rows: RankedRow[];
  currency: string;
  filterHref: (value: string) => string;
  csvHref: string;
  testId: string;
}) {
  return (
    <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby={`${testId}-title`}>
      <div className="mb-2 flex items-center justify-between">
        <h2 id={`${testId}-title`} className="font-semibold">
          {title}
        </h2>
        <a href={csvHref} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400" download>
          Export CSV<span className="sr-only"> of {title}</span>
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">No data in this period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid={testId}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-gray-200 text-left text-xs uppercase text-gray-500 dark:border-gray-800 dark:text-gray-400">
                <th scope="col" className="py-1 pr-2">{label}</th>
                <th scope="col" className="py-1 pr-2 text-right">Visitors</th>
                <th scope="col" className="py-1 pr-2 text-right">Customers</th>
                <th scope="col" className="py-1 pr-2 text-right">Conversion</th>
                <th scope="col" className="py-1 pr-2 text-right">Revenue</th>
                <th scope="col" className="py-1 text-right">Revenue / visitor</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.value} className="border-b border-gray-100 last:border-0 dark:border-gray-900">
                  <th scope="row" className="max-w-56 truncate py-1 pr-2 text-left font-normal">
                    <Link href={filterHref(r.value)} className="text-indigo-700 hover:underline dark:text-indigo-300" title={`Filter by ${r.value}`}>
                      {r.value}
                    </Link>
                  </th>
                  <td className="py-1 pr-2 text-right tabular-nums">{r.visitors.toLocaleString('en-US')}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{r.customers.toLocaleString('en-US')}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{formatPercent(r.visitors ? r.customers / r.visitors : null)}</td>
                  <td className="py-1 pr-2 text-right tabular-nums">{formatMoney(r.revenue, currency)}</td>
                  <td className="py-1 text-right tabular-nums">{formatMoney(r.visitors ? Math.round(r.revenue / r.visitors) : null, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
