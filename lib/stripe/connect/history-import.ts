import Stripe from 'stripe';
import { DomainError, type ProjectScope } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import type { StripeImportJob } from '@/lib/generated/prisma/client';
import { appIntegration } from '@/lib/stripe/integrations/stripe-app';
import { renewAppAccessToken } from '@/lib/stripe/app/access-tokens';
import { receiveVerifiedEvent } from '@/lib/stripe/webhooks/receive';
import { type ConnectConfig, platformConfig, platformStripe } from './config';

// Import of a newly connected account's last 90 days, through the API with the platform key on
// behalf of the account (Stripe-Account), or for a Stripe App install with the account's own access
// token (renewed before it expires, and once more if Stripe says it has expired). Each object read becomes the event that would have told
// Zori about it (id `evt_import_<object id>`), handed to ingestion like a webhook event: the inbox
// deduplicates re-runs on that id, and the ledger keys payments on the PaymentIntent/Charge, so an
// object seen by both the import and a webhook is counted once. Pages are 100 objects, newest first;
// after each page the phase and cursor (`starting_after`) are saved, so an interrupted import
// resumes where it stopped. 429s and network errors back off exponentially.

export const IMPORT_DAYS = 90;
const PAGE_SIZE = 100;
/** A running job whose heartbeat is older than this was interrupted (process died); it may be resumed. */
export const STALE_AFTER_MS = 60_000;

type Phase = { label: string; eventType: string; list: (s: Stripe, p: Stripe.PaginationParams & { created: { gte: number } }, o: Stripe.RequestOptions) => Promise<Stripe.ApiList<any>>; keep: (o: any) => boolean };

// Checkout sessions first: their metadata is the only place a Checkout payment's visitor id lives.
export const PHASES: Phase[] = [
  { label: 'checkout sessions', eventType: 'checkout.session.completed', list: (s, p, o) => s.checkout.sessions.list({ ...p, status: 'complete' }, o), keep: () => true },
  { label: 'charges', eventType: 'charge.succeeded', list: (s, p, o) => s.charges.list(p, o), keep: (c: Stripe.Charge) => c.status === 'succeeded' && c.paid },
  { label: 'invoice payments', eventType: 'invoice_payment.paid', list: (s, p, o) => s.invoicePayments.list({ ...p, status: 'paid' } as Stripe.InvoicePaymentListParams, o), keep: () => true },
  { label: 'invoices', eventType: 'invoice.paid', list: (s, p, o) => s.invoices.list({ ...p, status: 'paid' }, o), keep: () => true },
  { label: 'refunds', eventType: 'refund.created', list: (s, p, o) => s.refunds.list(p, o), keep: () => true },
];

export type ImportOptions = { config?: ConnectConfig; baseDelayMs?: number; maxRetries?: number };

export type ImportView = {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: number;
  imported: number;
  phase: string;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
};

const running = new Map<string, Promise<void>>();

function syntheticEvent(type: string, object: { id: string; created: number; livemode?: boolean }, account: string, livemode: boolean): Stripe.Event {
  return {
    id: `evt_import_${object.id}`,
    object: 'event',
    account,
    api_version: Stripe.API_VERSION,
    created: object.created,
    data: { object },
    // Refunds carry no livemode of their own; the connection's mode is theirs.
    livemode: object.livemode ?? livemode,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withBackoff<T>(fn: () => Promise<T>, baseDelayMs: number, maxRetries: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const retryable = err instanceof Stripe.errors.StripeRateLimitError || err instanceof Stripe.errors.StripeConnectionError || (err instanceof Stripe.errors.StripeAPIError && (err.statusCode ?? 500) >= 500);
      if (!retryable || attempt >= maxRetries) throw err;
      await sleep(baseDelayMs * 2 ** attempt);
    }
  }
}

