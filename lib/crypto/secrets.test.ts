import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/config/env';
import { buildKeyring, maskSecret, open, reseal, seal, SecretDecryptionError } from './secrets';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('hex');

describe('secrets at rest', () => {
  it('round-trips through AES-256-GCM with a fresh IV each time', () => {
    const ring = buildKeyring(keyA);
    const a = seal('sk_test_123', ring);
    const b = seal('sk_test_123', ring);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('sk_test_123');
    expect(open(a, ring)).toBe('sk_test_123');
  });

  it('rejects tampered ciphertext', () => {
    const ring = buildKeyring(keyA);
    const parts = seal('whsec_abc', ring).split('.');
    parts[4] = Buffer.from('whsec_abd').toString('base64url');
    expect(() => open(parts.join('.'), ring)).toThrow(SecretDecryptionError);
  });

  it('opens values sealed by a previous key and reseals them under the current one', () => {
    const old = buildKeyring(keyA);
    const sealed = seal('rk_live_x', old);
    const rotated = buildKeyring(keyB, keyA);
    expect(open(sealed, rotated)).toBe('rk_live_x');
    const resealed = reseal(sealed, rotated);
    expect(resealed.split('.')[1]).toBe(rotated.current.id);
    expect(() => open(resealed, old)).toThrow(/neither ZORI_ENCRYPTION_KEY/);
  });

  it('names the variable when the key is missing or malformed', () => {
    expect(() => buildKeyring(undefined)).toThrow(ConfigError);
    expect(() => buildKeyring(undefined)).toThrow(/ZORI_ENCRYPTION_KEY/);
    expect(() => buildKeyring('too-short')).toThrow(/ZORI_ENCRYPTION_KEY must be 32 bytes/);
    expect(() => buildKeyring(keyA, 'nope')).toThrow(/ZORI_ENCRYPTION_KEYS_PREVIOUS/);
  });

  it('masks secrets to their kind and last four characters', () => {
    expect(maskSecret('sk_live_abcdefgh1234')).toBe('sk_live_…1234');
    expect(maskSecret('whsec_zzzz9876')).toBe('whsec_…9876');
  });
});
