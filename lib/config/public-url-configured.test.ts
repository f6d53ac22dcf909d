import { expect, it } from 'vitest';
import { outboxPageEnabled, readEnv, settlePublicUrl } from './env';

const envOf = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

// Its own file (own process): whether the address was assumed is process-wide state.
it('keeps the outbox page closed on a built app whose public address is configured, even from loopback', () => {
  settlePublicUrl(undefined, envOf({ ZORI_PUBLIC_URL: 'https://zori.example.com' }));
  expect(outboxPageEnabled(readEnv(envOf({ NODE_ENV: 'production', ZORI_PUBLIC_URL: 'https://zori.example.com' })), 'loopback')).toBe(false);
});
