import { pool } from '@/lib/db/client';
import { open } from '@/lib/crypto/secrets';

// What the webhook hot path needs to know about a project's Stripe connection: its opened webhook
// secrets and its account key. Cached for a few seconds per process (on globalThis, shared by the lean
// server and Next's copy of lib/); saving new secrets clears the cache.

export type WebhookTarget = { projectId: string; stripeAccountId: string | null; secrets: string[]; hasKey: boolean };

const TTL_MS = 5_000;
const g = globalThis as unknown as { __zoriStripeTargets?: Map<string, { at: number; value: WebhookTarget | null }> };
const cache = (g.__zoriStripeTargets ??= new Map());

/** null when the project does not exist. */
export async function webhookTarget(projectId: string): Promise<WebhookTarget | null> {
  const hit = cache.get(projectId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const res = await pool().query<{ id: string; stripeAccountId: string | null; webhookSecrets: string[] | null; secretKey: string | null; status: string | null }>(
    `SELECT p.id, c."stripeAccountId", c."webhookSecrets", c."secretKey", c.status::text AS status
       FROM "Project" p LEFT JOIN "StripeConnection" c ON c."projectId" = p.id WHERE p.id = $1`,
    [projectId],
  );
  const row = res.rows[0];
  const value: WebhookTarget | null = row
    ? {
        projectId,
        stripeAccountId: row.stripeAccountId,
        secrets: row.status === 'revoked' ? [] : (row.webhookSecrets ?? []).map((s) => open(s)),
        hasKey: Boolean(row.secretKey),
      }
    : null;
  cache.set(projectId, { at: Date.now(), value });
  return value;
}

export function forgetWebhookTarget(projectId: string): void {
  cache.delete(projectId);
}

/** The inbox's account key: event.account (Connect), else the connection's account, else `self:<projectId>`. */
export function accountKey(projectId: string, eventAccount: string | null | undefined, connectionAccount: string | null | undefined): string {
  return eventAccount || connectionAccount || `self:${projectId}`;
}
