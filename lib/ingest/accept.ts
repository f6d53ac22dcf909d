import { isbot } from 'isbot';

import { beaconSchema } from '@/lib/zod/ingest';
import { originAllowed } from './origin';
import { projectByPublishableKey } from './project-cache';
import { type BeaconContext, beaconToRows } from './rows';
import { ingestBuffer } from './queue';

// What /ingest does with one request, apart from HTTP: validate, check the key and the origin,
// drop bots, turn the beacon into rows and queue them. Nothing is queued unless all of it passes.

export const MAX_BODY_BYTES = 64 * 1024;

export type IngestRequest = {
  body: string;
  origin: string | null;
  userAgent: string | null;
  /** Two-letter country from a proxy header (CF-IPCountry, X-Vercel-IP-Country), if any. */
  country: string | null;
  receivedAt: Date;
};

export type IngestResult =
  | { status: 202; accepted: number; dropped?: 'bot'; allowOrigin: string }
  | { status: 400 | 403 | 503; error: string; fields?: Record<string, string>; allowOrigin?: string };

const COUNTRY = /^[A-Z]{2}$/;
/** XX (unknown) and T1 (Tor) are not countries. */
export function countryFromHeader(value: string | string[] | undefined | null): string | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim().toUpperCase();
  return v && COUNTRY.test(v) && v !== 'XX' && v !== 'T1' ? v : null;
}

export async function acceptBeacon(req: IngestRequest): Promise<IngestResult> {
  let json: unknown;
  try {
    json = JSON.parse(req.body);
  } catch {
    return { status: 400, error: 'Body must be JSON' };
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', i.message]));
    return { status: 400, error: `Invalid beacon: ${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}`, fields };
  }
  const beacon = parsed.data;
  const project = await projectByPublishableKey(beacon.key);
  if (!project) return { status: 403, error: 'Unknown publishable key' };
  if (!originAllowed(req.origin, project.domains)) {
    return { status: 403, error: `Origin ${req.origin ?? '(none)'} is not one of this project's domains` };
  }
  // The origin is allowed from here on: the browser may read the answer (CORS).
  const allowOrigin = req.origin!;
  if (isbot(req.userAgent)) return { status: 202, accepted: 0, dropped: 'bot', allowOrigin };
  const ctx: BeaconContext = { receivedAt: req.receivedAt, country: req.country };
  const rows = beaconToRows(beacon, project, ctx);
  if (!ingestBuffer().add(rows)) return { status: 503, error: 'Ingest is overloaded; retry later', allowOrigin };
  return { status: 202, accepted: beacon.events.length, allowOrigin };
}

