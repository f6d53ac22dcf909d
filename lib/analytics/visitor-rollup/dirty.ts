import { pool } from '@/lib/db/client';

/**
 * Touches from `since` on were just written for a project: if that is an ended local day, the
 * visitors rollup from that day on is stale. Called after the touches commit (see build.ts for why
 * that order keeps the rollup exact).
 */
export async function markVisitorDaysDirty(projectId: string, since: Date): Promise<void> {
  await pool().query(
    `INSERT INTO "VisitorRollupDirty" ("projectId", "fromDay")
     SELECT p.id, ($2::timestamptz AT TIME ZONE p."timeZone")::date FROM "Project" p
     WHERE p.id = $1 AND ($2::timestamptz AT TIME ZONE p."timeZone")::date < (now() AT TIME ZONE p."timeZone")::date`,
    [projectId, since],
  );
}
