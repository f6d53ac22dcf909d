import type { IncomingMessage, ServerResponse } from 'node:http';
import qs from 'qs';
import { newId } from './state';

// Stripe's wire format: requests are form-encoded with bracket notation (`metadata[k]=v`,
// `enabled_events[0]=x`, `created[gte]=…`), in the query string for GET and DELETE and in the body
// for POST; responses are JSON; errors are `{ error: { type, message, code?, param? } }`.

export type Params = Record<string, any>;

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const missingParam = (param: string) => new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, 'parameter_missing', param);
export const invalidParam = (param: string, message: string) => new StripeApiError(400, 'invalid_request_error', message, 'parameter_invalid', param);
export const noSuch = (what: string, id: string, param = 'id') =>
  new StripeApiError(404, 'invalid_request_error', `No such ${what}: '${id}'`, 'resource_missing', param);

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Query string and form body merged, parsed with qs the way Stripe reads bracket notation. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const query = qs.parse(url.search.slice(1), { depth: 5, arrayLimit: 1000 });
  if (req.method !== 'POST') return query;
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return { ...query, ...(body ? JSON.parse(body) : {}) };
  return { ...query, ...qs.parse(body, { depth: 5, arrayLimit: 1000 }) };
}

/** qs yields arrays for `a[]=x` and `a[0]=x`, objects for sparse indexes; normalise to an array. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'object') return Object.values(value as object).map(String);
  return [String(value)];
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'request-id': newId('req', 14),
    'stripe-version': '2026-10-28.endive',
    ...headers,
  });
  res.end(text);
}

export function sendApiError(res: ServerResponse, err: StripeApiError): void {
  const headers: Record<string, string> = err.status === 429 ? { 'stripe-should-retry': 'false' } : {};
  sendJson(
    res,
    err.status,
    { error: { type: err.type, message: err.message, ...(err.code && { code: err.code }), ...(err.param && { param: err.param }) } },
    headers,
  );
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location });
  res.end();
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The bearer key: `Authorization: Bearer sk_…` or HTTP basic with the key as user, as the SDK and curl send. */
export function apiKeyOf(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  if (/^bearer$/i.test(scheme) && value) return value.trim();
  if (/^basic$/i.test(scheme) && value) return Buffer.from(value, 'base64').toString('utf8').split(':')[0] || null;
  return null;
}
