import { describe, expect, it } from 'vitest';
import { IngestBuffer } from './buffer';
import type { BeaconRows } from './rows';

const pv = (path: string): BeaconRows => ({
  visitors: [],
  touches: [],
  events: [],
  pageviews: [{ projectId: 'p', visitorId: 'v', sessionId: 's', occurredAt: new Date(), path, referrerDomain: null, country: null }],
});
const paths = (batches: BeaconRows[]) => batches.map((b) => b.pageviews.map((p) => p.path));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('IngestBuffer', () => {
  it('writes queued rows in one batch after the interval', async () => {
    const written: BeaconRows[] = [];
    const buffer = new IngestBuffer(async (b) => void written.push(b), { intervalMs: 30, flushAtRows: 100, maxPendingRows: 1000 });
    buffer.add(pv('/a'));
    buffer.add(pv('/b'));
    expect(written).toEqual([]);
    await sleep(80);
    expect(paths(written)).toEqual([['/a', '/b']]);
    expect(buffer.pendingCount).toBe(0);
  });

  it('flushes at once when enough rows wait', async () => {
    const written: BeaconRows[] = [];
    const buffer = new IngestBuffer(async (b) => void written.push(b), { intervalMs: 10_000, flushAtRows: 2, maxPendingRows: 1000 });
    buffer.add(pv('/a'));
    buffer.add(pv('/b'));
    await sleep(20);
    expect(paths(written)).toEqual([['/a', '/b']]);
  });

  it('keeps the rows of a failed write and writes them, in order, with the next flush', async () => {
    const written: BeaconRows[] = [];
    let fail = true;
    const buffer = new IngestBuffer(
      async (b) => {
        if (fail) throw new Error('database away');
        written.push(b);
      },
      { intervalMs: 10_000, flushAtRows: 1000, maxPendingRows: 1000 },
    );
    buffer.add(pv('/a'));
    await expect(buffer.flush()).rejects.toThrow('database away');
    buffer.add(pv('/b'));
    fail = false;
    await buffer.flush();
    expect(paths(written)).toEqual([['/a', '/b']]);
  });

  it('refuses beacons past the pending limit and after close, and close writes what waits', async () => {
    const written: BeaconRows[] = [];
    const buffer = new IngestBuffer(async (b) => void written.push(b), { intervalMs: 10_000, flushAtRows: 1000, maxPendingRows: 2 });
    expect(buffer.add(pv('/a'))).toBe(true);
    expect(buffer.add(pv('/b'))).toBe(true);
    expect(buffer.add(pv('/c'))).toBe(false);
    await buffer.close();
    expect(paths(written)).toEqual([['/a', '/b']]);
    expect(buffer.add(pv('/d'))).toBe(false);
  });

  it('runs one write at a time', async () => {
    let active = 0;
    let maxActive = 0;
    const buffer = new IngestBuffer(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(20);
        active--;
      },
      { intervalMs: 5, flushAtRows: 1, maxPendingRows: 1000 },
    );
    for (let i = 0; i < 5; i++) {
      buffer.add(pv(`/${i}`));
      await sleep(3);
    }
    await buffer.flush();
    expect(maxActive).toBe(1);
    expect(buffer.pendingCount).toBe(0);
  });
});
