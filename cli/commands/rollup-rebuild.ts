import { z } from 'zod';
import { markProjectCreditsDirty, rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { buildAllVisitorRollups, buildVisitorRollup, resetVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { authorizeProject, systemActor } from '@/lib/authz';
import { defineCommand } from '../command';

// Rebuilds the revenue rollup from the raw rows: after a restore, or to prove it from scratch.
// Without --project, finishes whatever is marked for a rebuild in every project.

export default defineCommand({
  name: 'rollup rebuild',
  summary: "Rebuild a project's rollups (revenue credits, unique visitors) from its raw rows; without --project, whatever is stale",
  usage: '[--project PROJECT]',
  options: { project: { type: 'string' } },
  schema: z.object({ project: z.string().min(1, '--project must not be empty').optional() }),
  async run(input) {
    const started = Date.now();
    if (input.project) {
      await authorizeProject(systemActor, input.project, 'read'); // unknown id: a clear refusal
      await markProjectCreditsDirty(input.project);
      await resetVisitorRollup(input.project);
    }
    const payments = await rebuildDirtyCredits(input.project);
    const days = input.project ? await buildVisitorRollup(input.project) : await buildAllVisitorRollups();
    return { payments, days, ms: Date.now() - started };
  },
  format: (r) => `Rebuilt the revenue credits of ${r.payments} payments and the visitors of ${r.days} days in ${(r.ms / 1000).toFixed(1)} s.`,
});
