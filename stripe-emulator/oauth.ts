import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deliverer } from './delivery';
import { apiKeyOf, escapeHtml, redirect, sendHtml, sendJson, type Params } from './http';
import { newId, nowSeconds, type EmulatorState } from './state';

// Connect OAuth as connect.stripe.com serves it: a consent page at /oauth/authorize whose
// Authorize / Deny buttons redirect to redirect_uri with `code`+`scope`+`state` or
// `error=access_denied`+`state`; POST /oauth/token (authorization_code and refresh_token grants,
// authenticated with the platform's secret key); POST /oauth/deauthorize. Errors are OAuth-style:
// `{ "error": "invalid_grant", "error_description": "…" }`.

const CODE_TTL_SECONDS = 5 * 60;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #635bff;cursor:pointer;margin-right:.5rem}
.allow{background:#635bff;color:#fff}.deny{background:#fff;color:#635bff}label{display:block;margin:.8rem 0 .3rem}
select,input{font-size:1rem;padding:.4rem;width:100%}.note{color:#697386;font-size:.9rem}</style></head>
<body><p class="note">Stripe emulator (local, for testing)</p>${body}</body></html>`;
}

export function createOAuth(state: EmulatorState, deliverer: Deliverer) {
  function validAuthorizeParams(p: Params): { clientId: string; redirectUri: string; scope: string; state: string | undefined; email: string | undefined } {
    if (p.response_type !== 'code') throw new OAuthError(400, 'unsupported_response_type', `Unsupported response_type: ${String(p.response_type ?? '')}`);
    if (p.client_id !== state.data.platform.clientId) throw new OAuthError(400, 'invalid_client', `No such application: '${String(p.client_id ?? '')}'`);
    const scope = String(p.scope ?? 'read_only');
    if (!['read_only', 'read_write'].includes(scope)) throw new OAuthError(400, 'invalid_scope', `Invalid scope: ${scope}`);
    let redirectUri: string;
    try {
      const u = new URL(String(p.redirect_uri));
      if (!['http:', 'https:'].includes(u.protocol)) throw new Error();
      redirectUri = u.toString();
    } catch {
      throw new OAuthError(400, 'invalid_request', 'Invalid redirect_uri: it must be an absolute http(s) URL registered for this application.');
    }
    return { clientId: String(p.client_id), redirectUri, scope, state: p.state === undefined ? undefined : String(p.state), email: p.stripe_user?.email };
  }

  function back(redirectUri: string, params: Record<string, string | undefined>): string {
    const u = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  }

  /** GET /oauth/authorize: the consent page. */
  function consentPage(res: ServerResponse, p: Params): void {
    let ask;
    try {
      ask = validAuthorizeParams(p);
    } catch (err) {
      // Stripe shows these on its own page instead of redirecting to an unverified redirect_uri.
      const e = err as OAuthError;
      sendHtml(res, 400, page('Error', `<h1>Something went wrong</h1><p role="alert"><code>${escapeHtml(e.error)}</code>: ${escapeHtml(e.message)}</p>`));
      return;
    }
    const platform = state.account(state.data.platform.accountId)!.account;
    const choices = Object.values(state.data.accounts)
      .map((a) => a.account)
      .filter((a) => a.id !== platform.id)
      .map((a) => `<option value="${escapeHtml(a.id)}">${escapeHtml(a.settings.dashboard.display_name)} (${escapeHtml(a.id)})</option>`)
      .join('');
    const hidden = Object.entries({ ...p, stripe_user: undefined, email: ask.email })
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v as string)}">`)
      .join('');
    const name = ask.email ? `${ask.email.split('@')[0]}'s shop` : 'Emulated Shop';
    sendHtml(
      res,
      200,
      page(
        'Connect with Stripe',
        `<h1>${escapeHtml(platform.settings.dashboard.display_name)} would like to connect to your Stripe account</h1>
<p>It will be able to ${ask.scope === 'read_only' ? 'view your account data (read only)' : 'view and change your account data'}.</p>
<form method="post" action="/oauth/authorize/decision">${hidden}
<label for="account">Account</label><select id="account" name="account"><option value="new">A new account</option>${choices}</select>
<label for="account_name">Name of a new account</label><input id="account_name" name="account_name" value="${escapeHtml(name)}">
<p><button class="allow" name="decision" value="allow" type="submit">Authorize access to this account</button>
<button class="deny" name="decision" value="deny" type="submit">Deny</button></p></form>`,
      ),
    );
  }

  /** POST /oauth/authorize/decision: the consent page's buttons. */
  function decision(res: ServerResponse, p: Params): void {
    let ask;
    try {
      ask = validAuthorizeParams(p);
    } catch (err) {
      const e = err as OAuthError;
      sendHtml(res, 400, page('Error', `<p role="alert">${escapeHtml(e.message)}</p>`));
      return;
    }
    if (p.decision !== 'allow') {
      redirect(res, back(ask.redirectUri, { error: 'access_denied', error_description: 'The user denied your request', state: ask.state }));
      return;
    }
    let accountId = String(p.account ?? 'new');
    if (accountId === 'new' || !state.account(accountId)) {
      accountId = state.createAccount({ name: String(p.account_name || 'Emulated Shop'), email: p.email ? String(p.email) : undefined, secretKey: undefined }).id;
    }
    const code = `ac_${newId('x', 32).slice(2)}`;
    state.data.codes[code] = { accountId, scope: ask.scope, livemode: false, expiresAt: nowSeconds() + CODE_TTL_SECONDS };
    state.save();
    redirect(res, back(ask.redirectUri, { scope: ask.scope, code, state: ask.state }));
  }

  function requirePlatformKey(req: IncomingMessage, p: Params): void {
    const key = apiKeyOf(req) ?? (p.client_secret ? String(p.client_secret) : null);
    if (!key) throw new OAuthError(401, 'invalid_client', 'No authentication was provided. Send your secret API key using the Authorization header, or as a client_secret POST parameter.');
    if (key !== state.data.platform.secretKey) throw new OAuthError(401, 'invalid_client', `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`);
  }

  function issueTokens(accountId: string, scope: string, livemode: boolean) {
    const previous = state.data.connections[accountId];
    if (previous) {
      delete state.data.keys[previous.accessToken];
      delete state.data.refreshTokens[previous.refreshToken];
    }
    const accessToken = `sk_${livemode ? 'live' : 'test'}_${newId('x', 40).slice(2)}`;
    const refreshToken = `rt_${newId('x', 40).slice(2)}`;
    const publishableKey = `pk_${livemode ? 'live' : 'test'}_${newId('x', 40).slice(2)}`;
    state.data.connections[accountId] = { accessToken, refreshToken, publishableKey, scope, livemode, connectedAt: previous?.connectedAt ?? nowSeconds() };
    state.data.keys[accessToken] = accountId;
    state.data.refreshTokens[refreshToken] = accountId;
    state.save();
    return { access_token: accessToken, livemode, refresh_token: refreshToken, token_type: 'bearer', stripe_publishable_key: publishableKey, stripe_user_id: accountId, scope };
  }

  /** POST /oauth/token */
  function token(req: IncomingMessage, p: Params): unknown {
    requirePlatformKey(req, p);
    if (!p.grant_type) throw new OAuthError(400, 'invalid_request', 'No grant type specified');
    if (p.grant_type === 'authorization_code') {
      if (!p.code) throw new OAuthError(400, 'invalid_request', 'No authorization code provided');
      const code = String(p.code);
      const grant = state.data.codes[code];
      if (!grant || grant.app) throw new OAuthError(400, 'invalid_grant', `Authorization code does not exist: ${code}`);
      if (grant.usedAt) {
        // Stripe revokes what a reused code issued.
        const conn = state.data.connections[grant.accountId];
        if (conn) revoke(grant.accountId);
        throw new OAuthError(400, 'invalid_grant', `This authorization code has already been used. All tokens issued with this code have been revoked.`);
      }
      if (grant.expiresAt < nowSeconds()) throw new OAuthError(400, 'invalid_grant', `Authorization code expired: ${code}`);
      grant.usedAt = nowSeconds();
      return issueTokens(grant.accountId, grant.scope, grant.livemode);
    }
    if (p.grant_type === 'refresh_token') {
      const refreshToken = String(p.refresh_token ?? '');
      const accountId = state.data.refreshTokens[refreshToken];
      if (!accountId || !state.data.connections[accountId] || state.data.connections[accountId].kind === 'app') throw new OAuthError(400, 'invalid_grant', `Invalid refresh token: ${refreshToken}`);
      const conn = state.data.connections[accountId];
      return issueTokens(accountId, p.scope ? String(p.scope) : conn.scope, conn.livemode);
    }
    throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${String(p.grant_type)}`);
  }

  /** Ends a connection; Stripe then tells the platform's Connect endpoints. */
  function revoke(accountId: string): void {
    const conn = state.data.connections[accountId];
    if (!conn) return;
    delete state.data.connections[accountId];
    delete state.data.keys[conn.accessToken];
    delete state.data.refreshTokens[conn.refreshToken];
    state.save();
    const platform = state.account(state.data.platform.accountId)!.account;
    const application = { id: state.data.platform.clientId, object: 'application', name: platform.settings.dashboard.display_name };
    deliverer.emit(accountId, 'account.application.deauthorized', application, { connected: true });
  }

  /** POST /oauth/deauthorize */
  function deauthorize(req: IncomingMessage, p: Params): unknown {
    requirePlatformKey(req, p);
    if (p.client_id !== state.data.platform.clientId) throw new OAuthError(401, 'invalid_client', `No such application: '${String(p.client_id ?? '')}'`);
    const accountId = String(p.stripe_user_id ?? '');
    if (!state.data.connections[accountId] || state.data.connections[accountId].kind === 'app') {
      throw new OAuthError(401, 'invalid_client', `This application is not connected to stripe account ${accountId}, or that account does not exist.`);
    }
    revoke(accountId);
    return { stripe_user_id: accountId };
  }

  return {
    consentPage,
    decision,
    revoke,
    handleJson(res: ServerResponse, fn: () => unknown): void {
      try {
        sendJson(res, 200, fn());
      } catch (err) {
        if (!(err instanceof OAuthError)) throw err;
        sendJson(res, err.status, { error: err.error, error_description: err.message });
      }
    },
    token,
    deauthorize,
  };
}
