import { onShutdown } from '@/lib/runtime/shutdown';
import { IngestBuffer } from './buffer';
import { writeBatch } from './write';

// The process's one ingest buffer. The interval bounds what a crash can lose (ZORI_INGEST_FLUSH_MS,
// default 250 ms, at most 1 s); SIGTERM flushes everything through the shutdown hook.

const g = globalThis as unknown as { __zoriIngestBuffer?: IngestBuffer };

export function ingestBuffer(): IngestBuffer {
  if (!g.__zoriIngestBuffer) {
    const intervalMs = Math.min(Math.max(Number(process.env.ZORI_INGEST_FLUSH_MS ?? 250), 10), 1000);
    const buffer = new IngestBuffer(writeBatch, { intervalMs, flushAtRows: 5_000, maxPendingRows: 200_000 });
    g.__zoriIngestBuffer = buffer;
    onShutdown(
      'ingest-buffer',
      async () => {
        await buffer.close();
        if (g.__zoriIngestBuffer === buffer) g.__zoriIngestBuffer = undefined;
      },
      () => `the last beacon write had not finished (${buffer.pendingCount} more rows waiting): those beacons are not stored`,
    );
  }
  return g.__zoriIngestBuffer;
}
