// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';

leanRoutes.push(healthRoute);
