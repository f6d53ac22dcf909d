import { PrismaPg } from '@prisma/adapter-pg';
import { NO_FILTERS, openSchemaEngine, readMigrationsList } from './schema-engine';

/**
 * Applies every pending migration in prisma/migrations to the database at `connectionString`,
 * recording them in the standard `_prisma_migrations` table (so `prisma migrate deploy` agrees).
 */
export async function applyMigrations(connectionString: string, opts: { before?: string } = {}): Promise<string[]> {
  const engine = await openSchemaEngine(new PrismaPg({ connectionString, max: 1 }));
  try {
    const migrationsList = await readMigrationsList();
    // `before`: only the migrations older than that one (tests of a migration on data made before it).
    if (opts.before) migrationsList.migrationDirectories = migrationsList.migrationDirectories.filter((d) => d.path < opts.before!);
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
