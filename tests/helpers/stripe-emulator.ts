import { startEmulator, type Emulator } from '@/stripe-emulator/server';

// Test helpers around the local Stripe emulator: start it as Zori's Stripe (by configuration
// only), drive its control API, and click its OAuth consent page the way a browser submits it.

export const PLATFORM_KEY = 'sk_test_zori_platform_integration';
export const CLIENT_ID = 'ca_zoriintegration00000000000';
export const APP_CLIENT_ID = 'ca_zoriappintegration0000000';

export async function startStripe(): Promise<Emulator> {
  const emulator = await startEmulator({ clientId: CLIENT_ID, platformKey: PLATFORM_KEY, appClientId: APP_CLIENT_ID, retryDelaysMs: [50, 100] });
  process.env.STRIPE_API_BASE = emulator.url;
  process.env.STRIPE_CONNECT_BASE = emulator.url;
  process.env.STRIPE_PLATFORM_SECRET_KEY = PLATFORM_KEY;
  process.env.STRIPE_CONNECT_CLIENT_ID = CLIENT_ID;
  process.env.STRIPE_APP_CLIENT_ID = APP_CLIENT_ID;
  process.env.STRIPE_APP_INSTALL_URL = `${emulator.url}/oauth/v2/authorize`;
  return emulator;
}

export async function control<T = any>(emulator: Emulator, path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(JSON.stringify(json));
  return json as T;
}

/** Opens the authorize URL, presses Authorize or Deny, and returns the callback query Stripe redirects with. */
export async function consent(authorizeUrl: string, decision: 'allow' | 'deny', opts: { account?: string; name?: string } = {}): Promise<Record<string, string>> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html}`);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))));
  form.set('account', opts.account ?? 'new');
  form.set('account_name', opts.name ?? 'Test Shop');
  form.set('decision', decision);
  const res = await fetch(new URL('/oauth/authorize/decision', authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent decision answered ${res.status}`);
  return Object.fromEntries(new URL(location).searchParams);
}

/** Opens a Stripe App install link, presses Install app or Deny, and returns the callback query Stripe redirects with. */
export async function install(installUrl: string, decision: 'allow' | 'deny', opts: { account?: string; name?: string } = {}): Promise<Record<string, string>> {
  const page = await fetch(installUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`install page answered ${page.status}: ${html}`);
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))));
  form.set('account', opts.account ?? 'new');
  form.set('account_name', opts.name ?? 'App Shop');
  form.set('decision', decision);
  const action = html.match(/<form method="post" action="([^"]+)"/)![1];
  const res = await fetch(new URL(action, installUrl), { method: 'POST', body: form, redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`install decision answered ${res.status}`);
  return Object.fromEntries(new URL(location).searchParams);
}
