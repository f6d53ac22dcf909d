// A dedicated ingestion process: only the lean routes (/ingest, /zori.js, health), no Next.js.
// For deployments that scale beacon intake apart from the app (Zori's original ran one), and for
// the ingest benchmark. `tsx server/ingest-only.ts` with DATABASE_URL and PORT (default 1324).
import 'dotenv/config';
import http from 'node:http';
import { disconnect } from '@/lib/db/client';
import { runShutdownHooks } from '@/lib/runtime/shutdown';
import { findLeanRoute } from './lean-routes';
import { startBackgroundWork } from './routes';

const port = Number(process.env.PORT ?? 1324);
const host = process.env.HOST ?? '0.0.0.0';

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://zori.local');
  const route = findLeanRoute(url.pathname);
  if (!route) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Not found' }));
    return;
  }
  Promise.resolve(route.handle(req, res, url)).catch((err) => {
    console.error(`[zori-ingest] ${route.name} failed`, err);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Internal error' }));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  startBackgroundWork(); // this process does not migrate: the database is the main server's
  console.log(`[zori-ingest] ready on ${host}:${port}`);
  process.send?.('ready');
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await runShutdownHooks(); // the ingest buffer writes everything it holds
  await disconnect();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
