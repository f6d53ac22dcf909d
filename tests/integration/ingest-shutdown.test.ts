import { fork } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { randomToken } from '@/lib/tenancy/tokens';
import { makeTenant } from '../helpers/factories';

// A clean shutdown loses no beacon: the dedicated ingest process (server/ingest-only.ts, the same
// lean routes as server/index.ts) is stopped with SIGTERM while its buffer still holds accepted
// beacons (a 1 s flush interval), and every one of them is in the database afterwards.

const PORT = 1498;

describe('SIGTERM', () => {
  it('flushes every accepted beacon before the process exits', async () => {
    const { project } = await makeTenant();
    const child = fork(path.join(import.meta.dirname, '..', '..', 'server', 'ingest-only.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ZORI_INGEST_FLUSH_MS: '1000' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`ingest process exited with ${code}`)));
    });
    const now = Date.now();
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const res = await fetch(`http://127.0.0.1:${PORT}/ingest`, {
          method: 'POST',
          headers: { origin: 'https://shop.example.test', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36' },
          body: JSON.stringify({ key: project.publishableKey, vid: randomToken(22), sid: randomToken(22), now, events: [{ type: 'pageview', ts: now, path: `/p${i}` }] }),
        });
        return res.status;
      }),
    );
    expect(statuses.every((s) => s === 202)).toBe(true);
    // Nothing written yet while the flush interval has not passed (skipped on a machine too slow to tell).
    const waiting = await prisma().pageview.count({ where: { projectId: project.id } });
    if (performance.now() - started < 800) expect(waiting).toBe(0);
    child.removeAllListeners('exit');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(await prisma().pageview.count({ where: { projectId: project.id } })).toBe(25);
  });
});
