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
  it('reads what a pre-2018 invoice was paid from amount_due (or total) when paid, nothing when not', () => {
    const old = { id: 'in_2016', object: 'invoice', currency: 'usd', total: 2000, amount_due: 1500, paid: true, charge: 'ch_1', date: 1460000000 };
    expect(invoiceFacts(old)).toMatchObject({ chargeId: 'ch_1', amount: { value: 1500n, currency: 'usd', source: 'invoice' }, paidAt: new Date(1460000000 * 1000) });
    expect(invoiceFacts({ ...old, amount_due: undefined }).amount).toMatchObject({ value: 2000n });
    expect(invoiceFacts({ ...old, paid: false }).amount).toBeNull();
  });
  it('gives a zero-amount invoice no amount', () => {
    expect(invoiceFacts({ ...basilInvoice, amount_paid: 0 }).amount).toBeNull();
  });
});

describe('chargeFacts', () => {
  it('counts what was captured: nothing before capture, amount_captured from basil on, the authorised amount before', () => {
    const c = { id: 'ch_1', amount: 1000, currency: 'usd', payment_intent: 'pi_1' };
    expect(chargeFacts({ ...c, captured: false, amount_captured: 0 }, '2025-03-31.basil').amount).toBeNull();
    expect(chargeFacts({ ...c, captured: true, amount_captured: 600 }, '2025-03-31.basil').amount).toMatchObject({ value: 600n });
    expect(chargeFacts({ ...c, captured: true, amount_captured: 600, amount_refunded: 400 }, '2024-06-20')).toMatchObject({ amount: { value: 1000n }, chargeAmountRefunded: 400n });
    expect(chargeFacts({ ...c }, null).amount).toMatchObject({ value: 1000n }); // 2013: no captured field at all
  });
  it('refuses a charge whose refunded or captured amount exceeds its amount', () => {
    expect(() => chargeFacts({ id: 'ch_1', amount: 1000, currency: 'usd', amount_refunded: 1001 })).toThrow('charge.amount_refunded: 1001 is more than the charge\'s amount (1000)');
    expect(() => chargeFacts({ id: 'ch_1', amount: 1000, currency: 'usd', amount_captured: 2000 })).toThrow(/amount_captured/);
  });
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
