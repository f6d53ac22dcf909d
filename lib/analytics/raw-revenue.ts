import type { ProjectScope } from '@/lib/authz';
import { pool } from '@/lib/db/client';
import { assembleRevenue, type AttributedRevenue, type CreditRecord, type RevenueQuery } from './attributed-revenue';
import { creditRows } from './credits/compute';
import { loadFactsMovingIn } from './credits/facts';
import { localBucket } from './period';
import { utcBounds } from './sql';

// The same answer as loadAttributedRevenue, computed from the raw rows (payments, refunds,
// disputes, touches) instead of the rollup. Too slow for the dashboard at scale; it is the
// reference the rollup is checked against (`zori rollup verify`, the rollup consistency test).

export async function loadAttributedRevenueFromRaw(scope: ProjectScope, q: RevenueQuery): Promise<AttributedRevenue> {
  const { project } = scope;
  const bounds = await utcBounds(q.range, project.timeZone);
  const start = Date.parse(`${bounds.start}Z`);
  const end = Date.parse(`${bounds.end}Z`);
  const window = project.attributionWindowDays;
  const facts = await loadFactsMovingIn(pool(), project.id, q.mode === 'live', bounds.start, bounds.end, window);
  const records: CreditRecord[] = [];
  for (const f of facts) {
    for (const r of creditRows(f, window, [q.model])) {
      const at = r.occurredAt.getTime();
      if (at < start || at >= end) continue;
      records.push({
        paymentId: f.id,
        kind: r.kind,
        occurredAt: at,
        bucket: localBucket(r.occurredAt, project.timeZone, q.interval ?? 'day'),
        customerKey: f.customerKey,
        returning: f.returning,
        revenue: r.revenue,
        refunded: r.refunded,
        currency: f.currency,
        amount: f.amount,
        touch: r.touch && {
          visitorId: r.touch.visitorId,
          channel: r.touch.channel,
          source: r.touch.source,
          medium: r.touch.medium,
          campaign: r.touch.campaign,
          referrer: r.touch.referrer,
          landing_page: r.touch.landing_page,
        },
      });
    }
  }
  return assembleRevenue(project.reportingCurrency, records, q.filter);
}
