import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { prisma } from '@/lib/db/client';
import { sha256 } from '@/lib/tenancy/tokens';
import { addPayment, addTouch } from '../helpers/analytics-data';
import { makeTenant } from '../helpers/factories';

// Runs the real CLI (tsx cli/index.ts) as a child process against the test database.

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function zori(...args: string[]) {
  return zoriWithEnv(process.env, ...args);
}

async function zoriWithEnv(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['cli/index.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const uid = () => Math.random().toString(36).slice(2, 8);

// Each invocation starts a Node process; on a busy machine that takes seconds.
const SLOW = 120_000;

describe('the admin CLI', () => {
  it('creates an organization with an owner, a project and an API key, printing JSON', async () => {
    const email = `cli-${uid()}@example.test`;
    const org = await zori('org', 'create', '--name', 'CLI Org', '--owner-email', email, '--json');
    expect(org.code).toBe(0);
    const orgId = JSON.parse(org.stdout).id;
    const owner = await prisma().membership.findFirstOrThrow({ where: { organizationId: orgId }, include: { user: true } });
    expect([owner.role, owner.user.email]).toEqual(['owner', email]);

    const project = await zori('project', 'create', '--org', orgId, '--name', 'Shop', '--domain', 'shop.example.com', '--domain', 'https://www.shop.example.com/x', '--currency', 'EUR', '--timezone', 'Europe/Paris', '--json');
    expect(project.code).toBe(0);
    const p = JSON.parse(project.stdout);
    expect(p.publishableKey).toMatch(/^zpk_/);
    const stored = await prisma().project.findUniqueOrThrow({ where: { id: p.id } });
    expect([stored.organizationId, stored.domains, stored.reportingCurrency, stored.timeZone, stored.publishableKey]).toEqual([
      orgId,
      ['shop.example.com', 'www.shop.example.com'],
      'eur',
      'Europe/Paris',
      p.publishableKey,
    ]);

    const [key, list, orgs] = await Promise.all([
      zori('apikey', 'create', '--project', p.id, '--name', 'Exports'),
      zori('project', 'list', '--org', orgId, '--json'),
      zori('org', 'list', '--json'),
    ]);
    expect(key.code).toBe(0);
    const printed = key.stdout.match(/zori_[0-9A-Za-z]{40}/)![0];
    expect(await prisma().apiKey.findUnique({ where: { keyHash: sha256(printed) } })).toMatchObject({ projectId: p.id, name: 'Exports' });

    expect(JSON.parse(list.stdout).map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(JSON.parse(orgs.stdout)).toContainEqual(expect.objectContaining({ id: orgId, projects: 1, members: 1 }));
  }, SLOW);

  it('answers bad flags and unknown commands with usage and exit 2, domain refusals with exit 1, changing nothing', async () => {
    // Independent invocations run side by side to keep the file fast.
    const [unknownFlag, missing, unknown, badCurrency] = await Promise.all([
      zori('org', 'create', '--nme', 'X'),
      zori('org', 'create'),
      zori('frobnicate'),
      zori('project', 'create', '--org', 'whatever', '--name', 'X', '--currency', 'dollars', '--json'),
    ]);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--nme'[\s\S]*Usage: npm run zori -- org create --name N/);
    expect([missing.code, missing.stderr.includes('--name is required')]).toEqual([2, true]);
    expect([unknown.code, /Unknown command[\s\S]*Commands:/.test(unknown.stderr)]).toEqual([2, true]);
    expect(badCurrency.code).toBe(1); // the org is checked first: unknown organization
    expect(JSON.parse(badCurrency.stdout).error.message).toMatch(/Organization not found/);

    const email = `dup-${uid()}@example.test`;
    expect((await zori('user', 'create', '--email', email)).code).toBe(0);
    const [dup, badEmail] = await Promise.all([zori('user', 'create', '--email', email), zori('user', 'create', '--email', 'not-an-email')]);
    expect([dup.code, dup.stderr]).toEqual([1, `error: A user with the email ${email} already exists\n`]);
    expect(badEmail.code).toBe(2);
    const user = await prisma().user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toHaveLength(1); // the personal organization, once
    expect(await prisma().user.count({ where: { email: 'not-an-email' } })).toBe(0);
    expect(await prisma().organization.count({ where: { name: 'X' } })).toBe(0);
  }, SLOW);
});

describe('zori rollup', () => {
  it('verifies the rollups against the raw rows, names a difference with exit 1, and rebuilds', async () => {
    const { project } = await makeTenant(['owner']);
    await addTouch(project.id, 'zv_cli', '2026-03-01T10:00:00Z', { channel: 'Email', source: 'newsletter' });
    const payment = await addPayment(project.id, { paidAt: '2026-03-02T10:00:00Z', amount: 4200, visitorId: 'zv_cli' });
    const range = ['--from', '2026-03-01', '--to', '2026-03-31'];
    const ok = await zori('rollup', 'verify', '--project', project.id, ...range);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/agrees with the raw rows/);
    expect(ok.stdout).toMatch(/first_touch\s+live: 1 entries, 1 credits/);

    // A refund written behind the rollup's back (no dirty flag): verify must notice.
    await prisma().payment.update({ where: { id: payment.id }, data: { amountRefunded: 1000n } });
    const stale = await zori('rollup', 'verify', '--project', project.id, ...range);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/differs from the raw rows/);
    expect(stale.stderr).toMatch(/first_touch live: entries/);

    const rebuilt = await zori('rollup', 'rebuild', '--project', project.id);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/revenue credits of 1 payments/);
    expect((await zori('rollup', 'verify', '--project', project.id, ...range)).code).toBe(0);
  }, SLOW);

  it('refuses bad flags and unknown projects', async () => {
    const bad = await zori('rollup', 'verify', '--project', 'x', '--from', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not a real calendar date/);
    const reversed = await zori('rollup', 'verify', '--project', 'x', '--from', '2026-03-02', '--to', '2026-03-01');
    expect(reversed.code).toBe(2);
    expect((await zori('rollup', 'verify')).code).toBe(2);
    const unknown = await zori('rollup', 'rebuild', '--project', 'nope');
    expect(unknown.code).toBe(1);
  }, SLOW);
});

