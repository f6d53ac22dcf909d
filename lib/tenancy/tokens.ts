import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string (crypto-grade), for keys and tokens. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62]; // 248 = 4×62: no modulo bias
  }
  return out.length === length ? out : out + randomToken(length - out.length);
}

export const newPublishableKey = () => `zpk_${randomToken(24)}`;
export const newApiKey = () => `zori_${randomToken(40)}`;
export const newInvitationToken = () => randomToken(40);

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
