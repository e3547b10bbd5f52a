// Billing validators: drizzle-zod schemas for the catalog, tax rates, carts, orders, payments,
// invoices, refunds, subscriptions and entitlements with the database rules mirrored; the tax and
// total arithmetic the triggers use; and the inputs of the billing operations.
import { createSelectSchema } from 'drizzle-zod';
import { insertSchemaOf, updateSchemaOf } from './_columns.js';
import { z } from 'zod';
import {
  PAYMENT_METHODS,
  billingOrderItems,
  billingOrders,
  billingProductRequirements,
  billingProducts,
  cartItems,
  carts,
  entitlements,
  invoices,
  payments,
  refunds,
  subscriptions,
  taxRates,
} from '../schema/billing.js';
import { cents, countryCode, currencyCode, positiveCents, positiveQuantity, stateCode, uuidString } from './_fields.js';
import { wireSchemaOf, type Paginated, type Wire } from './_shared.js';
import type { BillingProduct, BillingProductRequirement, TaxRate, Cart, CartItem, BillingOrder, BillingOrderItem, Subscription, Invoice, Payment, Refund, Entitlement } from '../schema/billing.js';

/** How long a cart lives after its last update (the database trigger uses the same 24 hours). */
export const CART_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * When a cart last updated at `updatedAt` expires.
 *
 * @example
 * ```ts
 * import { cartExpiresAt } from '@stocksync/db/validators';
 * cartExpiresAt(new Date('2026-01-01T00:00:00Z')); // 2026-01-02T00:00:00Z
 * ```
 */
export function cartExpiresAt(updatedAt: Date): Date {
  return new Date(updatedAt.getTime() + CART_TTL_MS);
}

/**
 * Tax in cents on `taxableCents` at `rate` (a decimal string such as '0.0725'), rounded half up,
 * exactly as `stocksync_compute_tax_cents` computes it.
 *
 * @example
 * ```ts
 * import { computeTaxCents } from '@stocksync/db/validators';
 * computeTaxCents(24000, '0.0725'); // 1740
 * ```
 */
export function computeTaxCents(taxableCents: number, rate: string): number {
  if (taxableCents <= 0) return 0;
  const [whole = '0', frac = ''] = rate.split('.');
  const micro = BigInt(whole) * 1_000_000n + BigInt((frac + '000000').slice(0, 6));
  const scaled = BigInt(taxableCents) * micro;
  return Number((scaled + 500_000n) / 1_000_000n);
}

/**
 * An order total: sum of item lines plus tax minus discount (what the generated column stores).
 *
 * @example
 * ```ts
 * import { orderTotalCents } from '@stocksync/db/validators';
 * orderTotalCents({ items: [{ quantity: 2, unitPriceCents: 500 }], taxCents: 80, discountCents: 100 }); // 980
 * ```
 */
export function orderTotalCents(order: {
  items: ReadonlyArray<{ quantity: number; unitPriceCents: number }>;
  taxCents: number;
  discountCents: number;
}): number {
  const subtotal = order.items.reduce((sum, i) => sum + i.quantity * i.unitPriceCents, 0);
  return subtotal + order.taxCents - order.discountCents;
}

const rateString = z
  .string()
  .regex(/^0(\.\d{1,6})?$/, 'Must be a decimal rate in [0, 1) with up to 6 places, e.g. 0.0725');

/** Catalog product: select schema. */
export const billingProductSelectSchema = createSelectSchema(billingProducts);
const productRefine = { priceCents: () => cents, currency: () => currencyCode, sku: (s: z.ZodString) => s.trim().min(1) };
function checkInterval(v: { kind?: string; interval?: string | null }, ctx: z.RefinementCtx) {
  if (v.kind === undefined) return;
  if (v.kind === 'subscription' && !v.interval)
    ctx.addIssue({ code: 'custom', path: ['interval'], message: 'A subscription product needs an interval' });
  if (v.kind !== 'subscription' && v.interval)
    ctx.addIssue({ code: 'custom', path: ['interval'], message: 'Only subscription products have an interval' });
}
/** Catalog product: insert schema (interval exactly for subscription products). */
export const billingProductInsertSchema = insertSchemaOf(billingProducts, productRefine).superRefine(checkInterval);
/** Catalog product: update schema. */
export const billingProductUpdateSchema = updateSchemaOf(billingProducts, productRefine).superRefine(checkInterval);

/** Catalog dependency: select schema. */
export const billingProductRequirementSelectSchema = createSelectSchema(billingProductRequirements);
/** Catalog dependency: insert schema (a product never requires itself). */
export const billingProductRequirementInsertSchema = insertSchemaOf(billingProductRequirements).refine(
  (v) => v.productId !== v.requiresProductId,
  { path: ['requiresProductId'], message: 'A product cannot require itself' },
);

