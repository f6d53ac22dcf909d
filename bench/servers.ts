// The baseline servers bench/ingest.ts measures (Zori's own is server/ingest-only.ts), each in its
// own process so the load generator does not share their event loop: `tsx bench/servers.ts bare|next PORT`.
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
  throw new Error(`unknown server ${kind}`);
}

const server = http.createServer(await handlerFor(kind));
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => process.exit(0));
