import { receiveStripeWebhook } from '@/lib/stripe/webhooks/receive';
import { BodyTooLargeError, readBody, sendJson as send, sendTooLarge } from '../http';
import type { LeanRoute } from '../lean-routes';

// POST /webhooks/stripe/{projectId}: Stripe's deliveries for a self-hosted project. Served on the lean
// front (raw body, no framework) so it keeps up with bursts; the work is in lib/stripe/webhooks.

export const MAX_WEBHOOK_BODY = 1024 * 1024;
const PATH = /^\/webhooks\/stripe\/([A-Za-z0-9_-]{1,64})\/?$/;

export const stripeWebhookRoute: LeanRoute = {
  name: 'stripe-webhook',
  match: (p) => p.startsWith('/webhooks/stripe/') && p !== '/webhooks/stripe/connect' && p !== '/webhooks/stripe/connect/',
  async handle(req, res, url) {
    const projectId = PATH.exec(url.pathname)?.[1];
    if (!projectId) return send(res, 404, { error: 'Not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'Use POST' }, { allow: 'POST' });
    let body: Buffer;
    try {
      body = await readBody(req, MAX_WEBHOOK_BODY);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendTooLarge(req, res, `Body larger than ${MAX_WEBHOOK_BODY} bytes: Stripe events are far smaller.`);
      throw err;
    }
    const sig = req.headers['stripe-signature'];
    const result = await receiveStripeWebhook(projectId, body, Array.isArray(sig) ? sig[0] : sig);
    send(res, result.status, result.body);
  },
};
