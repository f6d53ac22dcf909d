import { describe, expect, it } from 'vitest';
import { outboxPageEnabled, readEnv, settlePublicUrl } from './env';

const envOf = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

// With nothing configured, every link must use the address Zori serves: next-auth v4 falls back to
// http://localhost:3000 when NEXTAUTH_URL is unset, so Zori fills it before next-auth loads.

describe('settlePublicUrl', () => {
  it('derives both URLs from PORT when neither is set, and says what it assumed', () => {
    const env = envOf({ PORT: '2421' });
    const said = settlePublicUrl(undefined, env);
    expect([env.ZORI_PUBLIC_URL, env.NEXTAUTH_URL]).toEqual(['http://localhost:2421', 'http://localhost:2421']);
    expect(said).toMatch(/ZORI_PUBLIC_URL is not set: .* use http:\/\/localhost:2421/);
  });

  it('uses the default port, a named HOST, or the address the CLI was given (the running server)', () => {
    const plain = envOf({});
    settlePublicUrl(undefined, plain);
    expect(plain.NEXTAUTH_URL).toBe('http://localhost:1323');
    const host = envOf({ HOST: '192.0.2.7', PORT: '8080' });
    settlePublicUrl(undefined, host);
    expect(host.NEXTAUTH_URL).toBe('http://192.0.2.7:8080');
    const v6 = envOf({ HOST: '::', PORT: '8080' });
    settlePublicUrl(undefined, v6);
    expect(v6.NEXTAUTH_URL).toBe('http://localhost:8080');
    const cli = envOf({});
    settlePublicUrl('http://localhost:2421', cli);
    expect([cli.ZORI_PUBLIC_URL, cli.NEXTAUTH_URL]).toEqual(['http://localhost:2421', 'http://localhost:2421']);
  });

  it('makes the unset one follow the one that is configured, and says nothing', () => {
    const pub = envOf({ ZORI_PUBLIC_URL: 'https://zori.example.com/', PORT: '2421' });
    expect(settlePublicUrl(undefined, pub)).toBeUndefined();
    expect(pub.NEXTAUTH_URL).toBe('https://zori.example.com');
    const auth = envOf({ NEXTAUTH_URL: 'https://auth.example.com' });
    settlePublicUrl('http://localhost:9', auth);
    expect(auth.ZORI_PUBLIC_URL).toBe('https://auth.example.com');
    const both = envOf({ ZORI_PUBLIC_URL: 'https://a.example.com', NEXTAUTH_URL: 'https://b.example.com' });
    settlePublicUrl(undefined, both);
    expect([both.ZORI_PUBLIC_URL, both.NEXTAUTH_URL]).toEqual(['https://a.example.com', 'https://b.example.com']);
  });
});

describe('the outbox page (working sign-in links for any address)', () => {
  const prod = (extra: Record<string, string> = {}) => readEnv(envOf({ NODE_ENV: 'production', ...extra }));

  it('shows on a built app to a browser on this machine when no public address was configured', () => {
    settlePublicUrl(undefined, envOf({ PORT: '2421' })); // marks the address as assumed
    expect(outboxPageEnabled(prod(), 'loopback')).toBe(true);
    expect(outboxPageEnabled(prod(), 'remote')).toBe(false);
    expect(outboxPageEnabled(prod({ SMTP_URL: 'smtp://mail.example.com' }), 'loopback')).toBe(false);
  });

  it('shows anywhere in development or with ZORI_DEV_OUTBOX=1, never with SMTP', () => {
    expect(outboxPageEnabled(readEnv(envOf({ NODE_ENV: 'development' })), 'remote')).toBe(true);
    expect(outboxPageEnabled(prod({ ZORI_DEV_OUTBOX: '1' }), 'remote')).toBe(true);
    expect(outboxPageEnabled(prod({ ZORI_DEV_OUTBOX: '1', SMTP_URL: 'smtp://mail.example.com' }), 'remote')).toBe(false);
  });
});
