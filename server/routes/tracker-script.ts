import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { LeanRoute } from '../lean-routes';

// GET /zori.js (and /script.min.js, the name other trackers use): the built tracker, kept in memory
// with its gzip and brotli forms and an ETag. When `npm run build:tracker` has not run (dev), it is
// built once on first request.

type Script = { etag: string; plain: Buffer; gzip: Buffer; br: Buffer };
let script: Promise<Script> | null = null;

async function loadSource(): Promise<string> {
  const { TRACKER_OUTPUT, buildTracker } = await import('@/tracker/build');
  try {
    return await readFile(TRACKER_OUTPUT, 'utf8');
  } catch {
    return buildTracker();
  }
}

async function load(): Promise<Script> {
  const plain = Buffer.from(await loadSource());
  return {
    etag: `"${createHash('sha256').update(plain).digest('base64url').slice(0, 22)}"`,
    plain,
    gzip: gzipSync(plain, { level: 9 }),
    br: brotliCompressSync(plain),
  };
}

export async function handleTrackerScript(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  script ??= load().catch((err) => {
    script = null;
    throw err;
  });
  const s = await script;
  const headers: Record<string, string> = {
    'content-type': 'application/javascript; charset=utf-8',
    // A day fresh, then revalidated by ETag: the URL is not versioned, so updates must reach sites.
    'cache-control': 'public, max-age=86400, stale-while-revalidate=604800',
    etag: s.etag,
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
  };
  if (req.headers['if-none-match'] === s.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '');
  const [body, encoding] = /\bbr\b/.test(accepts) ? [s.br, 'br'] : /\bgzip\b/.test(accepts) ? [s.gzip, 'gzip'] : [s.plain, null];
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export const trackerScriptRoute: LeanRoute = {
  name: 'tracker-script',
  match: (p) => p === '/zori.js' || p === '/script.min.js',
  handle: handleTrackerScript,
};
