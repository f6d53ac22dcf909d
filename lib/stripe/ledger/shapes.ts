import type { StripeObject } from '@/lib/stripe/handlers/types';

// Tolerant readers for Stripe objects across API versions: a field may be an id, an expanded
// object, absent (removed in a newer version) or null.

export const VISITOR_METADATA_KEY = 'zori_visitor_id';
export const APP_USER_METADATA_KEY = 'zori_user_id';

export function obj(v: unknown): StripeObject | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as StripeObject) : null;
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** An id field that may be expanded into its object. */
export function idOf(v: unknown): string | null {
  return str(v) ?? str(obj(v)?.id);
}

export function int(v: unknown): bigint | null {
  return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
}

export function unixDate(v: unknown): Date | null {
  return typeof v === 'number' ? new Date(v * 1000) : null;
}

const VISITOR_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A well-formed visitor id, or null. */
export function visitorIdFrom(v: unknown): string | null {
  const s = str(typeof v === 'string' ? v.trim() : v);
  return s && VISITOR_ID.test(s) ? s : null;
}

export function metadataValue(o: StripeObject | null, key: string): string | null {
  const m = obj(o?.metadata);
  return m ? str(m[key]) : null;
}

/** Invoice → subscription id: `subscription` (before basil) or `parent.subscription_details.subscription` (basil+). */
export function invoiceSubscriptionId(invoice: StripeObject): string | null {
  return idOf(invoice.subscription) ?? idOf(obj(obj(invoice.parent)?.subscription_details)?.subscription);
}

/** Subscription metadata copied onto the invoice: `parent.subscription_details.metadata` (basil+) or `subscription_details.metadata` (2023-06-29 … acacia). */
export function invoiceSubscriptionMetadata(invoice: StripeObject): StripeObject | null {
  const parent = obj(invoice.parent);
  if (parent?.type === 'subscription_details') return obj(obj(parent.subscription_details)?.metadata);
  return obj(obj(invoice.subscription_details)?.metadata);
}

/** Subscription line items carry the subscription's metadata (all API versions, including those before subscription_details). */
export function subscriptionLineMetadata(invoice: StripeObject): StripeObject[] {
  const lines = obj(invoice.lines)?.data;
  if (!Array.isArray(lines)) return [];
  return lines
    .map(obj)
    .filter((l): l is StripeObject => l !== null && (l.type === 'subscription' || obj(l.parent)?.type === 'subscription_item_details'))
    .map((l) => obj(l.metadata))
    .filter((m): m is StripeObject => m !== null);
}

/**
 * API 2025-03-31.basil and later: partial captures and cancellations no longer create a Refund, so a
 * charge's `amount_refunded` no longer includes the released part of an authorisation.
 */
export function isBasilOrLater(apiVersion: string | null | undefined): boolean {
  return typeof apiVersion === 'string' && apiVersion.slice(0, 10) >= '2025-03-31';
}
