import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

// The emulator's whole world, in memory (optionally saved to a JSON file after each change):
// accounts and their API keys, the platform's OAuth grants, and every object per account,
// newest last, the order Stripe's list endpoints reverse.

export type StripeObject = { id: string; object: string; created: number; [field: string]: any };

export type AccountRecord = {
  account: StripeObject;
  /** Objects per collection (object type), oldest first. */
  collections: Record<string, StripeObject[]>;
};

export type Connection = {
  accessToken: string;
  refreshToken: string;
  publishableKey: string;
  scope: string;
  livemode: boolean;
  connectedAt: number;
  /** connect (Connect OAuth, the default) or app (the Stripe App installed through its install link). */
  kind?: 'connect' | 'app';
  refreshTokenExpiresAt?: number;
};

export type AuthorizationCode = {
  accountId: string;
  scope: string;
  livemode: boolean;
  expiresAt: number;
  usedAt?: number;
  /** Issued by a Stripe App install link (exchanged at /v1/oauth/token, not /oauth/token). */
  app?: boolean;
};

export type Delivery = {
  eventId: string;
  endpointId: string;
  account: string | null;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  delivered: boolean;
};

export type EmulatorData = {
  platform: { accountId: string; clientId: string; secretKey: string };
  accounts: Record<string, AccountRecord>;
  /** Secret key (sk_… or an OAuth access token) → the account it acts as. */
  keys: Record<string, string>;
  /** Connected account id → its OAuth grant to the platform. */
  connections: Record<string, Connection>;
  codes: Record<string, AuthorizationCode>;
  /** Refresh token → connected account id. */
  refreshTokens: Record<string, string>;
  /** Stripe App access token → when it stops working (unix seconds). */
  tokenExpiry?: Record<string, number>;
  /** How many refresh-token exchanges the app has made (tests count them). */
  refreshCount?: number;
  deliveries: Delivery[];
};

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Stripe-looking id: prefix + 24 base62 characters. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 62];
  return `${prefix}_${out}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export class EmulatorState {
  data: EmulatorData;
  private readonly byId = new Map<string, { accountId: string; object: StripeObject }>();

  constructor(
    opts: { clientId: string; platformKey: string; platformName: string },
    private readonly file?: string,
  ) {
    if (file && existsSync(file)) {
      this.data = JSON.parse(readFileSync(file, 'utf8')) as EmulatorData;
    } else {
      const accountId = 'acct_emulatorplatform0000';
      this.data = { platform: { accountId, clientId: opts.clientId, secretKey: opts.platformKey }, accounts: {}, keys: {}, connections: {}, codes: {}, refreshTokens: {}, deliveries: [] };
      this.createAccount({ id: accountId, name: opts.platformName, email: 'platform@emulator.test', secretKey: opts.platformKey });
    }
    for (const [accountId, rec] of Object.entries(this.data.accounts)) {
      for (const list of Object.values(rec.collections)) for (const o of list) this.byId.set(o.id, { accountId, object: o });
    }
  }

  save(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.data));
  }

  createAccount(opts: { id?: string; name: string; email?: string; secretKey?: string; country?: string; defaultCurrency?: string }): StripeObject {
    const id = opts.id ?? newId('acct', 16);
    const account: StripeObject = {
      id,
      object: 'account',
      business_profile: { name: opts.name, support_email: opts.email ?? null, url: null, mcc: null, product_description: null },
      business_type: 'company',
      capabilities: { card_payments: 'active', transfers: 'active' },
      charges_enabled: true,
      country: opts.country ?? 'US',
      created: nowSeconds(),
      default_currency: opts.defaultCurrency ?? 'usd',
      details_submitted: true,
      email: opts.email ?? null,
      metadata: {},
      payouts_enabled: true,
      settings: { dashboard: { display_name: opts.name, timezone: 'Etc/UTC' } },
      type: 'standard',
    };
    this.data.accounts[id] = { account, collections: {} };
    if (opts.secretKey) this.data.keys[opts.secretKey] = id;
    this.save();
    return account;
  }

  account(id: string): AccountRecord | undefined {
    return this.data.accounts[id];
  }

  insert(accountId: string, object: StripeObject): StripeObject {
    const rec = this.data.accounts[accountId];
    if (!rec) throw new Error(`no account ${accountId}`);
    (rec.collections[object.object] ??= []).push(object);
    this.byId.set(object.id, { accountId, object });
    this.save();
    return object;
  }

  remove(accountId: string, object: StripeObject): void {
    const list = this.data.accounts[accountId]?.collections[object.object];
    if (list) list.splice(list.indexOf(object), 1);
    this.byId.delete(object.id);
    this.save();
  }

  /** An object by id, only if it belongs to the account. */
  find(accountId: string, id: string, type?: string): StripeObject | undefined {
    const hit = this.byId.get(id);
    if (!hit || hit.accountId !== accountId) return undefined;
    if (type && hit.object.object !== type) return undefined;
    return hit.object;
  }

  /** The account an object id belongs to, whatever the account. */
  ownerOf(id: string): string | undefined {
    return this.byId.get(id)?.accountId;
  }

  list(accountId: string, type: string): StripeObject[] {
    return this.data.accounts[accountId]?.collections[type] ?? [];
  }
}