describe('zori channels reclassify', () => {
  it('moves stored visits to the current channel rules, then rollup verify passes; bad flags exit 2, unknown projects 1', async () => {
    const { project } = await makeTenant(['owner']);
    await prisma().project.update({ where: { id: project.id }, data: { channelRulesVersion: 1 } });
    // Stored before AI Assistants existed: a chatgpt.com referral was a Referral.
    await addTouch(project.id, 'v_ai', '2026-01-05T10:00:00Z', { channel: 'Referral', source: 'chatgpt.com', medium: 'referral' });
    await addPayment(project.id, { paidAt: '2026-01-06T10:00:00Z', amount: 4200, visitorId: 'v_ai' });
    const run = await zori('channels', 'reclassify', '--project', project.id, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ touches: 1, payments: 1, rulesVersion: 2 });
    expect((await prisma().touch.findFirstOrThrow({ where: { projectId: project.id } })).channel).toBe('AI Assistants');
    expect((await zori('rollup', 'verify', '--project', project.id)).code).toBe(0);
    expect((await zori('channels', 'reclassify')).code).toBe(2);
    expect((await zori('channels', 'reclassify', '--project', 'nope')).code).toBe(1);
  }, SLOW);
});

describe('the admin CLI without DATABASE_URL', () => {
  it('opens the embedded database itself, or goes through the running server when one is up', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zori-cli-'));
    const { DATABASE_URL: _, ZORI_ENCRYPTION_KEY: __, NEXTAUTH_SECRET: ___, ...rest } = process.env;
    const env = { ...rest, ZORI_DATA_DIR: dataDir };
    try {
      const created = await zoriWithEnv(env, 'org', 'create', '--name', 'Embedded Org', '--json');
      expect(created.code).toBe(0);
      const orgId = JSON.parse(created.stdout).id;
      // Like `npm start`, it keeps generated secrets in the data folder.
      expect(Object.keys(JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')))).toEqual(['ZORI_ENCRYPTION_KEY', 'NEXTAUTH_SECRET']);

      // A "server" now holds the folder (port file written); the CLI must connect to it, not open the folder.
      const server = await startEmbeddedDatabase(dataDir, { writePortFile: true });
      try {
        const listed = await zoriWithEnv(env, 'org', 'list', '--json');
        expect(listed.code).toBe(0);
        expect(JSON.parse(listed.stdout).map((o: { id: string }) => o.id)).toEqual([orgId]);
      } finally {
        await server.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, SLOW);
});