const taxRefine = { countryCode: () => countryCode, stateCode: () => stateCode, rate: () => rateString };
/** Tax rate: select schema. */
export const taxRateSelectSchema = createSelectSchema(taxRates);
/** Tax rate: insert schema (ISO country, state code, rate in [0, 1)). */
export const taxRateInsertSchema = insertSchemaOf(taxRates, taxRefine);
/** Tax rate: update schema. */
export const taxRateUpdateSchema = updateSchemaOf(taxRates, taxRefine);

const cartRefine = { currency: () => currencyCode, discountCents: () => cents, billingCountryCode: () => countryCode, billingStateCode: () => stateCode };
/** Cart: select schema. */
export const cartSelectSchema = createSelectSchema(carts);
/** Cart: insert schema (`expiresAt` is set by the database). */
export const cartInsertSchema = insertSchemaOf(carts, cartRefine).omit({ expiresAt: true });
/** Cart: update schema. */
export const cartUpdateSchema = updateSchemaOf(carts, cartRefine).omit({ expiresAt: true });

const lineRefine = { quantity: () => positiveQuantity, unitPriceCents: () => cents };
/** Cart item: select schema. */
export const cartItemSelectSchema = createSelectSchema(cartItems);
/** Cart item: insert schema. */
export const cartItemInsertSchema = insertSchemaOf(cartItems, lineRefine);
/** Cart item: update schema. */
export const cartItemUpdateSchema = updateSchemaOf(cartItems, lineRefine);

const orderRefine = {
  currency: () => currencyCode,
  discountCents: () => cents,
  billingCountryCode: () => countryCode,
  billingStateCode: () => stateCode,
};
const derivedOrderFields = { subtotalCents: true, taxCents: true } as const;
/** Billing order: select schema. */
export const billingOrderSelectSchema = createSelectSchema(billingOrders);
/** Billing order: insert schema (subtotal, tax and total are derived by the database). */
export const billingOrderInsertSchema = insertSchemaOf(billingOrders, orderRefine).omit(derivedOrderFields);
/** Billing order: update schema (a paid order is immutable; the database refuses any change). */
export const billingOrderUpdateSchema = updateSchemaOf(billingOrders, orderRefine).omit(derivedOrderFields);

/** Billing order item: select schema. */
export const billingOrderItemSelectSchema = createSelectSchema(billingOrderItems);
/** Billing order item: insert schema. */
export const billingOrderItemInsertSchema = insertSchemaOf(billingOrderItems, lineRefine);
/** Billing order item: update schema. */
export const billingOrderItemUpdateSchema = updateSchemaOf(billingOrderItems, lineRefine);

function checkSubscriptionDates(
  v: { trialStart?: Date | null; trialEnd?: Date | null; currentPeriodStart?: Date | null; currentPeriodEnd?: Date | null },
  ctx: z.RefinementCtx,
) {
  if ((v.trialStart == null) !== (v.trialEnd == null) && v.trialStart !== undefined && v.trialEnd !== undefined)
    ctx.addIssue({ code: 'custom', path: ['trialEnd'], message: 'Give both trial start and trial end, or neither' });
  if (v.trialStart && v.trialEnd && v.trialEnd <= v.trialStart)
    ctx.addIssue({ code: 'custom', path: ['trialEnd'], message: 'Trial end must be after trial start' });
  if (v.currentPeriodStart && v.currentPeriodEnd && v.currentPeriodEnd <= v.currentPeriodStart)
    ctx.addIssue({ code: 'custom', path: ['currentPeriodEnd'], message: 'Period end must be after period start' });
}
/** Subscription: select schema. */
export const subscriptionSelectSchema = createSelectSchema(subscriptions);
/** Subscription: insert schema (trial end after trial start, both or neither). */
export const subscriptionInsertSchema = insertSchemaOf(subscriptions, { quantity: () => positiveQuantity }).superRefine(
  checkSubscriptionDates,
);
/** Subscription: update schema. */
export const subscriptionUpdateSchema = updateSchemaOf(subscriptions, { quantity: () => positiveQuantity }).superRefine(
  checkSubscriptionDates,
);

const invoiceRefine = { currency: () => currencyCode, amountDueCents: () => cents, amountPaidCents: () => cents };
/** Invoice: select schema. */
export const invoiceSelectSchema = createSelectSchema(invoices);
/** Invoice: insert schema. */
export const invoiceInsertSchema = insertSchemaOf(invoices, invoiceRefine);
/** Invoice: update schema. */
export const invoiceUpdateSchema = updateSchemaOf(invoices, invoiceRefine);