async function runJob(job: StripeImportJob, opts: ImportOptions): Promise<void> {
  const since = Math.floor(job.since.getTime() / 1000);
  let { phase, cursor } = job;
  const connection = await prisma().stripeConnection.findUnique({ where: { projectId: job.projectId }, select: { id: true, kind: true, livemode: true } });
  const livemode = connection?.livemode ?? false;
  const platform = connection?.kind === 'app' ? null : platformStripe(opts.config ?? platformConfig());
  /** The client for the next page: asked each time, so an App token that is due is renewed first. */
  const api = async (): Promise<{ stripe: Stripe; options: Stripe.RequestOptions }> => {
    if (platform) return { stripe: platform, options: { stripeAccount: job.stripeAccount } };
    const stripe = await appIntegration.apiClient({ id: connection!.id, stripeAccountId: job.stripeAccount });
    if (!stripe) throw new Stripe.errors.StripePermissionError({ message: 'Zori no longer has access to this Stripe account.' });
    return { stripe, options: {} };
  };
  const listPage = async (p: Phase) => {
    const params = { limit: PAGE_SIZE, created: { gte: since }, ...(cursor ? { starting_after: cursor } : {}) };
    const { stripe, options } = await api();
    try {
      return await p.list(stripe, params, options);
    } catch (err) {
      // An App token Stripe says has expired (early, or a clock apart): renew it once and ask again.
      if (!platform && err instanceof Stripe.errors.StripeAuthenticationError && (await renewAppAccessToken(connection!.id, { force: true }))) {
        const again = await api();
        return p.list(again.stripe, params, again.options);
      }
      throw err;
    }
  };
  try {
    while (phase < PHASES.length) {
      const p = PHASES[phase];
      const page = await withBackoff(() => listPage(p), opts.baseDelayMs ?? 1000, opts.maxRetries ?? 6);
      let imported = 0;
      for (const object of page.data) {
        if (!p.keep(object)) continue;
        const stored = await receiveVerifiedEvent(job.projectId, job.stripeAccount, syntheticEvent(p.eventType, object, job.stripeAccount, livemode));
        if (stored.status !== 200) throw new Error(`Imported ${p.eventType} ${object.id} was refused: ${String(stored.body.error)}`);
        imported++;
      }
      const last = page.data[page.data.length - 1];
      const done = !page.has_more || !last;
      cursor = done ? null : last.id;
      const reached = last ? new Date(last.created * 1000) : null;
      if (done) phase += 1;
      await prisma().stripeImportJob.update({
        where: { id: job.id },
        data: { phase, cursor, imported: { increment: imported }, pages: { increment: 1 }, heartbeatAt: new Date(), phaseReachedAt: done ? null : reached, lastError: null },
      });
    }
    await prisma().stripeImportJob.update({ where: { id: job.id }, data: { status: 'done', finishedAt: new Date(), heartbeatAt: new Date() } });
  } catch (err) {
    const message =
      err instanceof Stripe.errors.StripePermissionError || err instanceof Stripe.errors.StripeAuthenticationError
        ? 'Zori no longer has access to this Stripe account.'
        : `Import stopped: ${(err as Error).message}`;
    console.error(`[zori] stripe import ${job.id} failed:`, (err as Error).message);
    await prisma().stripeImportJob.update({ where: { id: job.id }, data: { status: 'failed', lastError: message, heartbeatAt: new Date() } });
  }
}

/** Runs (or resumes, from its saved phase and cursor) an import job; one runner per job per process. */
export function runImport(jobId: string, opts: ImportOptions = {}): Promise<void> {
  const existing = running.get(jobId);
  if (existing) return existing;
  const run = (async () => {
    const job = await prisma().stripeImportJob.findUnique({ where: { id: jobId } });
    if (!job || job.status === 'done') return;
    await prisma().stripeImportJob.update({ where: { id: jobId }, data: { status: 'running', heartbeatAt: new Date(), lastError: null } });
    await runJob(job, opts);
  })().finally(() => running.delete(jobId));
  running.set(jobId, run);
  return run;
}

/**
 * The import to run for the project's connected account: the unfinished one (running, interrupted or
 * failed — it resumes from its cursor), else a new one over the last 90 days. Run it with runImport.
 */
export async function startImport(scope: ProjectScope, now = new Date()): Promise<StripeImportJob> {
  const c = await prisma().stripeConnection.findUnique({ where: { projectId: scope.projectId } });
  if (!c || (c.kind !== 'connect' && c.kind !== 'app') || c.status !== 'active' || !c.stripeAccountId) throw new DomainError('Connect a Stripe account first.', 409);
  const latest = await prisma().stripeImportJob.findFirst({ where: { projectId: scope.projectId }, orderBy: { startedAt: 'desc' } });
  if (latest && latest.status !== 'done' && latest.stripeAccount === c.stripeAccountId) return latest;
  return prisma().stripeImportJob.create({
    data: { projectId: scope.projectId, stripeAccount: c.stripeAccountId, since: new Date(now.getTime() - IMPORT_DAYS * 86400_000), startedById: scope.actor.kind === 'user' ? scope.actor.userId : null },
  });
}

function progressOf(job: StripeImportJob, now: Date): number {
  if (job.status === 'done') return 1;
  const span = now.getTime() - job.since.getTime();
  // Within a phase, objects come newest first: how far back we got is how far along we are.
  const within = job.phaseReachedAt && span > 0 ? Math.min(1, Math.max(0, (now.getTime() - job.phaseReachedAt.getTime()) / span)) : 0;
  return Math.min(1, (job.phase + within) / PHASES.length);
}

/** The latest import for the page; an interrupted one (stale heartbeat) is resumed. */
export async function importStatus(scope: ProjectScope, opts: ImportOptions = {}, now = new Date()): Promise<ImportView | null> {
  const job = await prisma().stripeImportJob.findFirst({ where: { projectId: scope.projectId }, orderBy: { startedAt: 'desc' } });
  if (!job) return null;
  if (job.status === 'running' && now.getTime() - job.heartbeatAt.getTime() >= STALE_AFTER_MS && !running.has(job.id)) void runImport(job.id, opts);
  return {
    id: job.id,
    status: job.status,
    progress: progressOf(job, now),
    imported: job.imported,
    phase: PHASES[Math.min(job.phase, PHASES.length - 1)].label,
    error: job.lastError,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
