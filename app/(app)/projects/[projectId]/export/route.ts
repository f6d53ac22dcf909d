import { z } from 'zod';
import { dashboardView, earliestActivity, listPayments, UNATTRIBUTED } from '@/lib/analytics';
import { dashboardFilter, dashboardRange, parseDashboardParams } from '@/lib/analytics/dashboard-params';
import { paymentsCsv, rankedTableCsv, timeseriesCsv } from '@/lib/analytics/export-tables';
import { currentUser, userActor } from '@/lib/auth/session';
import { authorizeProject, UnauthenticatedError } from '@/lib/authz';
import { errorResponse } from '@/lib/http/errors';
import { searchParamsObject } from '@/lib/zod/analytics';

// CSV download of any dashboard table, for the same view (period, filters, model, mode) as the page.

const tableSchema = z.object({ table: z.enum(['channel', 'source', 'medium', 'campaign', 'referrer', 'landing_page', 'timeseries', 'payments']) });
const LABELS = { channel: 'Channel', source: 'Source', medium: 'Medium', campaign: 'Campaign', referrer: 'Referrer domain', landing_page: 'Landing page' } as const;

export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  try {
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const { projectId } = await ctx.params;
    const scope = await authorizeProject(userActor(user), projectId, 'read');
    const raw = searchParamsObject(new URL(req.url).searchParams);
    const { table } = tableSchema.parse({ table: raw.table });
    const p = parseDashboardParams(raw);
    const range = dashboardRange(p, scope.project.timeZone, await earliestActivity(scope));
    let csv: string;
    if (table === 'payments') {
      const status = z.enum(['attributed', 'unattributed', 'all']).catch('all').parse(raw.status);
      const { data, currency } = await listPayments(scope, { range, mode: p.mode, status, limit: 500, cursor: raw.cursor || undefined });
      csv = paymentsCsv(data, currency);
    } else {
      const view = await dashboardView(scope, { range, model: p.model, mode: p.mode, filter: dashboardFilter(p), interval: p.interval, compare: false });
      if (table === 'timeseries') {
        const channels = [...new Set(view.timeseries.points.flatMap((pt) => Object.keys(pt.byChannel)))].sort((a, b) =>
          a === UNATTRIBUTED ? 1 : b === UNATTRIBUTED ? -1 : a.localeCompare(b),
        );
        csv = timeseriesCsv(view.timeseries.points, channels, view.currency);
      } else if (table === 'channel') {
        csv = rankedTableCsv(LABELS.channel, view.channels.rows.map((r) => ({ ...r, value: r.channel })), view.currency);
      } else {
        csv = rankedTableCsv(LABELS[table], view.breakdowns[table], view.currency);
      }
    }
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="zori-${table}-${range.from}-to-${range.to}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
