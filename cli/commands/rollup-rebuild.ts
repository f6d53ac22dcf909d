import { z } from 'zod';
import { markProjectCreditsDirty, rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { buildAllRevenueRollups, buildRevenueRollup, resetRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { buildAllVisitorRollups, buildVisitorRollup, resetVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { authorizeProject, systemActor } from '@/lib/authz';
import { defineCommand } from '../command';

// Rebuilds the revenue rollup from the raw rows: after a restore, or to prove it from scratch.
// Without --project, finishes whatever is marked for a rebuild in every project.

export default defineCommand({
  name: 'rollup rebuild',
  summary: "Rebuild a project's rollups (revenue credits, unique visitors, daily revenue) from its raw rows; without --project, whatever is stale",
  usage: '[--project PROJECT]',
  options: { project: { type: 'string' } },
  schema: z.object({ project: z.string().min(1, '--project must not be empty').optional() }),
  async run(input) {
    const started = Date.now();
    if (input.project) {
      await authorizeProject(systemActor, input.project, 'read'); // unknown id: a clear refusal
      await markProjectCreditsDirty(input.project);
      await resetVisitorRollup(input.project);
      await resetRevenueRollup(input.project);
    }
    const payments = await rebuildDirtyCredits(input.project);
    const visitorDays = input.project ? await buildVisitorRollup(input.project) : await buildAllVisitorRollups();
    const revenueDays = input.project ? await buildRevenueRollup(input.project) : await buildAllRevenueRollups();
    return { payments, visitorDays, revenueDays, ms: Date.now() - started };
  },
  format: (r) =>
    `Rebuilt the revenue credits of ${r.payments} payments, the visitors of ${r.visitorDays} days and the daily revenue of ${r.revenueDays} days in ${(r.ms / 1000).toFixed(1)} s.`,
});
