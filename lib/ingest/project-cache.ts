import { pool } from '@/lib/db/client';

// Projects by publishable key, cached in memory for a few seconds: every beacon needs one, and a
// key, its domains or its privacy setting changes rarely. Unknown keys are cached too, so a flood
// of bad keys cannot reach the database more than once per TTL each.

export type IngestProject = {
  id: string;
  domains: string[];
  respectDoNotTrack: boolean;
  identitySalt: string;
};

const TTL_MS = Number(process.env.ZORI_INGEST_PROJECT_TTL_MS ?? 10_000);
const MAX_ENTRIES = 10_000;
// On globalThis so the lean /ingest route and Next's bundled copy of lib/ (where settings are
// saved) share one cache, and a settings change clears it at once in this process.
const g = globalThis as unknown as { __zoriIngestProjects?: Map<string, { at: number; value: Promise<IngestProject | null> }> };
const cache = (g.__zoriIngestProjects ??= new Map());

async function load(key: string): Promise<IngestProject | null> {
  const res = await pool().query<IngestProject>(
    'SELECT id, domains, "respectDoNotTrack", "identitySalt" FROM "Project" WHERE "publishableKey" = $1',
    [key],
  );
  return res.rows[0] ?? null;
}

export function projectByPublishableKey(key: string, now = Date.now()): Promise<IngestProject | null> {
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = load(key);
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key)); // a database error is not an answer: ask again next time
  return value;
}

/** Forgets cached projects (after a project's settings change in this process, and in tests). */
export function forgetCachedProjects(): void {
  cache.clear();
}
