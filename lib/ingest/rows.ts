import { sessionSource } from '@/lib/channels/session-source';
import { hashIdentity } from '@/lib/identity/hash';
import type { Beacon, SessionStart } from '@/lib/zod/ingest';
import type { IngestProject } from './project-cache';

// Turns one validated beacon into the rows it adds: pure, so the rules (time clamping, cookieless
// and Do Not Track handling, touch per session start, salted identity) are tested without a database.

export type VisitorRow = {
  projectId: string;
  visitorId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  country: string | null;
  appUserIdHash: string | null;
  emailHash: string | null;
  identifiedAt: Date | null;
};
export type TouchRow = {
  projectId: string;
  visitorId: string;
  sessionId: string;
  occurredAt: Date;
  channel: string;
  source: string;
  medium: string;
  campaign: string | null;
  term: string | null;
  content: string | null;
  referrerDomain: string | null;
  referrerPath: string | null;
  landingPath: string;
  clickIdType: string | null;
  clickId: string | null;
  /** A self-referral: recorded only as the visitor's first touch, never as a new one. */
  onlyIfFirst: boolean;
};
export type PageviewRow = {
  projectId: string;
  visitorId: string | null;
  sessionId: string;
  occurredAt: Date;
  path: string;
  referrerDomain: string | null;
  country: string | null;
};
export type EventRow = {
  projectId: string;
  visitorId: string | null;
  sessionId: string;
  occurredAt: Date;
  name: string;
  props: string | null;
  path: string | null;
};
export type BeaconRows = { visitors: VisitorRow[]; touches: TouchRow[]; pageviews: PageviewRow[]; events: EventRow[] };

export type BeaconContext = { receivedAt: Date; country: string | null };

/** How far back a client's timestamp may place an event (a beacon queued offline, a late flush). */
export const MAX_EVENT_AGE_MS = 24 * 3600 * 1000;

/**
 * The server time of an event: its age by the client's own clock (sent time − event time), taken
 * back from when the beacon arrived, so a wrong client clock cannot move it. Never in the future,
 * never more than a day back.
 */
export function eventTime(ts: number, clientNow: number, receivedAt: Date): Date {
  const age = Math.min(Math.max(clientNow - ts, 0), MAX_EVENT_AGE_MS);
  return new Date(receivedAt.getTime() - age);
}

function parseReferrer(referrer: string | null | undefined): { host: string | null; path: string | null } {
  if (!referrer) return { host: null, path: null };
  try {
    const url = new URL(referrer);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { host: null, path: null };
    return { host: url.hostname.toLowerCase(), path: url.pathname.slice(0, 1024) };
  } catch {
    return { host: null, path: null };
  }
}

function touchRow(project: IngestProject, visitorId: string, sessionId: string, occurredAt: Date, landingPath: string, s: SessionStart): TouchRow {
  const referrer = parseReferrer(s.referrer);
  const src = sessionSource(
    {
      utmSource: s.utm_source,
      utmMedium: s.utm_medium,
      utmCampaign: s.utm_campaign,
      utmTerm: s.utm_term,
      utmContent: s.utm_content,
      ref: s.ref,
      clickIdType: s.click?.type,
      referrerHost: referrer.host,
    },
    project.domains,
  );
  return {
    projectId: project.id,
    visitorId,
    sessionId,
    occurredAt,
    channel: src.channel,
    source: src.source,
    medium: src.medium,
    campaign: src.campaign,
    term: src.term,
    content: src.content,
    referrerDomain: referrer.host,
    referrerPath: referrer.path,
    landingPath,
    clickIdType: s.click?.type ?? null,
    clickId: s.click?.id ?? null,
    onlyIfFirst: src.selfReferral,
  };
}

export function beaconToRows(beacon: Beacon, project: IngestProject, ctx: BeaconContext): BeaconRows {
  const rows: BeaconRows = { visitors: [], touches: [], pageviews: [], events: [] };
  // Do Not Track / GPC, when the project honours it: counted, never tied to a person.
  const visitorId = beacon.dnt && project.respectDoNotTrack ? null : beacon.vid;
  const sessionId = beacon.sid;
  let visitor: VisitorRow | null = null;
  const touchVisitor = (at: Date) => {
    if (!visitorId) return null;
    visitor ??= { projectId: project.id, visitorId, firstSeenAt: at, lastSeenAt: at, country: ctx.country, appUserIdHash: null, emailHash: null, identifiedAt: null };
    if (at < visitor.firstSeenAt) visitor.firstSeenAt = at;
    if (at > visitor.lastSeenAt) visitor.lastSeenAt = at;
    return visitor;
  };

  for (const event of beacon.events) {
    const at = eventTime(event.ts, beacon.now, ctx.receivedAt);
    if (event.type === 'pageview') {
      const referrerDomain = event.session ? parseReferrer(event.session.referrer).host : null;
      rows.pageviews.push({ projectId: project.id, visitorId, sessionId, occurredAt: at, path: event.path, referrerDomain, country: ctx.country });
      touchVisitor(at);
      if (visitorId && event.session) rows.touches.push(touchRow(project, visitorId, sessionId, at, event.path, event.session));
    } else if (event.type === 'session') {
      if (!visitorId) continue;
      touchVisitor(at);
      rows.touches.push(touchRow(project, visitorId, sessionId, at, event.path, event.session));
    } else if (event.type === 'event') {
      rows.events.push({
        projectId: project.id,
        visitorId,
        sessionId,
        occurredAt: at,
        name: event.name,
        props: event.props && Object.keys(event.props).length ? JSON.stringify(event.props) : null,
        path: event.path ?? null,
      });
      touchVisitor(at);
    } else {
      const v = touchVisitor(at);
      if (!v) continue; // identify() without an id (cookieless, Do Not Track) links nothing
      const appId = event.app_id == null ? '' : String(event.app_id).trim();
      const email = event.email?.trim() ?? '';
      if (appId) v.appUserIdHash = hashIdentity(project.identitySalt, 'app_user', appId);
      if (email) v.emailHash = hashIdentity(project.identitySalt, 'email', email);
      v.identifiedAt = at;
    }
  }
  if (visitor) rows.visitors.push(visitor);
  return rows;
}
