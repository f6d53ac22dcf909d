import { open, seal } from '@/lib/crypto/secrets';
import { pool } from '@/lib/db/client';
import { withTransaction } from '@/lib/db/transaction';
import { ConnectOAuthError } from '@/lib/stripe/connect/oauth-client';
import { refreshAppTokens } from './oauth-client';

// A Stripe App install's access token, renewed before it expires. Stripe rolls the refresh token on
// every exchange and the previous one stops working, so a renewal must never be lost: it happens
// under a row lock on the connection (SELECT … FOR UPDATE), and the new tokens are written in the
// same transaction. A second process that wanted to renew at the same moment waits for the lock,
// then finds the fresh token and uses it instead of exchanging the now-dead refresh token.
// If Stripe refuses the refresh token (uninstalled, expired after a year unused), the connection is
// marked as needing reconnection; a network failure leaves everything as it was for the next try.

/** Renew this long before the access token's end, so a call never starts with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

type Row = { kind: string; status: string; accessToken: string | null; refreshToken: string | null; accessTokenExpiresAt: Date | null };

const fresh = (r: Row, now: number) => Boolean(r.accessToken && r.accessTokenExpiresAt && r.accessTokenExpiresAt.getTime() - now > REFRESH_MARGIN_MS);

/** The access token to call Stripe with for this App connection (renewed first if needed); null when Zori has no working access. */
export async function appAccessToken(connectionId: string): Promise<string | null> {
  const { rows } = await pool().query<Row>(
    `SELECT kind::text, status::text, "accessToken", "refreshToken", "accessTokenExpiresAt" FROM "StripeConnection" WHERE id = $1`,
    [connectionId],
  );
  const row = rows[0];
  if (!row || row.kind !== 'app' || row.status !== 'active') return null;
  if (fresh(row, Date.now())) return open(row.accessToken!);
  return renewAppAccessToken(connectionId);
}

/** Exchanges the stored refresh token for new tokens, once, however many processes ask at the same time. */
export async function renewAppAccessToken(connectionId: string, opts: { force?: boolean } = {}): Promise<string | null> {
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `SELECT kind::text, status::text, "accessToken", "refreshToken", "accessTokenExpiresAt" FROM "StripeConnection" WHERE id = $1 FOR UPDATE`,
      [connectionId],
    );
    const row = rows[0];
    if (!row || row.kind !== 'app' || row.status !== 'active' || !row.refreshToken) return null;
    // Renewed by another process while this one waited for the lock.
    if (!opts.force && fresh(row, Date.now())) return open(row.accessToken!);
    try {
      const tokens = await refreshAppTokens(open(row.refreshToken));
      await tx.query(
        `UPDATE "StripeConnection" SET "accessToken" = $2, "refreshToken" = $3, "accessTokenExpiresAt" = $4, "tokensRefreshedAt" = now(), "updatedAt" = now() WHERE id = $1`,
        [connectionId, seal(tokens.accessToken), tokens.refreshToken ? seal(tokens.refreshToken) : null, tokens.accessTokenExpiresAt],
      );
      return tokens.accessToken;
    } catch (err) {
      if (!(err instanceof ConnectOAuthError) || err.oauthCode !== 'invalid_grant') throw err;
      await tx.query(
        `UPDATE "StripeConnection" SET status = 'error', "statusReason" = $2, "accessToken" = NULL, "refreshToken" = NULL, "updatedAt" = now() WHERE id = $1`,
        [connectionId, 'Stripe refused to renew Zori’s access to this account (the app was uninstalled, or its access lapsed). Install the Zori app again to reconnect.'],
      );
      return null;
    }
  });
}

/**
 * Renews the tokens of App installs not renewed for `olderThanMs` (default 30 days), so a refresh
 * token never reaches its one-year end on an account that sends no events. Returns how many.
 */
export async function keepAppTokensAlive(olderThanMs = 30 * 24 * 3600 * 1000): Promise<number> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT id FROM "StripeConnection" WHERE kind = 'app' AND status = 'active' AND coalesce("tokensRefreshedAt", "connectedAt") < now() - make_interval(secs => $1::double precision / 1000)`,
    [olderThanMs],
  );
  let renewed = 0;
  for (const { id } of rows) {
    try {
      if (await renewAppAccessToken(id, { force: true })) renewed++;
    } catch (err) {
      console.warn(`[zori] renewing the Stripe App tokens of connection ${id} failed: ${(err as Error).message}`);
    }
  }
  return renewed;
}
