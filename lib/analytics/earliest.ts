import type { ProjectScope } from '@/lib/authz';
import { pool } from '@/lib/db/client';

/** The project's first day with a payment or a touch (in its time zone): where "all time" starts. */
export async function earliestActivity(scope: ProjectScope): Promise<string | null> {
  const { rows } = await pool().query<{ day: string | null }>(
    `SELECT to_char(least((SELECT min("paidAt") FROM "Payment" WHERE "projectId" = $1),
                          (SELECT min("occurredAt") FROM "Touch" WHERE "projectId" = $1)) AT TIME ZONE 'UTC' AT TIME ZONE $2, 'YYYY-MM-DD') AS day`,
    [scope.projectId, scope.project.timeZone],
  );
  return rows[0]?.day ?? null;
}
