// The servers bench/ingest.ts measures, each started in its own process so the load generator does
// not share their event loop: `tsx bench/servers.ts bare|next|ingest PORT`.
import http from 'node:http';
import path from 'node:path';

const [kind, portArg] = process.argv.slice(2);
const port = Number(portArg);

async function handlerFor(kind: string): Promise<http.RequestListener> {
  if (kind === 'bare') {
    return (_req, res) => {
      res.writeHead(204);
      res.end();
    };
  }
  if (kind === 'next') {
    const next = (await import('next')).default;
    const app = next({ dev: false, dir: path.join(import.meta.dirname, 'next-noop'), port });
    await app.prepare();
    const handle = app.getRequestHandler();
    return (req, res) => void handle(req, res);
  }
  // Zori's lean routes exactly as server/index.ts dispatches them (Next is never reached by /ingest).
  const { findLeanRoute } = await import('@/server/lean-routes');
  await import('@/server/routes');
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://zori.local');
    const route = findLeanRoute(url.pathname);
    if (!route) return void res.writeHead(404).end();
    Promise.resolve(route.handle(req, res, url)).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

const server = http.createServer(await handlerFor(kind));
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', async () => {
  server.close();
  const { runShutdownHooks } = await import('@/lib/runtime/shutdown');
  await runShutdownHooks(); // the ingest buffer flushes everything before exit
  process.exit(0);
});
