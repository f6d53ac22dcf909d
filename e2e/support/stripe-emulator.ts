import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

// The e2e run's Stripe emulator (started by playwright.config.ts) and the run's database.

export const ZORI_PORT = Number(process.env.ZORI_E2E_PORT ?? 1390);
export const STRIPE_EMULATOR_PORT = ZORI_PORT + 300;
export const STRIPE_EMULATOR_URL = `http://127.0.0.1:${STRIPE_EMULATOR_PORT}`;
export const STRIPE_E2E = { clientId: 'ca_zorie2e0000000000000000', platformKey: 'sk_test_zori_e2e_platform_key', appClientId: 'ca_zorie2eapp00000000000000' };

/**
 * A JSON call to the emulator over node:http: fetch() refuses the ports the Fetch standard calls
 * unsafe, and ZORI_E2E_PORT + 300 can be one of them (1720, 6000, …).
 */
export function emulatorRequest<T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ ok: boolean; json: T }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${STRIPE_EMULATOR_URL}${path}`, { method, headers: payload ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        try {
          resolve({ ok: (res.statusCode ?? 500) < 400, json: JSON.parse(text) as T });
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function emulatorControl<T = any>(path: string, body: unknown = {}): Promise<T> {
  const { ok, json } = await emulatorRequest<T>('POST', path, body);
  if (!ok) throw new Error(JSON.stringify(json));
  return json;
}

/** One query on this run's database (written by e2e/serve.sh). */
export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = readFileSync(`${process.env.TMPDIR ?? '/tmp'}/zori-e2e-${ZORI_PORT}.database-url`, 'utf8').trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
