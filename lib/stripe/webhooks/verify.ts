import type Stripe from 'stripe';
import { stripeWebhooks } from '@/lib/stripe/client';

// Signature check of one delivery, with the Stripe SDK's constructEvent (HMAC-SHA256 of
// `${t}.${rawBody}`, any matching v1, 300 s tolerance). A project can have several valid secrets
// while one is being rolled; the delivery passes if any of them verifies it. The SDK only refuses
// timestamps too far in the past; one too far in the future (an event signed ahead to be replayed
// later) is refused here, once the signature is known to match.

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type RejectionReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'bad_signature'
  | 'expired_signature'
  | 'invalid_payload'
  | 'no_secret'
  | 'account_mismatch'
  | 'future_signature';

export type Verification = { ok: true; event: Stripe.Event } | { ok: false; reason: RejectionReason; message: string };

export const REJECTION_MESSAGES: Record<RejectionReason, string> = {
  missing_signature: 'Missing Stripe-Signature header: this endpoint only accepts events sent by Stripe.',
  malformed_signature: 'Malformed Stripe-Signature header: expected "t=<timestamp>,v1=<signature>".',
  bad_signature:
    "Signature does not match this project's webhook secret (wrong secret, a body changed on the way, or an event meant for another project).",
  expired_signature: `Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds old (replayed event or a server clock far off).`,
  future_signature: `Signature timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds in the future (an event signed ahead of time to be replayed later, or a server clock far off).`,
  invalid_payload: 'The signed body is not a Stripe event in JSON.',
  no_secret: 'No webhook secret is configured for this project: add one under Settings > Integrations.',
  account_mismatch:
    "The event names a Stripe account other than the one this project's secret key belongs to (or no key is saved yet, so no account is verified): this endpoint only takes the project's own account's events.",
};

const reject = (reason: RejectionReason): Verification => ({ ok: false, reason, message: REJECTION_MESSAGES[reason] });

/** The header's `t`, read as the SDK reads it (the last `t=` item), so it is the timestamp the signature covers. */
function signedAt(header: string): number {
  let t = -1;
  for (const item of header.split(',')) {
    const [k, v] = item.split('=');
    if (k === 't') t = parseInt(v ?? '', 10);
  }
  return t;
}

export function verifyStripeSignature(rawBody: Buffer | string, header: string | undefined, secrets: string[]): Verification {
  if (!header) return reject('missing_signature');
  if (secrets.length === 0) return reject('no_secret');
  let last: RejectionReason = 'bad_signature';
  for (const secret of secrets) {
    try {
      const event = stripeWebhooks.constructEvent(rawBody, header, secret, SIGNATURE_TOLERANCE_SECONDS);
      if (signedAt(header) - Math.floor(Date.now() / 1000) > SIGNATURE_TOLERANCE_SECONDS) return reject('future_signature');
      return { ok: true, event };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof SyntaxError) return reject('invalid_payload');
      if (message.includes('Unable to extract timestamp') || message.includes('No signatures found with expected scheme')) return reject('malformed_signature');
      if (message.includes('Timestamp outside the tolerance zone')) {
        // The signature matched this secret but is too old: that is the answer, whatever the other secrets say.
        return reject('expired_signature');
      }
      if (message.includes('EventNotification')) return reject('invalid_payload');
      last = 'bad_signature';
    }
  }
  return reject(last);
}
