import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '@/lib/db/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One fresh database per test run (dropped at the end); test files create their own tenants in it.
export default async function setup(project: TestProject) {
  const db = await createTestDatabase();
  console.log(`[tests] database: ${db.kind} ${db.url}`);
  project.provide('databaseUrl', db.url);
  return async () => {
    await db.drop();
  };
}
