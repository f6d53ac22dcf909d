import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deliverer } from './delivery';
import { apiKeyOf, escapeHtml, redirect, sendHtml, sendJson, type Params } from './http';
import { newId, nowSeconds, type EmulatorState } from './state';

// Stripe Apps OAuth as Stripe serves it (docs.stripe.com/stripe-apps/api-authentication/oauth):
// the install link `/oauth/v2/authorize?client_id&redirect_uri&state` (test-mode links carry a
// `chnlink_…` segment: `/oauth/v2/chnlink_…/authorize`) shows the app's permissions with Install /
// Deny, and redirects to redirect_uri with `code`+`state` or `error=access_denied`+`state`. The code
// is single-use and valid 5 minutes. POST /v1/oauth/token, authenticated with the app developer's
// secret key, exchanges it (grant_type=authorization_code) or a refresh token (grant_type=refresh_token)
// for `{ access_token, refresh_token, livemode, scope: "stripe_apps", stripe_publishable_key,
// stripe_user_id, token_type }`. Access tokens expire after an hour (`accessTokenTtl`); refresh
// tokens roll on every exchange (the previous one stops working) and expire after a year. The
// account's API calls use its access token; an expired one answers 401 `api_key_expired`.
// Uninstalling sends account.application.deauthorized to the developer's Connect endpoints.

