import type { PoolClient } from 'pg';
import type Stripe from 'stripe';
import { open } from '@/lib/crypto/secrets';
import { pool } from '@/lib/db/client';
import { stripeClient } from '@/lib/stripe/client';
import { integrationFor } from '@/lib/stripe/integrations';
import { dispatchEvent } from '@/lib/stripe/handlers';
import { type HandlerContext, InvalidEventError, NotReadyError, type StripeObject } from '@/lib/stripe/handlers/types';

// Processing one inbox event: claim its row (FOR UPDATE SKIP LOCKED, so the in-process fast path
// and the poller never run it twice at once), run its handler in the same transaction, mark it
// processed, commit. On error the transaction rolls back (the ledger is untouched) and the event is
// marked failed with its error and the time of the next attempt (exponential backoff), or with no
// next attempt when the error is permanent (InvalidEventError).

export const MAX_ATTEMPTS = Number(process.env.ZORI_STRIPE_MAX_ATTEMPTS ?? 12);
const RETRY_BASE_MS = Number(process.env.ZORI_STRIPE_RETRY_BASE_MS ?? 5_000);
const RETRY_MAX_MS = 6 * 3600_000;

/** 5 s, 10 s, 20 s, … capped at 6 h: with 12 attempts an event keeps being retried for about 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}

type ClaimedRow = {
  id: string;
  projectId: string;
  stripeAccount: string;
  type: string;
  livemode: boolean;
  apiVersion: string | null;
  stripeCreatedAt: Date;
  attempts: number;
  payload?: { type: string; data: { object: StripeObject } };
  reportingCurrency: string;
  identitySalt: string;
  secretKey: string | null;
  connectionAccount: string | null;
  connectionKind: 'self_hosted' | 'connect' | 'app' | null;
  connectionId: string | null;
};

export type ProcessOutcome = { outcome: 'processed' | 'ignored' | 'failed' | 'skipped'; projectId?: string; paymentIds: string[] };

/**
 * Stripe API access for the event's account: the self-hosted key (only for the account it belongs
 * to), or what its OAuth integration gives (Connect: the platform key acting on its behalf with the
 * Stripe-Account header; the Stripe App: the account's own access token, renewed when due).
 */
function apiFor(row: ClaimedRow): () => Promise<Stripe | null> {
  let client: Stripe | null | undefined;
  return async () => {
    if (client !== undefined) return client;
    client = null;
    if ((row.connectionKind === 'connect' || row.connectionKind === 'app') && row.connectionId && row.stripeAccount === row.connectionAccount) {
      client = await integrationFor(row.connectionKind)
        .apiClient({ id: row.connectionId, stripeAccountId: row.stripeAccount })
        .catch((err) => (console.warn(`[zori] no Stripe API access for ${row.stripeAccount}: ${(err as Error).message}`), null));
    } else if (row.secretKey && row.stripeAccount === row.connectionAccount) {
      try {
        client = stripeClient(open(row.secretKey));
      } catch {
        client = null;
      }
    }
    return client;
  };
}

function contextFor(tx: PoolClient, row: ClaimedRow): HandlerContext {
  return {
    tx,
    projectId: row.projectId,
    stripeAccount: row.stripeAccount,
    livemode: row.livemode,
    apiVersion: row.apiVersion,
    eventCreated: row.stripeCreatedAt,
    project: { reportingCurrency: row.reportingCurrency, identitySalt: row.identitySalt },
    stripeApi: apiFor(row),
  };
}

export type InboxJob = { id: string; event?: { type: string; data: { object: StripeObject } } };

/**
 * Runs several due events in one transaction (under load, the worker hands over what queued up
 * meanwhile): one claim, one status update and one commit for all of them. If any handler fails, the
 * whole batch rolls back and each event is run on its own, so one bad event holds back no other.
 */
export async function processInboxBatch(jobs: InboxJob[]): Promise<ProcessOutcome[]> {
  if (jobs.length <= 1) return Promise.all(jobs.map((j) => processInboxEvent(j.id, j.event)));
  const known = new Map(jobs.filter((j) => j.event).map((j) => [j.id, j.event!]));
  const tx = await pool().connect();
  let results: ProcessOutcome[];
  try {
    await tx.query('BEGIN; SET LOCAL synchronous_commit TO OFF');
    const res = await tx.query<ClaimedRow>(
      `SELECT e.id::text, e."projectId", e."stripeAccount", e.type, e.livemode, e."apiVersion", e."stripeCreatedAt", e.attempts,
              CASE WHEN e.id = ANY($3::bigint[]) THEN e.payload END AS payload,
              p."reportingCurrency", p."identitySalt", c."secretKey", c."stripeAccountId" AS "connectionAccount",
              c.kind::text AS "connectionKind", c.id AS "connectionId"
         FROM "StripeEvent" e JOIN "Project" p ON p.id = e."projectId" LEFT JOIN "StripeConnection" c ON c."projectId" = e."projectId"
        WHERE e.id = ANY($1::bigint[]) AND e.status IN ('pending', 'failed') AND e.attempts < $2
        ORDER BY e.id FOR UPDATE OF e SKIP LOCKED`,
      [jobs.map((j) => j.id), MAX_ATTEMPTS, jobs.filter((j) => !j.event).map((j) => j.id)],
    );
    const done: { id: string; status: string; note: string | null }[] = [];
    results = [];
    for (const row of res.rows) {
      const event = known.get(row.id) ?? row.payload;
      if (!event) throw new Error('inbox event without payload');
      const result = await dispatchEvent(contextFor(tx, row), event);
      done.push({ id: row.id, status: result.status, note: result.note ?? null });
      results.push({ outcome: result.status, projectId: row.projectId, paymentIds: result.paymentIds });
    }
    await tx.query(
      `UPDATE "StripeEvent" e SET status = x.s::"StripeEventStatus", attempts = e.attempts + 1, "processedAt" = now(), "lastError" = x.n
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS x(id, s, n) WHERE e.id = x.id`,
      [done.map((d) => d.id), done.map((d) => d.status), done.map((d) => d.note)],
    );
    await tx.query('COMMIT');
  } catch {
    await tx.query('ROLLBACK').catch(() => {});
    tx.release();
    const each: ProcessOutcome[] = [];
    for (const job of jobs) each.push(await processInboxEvent(job.id, job.event));
    return each;
  }
  tx.release();
  return results;
}