const paymentRefine = {
  amountCents: () => positiveCents,
  currency: () => currencyCode,
  cardLast4: (s: z.ZodString) => s.regex(/^\d{4}$/, 'Must be the last 4 digits'),
};
/** Payment: select schema. */
export const paymentSelectSchema = createSelectSchema(payments);
/** Payment: insert schema (positive integer cents, ISO 4217 currency). */
export const paymentInsertSchema = insertSchemaOf(payments, paymentRefine);
/** Payment: update schema. */
export const paymentUpdateSchema = updateSchemaOf(payments, paymentRefine);

const refundRefine = { amountCents: () => positiveCents, currency: () => currencyCode };
/** Refund: select schema. */
export const refundSelectSchema = createSelectSchema(refunds);
/** Refund: insert schema (positive integer cents, ISO 4217 currency). */
export const refundInsertSchema = insertSchemaOf(refunds, refundRefine);
/** Refund: update schema. */
export const refundUpdateSchema = updateSchemaOf(refunds, refundRefine);

function checkEntitlementSource(
  v: { source?: string; orderId?: string | null; subscriptionId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.source === 'order' && (!v.orderId || v.subscriptionId))
    ctx.addIssue({ code: 'custom', path: ['orderId'], message: 'An order entitlement names its order and no subscription' });
  if (v.source === 'subscription' && (!v.subscriptionId || v.orderId))
    ctx.addIssue({ code: 'custom', path: ['subscriptionId'], message: 'A subscription entitlement names its subscription and no order' });
}
/** Entitlement: select schema. */
export const entitlementSelectSchema = createSelectSchema(entitlements);
/** Entitlement: insert schema (normally created by the database when an order is paid or a subscription active). */
export const entitlementInsertSchema = insertSchemaOf(entitlements, { quantity: () => positiveQuantity }).superRefine(
  checkEntitlementSource,
);
/** Entitlement: update schema. */
export const entitlementUpdateSchema = updateSchemaOf(entitlements, { quantity: () => positiveQuantity });

const billingAddressFields = {
  billingCountryCode: countryCode.optional(),
  billingStateCode: stateCode.optional(),
};

/**
 * Input of `placeOrder`: the buyer, catalog products and quantities (prices come from the catalog),
 * and the billing details tax is computed from.
 *
 * @example
 * ```ts
 * import { placeOrderInput } from '@stocksync/db/validators';
 * placeOrderInput.parse({ userId, items: [{ productId, quantity: 1 }], billingCountryCode: 'US', billingStateCode: 'CA' });
 * ```
 */
export const placeOrderInput = z
  .object({
    userId: uuidString,
    items: z.array(z.object({ productId: uuidString, quantity: positiveQuantity })).min(1, 'Give at least one item'),
    currency: currencyCode.default('USD'),
    discountCents: cents.default(0),
    discountCode: z.string().max(50).optional(),
    ...billingAddressFields,
    billingDetails: z.record(z.string(), z.unknown()).optional(),
    shippingAddress: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (seen.has(item.productId)) ctx.addIssue({ code: 'custom', path: ['items', i, 'productId'], message: 'Each product may appear once' });
      seen.add(item.productId);
    });
    if (v.billingStateCode && !v.billingCountryCode)
      ctx.addIssue({ code: 'custom', path: ['billingCountryCode'], message: 'A state code needs its country code' });
  });
/** Input of {@link placeOrderInput} as the caller writes it. */
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

/** Input of `payOrder`: records a succeeded payment (amount defaults to the order total) and marks the order paid. */
export const payOrderInput = z.object({
  orderId: uuidString,
  stripePaymentIntentId: z.string().min(1).max(255),
  paymentMethod: z.enum(PAYMENT_METHODS),
  amountCents: positiveCents.optional(),
  stripeChargeId: z.string().max(255).optional(),
  cardLast4: z.string().regex(/^\d{4}$/, 'Must be the last 4 digits').optional(),
  cardBrand: z.string().max(20).optional(),
});
/** Input of {@link payOrderInput} as the caller writes it. */
export type PayOrderInput = z.input<typeof payOrderInput>;

/** Input of `refundOrder`: a new refund row against the order's succeeded payment. */
export const refundOrderInput = z.object({
  orderId: uuidString,
  amountCents: positiveCents,
  paymentId: uuidString.optional(),
  reason: z.string().max(255).optional(),
  stripeRefundId: z.string().max(255).optional(),
});
/** Input of {@link refundOrderInput} as the caller writes it. */
export type RefundOrderInput = z.input<typeof refundOrderInput>;

