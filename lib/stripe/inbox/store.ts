import { pool } from '@/lib/db/client';
import type { StripeEventEnvelope } from '@/lib/zod/stripe';

export type StoredEvent = { id: string; duplicate: false; status: 'pending' | 'ignored' } | { id: null; duplicate: true };

/**
 * Stores a verified event in the inbox before Stripe gets its 200 (unique on account + event id:
 * a redelivery inserts nothing). Types Zori does not use are stored as `ignored`, never processed.
 * `rawJson` is the body as Stripe signed it, stored as jsonb without re-serialising.
 */
export async function storeEvent(projectId: string, stripeAccount: string, event: StripeEventEnvelope, rawJson: string, handled: boolean): Promise<StoredEvent> {
  const status = handled ? 'pending' : 'ignored';
  const res = await pool().query<{ id: string }>(
    `INSERT INTO "StripeEvent" ("projectId", "stripeAccount", "eventId", type, livemode, "apiVersion", "stripeCreatedAt", payload, status, "processedAt")
     VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7), $8::jsonb, $9::"StripeEventStatus", CASE WHEN $9 = 'ignored' THEN now() END)
     ON CONFLICT ("stripeAccount", "eventId") DO NOTHING RETURNING id`,
    [projectId, stripeAccount, event.id, event.type, event.livemode, event.api_version ?? null, event.created, rawJson, status],
  );
  const row = res.rows[0];
  return row ? { id: String(row.id), duplicate: false, status } : { id: null, duplicate: true };
}
