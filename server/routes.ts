// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';
import { stripeWebhookRoute } from './routes/stripe-webhook';
import { inboxWorker } from '@/lib/stripe/inbox/worker';

leanRoutes.push(healthRoute);
leanRoutes.push(stripeWebhookRoute);
inboxWorker().start(); // Stripe inbox: picks up events left pending by a previous run, then polls
