import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Which Zori processes use a data folder's embedded PostgreSQL. Each one (the server, a CLI
// command) writes a holder file while it uses the database; the last one to leave stops the
// PostgreSQL server. A holder whose process is gone (killed, crashed) no longer counts. Decisions
// (start, adopt, stop) are taken under one lock file so that a CLI ending while the server starts
// cannot stop the database under it.

export type HolderKind = 'server' | 'cli';
export type Holder = { pid: number; kind: HolderKind; url?: string; identity: string; since: string };

/**
 * What tells a process apart from a later one that got the same pid (after a reboot, or pids
 * wrapping round): on Linux the boot id and the process's start time; elsewhere the pid alone.
 */
export function processIdentity(pid: number): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, after "pid (comm) "
    return `${boot}:${startTime}`;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux') return null; // no such process
    try {
      process.kill(pid, 0);
      return `pid:${pid}`;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM' ? `pid:${pid}` : null;
    }
  }
}

const holdersDir = (dataDir: string) => path.join(dataDir, 'processes');
const lockFile = (dataDir: string) => path.join(dataDir, 'processes.lock');

const isAlive = (h: { pid: number; identity: string }) => processIdentity(h.pid) === h.identity;

/** Runs `work` holding the data folder's lock (a lock left by a dead process is taken over). */
export async function withFolderLock<T>(dataDir: string, work: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const file = lockFile(dataDir);
  const me = JSON.stringify({ pid: process.pid, identity: processIdentity(process.pid) });
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(me);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = await readFile(file, 'utf8')
        .then((t) => JSON.parse(t) as { pid: number; identity: string })
        .catch(() => null);
      // Unreadable (being written this instant) counts as held; a dead owner's lock is stale.
      if (owner && !isAlive(owner)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`The data folder ${dataDir} stayed locked by process ${owner?.pid ?? '?'} for ${timeoutMs / 1000} s (${file})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

/** The live holders; files of dead processes are removed. */
export async function liveHolders(dataDir: string): Promise<Holder[]> {
  const dir = holdersDir(dataDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const live: Holder[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const holder = await readFile(path.join(dir, name), 'utf8')
      .then((t) => JSON.parse(t) as Holder)
      .catch(() => null);
    if (holder && isAlive(holder)) live.push(holder);
    else await rm(path.join(dir, name), { force: true });
  }
  return live;
}

export async function addHolder(dataDir: string, kind: HolderKind, url?: string): Promise<void> {
  await mkdir(holdersDir(dataDir), { recursive: true, mode: 0o700 });
  const holder: Holder = { pid: process.pid, kind, url, identity: processIdentity(process.pid) ?? `pid:${process.pid}`, since: new Date().toISOString() };
  await writeFile(path.join(holdersDir(dataDir), `${process.pid}.json`), JSON.stringify(holder), { mode: 0o600 });
}

export async function removeHolder(dataDir: string): Promise<void> {
  await rm(path.join(holdersDir(dataDir), `${process.pid}.json`), { force: true });
}

/** The Zori server using this data folder, if one runs (the CLI prints its address in links). */
export async function runningServer(dataDir: string): Promise<Holder | undefined> {
  return (await liveHolders(dataDir)).find((h) => h.kind === 'server');
}
