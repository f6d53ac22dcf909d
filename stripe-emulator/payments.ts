import type { Deliverer } from './delivery';
import { StripeApiError, invalidParam, noSuch } from './http';
import {
  balanceTransactionObject,
  chargeObject,
  checkoutSessionObject,
  customerObject,
  invoiceObject,
  invoicePaymentObject,
  paymentIntentObject,
  refundObject,
  subscriptionObject,
} from './objects';
import { nowSeconds, type EmulatorState, type StripeObject } from './state';

// What happens on a Stripe account when someone pays: the objects a real payment creates, linked
// the way Stripe links them (and with the visitor id only where Stripe would carry it), then the
// events Stripe sends, in Stripe's order.

export type PaymentMode = 'payment' | 'checkout' | 'subscription' | 'checkout_subscription';

export type PaymentRequest = {
  account: string;
  amount: number;
  currency: string;
  visitorId?: string | null;
  mode: PaymentMode;
  email?: string | null;
  /** Unix seconds; defaults to now. Lets tests create history (e.g. 100 days ago). */
  created?: number;
  interval?: 'month' | 'year';
};

export type PaymentResult = {
  customer: StripeObject | null;
  paymentIntent: StripeObject;
  charge: StripeObject;
  checkoutSession?: StripeObject;
  subscription?: StripeObject;
  invoice?: StripeObject;
  invoicePayment?: StripeObject;
  events: string[];
};

export class Payments {
  constructor(
    private readonly state: EmulatorState,
    private readonly deliverer: Deliverer,
  ) {}

  /** The emulator is a test-mode Stripe: every object it makes has livemode false. */
  private livemodeOf(_account: string): boolean {
    return false;
  }

  /** PaymentIntent + Charge + balance transaction, succeeded. */
  private pay(account: string, amount: number, currency: string, created: number, customer: string | null, metadata: Record<string, string>, email: string | null) {
    const livemode = this.livemodeOf(account);
    const pi = paymentIntentObject({ amount, currency, created, livemode, customer, metadata });
    const chargeId = 'pending';
    const txn = balanceTransactionObject({ amount, currency, created, livemode, source: chargeId, type: 'charge' });
    const charge = chargeObject({ amount, currency, created, livemode, customer, metadata, paymentIntent: pi.id, balanceTransaction: txn.id, email });
    txn.source = charge.id;
    pi.latest_charge = charge.id;
    this.state.insert(account, pi);
    this.state.insert(account, txn);
    this.state.insert(account, charge);
    return { pi, charge };
  }

  create(req: PaymentRequest): PaymentResult {
    const rec = this.state.account(req.account);
    if (!rec) throw noSuch('account', req.account, 'account');
    if (!Number.isInteger(req.amount) || req.amount < 1) throw invalidParam('amount', 'amount must be a positive integer in the currency’s minor unit.');
    const currency = req.currency.toLowerCase();
    const created = req.created ?? nowSeconds();
    const livemode = this.livemodeOf(req.account);
    const visitor: Record<string, string> = req.visitorId ? { zori_visitor_id: req.visitorId } : {};
    const email = req.email ?? null;
    const customer = email || req.mode !== 'payment' ? this.state.insert(req.account, customerObject({ email, created, livemode })) : null;
    const events: string[] = [];
    const emit = (type: string, o: StripeObject, previousAttributes?: Record<string, unknown>) => events.push(this.deliverer.emit(req.account, type, o, { previousAttributes }).id);

    if (req.mode === 'payment' || req.mode === 'checkout') {
      // payment_intent_data.metadata reaches the PaymentIntent and its Charge; Checkout Session metadata stays on the session.
      const { pi, charge } = this.pay(req.account, req.amount, currency, created, customer?.id ?? null, req.mode === 'payment' ? visitor : {}, email);
      let session: StripeObject | undefined;
      if (req.mode === 'checkout') {
        session = this.state.insert(
          req.account,
          checkoutSessionObject({ mode: 'payment', amount: req.amount, currency, created, livemode, customer: customer?.id ?? null, email, metadata: visitor, paymentIntent: pi.id, subscription: null, invoice: null }),
        );
      }
      emit('charge.succeeded', charge);
      emit('payment_intent.succeeded', pi);
      if (session) emit('checkout.session.completed', session);
      return { customer, paymentIntent: pi, charge, checkoutSession: session, events };
    }

    // Subscriptions: subscription_data.metadata reaches the Subscription and, through
    // invoice.parent.subscription_details.metadata, its invoices; the charge's metadata stays empty.
    const sub = this.state.insert(
      req.account,
      subscriptionObject({ amount: req.amount, currency, created, livemode, customer: customer!.id, metadata: req.mode === 'subscription' ? visitor : {}, interval: req.interval ?? 'month' }),
    );
    const paid = this.payInvoice(req.account, sub, 'subscription_create', created, email);
    let session: StripeObject | undefined;
    if (req.mode === 'checkout_subscription') {
      session = this.state.insert(
        req.account,
        checkoutSessionObject({ mode: 'subscription', amount: req.amount, currency, created, livemode, customer: customer!.id, email, metadata: visitor, paymentIntent: null, subscription: sub.id, invoice: paid.invoice.id }),
      );
    }
    emit('customer.subscription.created', sub);
    for (const id of paid.emitAll()) events.push(id);
    if (session) emit('checkout.session.completed', session);
    return { customer, subscription: sub, checkoutSession: session, paymentIntent: paid.pi, charge: paid.charge, invoice: paid.invoice, invoicePayment: paid.invoicePayment, events };
  }

