import Stripe from 'stripe';
import { eventObject } from './objects';
import { nowSeconds, type Delivery, type EmulatorState, type StripeObject } from './state';

// Events and their delivery, as Stripe does it: each event is stored on its account (GET /v1/events)
// and POSTed to every enabled endpoint that listens to its type — the account's own endpoints, and,
// for an account connected to the platform, the platform's Connect endpoints with `account` set.
// The body is the pretty-printed event JSON, signed with the endpoint's secret by the SDK's own
// `generateTestHeaderString` (`Stripe-Signature: t=…,v1=…`). A non-2xx answer or a network error
// is retried after each delay in `retryDelaysMs` (Stripe: hours, up to 3 days; here: short).

const signer = new Stripe('sk_test_emulator_signer');

export class Deliverer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly state: EmulatorState,
    private readonly retryDelaysMs: number[],
    private readonly log: (line: string) => void,
  ) {}

  /** Records an event on `accountId` and delivers it. `connected` overrides whether Connect endpoints get it. */
  emit(accountId: string, type: string, object: StripeObject | Record<string, unknown>, opts: { previousAttributes?: Record<string, unknown>; connected?: boolean } = {}): StripeObject {
    const rec = this.state.account(accountId);
    if (!rec) throw new Error(`no account ${accountId}`);
    const connected = opts.connected ?? Boolean(this.state.data.connections[accountId]);
    const livemode = Boolean((object as { livemode?: boolean }).livemode);
    const isPlatform = accountId === this.state.data.platform.accountId;
    const event = eventObject({ type, object, account: connected && !isPlatform ? accountId : null, livemode, created: nowSeconds(), previousAttributes: opts.previousAttributes });
    this.state.insert(accountId, event);

    const listens = (we: StripeObject) => we.status === 'enabled' && (we.enabled_events.includes('*') || we.enabled_events.includes(type));
    const own = this.state.list(accountId, 'webhook_endpoint').filter((we) => !we.connect && listens(we));
    const viaConnect =
      connected && !isPlatform ? this.state.list(this.state.data.platform.accountId, 'webhook_endpoint').filter((we) => we.connect && listens(we)) : [];
    for (const we of own) this.deliver(event, we, null);
    for (const we of viaConnect) this.deliver(event, we, accountId);
    return event;
  }

  private deliver(event: StripeObject, endpoint: StripeObject, account: string | null): void {
    const body = { ...event, ...(account ? { account } : {}) };
    if (!account) delete (body as { account?: string }).account;
    const payload = JSON.stringify(body, null, 2);
    const record: Delivery = { eventId: event.id, endpointId: endpoint.id, account, url: endpoint.url, attempts: 0, lastStatus: null, lastError: null, delivered: false };
    this.state.data.deliveries.push(record);
    this.attempt(record, payload, endpoint.secret as string);
  }

  private attempt(record: Delivery, payload: string, secret: string): void {
    const run = (async () => {
      record.attempts += 1;
      try {
        const header = signer.webhooks.generateTestHeaderString({ payload, secret, timestamp: nowSeconds() });
        const res = await fetch(record.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        record.lastStatus = res.status;
        record.lastError = null;
        await res.arrayBuffer().catch(() => undefined);
        record.delivered = res.status >= 200 && res.status < 300;
      } catch (err) {
        record.lastStatus = null;
        record.lastError = (err as Error).message;
      }
      this.state.save();
      this.log(`deliver ${record.eventId} → ${record.url} attempt ${record.attempts}: ${record.delivered ? 'ok' : (record.lastStatus ?? record.lastError)}`);
      const delay = this.retryDelaysMs[record.attempts - 1];
      if (!record.delivered && delay !== undefined) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.attempt(record, payload, secret);
        }, delay);
        this.timers.add(timer);
      }
    })();
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      this.notifyIfIdle();
    });
  }

  private notifyIfIdle(): void {
    if (this.inFlight.size > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once no delivery is running or waiting for a retry. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.notifyIfIdle();
  }
}
