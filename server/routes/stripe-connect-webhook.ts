import { handleConnectWebhook } from '@/lib/stripe/connect/connect-webhook';
import { CONNECT_WEBHOOK_PATH } from '@/lib/stripe/connect/platform-webhook';
import type { LeanRoute } from '../lean-routes';

// POST /webhooks/stripe/connect: the platform's Connect endpoint (Zori Cloud). Reads the raw body
// (the signature covers its exact bytes) and hands it to lib/stripe/connect.

const MAX_BODY = 1024 * 1024;

export const stripeConnectWebhookRoute: LeanRoute = {
  name: 'stripe-connect-webhook',
  match: (p) => p === CONNECT_WEBHOOK_PATH,
  async handle(req, res) {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Use POST' }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Body too large' }));
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const signature = req.headers['stripe-signature'];
    const result = await handleConnectWebhook(Buffer.concat(chunks).toString('utf8'), Array.isArray(signature) ? signature[0] : signature);
    res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
  },
};