  private payInvoice(account: string, sub: StripeObject, reason: 'subscription_create' | 'subscription_cycle', created: number, email: string | null) {
    const livemode = sub.livemode as boolean;
    const amount = sub.items.data[0].price.unit_amount as number;
    const currency = sub.currency as string;
    const { pi, charge } = this.pay(account, amount, currency, created, sub.customer, {}, email);
    pi.description = reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update';
    charge.description = pi.description;
    const invoice = this.state.insert(
      account,
      invoiceObject({ amount, currency, created, livemode, customer: sub.customer, email, subscription: sub, billingReason: reason, accountName: this.state.account(account)!.account.settings.dashboard.display_name }),
    );
    const invoicePayment = this.state.insert(account, invoicePaymentObject({ amount, currency, created, livemode, invoice: invoice.id, paymentIntent: pi.id }));
    sub.latest_invoice = invoice.id;
    this.state.save();
    const emitAll = () =>
      [
        this.deliverer.emit(account, 'charge.succeeded', charge),
        this.deliverer.emit(account, 'payment_intent.succeeded', pi),
        this.deliverer.emit(account, 'invoice.paid', invoice),
        this.deliverer.emit(account, 'invoice.payment_succeeded', invoice),
        this.deliverer.emit(account, 'invoice_payment.paid', invoicePayment),
      ].map((e) => e.id);
    return { pi, charge, invoice, invoicePayment, emitAll };
  }

  /** The next billing period of a subscription: a new invoice paid by a new charge. */
  renew(account: string, subscriptionId: string, created = nowSeconds()) {
    const sub = this.state.find(account, subscriptionId, 'subscription');
    if (!sub) throw noSuch('subscription', subscriptionId);
    if (sub.status !== 'active') throw new StripeApiError(400, 'invalid_request_error', `Subscription ${subscriptionId} is ${sub.status}.`);
    const item = sub.items.data[0];
    const period = item.current_period_end - item.current_period_start;
    item.current_period_start = created;
    item.current_period_end = created + period;
    const customer = this.state.find(account, sub.customer, 'customer');
    const paid = this.payInvoice(account, sub, 'subscription_cycle', created, customer?.email ?? null);
    const events = paid.emitAll();
    return { subscription: sub, invoice: paid.invoice, charge: paid.charge, paymentIntent: paid.pi, invoicePayment: paid.invoicePayment, events };
  }

  /** Refunds all or part of a charge (cumulative `amount_refunded`), as POST /v1/refunds does. */
  refund(account: string, chargeId: string, amount?: number, reason: string | null = null) {
    const charge = this.state.find(account, chargeId, 'charge');
    if (!charge) throw noSuch('charge', chargeId, 'charge');
    const refundable = charge.amount - charge.amount_refunded;
    if (refundable <= 0) throw new StripeApiError(400, 'invalid_request_error', `Charge ${chargeId} has already been refunded.`, 'charge_already_refunded');
    const value = amount ?? refundable;
    if (!Number.isInteger(value) || value < 1) throw invalidParam('amount', 'Invalid positive integer');
    if (value > refundable) {
      throw new StripeApiError(400, 'invalid_request_error', `Refund amount (${value}) is greater than unrefunded amount on charge (${refundable})`, 'amount_too_large', 'amount');
    }
    const created = nowSeconds();
    const livemode = charge.livemode as boolean;
    const txn = this.state.insert(account, balanceTransactionObject({ amount: value, currency: charge.currency, created, livemode, source: 'pending', type: 'refund' }));
    const refund = this.state.insert(account, refundObject({ amount: value, currency: charge.currency, created, livemode, charge: chargeId, paymentIntent: charge.payment_intent, balanceTransaction: txn.id, reason }));
    txn.source = refund.id;
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += value;
    charge.refunded = charge.amount_refunded === charge.amount;
    charge.refunds = { ...charge.refunds, data: [refund, ...charge.refunds.data].slice(0, 10) };
    this.state.save();
    const events = [this.deliverer.emit(account, 'charge.refunded', charge, { previousAttributes: previous }).id, this.deliverer.emit(account, 'refund.created', refund).id];
    return { refund, charge, events };
  }
}
