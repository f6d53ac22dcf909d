import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ConfigError } from '@/lib/config/env';

// Secrets at rest (Stripe keys, OAuth tokens, webhook secrets) are sealed with AES-256-GCM.
// A sealed value names the key that sealed it (`kid`), so the key can rotate: the new key goes
// in ZORI_ENCRYPTION_KEY, old ones in ZORI_ENCRYPTION_KEYS_PREVIOUS until re-sealed.
// Format: zs1.<kid>.<iv>.<tag>.<ciphertext>, each part base64url.

const VERSION = 'zs1';

export type Keyring = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

function parseKey(value: string, variable: string): Buffer {
  const v = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (key.length !== 32) {
    throw new ConfigError(`${variable} must be 32 bytes, as 64 hex characters or base64 (generate one with: openssl rand -base64 32)`);
  }
  return key;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function buildKeyring(current: string | undefined, previous?: string): Keyring {
  if (!current) throw new ConfigError('ZORI_ENCRYPTION_KEY is not set (generate one with: openssl rand -base64 32)');
  const key = parseKey(current, 'ZORI_ENCRYPTION_KEY');
  const byId = new Map<string, Buffer>([[keyId(key), key]]);
  for (const old of (previous ?? '').split(',').filter((s) => s.trim())) {
    const k = parseKey(old, 'ZORI_ENCRYPTION_KEYS_PREVIOUS');
    byId.set(keyId(k), k);
  }
  return { current: { id: keyId(key), key }, byId };
}

let cached: { source: string; ring: Keyring } | undefined;

export function keyringFromEnv(): Keyring {
  const source = `${process.env.ZORI_ENCRYPTION_KEY ?? ''}|${process.env.ZORI_ENCRYPTION_KEYS_PREVIOUS ?? ''}`;
  if (cached?.source !== source) cached = { source, ring: buildKeyring(process.env.ZORI_ENCRYPTION_KEY, process.env.ZORI_ENCRYPTION_KEYS_PREVIOUS) };
  return cached.ring;
}

export class SecretDecryptionError extends Error {}

export function seal(plaintext: string, ring: Keyring = keyringFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.current.key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, ring.current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function open(sealed: string, ring: Keyring = keyringFromEnv()): string {
  const [version, kid, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !kid || !iv || !tag || ct === undefined) throw new SecretDecryptionError('Not a sealed secret');
  const key = ring.byId.get(kid);
  if (!key) {
    throw new SecretDecryptionError(
      `Secret was sealed with key ${kid}, which is neither ZORI_ENCRYPTION_KEY nor in ZORI_ENCRYPTION_KEYS_PREVIOUS`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError(`Secret sealed with key ${kid} failed authentication (wrong key or tampered data)`);
  }
}

/** Re-seals under the current key if an older key sealed it (for rotation). */
export function reseal(sealed: string, ring: Keyring = keyringFromEnv()): string {
  return sealed.split('.')[1] === ring.current.id ? sealed : seal(open(sealed, ring), ring);
}

/** What the browser may see of a secret: its kind and last four characters. */
export function maskSecret(secret: string): string {
  const prefix = secret.match(/^(sk_live_|sk_test_|rk_live_|rk_test_|whsec_|zk_)/)?.[0] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}
