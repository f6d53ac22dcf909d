import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '@/lib/config/env';
import { prisma } from '@/lib/db/client';
import { DomainError } from '@/lib/authz/errors';

// The OAuth `state` parameter: `<nonce>.<expiresAt>.<hmac>`, where the HMAC (keyed from
// NEXTAUTH_SECRET) covers the nonce, the expiry and the user, organization and project it was made
// for, and the flow (Connect OAuth or the Stripe App install), so one flow's state never completes
// the other. Only its SHA-256 is stored, with those bindings; consuming it marks it used in the same
// statement that checks it was unused, so a state works once, for 10 minutes, for that user.

export const STATE_TTL_MS = 10 * 60 * 1000;

export type StateBinding = { userId: string; organizationId: string; projectId: string };
export type OAuthFlow = 'connect' | 'app';

/** Why a state was refused; the callback maps each to a message. */
export class OAuthStateError extends DomainError {
  constructor(
    readonly reason: 'missing' | 'forged' | 'unknown' | 'reused' | 'expired' | 'wrong_user',
    message: string,
  ) {
    super(message, 400);
  }
}

function stateKey(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new ConfigError('NEXTAUTH_SECRET is not set');
  // A key of its own, derived from the app secret, so a state can never pass as a session token or vice versa.
  return createHmac('sha256', secret).update('zori:stripe-connect-oauth-state').digest();
}

function sign(nonce: string, expiresAt: number, b: StateBinding, flow: OAuthFlow): string {
  // Connect states keep the form they had before the App flow existed (a state in flight at an upgrade still works).
  const bound = `${nonce}.${expiresAt}.${b.userId}.${b.organizationId}.${b.projectId}${flow === 'connect' ? '' : `.${flow}`}`;
  return createHmac('sha256', stateKey()).update(bound).digest('base64url');
}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

export async function issueState(binding: StateBinding, now = new Date(), flow: OAuthFlow = 'connect'): Promise<string> {
  const nonce = randomBytes(24).toString('base64url');
  const expiresAt = now.getTime() + STATE_TTL_MS;
  const state = `${nonce}.${expiresAt}.${sign(nonce, expiresAt, binding, flow)}`;
  await prisma().stripeOAuthState.create({ data: { stateHash: hashState(state), ...binding, flow, expiresAt: new Date(expiresAt) } });
  return state;
}

/**
 * Checks a state from the callback for the signed-in user and uses it up. Returns what it was bound to.
 * Order matters: the signature over the stored bindings first (a forged or tampered state changes
 * nothing), then the user, then single use, then expiry.
 */
export async function consumeState(state: string | null | undefined, userId: string, now = new Date(), flow: OAuthFlow = 'connect'): Promise<StateBinding> {
  if (!state) throw new OAuthStateError('missing', 'The answer from Stripe had no state. Start again from Settings > Integrations.');
  const [nonce, expiresRaw, mac, extra] = state.split('.');
  const expiresAt = Number(expiresRaw);
  if (!nonce || !mac || extra !== undefined || !Number.isSafeInteger(expiresAt)) throw new OAuthStateError('forged', 'This Stripe answer is not one Zori asked for.');
  const row = await prisma().stripeOAuthState.findUnique({ where: { stateHash: hashState(state) } });
  if (!row) throw new OAuthStateError('forged', 'This Stripe answer is not one Zori asked for.');
  // A state of the other flow is signed over another flow: it fails here like a forgery.
  const expected = Buffer.from(sign(nonce, expiresAt, row, flow));
  const given = Buffer.from(mac);
  if (row.flow !== flow || expected.length !== given.length || !timingSafeEqual(expected, given) || row.expiresAt.getTime() !== expiresAt) {
    throw new OAuthStateError('forged', 'This Stripe answer is not one Zori asked for.');
  }
  if (row.userId !== userId) throw new OAuthStateError('wrong_user', 'This Stripe connection was started by another user. Start again from Settings > Integrations.');
  const used = await prisma().stripeOAuthState.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) throw new OAuthStateError('reused', 'This Stripe answer was already used. Start again from Settings > Integrations.');
  if (row.expiresAt <= now) throw new OAuthStateError('expired', 'The Stripe connection took more than 10 minutes. Start again from Settings > Integrations.');
  return { userId: row.userId, organizationId: row.organizationId, projectId: row.projectId };
}

/** Deletes states and pending moves that can no longer be used (called when a new state is issued). */
export async function pruneStates(now = new Date()): Promise<void> {
  await prisma().stripeOAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } } });
  await prisma().stripeConnectPendingMove.deleteMany({ where: { expiresAt: { lt: now } } });
}
