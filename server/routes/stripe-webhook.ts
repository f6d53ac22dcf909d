import type { IncomingMessage } from 'node:http';
import { receiveStripeWebhook } from '@/lib/stripe/webhooks/receive';
import type { LeanRoute } from '../lean-routes';

// POST /webhooks/stripe/{projectId}: Stripe's deliveries for a self-hosted project. Served on the lean
// front (raw body, no framework) so it keeps up with bursts; the work is in lib/stripe/webhooks.

export const MAX_WEBHOOK_BODY = 1024 * 1024;
const PATH = /^\/webhooks\/stripe\/([A-Za-z0-9_-]{1,64})\/?$/;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function send(res: import('node:http').ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store', ...extra });
  res.end(json);
}

/** Answers 413 but lets the sender finish (up to a cap) so it reads the answer instead of a reset. */
function tooLarge(req: IncomingMessage, res: import('node:http').ServerResponse) {
  send(res, 413, { error: `Body larger than ${MAX_WEBHOOK_BODY} bytes: Stripe events are far smaller.` }, { connection: 'close' });
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > 16 * MAX_WEBHOOK_BODY) req.destroy();
  });
  req.resume();
}

export const stripeWebhookRoute: LeanRoute = {
  name: 'stripe-webhook',
  match: (p) => p.startsWith('/webhooks/stripe/') && p !== '/webhooks/stripe/connect' && p !== '/webhooks/stripe/connect/',
  async handle(req, res, url) {
    const projectId = PATH.exec(url.pathname)?.[1];
    if (!projectId) return send(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'Use POST' }, { allow: 'POST' });
    if (Number(req.headers['content-length'] ?? 0) > MAX_WEBHOOK_BODY) return tooLarge(req, res);
    let body: Buffer;
    try {
      body = await readBody(req, MAX_WEBHOOK_BODY);
    } catch (err) {
      if (err instanceof BodyTooLarge) return tooLarge(req, res);
      throw err;
    }
    const sig = req.headers['stripe-signature'];
    const result = await receiveStripeWebhook(projectId, body, Array.isArray(sig) ? sig[0] : sig);
    send(res, result.status, result.body);
  },
};
