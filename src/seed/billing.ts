// Seeds billing: the tenant's plan subscription with its invoices and payments, add-on orders paid
// through the database's rules (payments first, then paid), entitlements and partial refunds.
import {
  billingOrderItems,
  billingOrders,
  entitlements,
  invoices,
  payments,
  refunds,
  subscriptions,
  type NewBillingOrder,
  type NewBillingOrderItem,
  type NewEntitlement,
  type NewInvoice,
  type NewPayment,
  type NewRefund,
  type NewSubscription,
} from '../schema/index.js';
import type { SeedEnvironment } from './catalog.js';
import { taxCents } from './catalog.js';
import type { TenantSeedContext } from './context.js';
import { capped } from './projects.js';
import { addDays, SEED_EPOCH, type Random } from './random.js';

const BILLING_PLACES: Array<[string, string | null]> = [
  ['DE', null], ['FR', null], ['GB', null], ['NL', null], ['ES', null], ['US', 'CA'], ['US', 'NY'], ['US', 'TX'], ['CA', null], ['JP', null], ['AU', null],
];

/** Billing facts later domains use (licenses hang off the plan's entitlement). */
export interface BillingRefs {
  plan: { productId: string; entitlementId: string | null; seats: number; active: boolean } | null;
}

function stripeId(rng: Random, prefix: string): string {
  return `${prefix}_${rng.next().toString(36)}${rng.next().toString(36)}${rng.next().toString(36)}`.slice(0, 30);
}

function card(rng: Random): Pick<NewPayment, 'paymentMethod' | 'cardBrand' | 'cardLast4'> {
  const method = rng.weighted([['card', 8], ['bank_account', 1], ['apple_pay', 1]] as const);
  return {
    paymentMethod: method,
    cardBrand: method === 'card' ? rng.pick(['visa', 'mastercard', 'amex']) : null,
    cardLast4: method === 'card' ? String(rng.int(0, 9999)).padStart(4, '0') : null,
  };
}

/**
 * Seeds the tenant's subscription (trialing, active, past due or cancelled) with monthly or
 * yearly invoices and payments, 0-3 add-on orders (paid ones with succeeded payments, entitlements
 * and sometimes a partial refund; also pending, failed and cancelled orders). Needs the catalog
 * ({@link ensureCatalog}). Publishes `ctx.refs.billing`.
 *
 * @example
 * ```ts
 * import { seedBilling } from '@stocksync/db/seed';
 * ```
 */
