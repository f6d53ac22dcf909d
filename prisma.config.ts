import 'dotenv/config';
import { defineConfig } from 'prisma/config';

// `prisma generate` needs no database; `prisma migrate deploy` (where the native engine exists) reads DATABASE_URL.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/zori' },
});