const CODE_TTL_SECONDS = 5 * 60;
const REFRESH_TTL_SECONDS = 365 * 24 * 3600;

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
select,input{font-size:1rem;padding:.4rem;width:100%}.note{color:#697386;font-size:.9rem}li{margin:.2rem 0}</style></head>
<body><p class="note">Stripe emulator (local, for testing)</p>${body}</body></html>`;
}

export type AppOptions = { clientId: string; name: string; permissions: string[]; accessTokenTtlSeconds: number };

export function createApps(state: EmulatorState, deliverer: Deliverer, app: AppOptions) {
  function validInstallParams(p: Params): { redirectUri: string; state: string | undefined } {
    if (p.client_id !== app.clientId) throw new OAuthError(400, 'invalid_client', `No such app: '${String(p.client_id ?? '')}'`);
    let redirectUri: string;
    try {
      const u = new URL(String(p.redirect_uri));
      if (!['http:', 'https:'].includes(u.protocol)) throw new Error();
      redirectUri = u.toString();
    } catch {
      throw new OAuthError(400, 'invalid_request', "Invalid redirect_uri: it must be one of the app's allowed_redirect_uris.");
    }
    return { redirectUri, state: p.state === undefined ? undefined : String(p.state) };
  }

  function back(redirectUri: string, params: Record<string, string | undefined>): string {
    const u = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
    return u.toString();
  }

  /** GET /oauth/v2/authorize (and /oauth/v2/chnlink_…/authorize): the install page. */
  function installPage(res: ServerResponse, p: Params, linkPath: string): void {
    let ask;
    try {
      ask = validInstallParams(p);
    } catch (err) {
      const e = err as OAuthError;
      sendHtml(res, 400, page('Error', `<h1>The provided OAuth link is invalid</h1><p role="alert"><code>${escapeHtml(e.error)}</code>: ${escapeHtml(e.message)}</p>`));
      return;
    }
    const platform = state.account(state.data.platform.accountId)!.account;
    const choices = Object.values(state.data.accounts)
      .map((a) => a.account)
      .filter((a) => a.id !== platform.id)
      .map((a) => `<option value="${escapeHtml(a.id)}">${escapeHtml(a.settings.dashboard.display_name)} (${escapeHtml(a.id)})</option>`)
      .join('');
    const hidden = Object.entries(p)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v as string)}">`)
      .join('');
    sendHtml(
      res,
      200,
      page(
        `Install ${app.name}`,
        `<h1>Install ${escapeHtml(app.name)}</h1>
<p>${escapeHtml(app.name)} will be able to:</p><ul>${app.permissions.map((x) => `<li><code>${escapeHtml(x)}</code></li>`).join('')}</ul>
<form method="post" action="${escapeHtml(linkPath)}/decision">${hidden}
<label for="account">Account</label><select id="account" name="account"><option value="new">A new account</option>${choices}</select>
<label for="account_name">Name of a new account</label><input id="account_name" name="account_name" value="App Shop">
<p><button class="allow" name="decision" value="allow" type="submit">Install app</button>
<button class="deny" name="decision" value="deny" type="submit">Deny</button></p></form>`,
      ),
    );
  }

  /** POST …/authorize/decision: the install page's buttons. */
  function decision(res: ServerResponse, p: Params): void {
    let ask;
    try {
      ask = validInstallParams(p);
    } catch (err) {
      sendHtml(res, 400, page('Error', `<p role="alert">${escapeHtml((err as OAuthError).message)}</p>`));
      return;
    }
    if (p.decision !== 'allow') {
      redirect(res, back(ask.redirectUri, { error: 'access_denied', error_description: 'The user denied your request', state: ask.state }));
      return;
    }
    let accountId = String(p.account ?? 'new');
    if (accountId === 'new' || !state.account(accountId)) accountId = state.createAccount({ name: String(p.account_name || 'App Shop') }).id;
    const code = `ac_${newId('x', 32).slice(2)}`;
    state.data.codes[code] = { accountId, scope: 'stripe_apps', livemode: false, expiresAt: nowSeconds() + CODE_TTL_SECONDS, app: true };
    state.save();
    redirect(res, back(ask.redirectUri, { code, state: ask.state }));
  }

  function requireDeveloperKey(req: IncomingMessage): void {
    const key = apiKeyOf(req);
    if (!key) throw new OAuthError(401, 'invalid_client', 'No authentication was provided. Send your secret API key using the Authorization header.');
    if (key !== state.data.platform.secretKey) throw new OAuthError(401, 'invalid_client', `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`);
  }

  function issueTokens(accountId: string, livemode: boolean) {
    const previous = state.data.connections[accountId];
    if (previous) {
      delete state.data.keys[previous.accessToken];
      delete state.data.refreshTokens[previous.refreshToken];
      if (state.data.tokenExpiry) delete state.data.tokenExpiry[previous.accessToken];
    }
    const accessToken = `sk_${livemode ? 'live' : 'test'}_app${newId('x', 40).slice(2)}`;
    const refreshToken = `rt_${newId('x', 40).slice(2)}`;
    const publishableKey = `pk_${livemode ? 'live' : 'test'}_${newId('x', 40).slice(2)}`;
    const now = nowSeconds();
    state.data.connections[accountId] = {
      accessToken, refreshToken, publishableKey, scope: 'stripe_apps', livemode, connectedAt: previous?.connectedAt ?? now,
      kind: 'app', refreshTokenExpiresAt: now + REFRESH_TTL_SECONDS,
    };
    state.data.keys[accessToken] = accountId;
    (state.data.tokenExpiry ??= {})[accessToken] = now + app.accessTokenTtlSeconds;
    state.data.refreshTokens[refreshToken] = accountId;
    state.save();
    // No expires_in: Stripe's answer has none (access tokens last an hour, by documentation).
    return { access_token: accessToken, livemode, refresh_token: refreshToken, scope: 'stripe_apps', stripe_publishable_key: publishableKey, stripe_user_id: accountId, token_type: 'bearer' };
  }

  /** POST /v1/oauth/token */
  function token(req: IncomingMessage, p: Params): unknown {
    requireDeveloperKey(req);
    if (p.grant_type === 'authorization_code') {
      if (!p.code) throw new OAuthError(400, 'invalid_request', 'No authorization code provided');
      const code = String(p.code);
      const grant = state.data.codes[code];
      if (!grant || !grant.app) throw new OAuthError(400, 'invalid_grant', `Authorization code does not exist: ${code}`);
      if (grant.usedAt) throw new OAuthError(400, 'invalid_grant', 'This authorization code has already been used.');
      if (grant.expiresAt < nowSeconds()) throw new OAuthError(400, 'invalid_grant', `Authorization code expired: ${code}`);
      grant.usedAt = nowSeconds();
      return issueTokens(grant.accountId, grant.livemode);
    }
    if (p.grant_type === 'refresh_token') {
      const refreshToken = String(p.refresh_token ?? '');
      const accountId = state.data.refreshTokens[refreshToken];
      const conn = accountId ? state.data.connections[accountId] : undefined;
      // A rolled (already exchanged) refresh token is gone from the map: refused like an unknown one.
      if (!conn || conn.kind !== 'app' || conn.refreshToken !== refreshToken) throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      if ((conn.refreshTokenExpiresAt ?? Infinity) < nowSeconds()) throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      state.data.refreshCount = (state.data.refreshCount ?? 0) + 1;
      return issueTokens(accountId!, conn.livemode);
    }
    if (!p.grant_type) throw new OAuthError(400, 'invalid_request', 'No grant type specified');
    throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${String(p.grant_type)}`);
  }

  /** The merchant uninstalls the app from their dashboard. */
  function uninstall(accountId: string): void {
    const conn = state.data.connections[accountId];
    if (!conn || conn.kind !== 'app') return;
    delete state.data.connections[accountId];
    delete state.data.keys[conn.accessToken];
    delete state.data.refreshTokens[conn.refreshToken];
    state.save();
    const application = { id: app.clientId, object: 'application', name: app.name };
    deliverer.emit(accountId, 'account.application.deauthorized', application, { connected: true });
  }

  /** Makes an installed account's access token expire now (tests: "an hour later"). */
  function expireAccessToken(accountId: string): boolean {
    const conn = state.data.connections[accountId];
    if (!conn || conn.kind !== 'app') return false;
    (state.data.tokenExpiry ??= {})[conn.accessToken] = nowSeconds() - 1;
    state.save();
    return true;
  }

  return {
    installPage,
    decision,
    token,
    uninstall,
    expireAccessToken,
    handleJson(res: ServerResponse, fn: () => unknown): void {
      try {
        sendJson(res, 200, fn());
      } catch (err) {
        if (!(err instanceof OAuthError)) throw err;
        sendJson(res, err.status, { error: err.error, error_description: err.message });
      }
    },
  };
}
