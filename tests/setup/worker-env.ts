import { afterAll, inject } from 'vitest';
import { disconnect } from '@/lib/db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.ZORI_ENCRYPTION_KEY ??= 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY='; // test-only key
process.env.NEXTAUTH_SECRET ??= 'test-nextauth-secret-0123456789';
process.env.ZORI_DB_POOL_SIZE ??= '5';

afterAll(async () => {
  await disconnect();
});
