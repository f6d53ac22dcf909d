import { afterEach, describe, expect, it } from 'vitest';
import { useZori } from './index';
import { command, getVisitorId, zori } from './zori';

// No DOM needed: the binding only talks to window.ZoriHQ, which these tests provide as the real
// shapes it has in a page: the pre-load queue (an array), then a loaded API with push().

const g = globalThis as unknown as { window?: { ZoriHQ?: unknown } };
afterEach(() => {
  delete g.window;
});

describe('@zorihq/react', () => {
  it('queues commands on window.ZoriHQ before the tracker loads, in order', () => {
    g.window = {};
    zori.identify({ app_id: 'u1', email: 'a@b.c' });
    zori.track('signup', { plan: 'pro' });
    zori.setConsent({ analytics: true });
    zori.optOut();
    expect(g.window.ZoriHQ).toEqual([
      ['identify', { app_id: 'u1', email: 'a@b.c' }],
      ['track', 'signup', { plan: 'pro' }],
      ['setConsent', { analytics: true }],
      ['optOut'],
    ]);
  });

  it('getVisitorId resolves when the loaded tracker answers the queued request', async () => {
    g.window = {};
    const pending = getVisitorId();
    const queued = g.window.ZoriHQ as [string, (id: string) => void][];
    expect(queued[0][0]).toBe('getVisitorId');
    queued[0][1]('visitor-abc'); // what the tracker does with a queued getVisitorId on load
    await expect(pending).resolves.toBe('visitor-abc');
  });

  it('hands commands to the loaded tracker through push()', async () => {
    const received: unknown[] = [];
    g.window = { ZoriHQ: { push: (cmd: unknown[]) => (received.push(cmd), cmd[0] === 'getVisitorId' && (cmd[1] as (id: string) => void)('vid-1')) } };
    command(['track', 'x']);
    await expect(getVisitorId()).resolves.toBe('vid-1');
    expect(received[0]).toEqual(['track', 'x']);
  });

  it('is inert on the server: no window, commands dropped, getVisitorId rejects', async () => {
    expect(() => zori.track('x')).not.toThrow();
    await expect(getVisitorId()).rejects.toThrow('browser only');
  });

  it('useZori returns the same stable functions every render', () => {
    expect(useZori()).toBe(useZori());
    expect(typeof useZori().getVisitorId).toBe('function');
  });
});
