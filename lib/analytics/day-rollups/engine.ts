import type { Pool, PoolClient } from 'pg';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { addDays, daysBetween } from '../period';

// The machinery shared by the day rollups (unique visitors, daily revenue): each is built one
// stretch of ended local days at a time (days in the project's time zone), records how far it is
// built in DayRollupState, and is told by DayRollupDirty markers that data arrived for a day it
// had built; the next pass deletes the rollup from that day on and builds it again. Queries use a
// rollup only up to the day before its earliest marker (coveredThrough) and read the rest raw.

export type RollupName = 'visitors' | 'revenue';

export type DayRollup = {
  name: RollupName;
  /** The table of rows keyed by ("projectId", day, …). */
  table: string;
  /**
   * Inserts the rows of local days $5..(end): $1 project, $2/$3 the UTC start and end of the
   * stretch (timestamp text), $4 the time zone, $5 its first day.
   */
  buildSql: string;
  /** The project's earliest instant with data for this rollup ($1 project). */
  firstInstantSql: string;
};

/** Days per statement: about a month keeps each statement to a few seconds on a large project. */
const STRETCH_DAYS = 31;

/** SQL: the local calendar day of timestamp column `col` in time zone parameter `tz`. */
export const localDaySql = (col: string, tz: string) => `((${col} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;

type State = { timeZone: string; builtThrough: string | null; yesterday: string; firstDay: string | null };

/** Brings one project's rollup up to date: drops what markers made stale, then builds every ended day not built yet. Returns the days built. */
export async function buildDayRollup(r: DayRollup, projectId: string): Promise<number> {
  const state = await resetStaleDays(r, projectId);
  if (!state || !state.firstDay) return 0;
  let from = state.builtThrough ? addDays(state.builtThrough, 1) : state.firstDay;
  let built = 0;
  while (from <= state.yesterday) {
    const to = addDays(from, STRETCH_DAYS - 1) < state.yesterday ? addDays(from, STRETCH_DAYS - 1) : state.yesterday;
    const claimed = await withTransaction(async (tx) => {
      const { rows } = await tx.query<{ start: string; end: string }>(
        `SELECT to_char(($1::date::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS start,
                to_char((($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "end"`,
        [from, to, state.timeZone],
      );
      // A pass that raced with another (two processes, a time zone change) must not count a day twice.
      const claim = await tx.query(
        `UPDATE "DayRollupState" s SET "builtThrough" = $3::date FROM "Project" p
         WHERE s."projectId" = $1 AND s.rollup = $2 AND s."builtThrough" IS NOT DISTINCT FROM $4::date AND p.id = s."projectId" AND p."timeZone" = $5`,
        [projectId, r.name, to, state.builtThrough, state.timeZone],
      );
      if (claim.rowCount !== 1) return false;
      await tx.query(r.buildSql, [projectId, rows[0].start, rows[0].end, state.timeZone, from]);
      return true;
    });
    if (!claimed) return built;
    built += daysBetween(from, to) + 1;
    state.builtThrough = to;
    from = addDays(to, 1);
  }
  return built;
}

/**
 * Takes the project's markers and deletes the rollup from the earliest marked day on, in one
 * transaction with lowering builtThrough. Markers are taken before any data is read, so data whose
 * marker comes later is seen by this pass or marked again for the next one.
 */
async function resetStaleDays(r: DayRollup, projectId: string): Promise<State | null> {
  return withTransaction(async (tx) => {
    await tx.query(`INSERT INTO "DayRollupState" ("projectId", rollup) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [projectId, r.name]);
    const { rows } = await tx.query<{ timeZone: string; builtThrough: string | null; yesterday: string }>(
      `SELECT p."timeZone", to_char(s."builtThrough", 'YYYY-MM-DD') AS "builtThrough",
              to_char((now() AT TIME ZONE p."timeZone")::date - 1, 'YYYY-MM-DD') AS yesterday
       FROM "DayRollupState" s JOIN "Project" p ON p.id = s."projectId" WHERE s."projectId" = $1 AND s.rollup = $2 FOR UPDATE OF s`,
      [projectId, r.name],
    );
    if (!rows[0]) return null;
    const state: State = { ...rows[0], firstDay: null };
    const dirty = await tx.query<{ from: string | null }>(
      `WITH taken AS (DELETE FROM "DayRollupDirty" WHERE "projectId" = $1 AND rollup = $2 RETURNING "fromDay")
       SELECT to_char(min("fromDay"), 'YYYY-MM-DD') AS "from" FROM taken`,
      [projectId, r.name],
    );
    const staleFrom = dirty.rows[0].from;
    if (staleFrom && state.builtThrough && staleFrom <= state.builtThrough) {
      await tx.query(`DELETE FROM "${r.table}" WHERE "projectId" = $1 AND day >= $2::date`, [projectId, staleFrom]);
      state.builtThrough = addDays(staleFrom, -1);
      await tx.query(`UPDATE "DayRollupState" SET "builtThrough" = $3::date WHERE "projectId" = $1 AND rollup = $2`, [projectId, r.name, state.builtThrough]);
    }
    if (!state.builtThrough) {
      const first = await tx.query<{ day: string | null }>(
        `SELECT to_char(${localDaySql('f.at', '$2')}, 'YYYY-MM-DD') AS day FROM (${r.firstInstantSql}) AS f(at)`,
        [projectId, state.timeZone],
      );
      state.firstDay = first.rows[0]?.day ?? null;
    } else state.firstDay = state.builtThrough;
    return state;
  });
}

/** Forgets a project's rollup (its time zone changed: every local day moved). */
export async function resetDayRollup(r: DayRollup, projectId: string): Promise<void> {
  await withTransaction(async (tx) => {
    await tx.query(`SELECT 1 FROM "DayRollupState" WHERE "projectId" = $1 AND rollup = $2 FOR UPDATE`, [projectId, r.name]);
    await tx.query(`DELETE FROM "${r.table}" WHERE "projectId" = $1`, [projectId]);
    await tx.query(`DELETE FROM "DayRollupDirty" WHERE "projectId" = $1 AND rollup = $2`, [projectId, r.name]);
    await tx.query(`UPDATE "DayRollupState" SET "builtThrough" = NULL WHERE "projectId" = $1 AND rollup = $2`, [projectId, r.name]);
  });
}

/** Brings every project that needs it up to date: unbuilt ended days, or markers. */
export async function buildAllDayRollups(r: DayRollup): Promise<number> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT p.id FROM "Project" p LEFT JOIN "DayRollupState" s ON s."projectId" = p.id AND s.rollup = $1
     WHERE EXISTS (SELECT 1 FROM "DayRollupDirty" d WHERE d."projectId" = p.id AND d.rollup = $1)
        OR ((s."builtThrough" IS NULL OR s."builtThrough" < (now() AT TIME ZONE p."timeZone")::date - 1)
            AND EXISTS (${r.firstInstantSql.replaceAll('$1', 'p.id')}))`,
    [r.name],
  );
  let days = 0;
  for (const p of rows) days += await buildDayRollup(r, p.id);
  return days;
}

/**
 * Data from `since` on was just written for a project: if that is an ended local day, the rollup
 * from that day on is stale. Called after the data commits, or in its transaction (see
 * resetStaleDays for why).
 */
export async function markDaysDirty(rollup: RollupName, projectId: string, since: Date, db: Pool | PoolClient = pool()): Promise<void> {
  await db.query(
    `INSERT INTO "DayRollupDirty" ("projectId", rollup, "fromDay")
     SELECT p.id, $2, ($3::timestamptz AT TIME ZONE p."timeZone")::date FROM "Project" p
     WHERE p.id = $1 AND ($3::timestamptz AT TIME ZONE p."timeZone")::date < (now() AT TIME ZONE p."timeZone")::date`,
    [projectId, rollup, since],
  );
}

/** The last day a rollup answers for: built, and not made stale by a marker (null: none). */
export async function coveredThrough(rollup: RollupName, projectId: string): Promise<string | null> {
  const { rows } = await pool().query<{ day: string | null }>(
    `SELECT to_char(LEAST(s."builtThrough", (SELECT min(d."fromDay") - 1 FROM "DayRollupDirty" d WHERE d."projectId" = s."projectId" AND d.rollup = s.rollup)), 'YYYY-MM-DD') AS day
     FROM "DayRollupState" s WHERE s."projectId" = $1 AND s.rollup = $2`,
    [projectId, rollup],
  );
  return rows[0]?.day ?? null;
}
