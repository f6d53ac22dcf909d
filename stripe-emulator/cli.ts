// The Stripe emulator's command line.
//   npm run stripe:emulator -- --port 12111 [--state-file f.json] [--client-id ca_…] [--platform-key sk_test_…]
//   npm run stripe:emulator -- pay --account acct_… --amount 49.00 --currency eur --visitor zv_… [--mode payment|checkout|subscription|checkout_subscription] [--email a@b.c]
//   npm run stripe:emulator -- renew sub_…    |  refund ch_… [--amount 10.00]  |  deauthorize acct_…  |  account --name "Shop"  |  state
// Commands talk to a running emulator at --emulator (default http://127.0.0.1:12111).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startEmulator } from './server';

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** "49.00" EUR → 4900; "500" JPY → 500; "1.250" KWD → 1250. */
export function toMinorUnits(amount: string, currency: string): number {
  const c = currency.toLowerCase();
  const exponent = ZERO_DECIMAL.has(c) ? 0 : THREE_DECIMAL.has(c) ? 3 : 2;
  if (!/^\d+(\.\d+)?$/.test(amount)) throw new Error(`--amount must be a number like 49.00, got "${amount}"`);
  const [whole, frac = ''] = amount.split('.');
  if (frac.length > exponent) throw new Error(`${currency.toUpperCase()} has ${exponent} decimals; "${amount}" has more`);
  return Number(whole) * 10 ** exponent + Number(frac.padEnd(exponent, '0') || '0');
}

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  'state-file': { type: 'string' },
  'client-id': { type: 'string' },
  'platform-key': { type: 'string' },
  'app-client-id': { type: 'string' },
  'access-token-ttl': { type: 'string' },
  'retry-delays': { type: 'string' },
  emulator: { type: 'string' },
  account: { type: 'string' },
  amount: { type: 'string' },
  currency: { type: 'string' },
  visitor: { type: 'string' },
  mode: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  'secret-key': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

async function call(base: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(json)}`);
  return json;
}

async function main() {
  const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
  const [command = 'serve', target] = positionals;
  const base = (values.emulator ?? 'http://127.0.0.1:12111').replace(/\/$/, '');
  const need = (v: string | undefined, flag: string) => {
    if (!v) throw new Error(`${command} needs ${flag}`);
    return v;
  };
  switch (command) {
    case 'serve': {
      const port = z.coerce.number().int().min(0).max(65535).parse(values.port ?? '12111');
      const delays = values['retry-delays'] ? values['retry-delays'].split(',').map((d) => z.coerce.number().int().min(0).parse(d)) : undefined;
      const emulator = await startEmulator({
        port,
        host: values.host,
        stateFile: values['state-file'],
        clientId: values['client-id'],
        platformKey: values['platform-key'],
        appClientId: values['app-client-id'],
        accessTokenTtlSeconds: values['access-token-ttl'] ? z.coerce.number().int().positive().parse(values['access-token-ttl']) : undefined,
        retryDelaysMs: delays,
        acceptAnyKey: true,
        log: values.quiet ? undefined : (line) => console.log(`[stripe-emulator] ${line}`),
      });
      const p = emulator.state.data.platform;
      console.log(`[stripe-emulator] listening on ${emulator.url} (platform ${p.accountId}, client_id ${p.clientId}, key ${p.secretKey})`);
      const stop = () => void emulator.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    case 'pay': {
      const currency = values.currency ?? 'usd';
      const result = await call(base, '/_emulator/payments', {
        account: need(values.account, '--account acct_…'),
        amount: toMinorUnits(need(values.amount, '--amount 49.00'), currency),
        currency,
        visitorId: values.visitor,
        mode: values.mode ?? 'payment',
        email: values.email,
      });
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    case 'renew':
      console.log(JSON.stringify(await call(base, `/_emulator/subscriptions/${need(target, 'a subscription id')}/renew`, {}), null, 2));
      return;
    case 'refund': {
      const body = values.amount ? { amount: toMinorUnits(values.amount, values.currency ?? 'usd') } : {};
      console.log(JSON.stringify(await call(base, `/_emulator/charges/${need(target, 'a charge id')}/refund`, body), null, 2));
      return;
    }
    case 'deauthorize':
      console.log(JSON.stringify(await call(base, `/_emulator/accounts/${need(target, 'an account id')}/deauthorize`, {}), null, 2));
      return;
    case 'account':
      console.log(JSON.stringify(await call(base, '/_emulator/accounts', { name: values.name ?? 'Emulated Shop', email: values.email, secretKey: values['secret-key'] }), null, 2));
      return;
    case 'state':
      console.log(JSON.stringify(await call(base, '/_emulator/state'), null, 2));
      return;
    default:
      throw new Error(`Unknown command "${command}" (serve, pay, renew, refund, deauthorize, account, state)`);
  }
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) {
  main().catch((err) => {
    console.error(`[stripe-emulator] ${(err as Error).message}`);
    process.exit(1);
  });
}
