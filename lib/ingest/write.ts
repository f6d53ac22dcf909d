import type { PoolClient } from 'pg';
import { markPaymentsOfVisitorsDirty, rebuildCredits } from '@/lib/analytics/credits/rebuild';
import { markVisitorDaysDirty } from '@/lib/analytics/visitor-rollup/dirty';
import { refreshAttributionForVisitors } from '@/lib/attribution/status';
import { pool } from '@/lib/db/client';
import type { BeaconRows, EventRow, PageviewRow, TouchRow, VisitorRow } from './rows';

// One flush of the ingest buffer: a transaction of multi-row statements (unnest of arrays: one
// statement per table whatever the batch size). Each query is a small named function. Rows of a
// project deleted meanwhile are skipped instead of failing the batch.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const key = (...parts: string[]) => parts.join('\u0000');

/** Merges visitor rows of the same visitor (first/last seen, latest identity), as one upsert row each. */
function mergeVisitors(rows: VisitorRow[]): VisitorRow[] {
  const byKey = new Map<string, VisitorRow>();
  for (const r of rows) {
    const k = key(r.projectId, r.visitorId);
    const m = byKey.get(k);
    if (!m) {
      byKey.set(k, { ...r });
      continue;
    }
    if (r.firstSeenAt < m.firstSeenAt) m.firstSeenAt = r.firstSeenAt;
    if (r.lastSeenAt > m.lastSeenAt) m.lastSeenAt = r.lastSeenAt;
    m.country = r.country ?? m.country;
    if (r.identifiedAt && (!m.identifiedAt || r.identifiedAt >= m.identifiedAt)) {
      m.appUserIdHash = r.appUserIdHash ?? m.appUserIdHash;
      m.emailHash = r.emailHash ?? m.emailHash;
      m.identifiedAt = r.identifiedAt;
    }
  }
  return [...byKey.values()];
}

async function upsertVisitors(c: PoolClient, rows: VisitorRow[]) {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO "Visitor" ("projectId", "visitorId", "firstSeenAt", "lastSeenAt", country, "appUserIdHash", "emailHash", "identifiedAt")
     SELECT u.* FROM unnest($1::text[], $2::text[], $3::timestamp(3)[], $4::timestamp(3)[], $5::text[], $6::text[], $7::text[], $8::timestamp(3)[]) AS u(p, v, f, l, c, a, e, i)
     WHERE EXISTS (SELECT 1 FROM "Project" pr WHERE pr.id = u.p)
     ON CONFLICT ("projectId", "visitorId") DO UPDATE SET
       "firstSeenAt" = LEAST("Visitor"."firstSeenAt", EXCLUDED."firstSeenAt"),
       "lastSeenAt" = GREATEST("Visitor"."lastSeenAt", EXCLUDED."lastSeenAt"),
       country = COALESCE(EXCLUDED.country, "Visitor".country),
       "appUserIdHash" = COALESCE(EXCLUDED."appUserIdHash", "Visitor"."appUserIdHash"),
       "emailHash" = COALESCE(EXCLUDED."emailHash", "Visitor"."emailHash"),
       "identifiedAt" = COALESCE(EXCLUDED."identifiedAt", "Visitor"."identifiedAt")`,
    [
      rows.map((r) => r.projectId),
      rows.map((r) => r.visitorId),
      rows.map((r) => iso(r.firstSeenAt)),
      rows.map((r) => iso(r.lastSeenAt)),
      rows.map((r) => r.country),
      rows.map((r) => r.appUserIdHash),
      rows.map((r) => r.emailHash),
      rows.map((r) => iso(r.identifiedAt)),
    ],
  );
}

const TOUCH_COLUMNS = `"projectId", "visitorId", "sessionId", "occurredAt", channel, source, medium, campaign, term, content, "referrerDomain", "referrerPath", "landingPath", "clickIdType", "clickId"`;
const TOUCH_UNNEST = `unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
  AS u(p, v, s, o, ch, src, med, cmp, trm, cnt, rd, rp, lp, cit, ci)`;
const touchParams = (rows: TouchRow[]) => [
  rows.map((r) => r.projectId),
  rows.map((r) => r.visitorId),
  rows.map((r) => r.sessionId),
  rows.map((r) => iso(r.occurredAt)),
  rows.map((r) => r.channel),
  rows.map((r) => r.source),
  rows.map((r) => r.medium),
  rows.map((r) => r.campaign),
  rows.map((r) => r.term),
  rows.map((r) => r.content),
  rows.map((r) => r.referrerDomain),
  rows.map((r) => r.referrerPath),
  rows.map((r) => r.landingPath),
  rows.map((r) => r.clickIdType),
  rows.map((r) => r.clickId),
];

type InsertedTouch = { projectId: string; visitorId: string; occurredAt: Date };

/** One touch per (project, visitor, session): a repeated session start adds nothing. */
async function insertSessionTouches(c: PoolClient, rows: TouchRow[]): Promise<InsertedTouch[]> {
  if (!rows.length) return [];
  const res = await c.query<InsertedTouch>(
    `INSERT INTO "Touch" (${TOUCH_COLUMNS})
     SELECT u.* FROM ${TOUCH_UNNEST} WHERE EXISTS (SELECT 1 FROM "Project" pr WHERE pr.id = u.p)
     ON CONFLICT ("projectId", "visitorId", "sessionId") DO NOTHING
     RETURNING "projectId", "visitorId", "occurredAt"`,
    touchParams(rows),
  );
  return res.rows;
}

/** Self-referral session starts: a touch only for a visitor who has none yet (never a new source). */
async function insertFirstTouchesOnly(c: PoolClient, rows: TouchRow[]): Promise<InsertedTouch[]> {
  if (!rows.length) return [];
  const res = await c.query<InsertedTouch>(
    `INSERT INTO "Touch" (${TOUCH_COLUMNS})
     SELECT u.* FROM ${TOUCH_UNNEST}
     WHERE EXISTS (SELECT 1 FROM "Project" pr WHERE pr.id = u.p)
       AND NOT EXISTS (SELECT 1 FROM "Touch" t WHERE t."projectId" = u.p AND t."visitorId" = u.v)
     ON CONFLICT ("projectId", "visitorId", "sessionId") DO NOTHING
     RETURNING "projectId", "visitorId", "occurredAt"`,
    touchParams(rows),
  );
  return res.rows;
}

/** Points each visitor at their earliest touch (a late beacon can bring an earlier one). */
async function setFirstTouches(c: PoolClient, touched: InsertedTouch[]) {
  if (!touched.length) return;
  await c.query(
    `UPDATE "Visitor" v SET "firstTouchId" = f.id
     FROM (SELECT DISTINCT ON (t."projectId", t."visitorId") t.id, t."projectId", t."visitorId"
           FROM "Touch" t JOIN unnest($1::text[], $2::text[]) AS b(p, v) ON t."projectId" = b.p AND t."visitorId" = b.v
           ORDER BY t."projectId", t."visitorId", t."occurredAt", t.id) f
     WHERE v."projectId" = f."projectId" AND v."visitorId" = f."visitorId" AND v."firstTouchId" IS DISTINCT FROM f.id`,
    [touched.map((t) => t.projectId), touched.map((t) => t.visitorId)],
  );
}

async function insertPageviews(c: PoolClient, rows: PageviewRow[]) {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO "Pageview" ("projectId", "visitorId", "sessionId", "occurredAt", path, "referrerDomain", country)
     SELECT u.* FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::text[], $6::text[], $7::text[]) AS u(p, v, s, o, pa, rd, c)
     WHERE EXISTS (SELECT 1 FROM "Project" pr WHERE pr.id = u.p)`,
    [
      rows.map((r) => r.projectId),
      rows.map((r) => r.visitorId),
      rows.map((r) => r.sessionId),
      rows.map((r) => iso(r.occurredAt)),
      rows.map((r) => r.path),
      rows.map((r) => r.referrerDomain),
      rows.map((r) => r.country),
    ],
  );
}

