// Zori's server: `npm start` (built app) and `npm run dev`. One process, one port (1323 by
// default): lean routes for the hot paths, Next.js for everything else.
import 'dotenv/config';
import http from 'node:http';
import next from 'next';
import { bootstrap } from '@/lib/config/bootstrap';
import { ConfigError, publicUrl, readEnv } from '@/lib/config/env';
import { disconnect } from '@/lib/db/client';
import { runShutdownHooks } from '@/lib/runtime/shutdown';
import { findLeanRoute } from './lean-routes';
import './routes';

async function main() {
  const dev = process.argv.includes('--dev');
  if (!dev) (process.env as Record<string, string>).NODE_ENV ??= 'production';
  const { embedded } = await bootstrap();
  const env = readEnv();

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://zori.local');
    const lean = findLeanRoute(url.pathname);
    if (lean) {
      Promise.resolve(lean.handle(req, res, url)).catch((err) => {
        console.error(`[zori] ${lean.name} failed`, err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'Internal error' }));
      });
      return;
    }
    handleNext(req, res);
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  console.log(`[zori] ready on ${publicUrl(env)} (${dev ? 'development' : 'production'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[zori] ${signal}: finishing in-flight work`);
    await new Promise((resolve) => server.close(resolve));
    await runShutdownHooks();
    await app.close?.();
    await disconnect();
    await embedded?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`[zori] cannot start: ${err.message}`);
  } else {
    console.error('[zori] cannot start', err);
  }
  process.exit(1);
});
