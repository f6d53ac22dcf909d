import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { addDays, daysBetween } from '../period';
import { DIMENSION_VALUES_SQL, localDaySql } from './dimensions';

// Builds the unique-visitors rollup (VisitorDayCount) one stretch of ended days at a time. Each
// visitor active in the stretch is looked at over their whole history, so `previousDay` (their
// last earlier day with the same value) is exact however long ago it was. Touches that arrive for
// a day already built leave a VisitorRollupDirty row (lib/ingest/write.ts); the next pass
// deletes the rollup from that day on and builds it again.

/** Days per statement: about a month keeps each statement to a few seconds on a large project. */
const STRETCH_DAYS = 31;

const BUILD_SQL = `
INSERT INTO "VisitorDayCount" ("projectId", dimension, value, day, "previousDay", visitors)
SELECT $1, dimension, value, day, COALESCE(prev, DATE '1970-01-01'), count(*)::int
FROM (
  SELECT dimension, value, day, lag(day) OVER (PARTITION BY "visitorId", dimension, value ORDER BY day) AS prev
  FROM (
    SELECT DISTINCT t."visitorId", d.dimension, d.value, ${localDaySql('t."occurredAt"', '$4')} AS day
    FROM "Touch" t CROSS JOIN LATERAL ${DIMENSION_VALUES_SQL}
    WHERE t."projectId" = $1 AND t."occurredAt" < $3::timestamp
      AND t."visitorId" IN (SELECT a."visitorId" FROM "Touch" a WHERE a."projectId" = $1 AND a."occurredAt" >= $2::timestamp AND a."occurredAt" < $3::timestamp)
  ) x
) y
WHERE day >= $5::date
GROUP BY dimension, value, day, prev`;

type State = { timeZone: string; builtThrough: string | null; yesterday: string; firstDay: string | null };

/**
 * Brings one project's rollup up to date: first drops what late touches made stale, then builds
 * every ended day not built yet. Returns the number of days built.
 */
export async function buildVisitorRollup(projectId: string): Promise<number> {
  const state = await resetStaleDays(projectId);
  if (!state || !state.firstDay) return 0;
  let from = state.builtThrough ? nextDay(state.builtThrough) : state.firstDay;
  let built = 0;
  while (from <= state.yesterday) {
    const to = minDay(addDays(from, STRETCH_DAYS - 1), state.yesterday);
    const claimed = await withTransaction(async (tx) => {
      const { rows } = await tx.query<{ start: string; end: string }>(
        `SELECT to_char(($1::date::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS start,
                to_char((($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "end"`,
        [from, to, state.timeZone],
      );
      // A pass that raced with another (two processes, a time zone change) must not count a day twice.
      const claim = await tx.query(
        `UPDATE "VisitorRollupState" s SET "builtThrough" = $2::date FROM "Project" p
         WHERE s."projectId" = $1 AND s."builtThrough" IS NOT DISTINCT FROM $3::date AND p.id = s."projectId" AND p."timeZone" = $4`,
        [projectId, to, state.builtThrough, state.timeZone],
      );
      if (claim.rowCount !== 1) return false;
      await tx.query(BUILD_SQL, [projectId, rows[0].start, rows[0].end, state.timeZone, from]);
      return true;
    });
    if (!claimed) return built;
    built += daysBetween(from, to) + 1;
    state.builtThrough = to;
    from = nextDay(to);
  }
  return built;
}

/**
 * Takes the project's dirty markers and deletes the rollup from the earliest marked day on, in one
 * transaction with lowering builtThrough. Markers are taken before any touch is read, so a touch
 * whose marker comes later is seen by this pass or marked again for the next one.
 */
async function resetStaleDays(projectId: string): Promise<State | null> {
  return withTransaction(async (tx) => {
    await tx.query(`INSERT INTO "VisitorRollupState" ("projectId") VALUES ($1) ON CONFLICT DO NOTHING`, [projectId]);
    const { rows } = await tx.query<{ timeZone: string; builtThrough: string | null; yesterday: string }>(
      `SELECT p."timeZone", to_char(s."builtThrough", 'YYYY-MM-DD') AS "builtThrough",
              to_char((now() AT TIME ZONE p."timeZone")::date - 1, 'YYYY-MM-DD') AS yesterday
       FROM "VisitorRollupState" s JOIN "Project" p ON p.id = s."projectId" WHERE s."projectId" = $1 FOR UPDATE OF s`,
      [projectId],
    );
    if (!rows[0]) return null;
    const state: State = { ...rows[0], firstDay: null };
    const dirty = await tx.query<{ from: string | null }>(
      `WITH taken AS (DELETE FROM "VisitorRollupDirty" WHERE "projectId" = $1 RETURNING "fromDay") SELECT to_char(min("fromDay"), 'YYYY-MM-DD') AS "from" FROM taken`,
      [projectId],
    );
    const staleFrom = dirty.rows[0].from;
    if (staleFrom && state.builtThrough && staleFrom <= state.builtThrough) {
      await tx.query(`DELETE FROM "VisitorDayCount" WHERE "projectId" = $1 AND day >= $2::date`, [projectId, staleFrom]);
      state.builtThrough = addDays(staleFrom, -1);
      await tx.query(`UPDATE "VisitorRollupState" SET "builtThrough" = $2::date WHERE "projectId" = $1`, [projectId, state.builtThrough]);
    }
    if (!state.builtThrough) {
      const first = await tx.query<{ day: string | null }>(
        `SELECT to_char(${localDaySql('min("occurredAt")', '$2')}, 'YYYY-MM-DD') AS day FROM "Touch" WHERE "projectId" = $1`,
        [projectId, state.timeZone],
      );
      state.firstDay = first.rows[0].day;
    } else state.firstDay = state.builtThrough;
    return state;
  });
}

/** Forgets a project's rollup (its time zone changed: every local day moved). */
export async function resetVisitorRollup(projectId: string): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.query(`SELECT 1 FROM "VisitorRollupState" WHERE "projectId" = $1 FOR UPDATE`, [projectId]);
    await tx.query(`DELETE FROM "VisitorDayCount" WHERE "projectId" = $1`, [projectId]);
    await tx.query(`DELETE FROM "VisitorRollupDirty" WHERE "projectId" = $1`, [projectId]);
    await tx.query(`UPDATE "VisitorRollupState" SET "builtThrough" = NULL WHERE "projectId" = $1`, [projectId]);
  });
}

/** Brings every project that needs it up to date: unbuilt ended days, or late touches. */
export async function buildAllVisitorRollups(): Promise<number> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT p.id FROM "Project" p LEFT JOIN "VisitorRollupState" s ON s."projectId" = p.id
     WHERE EXISTS (SELECT 1 FROM "VisitorRollupDirty" d WHERE d."projectId" = p.id)
        OR ((s."builtThrough" IS NULL OR s."builtThrough" < (now() AT TIME ZONE p."timeZone")::date - 1)
            AND EXISTS (SELECT 1 FROM "Touch" t WHERE t."projectId" = p.id))`,
  );
  let days = 0;
  for (const r of rows) days += await buildVisitorRollup(r.id);
  return days;
}

const nextDay = (date: string) => addDays(date, 1);
const minDay = (a: string, b: string) => (a < b ? a : b);
