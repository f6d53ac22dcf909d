import { z } from 'zod';
import { DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL, seedDemo } from '@/lib/demo/seed-demo';
import { defineCommand } from '../command';

// `npm run demo`: loads the demo organization (once) into Zori's database, through the CLI's
// database set-up, so it also works while the server holds the embedded database.

export default defineCommand({
  name: 'demo seed',
  summary: 'Load the demo organization with realistic data (does nothing if it is already loaded)',
  usage: '',
  options: {},
  schema: z.object({}),
  run: async () => {
    const started = Date.now();
    const { projectId, created } = await seedDemo();
    return { projectId, created, ms: Date.now() - started, owner: DEMO_OWNER_EMAIL, viewer: DEMO_VIEWER_EMAIL };
  },
  format: (r) =>
    r.created
      ? `Demo data loaded in ${r.ms} ms: sign in as ${r.owner} (owner) or ${r.viewer} (viewer); dashboard at /projects/${r.projectId}`
      : `The demo is already loaded: /projects/${r.projectId}`,
});
