import { describe, expect, it } from 'vitest';
import { bearerSchema } from './api-keys';

const message = (header: string) => {
  const r = bearerSchema.safeParse(header);
  return r.success ? null : r.error.issues[0].message;
};

describe('the Authorization header of the public API', () => {
  it('accepts a Zori key sent as a bearer token', () => {
    const key = `zori_${'a1'.repeat(20)}`;
    expect(bearerSchema.parse(`Bearer ${key}`)).toBe(key);
  });

  it('tells a malformed key sent exactly as asked apart from a header sent the wrong way', () => {
    expect(message('Bearer zori_tooshort')).toMatch(/^This is not a Zori API key/);
    expect(message('Bearer sk_test_123')).toMatch(/^This is not a Zori API key/);
    expect(message(`Token zori_${'a'.repeat(40)}`)).toBe('Send the API key as "Authorization: Bearer zori_…"');
    expect(message('')).toBe('Send the API key as "Authorization: Bearer zori_…"');
  });
});
