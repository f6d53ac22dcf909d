import { createHash } from 'node:crypto';

/**
 * Salted SHA-256 of an identity (email or the site's app user id), as stored on visitors by
 * identify() and computed again for a Stripe customer's email, so the two can be matched without
 * Zori keeping the email itself. Case and surrounding space do not matter. `kind` keeps an email
 * and an app user id with the same text from colliding.
 */
export function hashIdentity(salt: string, kind: 'email' | 'app_user', value: string): string {
  return createHash('sha256').update(`${salt}\u0000${kind}\u0000${value.trim().toLowerCase()}`).digest('hex');
}
