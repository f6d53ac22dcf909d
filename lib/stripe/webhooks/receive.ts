/**
 * Receiving Stripe webhooks.
 *
 *  - receiveStripeWebhook(projectId, rawBody, signature): the self-hosted endpoint
 *    (POST /webhooks/stripe/{projectId}): verifies the signature with the project's secrets, refuses
 *    an event naming an account other than the project's verified one, counts rejections, then hands
 *    the event to receiveVerifiedEvent.
 *  - receiveVerifiedEvent(projectId, stripeAccount, event, rawJson?): THE entry point for any event
 *    whose signature is already verified (the Connect endpoint routes by event.account and calls this
 *    with the connected account id). `stripeAccount` must be an account the caller established for
 *    this project, never one taken from the event unchecked; every row it writes is keyed by the project. It validates the envelope, stores the event in the durable inbox
 *    (a redelivery stores nothing and does no work), and queues it for the in-process worker, which
 *    dispatches it to lib/stripe/handlers and writes the ledger. It returns once the event is stored,
 *    so the caller can acknowledge.
 */
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { storeEvent } from '@/lib/stripe/inbox/store';
import { isHandledEventType } from '@/lib/stripe/handlers';
import type { StripeObject } from '@/lib/stripe/handlers/types';
import { selfHostedAccount, webhookTarget } from '@/lib/stripe/connection';
import { countWebhookRejection } from '@/lib/stripe/rejections';
import { stripeEventSchema } from '@/lib/zod/stripe';
import { REJECTION_MESSAGES, verifyStripeSignature } from './verify';

export type WebhookResponse = { status: number; body: Record<string, unknown> };

export async function receiveVerifiedEvent(projectId: string, stripeAccount: string, event: unknown, rawJson?: string): Promise<WebhookResponse> {
  const parsed = stripeEventSchema.safeParse(event);
  if (!parsed.success) {
    return { status: 400, body: { error: `${REJECTION_MESSAGES.invalid_payload} (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})` } };
  }
  const handled = isHandledEventType(parsed.data.type);
  const stored = await storeEvent(projectId, stripeAccount, parsed.data, rawJson ?? JSON.stringify(event), handled);
  if (stored.duplicate) return { status: 200, body: { received: true, duplicate: true } };
  if (stored.status === 'ignored') return { status: 200, body: { received: true, ignored: true } };
  const worker = inboxWorker();
  if (worker.running) worker.enqueue(stored.id, parsed.data as { type: string; data: { object: StripeObject } });
  return { status: 200, body: { received: true } };
}

export async function receiveStripeWebhook(projectId: string, rawBody: Buffer, signature: string | undefined): Promise<WebhookResponse> {
  const target = await webhookTarget(projectId);
  if (!target) return { status: 404, body: { error: 'Unknown project: check the webhook URL.' } };
  const verified = verifyStripeSignature(rawBody, signature, target.secrets);
  if (!verified.ok) {
    await countWebhookRejection(projectId, verified.reason);
    return { status: 400, body: { error: verified.message, reason: verified.reason } };
  }
  // Any tenant can sign any event with its own secret: the account an event names is only believed
  // when it is the one Zori verified for this project with its key (GET /v1/account).
  const account = selfHostedAccount((verified.event as unknown as { account?: unknown }).account as string | null | undefined, target.stripeAccountId);
  if (!account) {
    await countWebhookRejection(projectId, 'account_mismatch');
    return { status: 400, body: { error: REJECTION_MESSAGES.account_mismatch, reason: 'account_mismatch' } };
  }
  return receiveVerifiedEvent(projectId, account, verified.event, rawBody.toString('utf8'));
}
