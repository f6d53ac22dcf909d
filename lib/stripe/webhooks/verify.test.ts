import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripeWebhooks } from '@/lib/stripe/client';
import { verifyStripeSignature } from './verify';

const vector = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../tests/fixtures/stripe/signature-vectors.json'), 'utf8')) as {
  secret: string;
  timestamp: number;
  payload: string;
  expected_v1: string;
};

const now = () => Math.floor(Date.now() / 1000);
const body = JSON.stringify({ id: 'evt_1', object: 'event', type: 'charge.succeeded', created: now(), livemode: false, data: { object: {} } });

describe('verifyStripeSignature', () => {
  it('matches the SDK vector (HMAC of t.body with the whsec secret)', () => {
    const header = stripeWebhooks.generateTestHeaderString({ payload: vector.payload, secret: vector.secret, timestamp: vector.timestamp });
    expect(header).toBe(`t=${vector.timestamp},v1=${vector.expected_v1}`);
  });

  it('accepts any of the secrets valid during a roll', () => {
    const header = stripeWebhooks.generateTestHeaderString({ payload: body, secret: 'whsec_new' });
    const result = verifyStripeSignature(body, header, ['whsec_old', 'whsec_new']);
    expect(result.ok && result.event.id).toBe('evt_1');
  });

  it('names each way a delivery fails', () => {
    const good = stripeWebhooks.generateTestHeaderString({ payload: body, secret: 'whsec_a' });
    const reason = (r: ReturnType<typeof verifyStripeSignature>) => (r.ok ? 'ok' : r.reason);
    expect(reason(verifyStripeSignature(body, undefined, ['whsec_a']))).toBe('missing_signature');
    expect(reason(verifyStripeSignature(body, good, []))).toBe('no_secret');
    expect(reason(verifyStripeSignature(body, 'bad_header', ['whsec_a']))).toBe('malformed_signature');
    expect(reason(verifyStripeSignature(body, good, ['whsec_b']))).toBe('bad_signature');
    expect(reason(verifyStripeSignature(`${body} `, good, ['whsec_a']))).toBe('bad_signature');
    const old = stripeWebhooks.generateTestHeaderString({ payload: body, secret: 'whsec_a', timestamp: now() - 301 });
    expect(reason(verifyStripeSignature(body, old, ['whsec_a']))).toBe('expired_signature');
    const ahead = stripeWebhooks.generateTestHeaderString({ payload: body, secret: 'whsec_a', timestamp: now() + 301 });
    expect(reason(verifyStripeSignature(body, ahead, ['whsec_a']))).toBe('future_signature');
    expect(reason(verifyStripeSignature(body, ahead, ['whsec_b']))).toBe('bad_signature');
    const notJson = 'not json';
    expect(reason(verifyStripeSignature(notJson, stripeWebhooks.generateTestHeaderString({ payload: notJson, secret: 'whsec_a' }), ['whsec_a']))).toBe('invalid_payload');
  });
});
