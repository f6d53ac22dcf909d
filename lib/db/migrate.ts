import { PrismaPg } from '@prisma/adapter-pg';
import { NO_FILTERS, openSchemaEngine, readMigrationsList } from './schema-engine';

/**
 * Applies every pending migration in prisma/migrations to the database at `connectionString`,
 * recording them in the standard `_prisma_migrations` table (so `prisma migrate deploy` agrees).
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const engine = await openSchemaEngine(new PrismaPg({ connectionString, max: 1 }));
  try {
    const result = await engine.applyMigrations({ migrationsList: await readMigrationsList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
