import { refreshPaymentAttribution } from '@/lib/attribution/status';
import { rebuildCredits } from '@/lib/analytics/credits/rebuild';
import { onShutdown } from '@/lib/runtime/shutdown';
import { dueInboxEvents, type InboxJob, processInboxBatch } from './process';

// The in-process inbox worker. A stored event is queued right after its insert commits (the fast
// path); a poll every few seconds also picks up events that are due: ones a crash left pending, and
// failed ones whose backoff has passed. Nothing is lost if the process dies between storing and
// processing: the row is still pending and the next poll (or the next start) runs it.
// Payments written by processed events get their attribution status refreshed in batches (one
// statement per project for everything processed meanwhile), after their transactions commit.

type Job = InboxJob;
const BATCH = Number(process.env.ZORI_STRIPE_BATCH ?? 50);

export class InboxWorker {
  private queue: Job[] = [];
  private known = new Set<string>();
  private active = 0;
  private activeJobs = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: (() => void)[] = [];
  private polling: Promise<void> | null = null;
  private written = new Map<string, Set<string>>();
  private refreshing: Promise<void> | null = null;

  constructor(
    readonly concurrency = Number(process.env.ZORI_STRIPE_WORKER_CONCURRENCY ?? 8),
    readonly pollMs = Number(process.env.ZORI_STRIPE_POLL_MS ?? 2_000),
  ) {}

  /**
   * Starts polling (the server calls it once migrations have run). The first poll, one interval
   * later, picks up whatever a previous run left pending.
   */
  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => void this.pollOnce(), this.pollMs);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.queue = [];
    await this.idle();
  }

  /** For the shutdown log when stopping is cut off: what is still in hand (all of it stays in the database). */
  leftBehind(): string | undefined {
    const parts = [];
    if (this.activeJobs + this.queue.length) parts.push(`${this.activeJobs + this.queue.length} Stripe events in progress stay pending in the database and run at the next start`);
    if (this.refreshing || this.written.size) parts.push('attribution refresh of processed payments not finished (the rollup sweep redoes it)');
    return parts.join('; ') || undefined;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  enqueue(id: string, event?: Job['event']): void {
    if (this.known.has(id)) return;
    this.known.add(id);
    this.queue.push({ id, event });
    this.pump();
  }

  /**
   * Queues every due event now. A poll already running may have looked before the caller's
   * change, so this one waits for it and looks again (the timer just skips a busy tick).
   */
  async poll(): Promise<void> {
    while (this.polling) await this.polling;
    await this.pollOnce();
  }

  private pollOnce(): Promise<void> {
    if (this.polling) return this.polling;
    this.polling = (async () => {
      try {
        for (const id of await dueInboxEvents(500)) this.enqueue(id);
      } catch (err) {
        console.error('[zori] stripe inbox poll failed', err);
      }
    })().finally(() => (this.polling = null));
    return this.polling;
  }

  /** Resolves when nothing is queued, running or waiting for its attribution refresh. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.active === 0 && this.queue.length === 0 && this.refreshing === null && this.written.size === 0;
  }

  private settle(): void {
    if (this.isIdle()) for (const w of this.waiters.splice(0)) w();
  }

  /** One refresh at a time; payments written meanwhile wait for the next one. */
  private refreshAttribution(): void {
    if (this.refreshing || this.written.size === 0) return;
    const batch = this.written;
    this.written = new Map();
    this.refreshing = (async () => {
      for (const [projectId, ids] of batch) {
        await refreshPaymentAttribution(projectId, [...ids]).catch((err) => console.error('[zori] attribution refresh failed', err));
        // Payments left dirty here (a failure, a lock) are picked up by the credits sweep.
        await rebuildCredits(projectId, [...ids]).catch((err) => console.error('[zori] revenue credits rebuild failed', err));
      }
    })().finally(() => {
      this.refreshing = null;
      this.refreshAttribution();
      this.settle();
    });
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      // Under load, what queued up meanwhile goes in one transaction (see processInboxBatch).
      const jobs = this.queue.splice(0, BATCH);
      this.active++;
      this.activeJobs += jobs.length;
      processInboxBatch(jobs)
        .then((results) => {
          for (const r of results) {
            if (!r.projectId || r.paymentIds.length === 0) continue;
            const set = this.written.get(r.projectId) ?? new Set<string>();
            for (const id of r.paymentIds) set.add(id);
            this.written.set(r.projectId, set);
          }
          this.refreshAttribution();
        })
        .catch((err) => console.error('[zori] stripe events could not be run', err))
        .finally(() => {
          this.active--;
          this.activeJobs -= jobs.length;
          for (const job of jobs) this.known.delete(job.id);
          this.pump();
          this.settle();
        });
    }
  }

}

const g = globalThis as unknown as { __zoriInboxWorker?: InboxWorker };

/** The process's worker (shared by the lean server and Next's copy of lib/). */
export function inboxWorker(): InboxWorker {
  if (!g.__zoriInboxWorker) {
    const worker = new InboxWorker();
    g.__zoriInboxWorker = worker;
    onShutdown('stripe-inbox', () => worker.stop(), () => worker.leftBehind());
  }
  return g.__zoriInboxWorker;
}
