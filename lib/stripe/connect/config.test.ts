import { describe, expect, it } from 'vitest';
import { connectConfig, connectEnabled, sdkHostOptions } from './config';
import { authorizeUrl } from './oauth-client';

describe('Connect configuration', () => {
  const env = { STRIPE_PLATFORM_SECRET_KEY: 'sk_test_abc123', STRIPE_CONNECT_CLIENT_ID: 'ca_abc123' } as unknown as NodeJS.ProcessEnv;

  it('defaults to Stripe’s own hosts and turns base URLs into SDK host options', () => {
    const c = connectConfig(env);
    expect(c).toMatchObject({ apiBase: 'https://api.stripe.com', connectBase: 'https://connect.stripe.com' });
    expect(sdkHostOptions(c.apiBase)).toEqual({ host: 'api.stripe.com', port: 443, protocol: 'https' });
    expect(sdkHostOptions('http://127.0.0.1:12111/')).toEqual({ host: '127.0.0.1', port: 12111, protocol: 'http' });
  });

  it('is off without a platform key or client id, and rejects malformed values', () => {
    expect(connectEnabled({} as unknown as NodeJS.ProcessEnv)).toBe(false);
    expect(connectEnabled(env)).toBe(true);
    expect(() => connectConfig({} as unknown as NodeJS.ProcessEnv)).toThrow(/STRIPE_PLATFORM_SECRET_KEY and STRIPE_CONNECT_CLIENT_ID/);
    expect(() => connectConfig({ ...env, STRIPE_CONNECT_CLIENT_ID: 'abc' })).toThrow(/ca_/);
    expect(() => connectConfig({ ...env, STRIPE_API_BASE: 'not a url' })).toThrow(/STRIPE_API_BASE/);
  });

  it('builds the authorize URL on the Connect base with read-only scope', () => {
    const url = new URL(authorizeUrl({ state: 's.1.m', redirectUri: 'https://zori.example/api/stripe/connect/callback', email: 'a@b.c' }, connectConfig({ ...env, STRIPE_CONNECT_BASE: 'http://127.0.0.1:9' })));
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'ca_abc123',
      scope: 'read_only',
      redirect_uri: 'https://zori.example/api/stripe/connect/callback',
      state: 's.1.m',
      'stripe_user[email]': 'a@b.c',
    });
  });
});
