import { pool } from '@/lib/db/client';
import type { RejectionReason } from './webhooks/verify';

/** Counts a rejected delivery for the diagnostics page (the body itself is never stored). */
export async function countWebhookRejection(projectId: string, reason: RejectionReason): Promise<void> {
  await pool().query(
    `INSERT INTO "WebhookRejection" ("projectId", day, reason, count, "lastAt") VALUES ($1, (now() AT TIME ZONE 'UTC')::date, $2, 1, now())
     ON CONFLICT ("projectId", day, reason) DO UPDATE SET count = "WebhookRejection".count + 1, "lastAt" = now()`,
    [projectId, reason],
  );
}
