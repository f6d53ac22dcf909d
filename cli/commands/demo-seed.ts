import { z } from 'zod';
import { DEMO_OWNER_EMAIL, DEMO_VIEWER_EMAIL, seedDemo } from '@/lib/demo/seed-demo';
import { defineCommand } from '../command';

// `npm run demo`: loads the demo organization (once) into Zori's database, through the CLI's
// database set-up, so it works whether or not the server is running. It prints "loaded" only once
// every payment is in and credited; otherwise it fails (exit 1), and running it again starts over.

export default defineCommand({
  name: 'demo seed',
  summary: 'Load the demo organization with realistic data (does nothing if it is already loaded)',
  usage: '',
  options: {},
  schema: z.object({}),
  run: async () => {
    const started = Date.now();
    const demo = await seedDemo();
    return { ...demo, ms: Date.now() - started, owner: DEMO_OWNER_EMAIL, viewer: DEMO_VIEWER_EMAIL };
  },
  format: (r) =>
    [
      r.created ? `Demo data loaded in ${r.ms} ms: ${r.payments} payments, every one credited.` : `The demo is already loaded (${r.payments} payments).`,
      `  dashboard: ${r.dashboardUrl}`,
      `  sign in as ${r.owner} (owner) or ${r.viewer} (viewer); with no mail server configured the sign-in link is in the server log`,
    ].join('\n'),
});
