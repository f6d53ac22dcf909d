import { handleConnectWebhook } from '@/lib/stripe/connect/connect-webhook';
import { CONNECT_WEBHOOK_PATH } from '@/lib/stripe/connect/platform-webhook';
import { BodyTooLargeError, readBody, sendJson, sendTooLarge } from '../http';
import type { LeanRoute } from '../lean-routes';

// POST /webhooks/stripe/connect: the platform's Connect endpoint (Zori Cloud). Reads the raw body
// (the signature covers its exact bytes) and hands it to lib/stripe/connect.

const MAX_BODY = 1024 * 1024;

export const stripeConnectWebhookRoute: LeanRoute = {
  name: 'stripe-connect-webhook',
  match: (p) => p === CONNECT_WEBHOOK_PATH,
  async handle(req, res) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST' }, { allow: 'POST' });
    let body: Buffer;
    try {
      body = await readBody(req, MAX_BODY);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendTooLarge(req, res, err.message);
      throw err;
    }
    const signature = req.headers['stripe-signature'];
    const result = await handleConnectWebhook(body.toString('utf8'), Array.isArray(signature) ? signature[0] : signature);
    sendJson(res, result.status, result.body);
  },
};
