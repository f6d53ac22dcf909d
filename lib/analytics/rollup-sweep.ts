import { onShutdown } from '@/lib/runtime/shutdown';
import { rebuildDirtyCredits } from './credits/rebuild';
import { buildAllRevenueRollups } from './revenue-rollup/build';
import { buildAllVisitorRollups } from './visitor-rollup/build';

// The rollup job. The ingest and Stripe paths rebuild the revenue credits of what they wrote right
// away; this pass catches what they could not (a crash between commit and rebuild, a payment
// locked at the time, a later payment of the same customer, rows from a migration) and builds the
// day rollups (visitors, daily revenue) for days that have ended or that late data made stale.

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | null = null;

export async function runRollupSweep(): Promise<{ payments: number; days: number }> {
  const payments = await rebuildDirtyCredits();
  const days = (await buildAllVisitorRollups()) + (await buildAllRevenueRollups());
  return { payments, days };
}

/** Started by the server once migrations have run. */
export function startRollupSweep(intervalMs = Number(process.env.ZORI_ROLLUP_SWEEP_MS ?? 5_000)): void {
  if (timer) return;
  timer = setInterval(() => {
    if (running) return;
    running = runRollupSweep()
      .catch((err) => console.error('[zori] rollup sweep failed', err))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  onShutdown(
    'rollup sweep',
    async () => {
      clearInterval(timer);
      await running;
    },
    () => (running ? 'a rollup sweep was running: what it had not done stays marked, and the next start does it' : undefined),
  );
}
