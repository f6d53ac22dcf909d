import { z } from 'zod';
import { type Actor, authorizeProject } from '@/lib/authz';
import { dashboardView } from './dashboard';
import { dashboardFilter, dashboardRange, parseDashboardParams } from './dashboard-params';
import { earliestActivity } from './earliest';
import { paymentsCsv, rankedTableCsv, timeseriesCsv } from './export-tables';
import { listPayments } from './payments';
import { UNATTRIBUTED } from './timeseries';

// CSV download of any dashboard table, for the same view (period, filters, model, mode) as the page.

const tableSchema = z.object({ table: z.enum(['channel', 'source', 'medium', 'campaign', 'referrer', 'landing_page', 'timeseries', 'payments']) });
const LABELS = { channel: 'Channel', source: 'Source', medium: 'Medium', campaign: 'Campaign', referrer: 'Referrer domain', landing_page: 'Landing page' } as const;

/** One dashboard table as CSV for a reader of the project; `params` is the page's query string. */
export async function exportTableCsv(actor: Actor, projectId: string, params: Record<string, string>): Promise<{ filename: string; csv: string }> {
  const scope = await authorizeProject(actor, projectId, 'read');
  const { table } = tableSchema.parse({ table: params.table });
  const p = parseDashboardParams(params);
  const range = dashboardRange(p, scope.project.timeZone, await earliestActivity(scope));
  const filename = `zori-${table}-${range.from}-to-${range.to}.csv`;
  if (table === 'payments') {
    const status = z.enum(['attributed', 'unattributed', 'all']).catch('all').parse(params.status);
    const { data, currency } = await listPayments(scope, { range, mode: p.mode, status, limit: 500, cursor: params.cursor || undefined });
    return { filename, csv: paymentsCsv(data, currency) };
  }
  const view = await dashboardView(scope, { range, model: p.model, mode: p.mode, filter: dashboardFilter(p), interval: p.interval, compare: false });
  if (table === 'timeseries') {
    const channels = [...new Set(view.timeseries.points.flatMap((pt) => Object.keys(pt.byChannel)))].sort((a, b) =>
      a === UNATTRIBUTED ? 1 : b === UNATTRIBUTED ? -1 : a.localeCompare(b),
    );
    return { filename, csv: timeseriesCsv(view.timeseries.points, channels, view.currency) };
  }
  if (table === 'channel') return { filename, csv: rankedTableCsv(LABELS.channel, view.channels.rows.map((r) => ({ ...r, value: r.channel })), view.currency) };
  return { filename, csv: rankedTableCsv(LABELS[table], view.breakdowns[table], view.currency) };
}
