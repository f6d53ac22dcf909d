import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clusterFolder, connectionUrl, EmbeddedDatabaseError, createDatabase, initCluster, isInitialised, isRunning, serverUser, socketDirFor, startCluster, stopCluster } from './cluster';
import { addHolder, type HolderKind, liveHolders, removeHolder, withFolderLock } from './holders';
import { hasPgliteData, importFailureMessage, importPglite, PgliteImportError, retirePgliteFolder } from './pglite-import';

// With no DATABASE_URL, Zori runs on a real PostgreSQL server of its own, kept in the data folder
// (`.zori-data/postgres`). The server (`npm start`) and CLI commands share it: whichever starts
// first starts PostgreSQL, each registers while it uses it, and the last one out stops it. So the
// CLI works whether or not Zori is running, and a killed Zori leaves nothing that blocks the next.

export { EmbeddedDatabaseError } from './cluster';
export { runningServer } from './holders';

export type EmbeddedDatabase = {
  url: string;
  /** Stops using the database; stops PostgreSQL too when no other Zori process uses it. */
  close(timeoutMs?: number): Promise<void>;
};

const SECRETS_FILE = 'secrets.json';
const PASSWORD_KEY = 'ZORI_EMBEDDED_DATABASE_PASSWORD';

/** The database role's password, generated once into the data folder's secrets file (mode 0600). */
async function databasePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, SECRETS_FILE);
  const stored: Record<string, string> = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
  if (stored[PASSWORD_KEY]) return stored[PASSWORD_KEY];
  stored[PASSWORD_KEY] = randomBytes(24).toString('base64url');
  await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return stored[PASSWORD_KEY];
}

type OpenOptions = { kind: HolderKind; url?: string; log?: (msg: string) => void };

export async function openEmbeddedDatabase(folder: string, { kind, url: serverUrl, log = console.log }: OpenOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(folder); // the server's tools run from "/"
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  const runAs = await serverUser(log);
  if (runAs.uid !== undefined) {
    // As root the server runs as "postgres", which must pass through the data folder to its own
    // (0711: enter, not list; the secrets file in it stays 0600).
    const { mode } = await stat(dataDir);
    if ((mode & 0o011) !== 0o011) await chmod(dataDir, (mode & 0o777) | 0o011);
  }
  const cluster = await clusterFolder(dataDir, runAs, log);

  const url = await withFolderLock(dataDir, async () => {
    const holders = await liveHolders(dataDir);
    const otherServer = holders.find((h) => h.kind === 'server');
    if (kind === 'server' && otherServer) {
      throw new EmbeddedDatabaseError(`Another Zori server (pid ${otherServer.pid}${otherServer.url ? `, ${otherServer.url}` : ''}) is using ${path.resolve(dataDir)}: stop it first, or give this one its own ZORI_DATA_DIR.`);
    }
    const password = await databasePassword(dataDir);
    let created = false;
    if (!isInitialised(cluster)) {
      const t0 = Date.now();
      await initCluster(cluster, runAs, password);
      created = true;
      log(`[zori] created the embedded PostgreSQL in ${cluster} (${Date.now() - t0} ms; runs as OS user "${runAs.name}", Unix socket only)`);
    }
    const socketDir = await socketDirFor(cluster);
    if (await isRunning(cluster, runAs)) {
      if (!holders.length) log(`[zori] the embedded PostgreSQL was left running by an earlier Zori process: using it`);
    } else {
      const t0 = Date.now();
      await startCluster(cluster, runAs);
      log(`[zori] started the embedded PostgreSQL (${Date.now() - t0} ms)`);
    }
    const url = connectionUrl(socketDir, password);
    await createDatabase(socketDir, password); // when missing (a first start cut short)
    // Also after a start that was cut short mid-copy (it is one transaction: nothing half-copied).
    if (hasPgliteData(dataDir)) await importOldPglite(dataDir, url, { cluster, fresh: created, inUse: holders.length > 0 }, runAs, log);
    await addHolder(dataDir, kind, serverUrl);
    return url;
  });

  let closed = false;
  return {
    url,
    async close(timeoutMs = 5_000) {
      if (closed) return;
      closed = true;
      await withFolderLock(
        dataDir,
        async () => {
          await removeHolder(dataDir);
          if ((await liveHolders(dataDir)).length === 0) await stopCluster(cluster, runAs, timeoutMs);
        },
        timeoutMs,
      );
    },
  };
}

/**
 * A cluster made for this import (`fresh`) is removed again if the import fails, so the next start
 * retries from scratch; one that nobody else uses is stopped.
 */
async function importOldPglite(
  dataDir: string,
  url: string,
  target: { cluster: string; fresh: boolean; inUse: boolean },
  runAs: Awaited<ReturnType<typeof serverUser>>,
  log: (msg: string) => void,
) {
  log(`[zori] found an embedded database of an earlier version (PGlite, ${path.join(dataDir, 'pglite')}): copying it into PostgreSQL`);
  try {
    await importPglite(dataDir, url, log);
  } catch (err) {
    if (!target.inUse) await stopCluster(target.cluster, runAs);
    if (target.fresh) await rm(target.cluster, { recursive: true, force: true });
    throw new EmbeddedDatabaseError(importFailureMessage(dataDir, err instanceof PgliteImportError ? err.message : String(err)));
  }
  log(`[zori] the PGlite folder is kept as ${await retirePgliteFolder(dataDir)} (delete it once you have checked your data)`);
}
