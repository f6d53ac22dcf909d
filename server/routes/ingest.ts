import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptBeacon, countryFromHeader, MAX_BODY_BYTES } from '@/lib/ingest/accept';
import { BodyTooLargeError, readBody, sendJson as send, sendTooLarge } from '../http';
import type { LeanRoute } from '../lean-routes';

// POST /ingest: tracker beacons. Thin: read the body (64 KB at most), hand it to lib/ingest, answer.
// The tracker posts text/plain JSON (sendBeacon / fetch keepalive): a simple CORS request, no
// preflight. OPTIONS is answered for clients that send application/json; the origin itself is
// checked against the project's domains on the POST, where the publishable key is known.

const cors = (origin: string | undefined): Record<string, string> => (origin ? { 'access-control-allow-origin': origin } : {});

/** The page's origin: the Origin header, else (some proxies drop it) the Referer's origin. */
function requestOrigin(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

export async function handleIngest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
      vary: 'Origin',
    });
    res.end();
    return;
  }
  if (req.method !== 'POST') return send(res, 405, { error: 'Use POST' }, { allow: 'POST, OPTIONS', vary: 'Origin' });
  let body: string;
  try {
    body = (await readBody(req, MAX_BODY_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLargeError) return sendTooLarge(req, res, err.message);
    throw err;
  }
  const result = await acceptBeacon({
    body,
    origin: requestOrigin(req),
    userAgent: req.headers['user-agent'] ?? null,
    country: countryFromHeader(req.headers['cf-ipcountry'] ?? req.headers['x-vercel-ip-country'] ?? req.headers['x-country-code']),
    receivedAt: new Date(),
  });
  const { status, allowOrigin, ...payload } = result;
  send(res, status, payload, { vary: 'Origin', ...cors(allowOrigin) });
}

export const ingestRoute: LeanRoute = {
  name: 'ingest',
  match: (p) => p === '/ingest',
  handle: handleIngest,
};
