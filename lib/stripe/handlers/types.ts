import type { PoolClient } from 'pg';
import type Stripe from 'stripe';

/** What every event handler gets: the open transaction of the inbox row being processed and the project. */
export type HandlerContext = {
  tx: PoolClient;
  projectId: string;
  /**
   * The Stripe account within the project (the connected account, the self-hosted project's verified
   * account, or `self` before one is verified). Ledger keys are (projectId, stripeAccount, …).
   */
  stripeAccount: string;
  livemode: boolean;
  /** The event's api_version (the shape its object is in), when it says. */
  apiVersion: string | null;
  /** event.created: orders facts from events that arrive out of order. */
  eventCreated: Date;
  project: { reportingCurrency: string; identitySalt: string };
  /** A Stripe API client for this account when Zori holds a usable key; null otherwise (fetches are optional). */
  stripeApi: () => Promise<Stripe | null>;
};

export type HandlerResult = { status: 'processed' | 'ignored'; paymentIds: string[]; note?: string };

// Stripe objects arrive in several API versions' shapes; handlers read them through the small
// accessors in ../ledger/shapes.ts rather than the SDK's types of the newest version.
export type StripeObject = Record<string, unknown>;

export type EventHandler = (ctx: HandlerContext, object: StripeObject) => Promise<HandlerResult>;

/** Thrown when an event depends on one not processed yet (a refund before its charge): retried with backoff. */
export class NotReadyError extends Error {}

/**
 * The event's object is malformed or impossible (a field missing, a negative or too large amount, an
 * unknown currency, a refund beyond what the payment has left): the same event will fail the same
 * way on every retry, so it is marked failed at once with this message and not retried by itself.
 */
export class InvalidEventError extends Error {}
