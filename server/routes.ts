// Registers the lean routes. Each area adds its own module here (tracker, ingest, webhooks).
import { leanRoutes } from './lean-routes';
import { healthRoute } from './routes/health';
import { ingestRoute } from './routes/ingest';
import { trackerScriptRoute } from './routes/tracker-script';

leanRoutes.push(healthRoute);
leanRoutes.push(ingestRoute, trackerScriptRoute);