async function insertEvents(c: PoolClient, rows: EventRow[]) {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO "TrackedEvent" ("projectId", "visitorId", "sessionId", "occurredAt", name, props, path)
     SELECT u.p, u.v, u.s, u.o, u.n, u.pr::jsonb, u.pa FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::text[], $6::text[], $7::text[]) AS u(p, v, s, o, n, pr, pa)
     WHERE EXISTS (SELECT 1 FROM "Project" pr WHERE pr.id = u.p)`,
    [
      rows.map((r) => r.projectId),
      rows.map((r) => r.visitorId),
      rows.map((r) => r.sessionId),
      rows.map((r) => iso(r.occurredAt)),
      rows.map((r) => r.name),
      rows.map((r) => r.props),
      rows.map((r) => r.path),
    ],
  );
}

/** Writes one batch in one transaction; then credits payments that were waiting for these visitors. */
export async function writeBatch(batch: BeaconRows): Promise<void> {
  const client = await pool().connect();
  let touched: InsertedTouch[];
  try {
    await client.query('BEGIN');
    await upsertVisitors(client, mergeVisitors(batch.visitors));
    touched = await insertSessionTouches(client, batch.touches.filter((t) => !t.onlyIfFirst));
    touched.push(...(await insertFirstTouchesOnly(client, batch.touches.filter((t) => t.onlyIfFirst))));
    await setFirstTouches(client, touched);
    await insertPageviews(client, batch.pageviews);
    await insertEvents(client, batch.events);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  const byProject = new Map<string, { visitors: Set<string>; since: Date }>();
  for (const t of touched) {
    const p = byProject.get(t.projectId) ?? byProject.set(t.projectId, { visitors: new Set(), since: t.occurredAt }).get(t.projectId)!;
    p.visitors.add(t.visitorId);
    if (t.occurredAt < p.since) p.since = t.occurredAt;
  }
  // The rows are committed: a failure here must not make the buffer write them again (payments
  // left dirty are rebuilt by the rollup sweep).
  for (const [projectId, { visitors, since }] of byProject) {
    try {
      await markVisitorDaysDirty(projectId, since);
      await refreshAttributionForVisitors(projectId, [...visitors]);
      const paying = await markPaymentsOfVisitorsDirty(projectId, [...visitors], since);
      if (paying.length) await rebuildCredits(projectId, paying);
    } catch (err) {
      console.error(`[zori] ingest: re-attributing payments of project ${projectId} failed`, err);
    }
  }
}
