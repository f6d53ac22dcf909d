// Load generator for bench/webhooks.ts, run as a separate process so it does not share the
// server's event loop: reads pre-signed requests from a JSON file and sends them with autocannon at
// the given concurrency, each request once, in order. Prints autocannon's result as JSON.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, file, connections] = process.argv.slice(2);
const requests = file ? JSON.parse(readFileSync(file, 'utf8')) : [];
let next = 0;
const opts = {
  url,
  connections: Number(connections ?? 50),
  pipelining: 1,
  timeout: 30,
  ...(requests.length
    ? {
        amount: requests.length,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const r = requests[next++ % requests.length];
              return { ...req, method: 'POST', body: r.body, headers: { 'content-type': 'application/json', 'stripe-signature': r.signature } };
            },
          },
        ],
      }
    : { duration: Number(process.env.BENCH_BARE_SECONDS ?? 4), method: 'POST', body: '{"ping":true}' }),
};
const result = await autocannon(opts);
process.stdout.write(JSON.stringify({ requests: result.requests, latency: result.latency, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, duration: result.duration, statusCodeStats: result.statusCodeStats }));
