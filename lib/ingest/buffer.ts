import type { BeaconRows } from './rows';

// Beacons are acknowledged as soon as they are validated and queued here; the buffer writes them
// in one batch at most every `intervalMs` (sooner once `flushAtRows` rows wait), one flush at a
// time. A crash loses at most what waits here (one interval); a clean shutdown flushes it all.
// A failed write keeps its rows for the next flush; past `maxPendingRows` new beacons are refused
// (the endpoint answers 503) rather than growing without bound while the database is away.

export type BufferOptions = { intervalMs: number; flushAtRows: number; maxPendingRows: number };
export type WriteBatch = (batch: BeaconRows) => Promise<void>;

const empty = (): BeaconRows => ({ visitors: [], touches: [], pageviews: [], events: [] });
const size = (b: BeaconRows) => b.visitors.length + b.touches.length + b.pageviews.length + b.events.length;

export class IngestBuffer {
  private pending = empty();
  private pendingRows = 0;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The last write failed: wait a full interval before the next try instead of retrying at once. */
  private failing = false;

  constructor(
    private readonly write: WriteBatch,
    private readonly options: BufferOptions,
  ) {}

  /** Queues a beacon's rows; false when the buffer is full or shut down (the caller answers 503). */
  add(rows: BeaconRows): boolean {
    const n = size(rows);
    if (this.closed || this.pendingRows + n > this.options.maxPendingRows) return false;
    this.pending.visitors.push(...rows.visitors);
    this.pending.touches.push(...rows.touches);
    this.pending.pageviews.push(...rows.pageviews);
    this.pending.events.push(...rows.events);
    this.pendingRows += n;
    this.schedule();
    return true;
  }

  /** A full buffer flushes now (unless a flush runs: its end reschedules); otherwise within the interval. */
  private schedule(): void {
    if (this.running || this.closed) return;
    if (this.pendingRows >= this.options.flushAtRows && !this.failing) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flushSoon(), 0).unref();
    } else if (this.pendingRows > 0) {
      this.timer ??= setTimeout(() => void this.flushSoon(), this.options.intervalMs).unref();
    }
  }

  get pendingCount(): number {
    return this.pendingRows;
  }

  private async flushSoon(): Promise<void> {
    try {
      await this.flush();
    } catch (err) {
      console.error('[zori] ingest flush failed; rows kept for the next flush', err);
    }
  }

  /** Writes everything queued so far (waits for a flush already running first). */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => {});
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingRows === 0) return;
    const batch = this.pending;
    const n = this.pendingRows;
    this.pending = empty();
    this.pendingRows = 0;
    this.running = this.write(batch)
      .then(() => {
        this.failing = false;
      })
      .catch((err) => {
        this.failing = true;
        // Put the rows back in front of anything queued meanwhile; they are retried next time.
        this.pending = {
          visitors: [...batch.visitors, ...this.pending.visitors],
          touches: [...batch.touches, ...this.pending.touches],
          pageviews: [...batch.pageviews, ...this.pending.pageviews],
          events: [...batch.events, ...this.pending.events],
        };
        this.pendingRows += n;
        throw err;
      })
      .finally(() => {
        this.running = null;
        this.schedule();
      });
    await this.running;
  }

  /** Stops taking beacons and writes what is queued (SIGTERM). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
