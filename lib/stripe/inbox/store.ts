import { pool } from '@/lib/db/client';
import type { StripeEventEnvelope } from '@/lib/zod/stripe';

// Storing verified events in the inbox before Stripe gets its 200 (unique on project + account +
// event id: a redelivery inserts nothing, and no project's event can shadow another project's). Under load, deliveries that arrive while an insert is in flight are
// written together in one multi-row INSERT, so one durable commit acknowledges many events (each
// caller still waits for the commit that holds its own event). Types Zori does not use are stored
// as `ignored` and never processed. The payload is the body as Stripe signed it, stored as jsonb.

export type StoredEvent = { id: string; duplicate: false; status: 'pending' | 'ignored' } | { id: null; duplicate: true };

type Item = {
  projectId: string;
  stripeAccount: string;
  event: StripeEventEnvelope;
  rawJson: string;
  status: 'pending' | 'ignored';
  resolve: (r: StoredEvent) => void;
  reject: (e: unknown) => void;
};

const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 2;

const INSERT_SQL = `
INSERT INTO "StripeEvent" ("projectId", "stripeAccount", "eventId", type, livemode, "apiVersion", "stripeCreatedAt", payload, status, "processedAt")
SELECT p, a, e, t, l, v, to_timestamp(c), b::jsonb, s::"StripeEventStatus", CASE WHEN s = 'ignored' THEN now() END
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::float8[], $8::text[], $9::text[]) AS x(p, a, e, t, l, v, c, b, s)
ON CONFLICT ("projectId", "stripeAccount", "eventId") DO NOTHING
RETURNING id, "projectId", "stripeAccount", "eventId"`;

async function insertBatch(items: Item[]): Promise<void> {
  const res = await pool().query<{ id: string; projectId: string; stripeAccount: string; eventId: string }>(INSERT_SQL, [
    items.map((i) => i.projectId),
    items.map((i) => i.stripeAccount),
    items.map((i) => i.event.id),
    items.map((i) => i.event.type),
    items.map((i) => i.event.livemode),
    items.map((i) => i.event.api_version ?? null),
    items.map((i) => i.event.created),
    items.map((i) => i.rawJson),
    items.map((i) => i.status),
  ]);
  const keyOf = (projectId: string, account: string, eventId: string) => `${projectId}\u0000${account}\u0000${eventId}`;
  const inserted = new Map(res.rows.map((r) => [keyOf(r.projectId, r.stripeAccount, r.eventId), String(r.id)]));
  for (const item of items) {
    const key = keyOf(item.projectId, item.stripeAccount, item.event.id);
    const id = inserted.get(key);
    inserted.delete(key); // the same event twice in one batch: the second is a redelivery
    item.resolve(id ? { id, duplicate: false, status: item.status } : { id: null, duplicate: true });
  }
}

const g = globalThis as unknown as { __zoriInboxBatch?: { queue: Item[]; inFlight: number } };
const state = (g.__zoriInboxBatch ??= { queue: [], inFlight: 0 });

function flush(): void {
  while (state.inFlight < MAX_IN_FLIGHT && state.queue.length > 0) {
    const batch = state.queue.splice(0, MAX_BATCH);
    state.inFlight++;
    insertBatch(batch)
      .catch(async () => {
        // One bad row must not fail its neighbours: store them one by one.
        for (const item of batch) await insertBatch([item]).catch(item.reject);
      })
      .finally(() => {
        state.inFlight--;
        flush();
      });
  }
}

export function storeEvent(projectId: string, stripeAccount: string, event: StripeEventEnvelope, rawJson: string, handled: boolean): Promise<StoredEvent> {
  return new Promise((resolve, reject) => {
    state.queue.push({ projectId, stripeAccount, event, rawJson, status: handled ? 'pending' : 'ignored', resolve, reject });
    flush();
  });
}
