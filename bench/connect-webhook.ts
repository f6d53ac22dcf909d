// npm run bench:connect-webhook [-- --events 2000 --concurrency 16]
// Throughput and latency of the platform's Connect webhook endpoint (POST /webhooks/stripe/connect):
// signature check with the SDK, routing by event.account, and the durable inbox insert, on a fresh
// PostgreSQL database, over real HTTP. Prints numbers; asserts nothing about them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Stripe from 'stripe';
import { createTestDatabase } from '@/lib/db/test-database';

const { values } = parseArgs({ options: { events: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' } } });
const EVENTS = Number(values.events);
const CONCURRENCY = Number(values.concurrency);

const db = await createTestDatabase('zori_bench');
process.env.DATABASE_URL = db.url;
process.env.ZORI_ENCRYPTION_KEY ??= 'YmVuY2gta2V5LTAxMjM0NTY3ODlhYmNkZWYwMTIzNDU=';
process.env.NEXTAUTH_SECRET ??= 'bench-nextauth-secret-0123456789';
const { prisma, disconnect } = await import('@/lib/db/client');
const { seal } = await import('@/lib/crypto/secrets');
const { stripeConnectWebhookRoute } = await import('@/server/routes/stripe-connect-webhook');

const secret = 'whsec_bench_secret_0123456789';
const account = 'acct_benchconnected01';
const org = await prisma().organization.create({ data: { name: 'Bench' } });
const project = await prisma().project.create({ data: { organizationId: org.id, name: 'Bench', nameKey: 'bench', publishableKey: 'zpk_bench' } });
await prisma().stripeConnection.create({ data: { projectId: project.id, kind: 'connect', stripeAccountId: account, livemode: false } });
await prisma().stripePlatformWebhook.create({ data: { url: 'http://bench/webhooks/stripe/connect', endpointId: 'we_bench', secret: seal(secret), apiVersion: Stripe.API_VERSION, events: [] } });

const server = http.createServer((req, res) => void stripeConnectWebhookRoute.handle(req, res, new URL(req.url ?? '/', 'http://bench')));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe/connect`;

const signer = new Stripe('sk_test_bench');
const charge = { id: 'ch_x', object: 'charge', amount: 4900, currency: 'eur', metadata: { zori_visitor_id: 'zv_bench' }, livemode: false };
const bodies = Array.from({ length: EVENTS }, (_, i) =>
  JSON.stringify({ id: `evt_bench_${i}`, object: 'event', account, api_version: Stripe.API_VERSION, created: 1_800_000_000, data: { object: { ...charge, id: `ch_bench_${i}` } }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'charge.succeeded' }, null, 2),
);

const latencies: number[] = [];
let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload: body, secret }) }, body });
      await res.arrayBuffer();
      if (res.status !== 200) failures++;
      latencies.push(performance.now() - t0);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
const stored = await prisma().stripeEvent.count({ where: { projectId: project.id } });

console.log(`connect webhook: ${EVENTS} events, concurrency ${CONCURRENCY}, database ${db.kind}`);
console.log(`  throughput  ${(EVENTS / seconds).toFixed(0)} events/s (${seconds.toFixed(2)} s)`);
console.log(`  latency     p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms`);
console.log(`  non-200     ${failures};  stored in inbox ${stored}/${EVENTS}`);

server.close();
await disconnect();
await db.drop();
