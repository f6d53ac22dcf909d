import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// With no DATABASE_URL, Zori runs on PGlite (PostgreSQL compiled to wasm) persisted in the data
// folder, served on a loopback port so that every part of Zori talks to it like to a real server.
// Only one process may open the folder: the server writes its port to `pglite.port`, and the CLI
// connects there while the server runs.

export type EmbeddedDatabase = { url: string; close(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

/** The URL of an embedded database another Zori process is serving from `dataDir`, if any. */
export async function runningEmbeddedDatabase(dataDir: string): Promise<string | undefined> {
  const port = Number(await readFile(path.join(dataDir, 'pglite.port'), 'utf8').catch(() => ''));
  return port && (await canConnect(port)) ? urlFor(port) : undefined;
}

export async function startEmbeddedDatabase(dataDir: string, options: { writePortFile?: boolean } = {}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = await freePort();
  // PGlite runs one query at a time; the socket server queues connections, so allow many.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 100 });
  await server.start();
  const portFile = path.join(dataDir, 'pglite.port');
  if (options.writePortFile) await writeFile(portFile, String(port));
  return {
    url: urlFor(port),
    async close() {
      if (options.writePortFile) await rm(portFile, { force: true });
      await server.stop();
      await db.close();
    },
  };
}
