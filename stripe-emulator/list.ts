import { StripeApiError, asArray, invalidParam, type Params } from './http';
import type { EmulatorState, StripeObject } from './state';

// List objects and expansion as Stripe serves them: newest first, `limit` 1..100 (default 10),
// cursor by `starting_after` / `ending_before` (an object id), `has_more`, range filters on
// `created` (`created[gte]=…`), and `expand[]=balance_transaction` / `expand[]=data.balance_transaction`.

export type ListObject = { object: 'list'; data: StripeObject[]; has_more: boolean; url: string };

function parseLimit(raw: unknown): number {
  if (raw === undefined) return 10;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw invalidParam('limit', `Invalid integer: ${String(raw)}`);
  if (n < 1 || n > 100) throw invalidParam('limit', 'This value must be greater than or equal to 1 and less than or equal to 100.');
  return n;
}

function parseTimestamp(param: string, raw: unknown): number {
  const n = Number(raw);
  if (!Number.isInteger(n)) throw invalidParam(param, `Invalid integer: ${String(raw)}`);
  return n;
}

/** Keeps objects whose `field` satisfies a Stripe range filter (`x`, `x[gt]`, `x[gte]`, `x[lt]`, `x[lte]`). */
export function rangeFilter(objects: StripeObject[], field: string, filter: unknown): StripeObject[] {
  if (filter === undefined) return objects;
  if (typeof filter !== 'object' || filter === null) {
    const exact = parseTimestamp(field, filter);
    return objects.filter((o) => o[field] === exact);
  }
  const f = filter as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!['gt', 'gte', 'lt', 'lte'].includes(key)) throw invalidParam(`${field}[${key}]`, `Received unknown parameter: ${field}[${key}]`);
  const gt = f.gt !== undefined ? parseTimestamp(`${field}[gt]`, f.gt) : undefined;
  const gte = f.gte !== undefined ? parseTimestamp(`${field}[gte]`, f.gte) : undefined;
  const lt = f.lt !== undefined ? parseTimestamp(`${field}[lt]`, f.lt) : undefined;
  const lte = f.lte !== undefined ? parseTimestamp(`${field}[lte]`, f.lte) : undefined;
  return objects.filter((o) => {
    const v = o[field] as number;
    return (gt === undefined || v > gt) && (gte === undefined || v >= gte) && (lt === undefined || v < lt) && (lte === undefined || v <= lte);
  });
}

/** One page of `objects` (oldest first in storage) in Stripe's newest-first order. */
export function paginate(objects: StripeObject[], params: Params, url: string, what: string): ListObject {
  const limit = parseLimit(params.limit);
  if (params.starting_after && params.ending_before) {
    throw new StripeApiError(400, 'invalid_request_error', 'You may only specify one of these parameters: ending_before, starting_after.');
  }
  const filtered = rangeFilter(objects, 'created', params.created);
  // Newest first; for equal `created`, the later insert is newer (as ids are on Stripe).
  const ordered = filtered.map((o, i) => ({ o, i })).sort((a, b) => b.o.created - a.o.created || b.i - a.i).map((x) => x.o);
  if (params.starting_after) {
    const at = ordered.findIndex((o) => o.id === params.starting_after);
    if (at < 0) throw new StripeApiError(400, 'invalid_request_error', `No such ${what}: '${params.starting_after}'`, 'resource_missing', 'starting_after');
    const rest = ordered.slice(at + 1);
    return { object: 'list', data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (params.ending_before) {
    const at = ordered.findIndex((o) => o.id === params.ending_before);
    if (at < 0) throw new StripeApiError(400, 'invalid_request_error', `No such ${what}: '${params.ending_before}'`, 'resource_missing', 'ending_before');
    const before = ordered.slice(0, at);
    return { object: 'list', data: before.slice(Math.max(0, before.length - limit)), has_more: before.length > limit, url };
  }
  return { object: 'list', data: ordered.slice(0, limit), has_more: ordered.length > limit, url };
}

/** Replaces expandable id fields by the objects they name, for the paths in `expand[]`. */
export function expand<T extends StripeObject | ListObject>(state: EmulatorState, accountId: string, target: T, expandParam: unknown): T {
  const paths = asArray(expandParam);
  if (paths.length === 0) return target;
  const copy = structuredClone(target) as any;
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4) throw invalidParam('expand', `You cannot expand more than 4 levels of a property. Property: ${path}`);
    applyExpand(state, accountId, copy, parts, path);
  }
  return copy;
}

function applyExpand(state: EmulatorState, accountId: string, node: any, parts: string[], path: string): void {
  if (node === null || typeof node !== 'object') return;
  const [head, ...rest] = parts;
  if (Array.isArray(node)) {
    for (const item of node) applyExpand(state, accountId, item, parts, path);
    return;
  }
  if (!(head in node)) throw invalidParam('expand', `This property cannot be expanded (${head}).`);
  if (rest.length > 0) {
    applyExpand(state, accountId, node[head], rest, path);
    return;
  }
  const value = node[head];
  if (typeof value === 'string') {
    const found = state.find(accountId, value);
    if (found) node[head] = structuredClone(found);
  } else if (value !== null && typeof value !== 'object') {
    throw invalidParam('expand', `This property cannot be expanded (${head}).`);
  }
}
