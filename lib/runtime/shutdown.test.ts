import { expect, it } from 'vitest';
import { onShutdown, runShutdownHooks } from './shutdown';

it('runs the hooks together and, at the deadline, gives up on those still running and says what they leave', async () => {
  const order: string[] = [];
  onShutdown('quick', async () => {
    await new Promise((r) => setTimeout(r, 20));
    order.push('quick');
  });
  onShutdown('failing', async () => {
    throw new Error('boom');
  });
  onShutdown('stuck', () => new Promise(() => {}), () => '3 events stay pending');
  const t0 = Date.now();
  const report = await runShutdownHooks(Date.now() + 300);
  expect(Date.now() - t0).toBeLessThan(2_000);
  expect(order).toEqual(['quick']);
  expect(report.finished.sort()).toEqual(['failing', 'quick']);
  expect(report.abandoned).toEqual([{ name: 'stuck', left: '3 events stay pending' }]);
  // Each hook runs once.
  expect(await runShutdownHooks(Date.now() + 10)).toEqual({ finished: [], abandoned: [] });
});