/** Input of `checkoutCart`. Billing country/state override the cart's for the tax computation. */
export const checkoutCartInput = z.object({
  cartId: uuidString,
  ...billingAddressFields,
  shippingAddress: z.record(z.string(), z.unknown()).optional(),
});
/** Input of {@link checkoutCartInput} as the caller writes it. */
export type CheckoutCartInput = z.input<typeof checkoutCartInput>;

// Wire (JSON) forms: timestamps as ISO 8601 strings, and paginated lists.
/** Catalog product: wire schema (what a JSON API returns). */
export const billingProductWireSchema = wireSchemaOf(billingProducts);
/** A catalog product as a JSON API returns it. */
export type BillingProductWire = Wire<BillingProduct>;
/** A page of catalog products. */
export type BillingProductListResponse = Paginated<BillingProductWire>;
/** Catalog dependency: wire schema (what a JSON API returns). */
export const billingProductRequirementWireSchema = wireSchemaOf(billingProductRequirements);
/** A catalog dependency as a JSON API returns it. */
export type BillingProductRequirementWire = Wire<BillingProductRequirement>;
/** A page of catalog dependencies. */
export type BillingProductRequirementListResponse = Paginated<BillingProductRequirementWire>;
/** Tax rate: wire schema (what a JSON API returns). */
export const taxRateWireSchema = wireSchemaOf(taxRates);
/** A tax rate as a JSON API returns it. */
export type TaxRateWire = Wire<TaxRate>;
/** A page of tax rates. */
export type TaxRateListResponse = Paginated<TaxRateWire>;
/** Cart: wire schema (what a JSON API returns). */
export const cartWireSchema = wireSchemaOf(carts);
/** A cart as a JSON API returns it. */
export type CartWire = Wire<Cart>;
/** A page of carts. */
export type CartListResponse = Paginated<CartWire>;
/** Cart item: wire schema (what a JSON API returns). */
export const cartItemWireSchema = wireSchemaOf(cartItems);
/** A cart item as a JSON API returns it. */
export type CartItemWire = Wire<CartItem>;
/** A page of cart items. */
export type CartItemListResponse = Paginated<CartItemWire>;
/** Billing order: wire schema (what a JSON API returns). */
export const billingOrderWireSchema = wireSchemaOf(billingOrders);
/** A billing order as a JSON API returns it. */
export type BillingOrderWire = Wire<BillingOrder>;
/** A page of billing orders. */
export type BillingOrderListResponse = Paginated<BillingOrderWire>;
/** Billing order item: wire schema (what a JSON API returns). */
export const billingOrderItemWireSchema = wireSchemaOf(billingOrderItems);
/** A billing order item as a JSON API returns it. */
export type BillingOrderItemWire = Wire<BillingOrderItem>;
/** A page of billing order items. */
export type BillingOrderItemListResponse = Paginated<BillingOrderItemWire>;
/** Subscription: wire schema (what a JSON API returns). */
export const subscriptionWireSchema = wireSchemaOf(subscriptions);
/** A subscription as a JSON API returns it. */
export type SubscriptionWire = Wire<Subscription>;
/** A page of subscriptions. */
export type SubscriptionListResponse = Paginated<SubscriptionWire>;
/** Invoice: wire schema (what a JSON API returns). */
export const invoiceWireSchema = wireSchemaOf(invoices);
/** An invoice as a JSON API returns it. */
export type InvoiceWire = Wire<Invoice>;
/** A page of invoices. */
export type InvoiceListResponse = Paginated<InvoiceWire>;
/** Payment: wire schema (what a JSON API returns). */
export const paymentWireSchema = wireSchemaOf(payments);
/** A payment as a JSON API returns it. */
export type PaymentWire = Wire<Payment>;
/** A page of payments. */
export type PaymentListResponse = Paginated<PaymentWire>;
/** Refund: wire schema (what a JSON API returns). */
export const refundWireSchema = wireSchemaOf(refunds);
/** A refund as a JSON API returns it. */
export type RefundWire = Wire<Refund>;
/** A page of refunds. */
export type RefundListResponse = Paginated<RefundWire>;
/** Entitlement: wire schema (what a JSON API returns). */
export const entitlementWireSchema = wireSchemaOf(entitlements);
/** An entitlement as a JSON API returns it. */
export type EntitlementWire = Wire<Entitlement>;
/** A page of entitlements. */
export type EntitlementListResponse = Paginated<EntitlementWire>;
