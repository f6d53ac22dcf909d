import { onShutdown } from '@/lib/runtime/shutdown';
import type { StripeObject } from '@/lib/stripe/handlers/types';
import { dueInboxEvents, processInboxEvent } from './process';

// The in-process inbox worker. A stored event is queued right after its insert commits (the fast
// path); a poll every few seconds also picks up events that are due: ones a crash left pending, and
// failed ones whose backoff has passed. Nothing is lost if the process dies between storing and
// processing: the row is still pending and the next poll (or the next start) runs it.

type Job = { id: string; event?: { type: string; data: { object: StripeObject } } };

export class InboxWorker {
  private queue: Job[] = [];
  private known = new Set<string>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private waiters: (() => void)[] = [];
  private polling = false;

  constructor(
    readonly concurrency = Number(process.env.ZORI_STRIPE_WORKER_CONCURRENCY ?? 4),
    readonly pollMs = Number(process.env.ZORI_STRIPE_POLL_MS ?? 2_000),
  ) {}

  /** Starts polling (also runs one poll now, which picks up whatever a previous run left). */
  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
    void this.poll();
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.queue = [];
    await this.idle();
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

  /** Queues every due event now. */
  async poll(): Promise<void> {
    if (this.polling || !process.env.DATABASE_URL) return; // the embedded database may still be starting
    this.polling = true;
    try {
      for (const id of await dueInboxEvents(500)) this.enqueue(id);
    } catch (err) {
      console.error('[zori] stripe inbox poll failed', err);
    } finally {
      this.polling = false;
    }
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.active++;
      processInboxEvent(job.id, job.event)
        .catch((err) => console.error(`[zori] stripe event ${job.id} could not be run`, err))
        .finally(() => {
          this.active--;
          this.known.delete(job.id);
          this.pump();
          if (this.active === 0 && this.queue.length === 0) for (const w of this.waiters.splice(0)) w();
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
    onShutdown('stripe-inbox', () => worker.stop());
  }
  return g.__zoriInboxWorker;
}
