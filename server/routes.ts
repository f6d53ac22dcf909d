// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
// Importing this starts nothing: background work waits for startBackgroundWork(), which the
// server calls once the database is migrated (on a fresh database the tables do not exist before).
import { startRollupSweep } from '@/lib/analytics/rollup-sweep';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';
import { ingestRoute } from './routes/ingest';
import { stripeConnectWebhookRoute } from './routes/stripe-connect-webhook';
import { stripeWebhookRoute } from './routes/stripe-webhook';
import { trackerScriptRoute } from './routes/tracker-script';

leanRoutes.push(healthRoute);
leanRoutes.push(ingestRoute, trackerScriptRoute);
// The Connect endpoint comes before /webhooks/stripe/{projectId}, whose pattern would also match "connect".
leanRoutes.push(stripeConnectWebhookRoute, stripeWebhookRoute);

/** Every job that runs in the background of a server process (after migrations). */
export function startBackgroundWork(): void {
  inboxWorker().start(); // Stripe inbox: picks up events left pending by a previous run, then polls
  startRollupSweep(); // analytics rollups: revenue credits left dirty, visitors of ended days
}
