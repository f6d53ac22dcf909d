import { z } from 'zod';
import { todayIn } from '@/lib/analytics/period';
import { verifyRollup, visitorsRollupAndRaw } from '@/lib/analytics/rollup-check';
import { authorizeProject, DomainError, systemActor } from '@/lib/authz';
import { isoDate } from '@/lib/zod/analytics';
import { defineCommand } from '../command';

// Compares the rollups with a recomputation from the raw rows: revenue for every model and mode,
// and unique visitors.
// Exit 1 (with the first difference of each) when they disagree.

export default defineCommand({
  name: 'rollup verify',
  summary: "Check a project's revenue rollup against its raw payments and touches (every model, live and test)",
  usage: '--project PROJECT [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  options: { project: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  schema: z
    .object({
      project: z.string({ message: '--project is required' }).min(1, '--project must not be empty'),
      from: isoDate.optional(),
      to: isoDate.optional(),
    })
    .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '--from must not be after --to' }),
  async run(input) {
    const scope = await authorizeProject(systemActor, input.project, 'read');
    const range = { from: input.from ?? '2000-01-01', to: input.to ?? todayIn(scope.project.timeZone) };
    const results = await verifyRollup(scope, range);
    const visitors = await visitorsRollupAndRaw(scope, range);
    const visitorDiff = visitors.rollup.find((line, i) => line !== visitors.raw[i]) ?? (visitors.rollup.length !== visitors.raw.length ? '(row count)' : null);
    const bad = results.filter((r) => r.difference).map((r) => `  ${r.model} ${r.mode}: ${r.difference}`);
    if (visitorDiff) bad.push(`  visitors: rollup has ${visitorDiff}`);
    if (bad.length) throw new DomainError(`The rollup differs from the raw rows:\n${bad.join('\n')}`, 409);
    return { range, results, visitors: visitors.raw.length };
  },
  format: (r) =>
    `The rollup agrees with the raw rows from ${r.range.from} to ${r.range.to}:\n` +
    r.results.map((x) => `  ${x.model.padEnd(15)} ${x.mode}: ${x.entries} entries, ${x.credits} credits`).join('\n') +
    `\n  visitors: ${r.visitors} counts`,
});
