import { pool } from '@/lib/db/client';
import { open } from '@/lib/crypto/secrets';

// What the webhook hot path needs to know about a project's Stripe connection: its opened webhook
// secrets and the account Zori verified for it. Cached for a few seconds per process (on globalThis, shared by the lean
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

/**
 * The ledger namespace of a self-hosted project whose account Zori has not verified yet (only a
 * webhook secret was pasted). Never taken from an event: the self-hosted endpoint refuses any
 * `event.account` other than the verified one (see receiveStripeWebhook). Every ledger and inbox key
 * also starts with the project id, so this name is private to each project anyway.
 */
export const UNVERIFIED_ACCOUNT = 'self';

/**
 * The account a delivery to a self-hosted project's endpoint is about: its verified account (or
 * UNVERIFIED_ACCOUNT), or null when the event names any other account, which is refused.
 */
export function selfHostedAccount(eventAccount: string | null | undefined, verifiedAccount: string | null | undefined): string | null {
  if (eventAccount && eventAccount !== verifiedAccount) return null;
  return verifiedAccount || UNVERIFIED_ACCOUNT;
}
