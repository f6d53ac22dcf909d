import { type Actor, authorizeProject, NotFoundError, UnauthenticatedError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { bearerSchema, createApiKeySchema, revokeApiKeySchema } from '@/lib/zod/api-keys';
import { newApiKey, sha256 } from './tokens';

// Project API keys for the public API. The key is returned once, at creation; only its SHA-256 and
// its first characters (to recognise it in lists) are stored.

const PREFIX_LENGTH = 12; // "zori_" + 7 characters
const LAST_USED_PRECISION_MS = 60_000;

export async function createApiKey(actor: Actor, projectId: string, input: unknown) {
  await authorizeProject(actor, projectId, 'manage');
  const { name } = createApiKeySchema.parse(input ?? {});
  const key = newApiKey();
  const row = await prisma().apiKey.create({
    data: { projectId, name, prefix: key.slice(0, PREFIX_LENGTH), keyHash: sha256(key), createdById: actor.kind === 'user' ? actor.userId : null },
  });
  return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, key };
}

export async function listApiKeys(actor: Actor, projectId: string) {
  await authorizeProject(actor, projectId, 'read');
  return prisma().apiKey.findMany({
    where: { projectId },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'desc' },
  });
}

export async function revokeApiKey(actor: Actor, projectId: string, input: unknown) {
  await authorizeProject(actor, projectId, 'manage');
  const { apiKeyId } = revokeApiKeySchema.parse(input);
  const revoked = await prisma().apiKey.updateMany({ where: { id: apiKeyId, projectId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new NotFoundError('API key not found or already revoked');
}

/**
 * Turns an `Authorization: Bearer zori_…` header into the key's actor (the public API's only
 * authenticator); refuses missing, unknown and revoked keys with UnauthenticatedError (401).
 */
export async function authenticateApiKey(authorizationHeader: string | null | undefined): Promise<Actor & { kind: 'apiKey' }> {
  const parsed = bearerSchema.safeParse(authorizationHeader ?? '');
  if (!parsed.success) throw new UnauthenticatedError(parsed.error.issues[0]?.message ?? 'Missing API key');
  const row = await prisma().apiKey.findUnique({ where: { keyHash: sha256(parsed.data) }, select: { id: true, projectId: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt) throw new UnauthenticatedError('Unknown or revoked API key');
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // At most one write a minute per key: the API's hot path stays read-only.
    const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
    await prisma().apiKey.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] }, data: { lastUsedAt: now } });
  }
  return { kind: 'apiKey', apiKeyId: row.id, projectId: row.projectId };
}
