import type { Actor } from '@/lib/authz';
import { UnauthenticatedError } from '@/lib/authz/errors';
import { prisma } from '@/lib/db/client';
import { sha256 } from '@/lib/tenancy/tokens';

// Public API keys: `Authorization: Bearer zori_…`. Only the key's SHA-256 is stored; a revoked or
// unknown key is refused with 401. lastUsedAt is written at most once a minute per key so a busy
// integration does not turn every read into a write.

const LAST_USED_EVERY_MS = 60_000;

export async function authenticateBearer(authorization: string | null): Promise<Actor & { kind: 'apiKey' }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) throw new UnauthenticatedError('Send the project API key as "Authorization: Bearer KEY"');
  const key = await prisma().apiKey.findUnique({ where: { keyHash: sha256(match[1]) }, select: { id: true, projectId: true, revokedAt: true, lastUsedAt: true } });
  if (!key || key.revokedAt) throw new UnauthenticatedError('Invalid or revoked API key');
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await prisma().apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { kind: 'apiKey', apiKeyId: key.id, projectId: key.projectId };
}
