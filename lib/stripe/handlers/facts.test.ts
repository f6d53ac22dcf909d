import { describe, expect, it } from 'vitest';
import { pickVisitor } from '@/lib/stripe/resolve-visitor';
import { chargeFacts, invoiceFacts } from './facts';

// The same subscription payment as three API versions describe it.
const legacyInvoice = {
  id: 'in_1', amount_paid: 1500, currency: 'usd', billing_reason: 'subscription_cycle', subscription: 'sub_1', payment_intent: 'pi_1', charge: 'ch_1',
  lines: { data: [{ type: 'subscription', metadata: { zori_visitor_id: 'zv_old' } }] },
};
const v2024Invoice = { id: 'in_1', amount_paid: 1500, currency: 'usd', billing_reason: 'subscription_create', subscription: 'sub_1', payment_intent: 'pi_1', subscription_details: { metadata: { zori_visitor_id: 'zv_2024' } } };
const basilInvoice = {
  id: 'in_1', amount_paid: 1500, currency: 'usd', billing_reason: 'subscription_cycle',
  parent: { type: 'subscription_details', subscription_details: { subscription: 'sub_1', metadata: { zori_visitor_id: 'zv_basil' } } },
};

describe('invoiceFacts', () => {
  it('reads the pre-2023-06-29 shape (subscription line metadata, payment_intent, charge)', () => {
    expect(invoiceFacts(legacyInvoice)).toMatchObject({ paymentIntentId: 'pi_1', chargeId: 'ch_1', invoiceId: 'in_1', subscriptionId: 'sub_1', kind: 'subscription_renewal', candidates: { subscription_metadata: 'zv_old' } });
  });
  it('reads the 2024 shape (subscription_details.metadata)', () => {
    expect(invoiceFacts(v2024Invoice)).toMatchObject({ paymentIntentId: 'pi_1', subscriptionId: 'sub_1', kind: 'subscription_first', candidates: { invoice_subscription_metadata: 'zv_2024' } });
  });
  it('reads the basil shape (parent.subscription_details) with no payment link', () => {
    expect(invoiceFacts(basilInvoice)).toMatchObject({ paymentIntentId: null, chargeId: null, subscriptionId: 'sub_1', candidates: { invoice_subscription_metadata: 'zv_basil' } });
  });
  it('gives a zero-amount invoice no amount', () => {
    expect(invoiceFacts({ ...basilInvoice, amount_paid: 0 }).amount).toBeNull();
  });
});

describe('chargeFacts', () => {
  it('reads ids whether expanded or not, and ignores malformed visitor ids', () => {
    const f = chargeFacts({ id: 'ch_1', amount: 100, currency: 'jpy', payment_intent: { id: 'pi_1', metadata: { zori_visitor_id: 'zv_pi' } }, metadata: { zori_visitor_id: 'bad id with spaces' }, customer: 'cus_1' });
    expect(f).toMatchObject({ paymentIntentId: 'pi_1', chargeId: 'ch_1', customerId: 'cus_1', amount: { value: 100n, currency: 'jpy', source: 'charge' } });
    expect(f.candidates).toEqual({ payment_intent_metadata: 'zv_pi' });
  });
});

describe('pickVisitor', () => {
  it('follows the documented order', () => {
    expect(pickVisitor({ customer_metadata: 'c', checkout_session_metadata: 's', invoice_subscription_metadata: 'i' })).toEqual({ visitorId: 's', source: 'checkout_session_metadata' });
    expect(pickVisitor({ identify_email: 'e', subscription_metadata: 'm' })).toEqual({ visitorId: 'm', source: 'subscription_metadata' });
    expect(pickVisitor({})).toBeNull();
  });
});
