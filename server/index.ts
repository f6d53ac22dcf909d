// Zori's server: `npm start` (built app) and `npm run dev`. One process, one port (1323 by
// default): lean routes for the hot paths, Next.js for everything else.
import 'dotenv/config';
import http from 'node:http';
import next from 'next';
import { bootstrap, type Bootstrapped } from '@/lib/config/bootstrap';
import { ConfigError, publicUrl, readEnv, settlePublicUrl } from '@/lib/config/env';
import { disconnect } from '@/lib/db/client';
import { EmbeddedDatabaseError } from '@/lib/db/embedded';
import { markPeer } from '@/lib/http/peer';
import { runShutdownHooks, withinDeadline } from '@/lib/runtime/shutdown';
import { findLeanRoute } from './lean-routes';
import { startBackgroundWork } from './routes';

// SIGTERM/SIGINT: stop accepting, let in-flight requests and background work finish, stop the
// database, exit 0 — all within STOP_BUDGET_MS whatever state the database is in (a process
// manager kills what overruns, typically after 10 s). What is given up on is said in the log.
const STOP_BUDGET_MS = 8_000;
const REQUESTS_GRACE_MS = 3_000;
const DATABASE_STOP_MS = 2_000;

type Running = { boot?: Promise<Bootstrapped>; server?: http.Server; app?: { close?: () => Promise<void> } };

async function main(running: Running) {
  const dev = process.argv.includes('--dev');
  if (!dev) (process.env as Record<string, string>).NODE_ENV ??= 'production';
  // Before next-auth is loaded: it reads NEXTAUTH_URL from process.env for every link it builds.
  const assumed = settlePublicUrl();
  if (assumed) console.log(assumed);
  running.boot = bootstrap();
  await running.boot;
  const env = readEnv();

  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  running.app = app as Running['app'];
  const handleNext = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    markPeer(req);
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
  running.server = server;

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  startBackgroundWork(); // migrations have run (bootstrap)
  console.log(`[zori] ready on ${publicUrl(env)} (${dev ? 'development' : 'production'})`);
}

async function stop(running: Running, signal: string) {
  const started = Date.now();
  const left = () => STOP_BUDGET_MS - (Date.now() - started);
  console.log(`[zori] ${signal}: stopping (in-flight work gets up to ${STOP_BUDGET_MS / 1000} s)`);
  // Whatever happens below, the process ends in time.
  setTimeout(() => {
    console.error('[zori] stopping took too long: exiting now');
    process.exit(0);
  }, STOP_BUDGET_MS + 1_500).unref();

  const { server } = running;
  if (server) {
    const closed = new Promise<true>((resolve) => server.close(() => resolve(true)));
    server.closeIdleConnections();
    if ((await withinDeadline(closed, REQUESTS_GRACE_MS)) === undefined) {
      console.log('[zori] closing connections of requests still running');
      server.closeAllConnections();
    }
  }
  const report = await runShutdownHooks(Date.now() + left() - DATABASE_STOP_MS);
  for (const { name, left: what } of report.abandoned) console.log(`[zori] gave up on ${name} at the deadline${what ? `: ${what}` : ''}`);
  await withinDeadline(running.app?.close?.() ?? Promise.resolve(), 500);
  await withinDeadline(disconnect(), 500);
  // Started but still starting (migrations, demo seed): stop its database all the same.
  const boot = running.boot && (await withinDeadline(running.boot.catch(() => undefined), Math.max(0, left() - DATABASE_STOP_MS)));
  await boot?.embedded?.close(Math.max(1_000, left()));
  console.log(`[zori] stopped in ${Date.now() - started} ms`);
  process.exit(0);
}

const running: Running = {};
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stop(running, signal);
  });
}

main(running).catch((err) => {
  if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) {
    console.error(`[zori] cannot start: ${err.message}`);
  } else {
    console.error('[zori] cannot start', err);
  }
  process.exit(1);
});
