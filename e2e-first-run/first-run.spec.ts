import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { bareEnv, freePort, freshCopy, npm, type Running, waitFor } from './fresh-copy';

// The README's first lines, as a newcomer follows them on a fresh copy with nothing configured:
// `npm start` (the built app; only PORT set, as a second instance on a machine would), then
// `npm run demo` from another shell while it runs (no PORT there), sign in as the demo owner with
// the link from the server log, open the dashboard and the payments, load the dashboard 20 times,
// 5 at once, and stop the server with SIGTERM. Started by scripts/test.sh with its own config
// (playwright.first-run.config.ts).

test.describe.configure({ mode: 'serial' });

let copy: Awaited<ReturnType<typeof freshCopy>>;
let server: Running;
let base: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  copy = await freshCopy();
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = npm(copy.dir, ['start'], bareEnv({ PORT: String(port) }));
  await waitFor('the server to be ready', () => server.output().includes(`[zori] ready on ${base}`), 180_000, server.output);
});

test.afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 15_000))]);
  }
  await test.info().attach('server log', { body: server?.output() ?? '', contentType: 'text/plain' });
  await copy?.remove();
});

test('npm start says what it assumed and runs on the embedded PostgreSQL', async () => {
  const log = server.output();
  expect(log).toContain(`links (sign-in mails, redirects, webhook URLs, the snippet) use ${base}`);
  expect(log).toContain('created the embedded PostgreSQL');
  expect(existsSync(path.join(copy.dir, '.zori-data', 'secrets.json'))).toBe(true);
});

test('npm run demo, from another shell while the server runs, loads every payment and prints where to look', async () => {
  const demo = npm(copy.dir, ['run', 'demo'], bareEnv());
  const { code } = await demo.exited;
  expect(demo.output(), demo.output()).toMatch(/Demo data loaded in \d+ ms: \d+ payments, every one credited/);
  expect(code).toBe(0);
  // The CLI links to the running server, not to the default port.
  expect(demo.output()).toContain(`dashboard: ${base}/projects/demo-shop`);
  // Running it again changes nothing.
  const again = npm(copy.dir, ['run', 'demo'], bareEnv());
  expect((await again.exited).code).toBe(0);
  expect(again.output()).toContain('The demo is already loaded');
});

test('sign in through /signin with the link from the server log, then read the dashboard and the payments', async ({ page }) => {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill('demo@zori.local');
  await page.getByRole('button', { name: /sign-in link/i }).click();
  // The redirect stays on this server (next-auth alone would send the browser to localhost:3000).
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(page.url().startsWith(base)).toBe(true);

  const mailed = () => [...server.output().matchAll(/\[zori\] {3}(\S+)/g)].map((m) => m[1]).filter((u) => u.includes('email=demo%40zori.local'));
  await waitFor('the sign-in link in the server log', () => mailed().length > 0, 15_000, server.output);
  const link = mailed().at(-1)!;
  expect(link.startsWith(`${base}/api/auth/callback/email?`)).toBe(true);
  // The same link is in the local outbox, which a browser on this machine may read.
  await page.goto(`${base}/dev/outbox`);
  await expect(page.getByTestId('outbox-message').filter({ hasText: 'demo@zori.local' }).first().getByRole('link')).toHaveAttribute('href', link);

  await page.goto(link);
  expect(page.url().startsWith(base)).toBe(true);
  const dashboard = await page.goto(`${base}/projects/demo-shop?period=90d`);
  expect(dashboard?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Demo shop' })).toBeVisible();
  await expect(page.getByTestId('value-gross')).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(page.getByTestId('value-gross')).not.toHaveText('$0.00');
  await expect(page.getByTestId('table-channel').locator('tbody tr')).not.toHaveCount(0);

  const payments = await page.goto(`${base}/projects/demo-shop/payments?period=90d`);
  expect(payments?.status()).toBe(200);
  await expect(page.getByTestId('payments-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('payments-table')).toContainText('$');

  // 20 loads of the dashboard, 5 at once, with the session: every one answers 200.
  const statuses: number[] = [];
  let next = 0;
  const load = async () => {
    while (next++ < 20) statuses.push((await page.request.get(`${base}/projects/demo-shop`)).status());
  };
  await Promise.all(Array.from({ length: 5 }, load));
  expect(statuses).toEqual(Array(20).fill(200));
});

test('SIGTERM stops the server within 10 s with exit code 0, database included', async () => {
  const t0 = Date.now();
  server.child.kill('SIGTERM'); // to npm, as a process manager or `kill` would
  const result = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
  const ms = Date.now() - t0;
  expect(result, `still running after ${ms} ms`).not.toBeNull();
  expect(result).toEqual({ code: 0, signal: null });
  expect(server.output()).toMatch(/\[zori\] stopped in \d+ ms/);
  expect(existsSync(path.join(copy.dir, '.zori-data', 'postgres', 'postmaster.pid'))).toBe(false);
  // None of what the first newcomers saw: queries before migrations, interleaved protocol messages.
  expect(server.output()).not.toMatch(/does not exist|bind message supplies|unnamed prepared statement|Internal error|cannot start/);
});

test('SIGTERM ends within 10 s even when the database stops answering mid-request', async () => {
  // Start again on the same folder, then freeze every PostgreSQL process of it (SIGSTOP).
  server = npm(copy.dir, ['start'], bareEnv({ PORT: new URL(base).port }));
  await waitFor('the server to be ready again', () => server.output().includes(`[zori] ready on ${base}`), 120_000, server.output);
  const postmaster = Number(readFileSync(path.join(copy.dir, '.zori-data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cluster = [postmaster, ...childrenOf(postmaster)];
  for (const pid of cluster) process.kill(pid, 'SIGSTOP');
  try {
    const hanging = fetch(`${base}/api/health`).catch(() => null); // a request stuck on the database
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    const result = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]);
    expect(result, `still running after ${Date.now() - t0} ms`).not.toBeNull();
    expect(result).toEqual({ code: 0, signal: null });
    // The log says what it cut short.
    expect(server.output()).toContain('[zori] closing connections of requests still running');
    await hanging;
  } finally {
    for (const pid of cluster) process.kill(pid, 'SIGCONT'); // the stop Zori asked for then goes through
  }
  await waitFor('the database to stop', () => !existsSync(`/proc/${postmaster}`), 30_000, server.output);
});

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
