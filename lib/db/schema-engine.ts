import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

// Prisma 7's CLI needs a native schema engine that cannot be downloaded here, so Zori drives the
// wasm build of the same engine. Its ESM entry imports the .wasm directly, which Node rejects:
// load the JS glue and instantiate the module ourselves.

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'prisma/migrations');
export const SCHEMA_DIR = path.resolve(process.cwd(), 'prisma/schema');

type Bg = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
export type SchemaEngine = import('@prisma/schema-engine-wasm/schema_engine_bg').SchemaEngine;

let bgPromise: Promise<Bg> | undefined;

function loadWasm(): Promise<Bg> {
  bgPromise ??= (async () => {
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Bg & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bg;
  })();
  return bgPromise;
}

export async function readSchemaFiles() {
  const names = (await readdir(SCHEMA_DIR)).filter((n) => n.endsWith('.prisma')).sort();
  return Promise.all(names.map(async (n) => ({ path: path.join(SCHEMA_DIR, n), content: await readFile(path.join(SCHEMA_DIR, n), 'utf8') })));
}

export async function readMigrationsList() {
  let dirs: string[] = [];
  try {
    dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    // no migrations folder yet
  }
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const sql = await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8').then(
          (content) => ({ tag: 'ok' as const, value: content }),
          (err: Error) => ({ tag: 'error' as const, value: err.message }),
        );
        return { path: dir, migrationFile: { path: 'migration.sql', content: sql } };
      }),
    ),
  };
}

/** Opens the wasm schema engine on a Prisma driver adapter factory (pg or PGlite). */
export async function openSchemaEngine(adapterFactory: object, log: (msg: string) => void = () => {}): Promise<SchemaEngine> {
  const bg = await loadWasm();
  const files = await readSchemaFiles();
  return bg.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory as never),
  );
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
