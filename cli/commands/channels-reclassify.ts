import { z } from 'zod';
import { reclassifyChannels } from '@/lib/analytics/reclassify-channels';
import { authorizeProject, systemActor } from '@/lib/authz';
import { defineCommand } from '../command';

// Applies the current channel rules (AI Assistants since rules version 2) to a project's stored
// visits, with their revenue credits and day rollups; the same as Settings › Channels.

export default defineCommand({
  name: 'channels reclassify',
  summary: "Classify a project's past visits with the current channel rules (credits and day rollups follow)",
  usage: '--project PROJECT',
  options: { project: { type: 'string' } },
  schema: z.object({ project: z.string({ message: '--project is required' }).min(1, '--project must not be empty') }),
  async run(input) {
    await authorizeProject(systemActor, input.project, 'read'); // unknown id: a clear refusal
    const started = Date.now();
    return { ...(await reclassifyChannels(input.project)), ms: Date.now() - started };
  },
  format: (r) =>
    `Moved ${r.touches} visits to their channel under rules v${r.rulesVersion}` +
    (r.from ? ` (from ${r.from.toISOString().slice(0, 10)} on)` : '') +
    `; rebuilt the credits of ${r.payments} payments in ${(r.ms / 1000).toFixed(1)} s.`,
});