export function seedBilling(ctx: TenantSeedContext): void {
  const env: SeedEnvironment = ctx.env;
  const rng = ctx.rng('billing');
  const { tenantId } = ctx;
  const owner = ctx.users.find((u) => u.role === 'owner') ?? ctx.users[0]!;
  const [country, state] = rng.pick(BILLING_PLACES);
  const epoch = new Date(SEED_EPOCH);
  const tier = ctx.tenant.licenseTier ?? 'trial';
  const refs: BillingRefs = { plan: null };
  const subs: NewSubscription[] = [];
  const ents: NewEntitlement[] = [];
  const invs: NewInvoice[] = [];
  const pays: NewPayment[] = [];
  const subWalk: Array<{ id: string; steps: string[]; updatedAt: Date }> = [];
  const entFix: Array<{ id: string; updatedAt: Date; expired: boolean }> = [];
  let invoiceSeq = 0;
  const invoiceNumber = (at: Date) => `INV-${at.toISOString().slice(0, 7).replace('-', '')}-${String(++invoiceSeq).padStart(4, '0')}`;

  const yearly = tier === 'enterprise' || rng.chance(0.3);
  const sku = tier === 'trial' ? 'plan-starter-month' : `plan-${tier}-${yearly ? 'year' : 'month'}`;
  const plan = env.catalog.get(sku);
  if (plan) {
    const periodDays = plan.interval === 'year' ? 365 : 30;
    const subscribed = addDays(ctx.tenant.createdAt, rng.int(1, 20));
    const trialStart = tier === 'trial' ? addDays(epoch, -rng.int(1, 10)) : subscribed;
    const trialEnd = addDays(trialStart, 14);
    const id = rng.uuid(trialStart);
    const final = tier === 'trial' ? 'trialing' : rng.weighted([['active', 17], ['past_due', 2], ['cancelled', 1]] as const);
    const sinceTrial = Math.max(0, Math.floor((SEED_EPOCH - trialEnd.getTime()) / 86_400_000));
    const periodStart = tier === 'trial' ? null : addDays(trialEnd, Math.floor(sinceTrial / periodDays) * periodDays);
    const periodEnd = periodStart ? addDays(periodStart, periodDays) : null;
    const quantity = plan.interval === 'year' ? 1 : Math.max(1, Math.min(ctx.users.length, ctx.tenant.seatsTotal ?? 1));
    const cancelledAt = final === 'cancelled' ? capped(addDays(periodStart!, rng.int(1, 20))) : null;
    const lastChange = cancelledAt ?? periodStart ?? trialStart;
    subs.push({
      tenantId,
      id,
      productId: plan.id,
      userId: owner.id,
      status: 'trialing',
      quantity,
      stripeSubscriptionId: ctx.tenant.stripeSubscriptionId ?? stripeId(rng, 'sub'),
      trialStart,
      trialEnd,
      currentPeriodStart: periodStart ?? trialStart,
      currentPeriodEnd: periodEnd ?? trialEnd,
      cancelAtPeriodEnd: final === 'past_due' ? false : rng.chance(0.05),
      cancelledAt,
      createdAt: trialStart,
      updatedAt: trialStart,
    });
    let entitlementId: string | null = null;
    if (final !== 'trialing') {
      // The row the subscription trigger creates on entering active, with a seeded id.
      entitlementId = rng.uuid(periodStart!);
      ents.push({
        tenantId,
        id: entitlementId,
        productId: plan.id,
        source: 'subscription',
        orderId: null,
        subscriptionId: id,
        status: 'active',
        quantity,
        startsAt: periodStart!,
        endsAt: periodEnd,
        createdAt: periodStart!,
        updatedAt: periodStart!,
      });
      subWalk.push({ id, steps: final === 'active' ? ['active'] : ['active', final], updatedAt: lastChange });
      if (final === 'cancelled') entFix.push({ id: entitlementId, updatedAt: cancelledAt!, expired: true });
      // One invoice per finished period (at most 8), the latest open when the subscription is past due.
      const periods = Math.min(8, Math.floor(sinceTrial / periodDays) + 1);
      for (let k = periods - 1; k >= 0; k--) {
        const issued = addDays(periodStart!, -k * periodDays);
        const amount = plan.priceCents * quantity;
        const open = k === 0 && final === 'past_due';
        const invoiceId = rng.uuid(issued);
        const paidAt = open ? null : capped(addDays(issued, rng.int(0, 3)));
        invs.push({
          tenantId,
          id: invoiceId,
          invoiceNumber: invoiceNumber(issued),
          orderId: null,
          subscriptionId: id,
          status: open ? 'open' : 'paid',
          currency: plan.currency,
          amountDueCents: amount,
          amountPaidCents: open ? 0 : amount,
          stripeInvoiceId: stripeId(rng, 'in'),
          issuedAt: issued,
          dueAt: addDays(issued, 14),
          paidAt,
          createdAt: issued,
          updatedAt: paidAt ?? issued,
        });
        const method = card(rng);
        pays.push({
          tenantId,
          id: rng.uuid(paidAt ?? issued),
          orderId: null,
          invoiceId,
          stripePaymentIntentId: stripeId(rng, 'pi'),
          stripeChargeId: open ? null : stripeId(rng, 'ch'),
          amountCents: amount,
          currency: plan.currency,
          status: open ? 'failed' : 'succeeded',
          ...method,
          failureCode: open ? 'card_declined' : null,
          failureMessage: open ? 'Your card was declined.' : null,
          succeededAt: paidAt,
          refundedAt: null,
          createdAt: paidAt ?? issued,
          updatedAt: paidAt ?? issued,
        });
      }
    }
    refs.plan = { productId: plan.id, entitlementId, seats: ctx.tenant.seatsTotal ?? 1, active: final === 'active' || final === 'past_due' };
  }

  // Add-on and service orders.
  const orders: NewBillingOrder[] = [];
  const items: NewBillingOrderItem[] = [];
  const rfs: NewRefund[] = [];
  const orderWalk: Array<{ id: string; status: string; paidAt: Date | null }> = [];
  const orderTimes: Array<{ id: string; updatedAt: Date }> = [];
  const extras = [...env.catalog.values()].filter((p) => p.kind !== 'subscription' && p.currency === 'USD');
  for (let n = tier === 'trial' ? 0 : rng.int(0, 3); n > 0 && extras.length; n--) {
    const at = rng.between(addDays(ctx.tenant.createdAt, 20), addDays(epoch, -3));
    const id = rng.uuid(at);
    const final = rng.weighted([['paid', 7], ['pending', 1], ['failed', 1], ['cancelled', 1]] as const);
    let subtotal = 0;
    const lines = rng.sample(extras, rng.int(1, 2));
    for (const p of lines) {
      const quantity = p.kind === 'addon' ? rng.int(1, 3) : 1;
      subtotal += quantity * p.priceCents;
      items.push({ tenantId, id: rng.uuid(at), orderId: id, productId: p.id, quantity, unitPriceCents: p.priceCents, createdAt: at, updatedAt: at });
    }
    const tax = taxCents(env, subtotal, country, state);
    const total = subtotal + tax;
    const paidAt = final === 'paid' ? capped(addDays(at, 0.01)) : null;
    orders.push({
      tenantId,
      id,
      userId: owner.id,
      cartId: null,
      status: final === 'failed' ? 'failed' : 'pending',
      stripePaymentIntentId: stripeId(rng, 'pi'),
      stripeCheckoutSessionId: stripeId(rng, 'cs'),
      paymentMethod: 'card',
      currency: 'USD',
      subtotalCents: subtotal,
      taxCents: tax,
      discountCents: 0,
      discountCode: null,
      billingCountryCode: country,
      billingStateCode: state,
      billingDetails: { name: ctx.tenant.name, email: ctx.tenant.billingEmail },
      shippingAddress: null,
      paidAt: null,
      createdAt: at,
      updatedAt: paidAt ?? at,
    });
    orderTimes.push({ id, updatedAt: paidAt ?? at });
    if (final === 'paid' || final === 'cancelled') orderWalk.push({ id, status: final, paidAt });
    if (final === 'paid' || final === 'failed') {
      const paymentId = rng.uuid(paidAt ?? at);
      pays.push({
        tenantId,
        id: paymentId,
        orderId: id,
        invoiceId: null,
        stripePaymentIntentId: orders[orders.length - 1]!.stripePaymentIntentId!,
        stripeChargeId: final === 'paid' ? stripeId(rng, 'ch') : null,
        amountCents: total,
        currency: 'USD',
        status: final === 'paid' ? 'succeeded' : 'failed',
        ...card(rng),
        failureCode: final === 'failed' ? 'insufficient_funds' : null,
        failureMessage: final === 'failed' ? 'Your card has insufficient funds.' : null,
        succeededAt: paidAt,
        refundedAt: null,
        createdAt: paidAt ?? at,
        updatedAt: paidAt ?? at,
      });
      if (final === 'paid') {
        for (const item of items.filter((i) => i.orderId === id)) {
          // The row the paid-order trigger creates, with a seeded id.
          ents.push({
            tenantId,
            id: rng.uuid(paidAt!),
            productId: item.productId,
            source: 'order',
            orderId: id,
            subscriptionId: null,
            status: 'active',
            quantity: item.quantity ?? 1,
            startsAt: paidAt!,
            endsAt: null,
            createdAt: paidAt!,
            updatedAt: paidAt!,
          });
        }
        if (total > 3 && rng.chance(0.2)) {
          const when = capped(addDays(paidAt!, rng.int(1, 20)));
          rfs.push({
            tenantId,
            id: rng.uuid(when),
            paymentId,
            orderId: id,
            amountCents: Math.floor(total / 3),
            currency: 'USD',
            status: 'succeeded',
            reason: 'Partial refund: unused add-on',
            stripeRefundId: stripeId(rng, 're'),
            succeededAt: when,
            createdAt: when,
            updatedAt: when,
          });
        }
        const invoiceId = rng.uuid(paidAt!);
        invs.push({
          tenantId,
          id: invoiceId,
          invoiceNumber: invoiceNumber(paidAt!),
          orderId: id,
          subscriptionId: null,
          status: 'paid',
          currency: 'USD',
          amountDueCents: total,
          amountPaidCents: total,
          stripeInvoiceId: stripeId(rng, 'in'),
          issuedAt: paidAt,
          dueAt: paidAt,
          paidAt,
          createdAt: paidAt!,
          updatedAt: paidAt!,
        });
      }
    }
  }
  ctx.batch.push(subscriptions, subs);
  ctx.batch.push(billingOrders, orders);
  ctx.batch.push(billingOrderItems, items);
  ctx.batch.push(invoices, invs);
  ctx.batch.push(payments, pays);
  ctx.batch.push(refunds, rfs);
  ctx.batch.push(entitlements, ents);
  const at = [{ name: 'updated_at', type: 'timestamptz' as const }];
  for (let step = 0; step < 2; step++) {
    const moving = subWalk.filter((w) => w.steps.length > step);
    ctx.batch.update(`subscriptions:status:${step}`, 'after', 'subscriptions', [{ name: 'status', type: 'text' }], moving.map((w) => ({ tenantId, id: w.id, values: [w.steps[step]!] })));
  }
  ctx.batch.update(
    'billing_orders:status',
    'after',
    'billing_orders',
    [
      { name: 'status', type: 'text' },
      { name: 'paid_at', type: 'timestamptz' },
    ],
    orderWalk.map((w) => ({ tenantId, id: w.id, values: [w.status, w.paidAt] })),
  );
  ctx.batch.update('subscriptions:updated_at', 'fixup', 'subscriptions', at, subWalk.map((w) => ({ tenantId, id: w.id, values: [w.updatedAt] })));
  ctx.batch.update('billing_orders:updated_at', 'fixup', 'billing_orders', at, orderTimes.map((w) => ({ tenantId, id: w.id, values: [w.updatedAt] })));
  // Cancelling expires the entitlement (the subscription trigger on the rule-following path).
  const expired = entFix.filter((w) => w.expired);
  ctx.batch.update('entitlements:status', 'derived', 'entitlements', [{ name: 'status', type: 'text' }], expired.map((w) => ({ tenantId, id: w.id, values: ['expired'] })));
  ctx.batch.update('entitlements:updated_at', 'fixup', 'entitlements', at, entFix.map((w) => ({ tenantId, id: w.id, values: [w.updatedAt] })));
  ctx.refs.billing = refs;
}