/** Runs one event if it is due and not being run elsewhere. `known` skips re-reading the payload. */
export async function processInboxEvent(id: string, known?: { type: string; data: { object: StripeObject } }): Promise<ProcessOutcome> {
  const tx = await pool().connect();
  let claimed: ClaimedRow | undefined;
  try {
    // Not waiting for the commit to reach disk is safe here: if it were lost, the event would still be
    // pending (its status changes in the same transaction) and would simply be processed again.
    await tx.query('BEGIN; SET LOCAL synchronous_commit TO OFF');
    const res = await tx.query<ClaimedRow>(
      `SELECT e.id::text, e."projectId", e."stripeAccount", e.type, e.livemode, e."apiVersion", e."stripeCreatedAt", e.attempts, ${known ? '' : 'e.payload,'}
              p."reportingCurrency", p."identitySalt", c."secretKey", c."stripeAccountId" AS "connectionAccount",
              c.kind::text AS "connectionKind", c.id AS "connectionId"
         FROM "StripeEvent" e JOIN "Project" p ON p.id = e."projectId" LEFT JOIN "StripeConnection" c ON c."projectId" = e."projectId"
        WHERE e.id = $1 AND e.status IN ('pending', 'failed') AND e.attempts < $2
        FOR UPDATE OF e SKIP LOCKED`,
      [id, MAX_ATTEMPTS],
    );
    claimed = res.rows[0];
    if (!claimed) {
      await tx.query('ROLLBACK');
      return { outcome: 'skipped', paymentIds: [] };
    }
    const event = known ?? claimed.payload;
    if (!event) throw new Error('inbox event without payload');
    const result = await dispatchEvent(contextFor(tx, claimed), event);
    // Marked and committed in one round trip (a simple query cannot take parameters: values are escaped).
    const note = result.note ? tx.escapeLiteral(result.note) : 'NULL';
    await tx.query(
      `UPDATE "StripeEvent" SET status = '${result.status}', attempts = attempts + 1, "processedAt" = now(), "lastError" = ${note} WHERE id = ${BigInt(id)}; COMMIT`,
    );
    // The caller refreshes the payments' attribution status (lib/attribution/status) after this commit.
    return { outcome: result.status, projectId: claimed.projectId, paymentIds: result.paymentIds };
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => {});
    if (!claimed) throw err;
    const attempts = claimed.attempts + 1;
    const message = err instanceof Error ? err.message : String(err);
    // A malformed or impossible object fails the same way every time: failed at once, with its
    // reason, and no next attempt (a re-run from Diagnostics can still try it). Anything else (an
    // event before the one it depends on, the database, Stripe's API) may pass later: backoff.
    const permanent = err instanceof InvalidEventError;
    await pool().query(
      `UPDATE "StripeEvent" SET status = 'failed', attempts = $2, "lastError" = $3,
         "nextAttemptAt" = CASE WHEN $5::boolean THEN NULL ELSE now() + make_interval(secs => $4) END WHERE id = $1`,
      [id, attempts, message.slice(0, 2000), retryDelayMs(attempts) / 1000, permanent],
    );
    if (permanent) console.warn(`[zori] stripe event ${id} (${claimed.type}) refused, not retried: ${message}`);
    else if (!(err instanceof NotReadyError)) console.error(`[zori] stripe event ${id} (${claimed.type}) failed, attempt ${attempts}/${MAX_ATTEMPTS}:`, message);
    return { outcome: 'failed', projectId: claimed.projectId, paymentIds: [] };
  } finally {
    tx.release();
  }
}

/** Due events (new, or failed and waiting for their retry), oldest first. */
export async function dueInboxEvents(limit: number): Promise<string[]> {
  const res = await pool().query<{ id: string }>(
    `SELECT id FROM "StripeEvent" WHERE status IN ('pending', 'failed') AND attempts < $1 AND "nextAttemptAt" <= now() ORDER BY "nextAttemptAt", id LIMIT $2`,
    [MAX_ATTEMPTS, limit],
  );
  return res.rows.map((r) => String(r.id));
}
