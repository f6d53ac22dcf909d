// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';
import { stripeConnectWebhookRoute } from './routes/stripe-connect-webhook';

leanRoutes.push(healthRoute);
// Before any /webhooks/stripe/{projectId} route, whose pattern would also match "connect".
leanRoutes.push(stripeConnectWebhookRoute);
