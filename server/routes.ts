// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';
import { ingestRoute } from './routes/ingest';
import { stripeWebhookRoute } from './routes/stripe-webhook';
import { trackerScriptRoute } from './routes/tracker-script';

leanRoutes.push(healthRoute);
leanRoutes.push(ingestRoute, trackerScriptRoute);
leanRoutes.push(stripeWebhookRoute);
inboxWorker().start(); // Stripe inbox: picks up events left pending by a previous run, then polls
