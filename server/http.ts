import type { IncomingMessage, ServerResponse } from 'node:http';

// What every lean route needs from node:http: a size-capped raw body and a JSON answer.

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Body larger than ${limit} bytes`);
  }
}

/** The raw body, refusing (BodyTooLargeError) a declared or actual size above `limit`. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLargeError(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) reject(new BodyTooLargeError(limit));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)), 'cache-control': 'no-store', ...headers });
  res.end(json);
}

/**
 * Answers 413 and closes the connection, but lets the sender finish (up to a cap) so that it
 * reads the answer instead of a connection reset.
 */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse, message: string): void {
  sendJson(res, 413, { error: message }, { connection: 'close' });
  let drained = 0;
  req.on('data', (c: Buffer) => {
    drained += c.length;
    if (drained > 16 * 1024 * 1024) req.destroy();
  });
  req.resume();
}
