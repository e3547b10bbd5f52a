// Billing domain (spec "Commerce & Billing"): the global product catalog and tax rates, carts,
// orders, payments, invoices, refunds, subscriptions and the entitlements they grant.
// Over 400 lines on purpose: one file per domain (house style), and billing has eleven tables whose
// types and relations sit beside them; splitting it would split one domain's foreign keys across files.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns.js';
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES, inCodeList } from './_iso-codes.js';
import { tenantRef, tenantTable } from './_tenant-table.js';
import { users } from './identity.js';

/** Kinds of catalog product. */
export const BILLING_PRODUCT_KINDS = ['product', 'addon', 'subscription'] as const;
/** Billing intervals of subscription products. */
export const BILLING_INTERVALS = ['month', 'year'] as const;
/** Cart states; an open cart whose `expires_at` passed is treated as expired. */
export const CART_STATUSES = ['open', 'checked_out', 'expired', 'abandoned'] as const;
/** Billing order states; `paid` is final and immutable (refunds are rows of `refunds`). */
export const BILLING_ORDER_STATUSES = ['pending', 'paid', 'failed', 'cancelled'] as const;
/** Payment states (spec). */
export const PAYMENT_STATUSES = ['pending', 'processing', 'succeeded', 'failed', 'refunded', 'cancelled'] as const;
/** Payment methods (spec). */
export const PAYMENT_METHODS = ['card', 'bank_account', 'google_pay', 'apple_pay'] as const;
/** Invoice states. */
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible'] as const;
/** Refund states. */
export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
/** Subscription states; entering `active` grants entitlements. */
export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'cancelled', 'expired'] as const;
/** Entitlement states. */
export const ENTITLEMENT_STATUSES = ['active', 'revoked', 'expired'] as const;
/** Where an entitlement came from. */
export const ENTITLEMENT_SOURCES = ['order', 'subscription'] as const;

const currencyCheck = (table: string, column: Parameters<typeof inCodeList>[0]) =>
  check(`${table}_currency_check`, inCodeList(column, ISO_CURRENCY_CODES));

/** The product catalog (global: the same products are sold to every tenant). */
export const billingProducts = pgTable(
  'billing_products',
  {
    id: id().primaryKey(),
    sku: varchar({ length: 64 }).notNull(),
    name: varchar({ length: 255 }).notNull(),
    description: text().notNull().default(''),
    kind: varchar({ length: 20, enum: BILLING_PRODUCT_KINDS }).notNull().default('product'),
    priceCents: integer().notNull(),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    interval: varchar({ length: 10, enum: BILLING_INTERVALS }),
    isActive: boolean().notNull().default(true),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('billing_products_sku_key').on(t.sku),
    index('billing_products_is_active_idx').on(t.isActive),
    check('billing_products_kind_check', inCodeList(t.kind, BILLING_PRODUCT_KINDS)),
    check('billing_products_price_cents_check', sql`${t.priceCents} >= 0`),
    currencyCheck('billing_products', t.currency),
    check(
      'billing_products_interval_check',
      sql`(${t.kind} = 'subscription') = (${t.interval} is not null) and (${t.interval} is null or ${inCodeList(t.interval, BILLING_INTERVALS)})`,
    ),
  ],
);

/** The catalog's `requires` dependencies: buying `product_id` needs `requires_product_id` too (global). */
export const billingProductRequirements = pgTable(
  'billing_product_requirements',
  {
    productId: uuid().notNull(),
    requiresProductId: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'billing_product_requirements_pkey', columns: [t.productId, t.requiresProductId] }),
    foreignKey({
      name: 'billing_product_requirements_product_id_fkey',
      columns: [t.productId],
      foreignColumns: [billingProducts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'billing_product_requirements_requires_product_id_fkey',
      columns: [t.requiresProductId],
      foreignColumns: [billingProducts.id],
    }).onDelete('restrict'),
    index('billing_product_requirements_requires_product_id_idx').on(t.requiresProductId),
    check('billing_product_requirements_not_self_check', sql`${t.productId} <> ${t.requiresProductId}`),
  ],
);

/** Tax rates by country and (optionally) state (global). A null state is the country-wide rate. */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: id().primaryKey(),
    countryCode: varchar({ length: 2 }).notNull(),
    stateCode: varchar({ length: 10 }),
    name: varchar({ length: 100 }).notNull(),
    rate: numeric({ precision: 7, scale: 6, mode: 'string' }).notNull(),
    isActive: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    unique('tax_rates_country_code_state_code_key').on(t.countryCode, t.stateCode).nullsNotDistinct(),
    check('tax_rates_country_code_check', inCodeList(t.countryCode, ISO_COUNTRY_CODES)),
    check('tax_rates_state_code_check', sql`${t.stateCode} is null or ${t.stateCode} ~ '^[A-Z0-9]{1,10}$'`),
    check('tax_rates_rate_check', sql`${t.rate} >= 0 and ${t.rate} < 1`),
  ],
);

/** Shopping carts; `expires_at` is kept 24 hours after the last update by a trigger. */
export const carts = tenantTable(
  'carts',
  {
    userId: uuid().notNull(),
    status: varchar({ length: 20, enum: CART_STATUSES }).notNull().default('open'),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    discountCode: varchar({ length: 50 }),
    discountCents: integer().notNull().default(0),
    billingCountryCode: varchar({ length: 2 }),
    billingStateCode: varchar({ length: 10 }),
    expiresAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    checkedOutAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('carts', t.tenantId, t.userId, users, 'cascade'),
    index('carts_tenant_id_user_id_status_idx').on(t.tenantId, t.userId, t.status),
    index('carts_tenant_id_expires_at_idx').on(t.tenantId, t.expiresAt).where(sql`${t.status} = 'open'`),
    check('carts_status_check', inCodeList(t.status, CART_STATUSES)),
    currencyCheck('carts', t.currency),
    check('carts_discount_cents_check', sql`${t.discountCents} >= 0`),
    check(
      'carts_billing_country_code_check',
      sql`${t.billingCountryCode} is null or ${inCodeList(t.billingCountryCode, ISO_COUNTRY_CODES)}`,
    ),
  ],
);

/** Lines of a cart; `product_id` points at the global catalog. */
export const cartItems = tenantTable(
  'cart_items',
  {
    cartId: uuid().notNull(),
    productId: uuid()
      .notNull()
      .references(() => billingProducts.id, { onDelete: 'restrict' }),
    quantity: integer().notNull().default(1),
    unitPriceCents: integer().notNull(),
    ...timestamps(),
  },
  (t) => [
    tenantRef('cart_items', t.tenantId, t.cartId, carts, 'cascade'),
    uniqueIndex('cart_items_tenant_id_cart_id_product_id_key').on(t.tenantId, t.cartId, t.productId),
    check('cart_items_quantity_check', sql`${t.quantity} > 0`),
    check('cart_items_unit_price_cents_check', sql`${t.unitPriceCents} >= 0`),
  ],
);

/**
 * Billing orders (spec Order with its recommended additions). `subtotal_cents` is the sum of the
 * items and `tax_cents` comes from `tax_rates` (both kept by triggers while pending);
 * `total_cents` = subtotal + tax - discount is a generated column. Immutable once `paid`.
 */
export const billingOrders = tenantTable(
  'billing_orders',
  {
    userId: uuid().notNull(),
    cartId: uuid(),
    status: varchar({ length: 20, enum: BILLING_ORDER_STATUSES }).notNull().default('pending'),
    stripePaymentIntentId: varchar({ length: 255 }),
    stripeCheckoutSessionId: varchar({ length: 255 }),
    paymentMethod: varchar({ length: 50 }),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    subtotalCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    discountCents: integer().notNull().default(0),
    discountCode: varchar({ length: 50 }),
    totalCents: integer()
      .notNull()
      .generatedAlwaysAs(sql`subtotal_cents + tax_cents - discount_cents`),
    billingCountryCode: varchar({ length: 2 }),
    billingStateCode: varchar({ length: 10 }),
    billingDetails: jsonb().$type<Record<string, unknown>>(),
    shippingAddress: jsonb().$type<Record<string, unknown>>(),
    paidAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('billing_orders', t.tenantId, t.userId, users, 'restrict'),
    tenantRef('billing_orders', t.tenantId, t.cartId, carts, 'set null'),
    uniqueIndex('billing_orders_tenant_id_stripe_payment_intent_id_key').on(t.tenantId, t.stripePaymentIntentId),
    uniqueIndex('billing_orders_tenant_id_stripe_checkout_session_id_key').on(t.tenantId, t.stripeCheckoutSessionId),
    index('billing_orders_tenant_id_status_idx').on(t.tenantId, t.status),
    index('billing_orders_tenant_id_user_id_idx').on(t.tenantId, t.userId),
    check('billing_orders_status_check', inCodeList(t.status, BILLING_ORDER_STATUSES)),
    currencyCheck('billing_orders', t.currency),
    check('billing_orders_subtotal_cents_check', sql`${t.subtotalCents} >= 0`),
    check('billing_orders_tax_cents_check', sql`${t.taxCents} >= 0`),
    check('billing_orders_discount_cents_check', sql`${t.discountCents} >= 0`),
    check('billing_orders_total_cents_check', sql`${t.totalCents} >= 0`),
    check('billing_orders_paid_at_check', sql`(${t.status} = 'paid') = (${t.paidAt} is not null)`),
    check(
      'billing_orders_billing_country_code_check',
      sql`${t.billingCountryCode} is null or ${inCodeList(t.billingCountryCode, ISO_COUNTRY_CODES)}`,
    ),
  ],
);

/** Lines of a billing order (the spec's `line_items` JSON, as rows so totals can be enforced). */
export const billingOrderItems = tenantTable(
  'billing_order_items',
  {
    orderId: uuid().notNull(),
    productId: uuid()
      .notNull()
      .references(() => billingProducts.id, { onDelete: 'restrict' }),
    quantity: integer().notNull().default(1),
    unitPriceCents: integer().notNull(),
    lineTotalCents: integer()
      .notNull()
      .generatedAlwaysAs(sql`quantity * unit_price_cents`),
    ...timestamps(),
  },
  (t) => [
    tenantRef('billing_order_items', t.tenantId, t.orderId, billingOrders, 'cascade'),
    uniqueIndex('billing_order_items_tenant_id_order_id_product_id_key').on(t.tenantId, t.orderId, t.productId),
    check('billing_order_items_quantity_check', sql`${t.quantity} > 0`),
    check('billing_order_items_unit_price_cents_check', sql`${t.unitPriceCents} >= 0`),
  ],
);

/** Subscriptions to a catalog product, with the trial window (spec recommended addition). */
export const subscriptions = tenantTable(
  'subscriptions',
  {
    productId: uuid()
      .notNull()
      .references(() => billingProducts.id, { onDelete: 'restrict' }),
    userId: uuid(),
    status: varchar({ length: 20, enum: SUBSCRIPTION_STATUSES }).notNull().default('trialing'),
    quantity: integer().notNull().default(1),
    stripeSubscriptionId: varchar({ length: 255 }),
    trialStart: timestamp({ withTimezone: true, mode: 'date' }),
    trialEnd: timestamp({ withTimezone: true, mode: 'date' }),
    currentPeriodStart: timestamp({ withTimezone: true, mode: 'date' }),
    currentPeriodEnd: timestamp({ withTimezone: true, mode: 'date' }),
    cancelAtPeriodEnd: boolean().notNull().default(false),
    cancelledAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('subscriptions', t.tenantId, t.userId, users, 'set null'),
    uniqueIndex('subscriptions_tenant_id_stripe_subscription_id_key').on(t.tenantId, t.stripeSubscriptionId),
    index('subscriptions_tenant_id_status_idx').on(t.tenantId, t.status),
    index('subscriptions_tenant_id_product_id_idx').on(t.tenantId, t.productId),
    check('subscriptions_status_check', inCodeList(t.status, SUBSCRIPTION_STATUSES)),
    check('subscriptions_quantity_check', sql`${t.quantity} > 0`),
    check(
      'subscriptions_trial_check',
      sql`(${t.trialStart} is null) = (${t.trialEnd} is null) and (${t.trialEnd} is null or ${t.trialEnd} > ${t.trialStart})`,
    ),
    check(
      'subscriptions_period_check',
      sql`${t.currentPeriodEnd} is null or ${t.currentPeriodStart} is null or ${t.currentPeriodEnd} > ${t.currentPeriodStart}`,
    ),
  ],
);

/** Invoices for an order or a subscription period. */
export const invoices = tenantTable(
  'invoices',
  {
    invoiceNumber: varchar({ length: 50 }).notNull(),
    orderId: uuid(),
    subscriptionId: uuid(),
    status: varchar({ length: 20, enum: INVOICE_STATUSES }).notNull().default('draft'),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    amountDueCents: integer().notNull(),
    amountPaidCents: integer().notNull().default(0),
    stripeInvoiceId: varchar({ length: 255 }),
    issuedAt: timestamp({ withTimezone: true, mode: 'date' }),
    dueAt: timestamp({ withTimezone: true, mode: 'date' }),
    paidAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('invoices', t.tenantId, t.orderId, billingOrders, 'set null'),
    tenantRef('invoices', t.tenantId, t.subscriptionId, subscriptions, 'set null'),
    uniqueIndex('invoices_tenant_id_invoice_number_key').on(t.tenantId, t.invoiceNumber),
    uniqueIndex('invoices_tenant_id_stripe_invoice_id_key').on(t.tenantId, t.stripeInvoiceId),
    index('invoices_tenant_id_status_idx').on(t.tenantId, t.status),
    index('invoices_tenant_id_order_id_idx').on(t.tenantId, t.orderId),
    index('invoices_tenant_id_subscription_id_idx').on(t.tenantId, t.subscriptionId),
    check('invoices_status_check', inCodeList(t.status, INVOICE_STATUSES)),
    currencyCheck('invoices', t.currency),
    check('invoices_amount_due_cents_check', sql`${t.amountDueCents} >= 0`),
    check('invoices_amount_paid_cents_check', sql`${t.amountPaidCents} >= 0`),
  ],
);

/** Payments (spec): positive integer cents in an ISO 4217 currency. */
export const payments = tenantTable(
  'payments',
  {
    orderId: uuid(),
    invoiceId: uuid(),
    stripePaymentIntentId: varchar({ length: 255 }).notNull(),
    stripeChargeId: varchar({ length: 255 }),
    amountCents: integer().notNull(),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    status: varchar({ length: 20, enum: PAYMENT_STATUSES }).notNull().default('pending'),
    paymentMethod: varchar({ length: 50, enum: PAYMENT_METHODS }).notNull(),
    cardLast4: varchar({ length: 4 }),
    cardBrand: varchar({ length: 20 }),
    failureCode: varchar({ length: 50 }),
    failureMessage: varchar({ length: 500 }),
    succeededAt: timestamp({ withTimezone: true, mode: 'date' }),
    refundedAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('payments', t.tenantId, t.orderId, billingOrders, 'set null'),
    tenantRef('payments', t.tenantId, t.invoiceId, invoices, 'set null'),
    uniqueIndex('payments_tenant_id_stripe_payment_intent_id_key').on(t.tenantId, t.stripePaymentIntentId),
    index('payments_tenant_id_status_idx').on(t.tenantId, t.status),
    index('payments_tenant_id_order_id_idx').on(t.tenantId, t.orderId),
    index('payments_tenant_id_invoice_id_idx').on(t.tenantId, t.invoiceId),
    check('payments_amount_cents_check', sql`${t.amountCents} > 0`),
    currencyCheck('payments', t.currency),
    check('payments_status_check', inCodeList(t.status, PAYMENT_STATUSES)),
    check('payments_payment_method_check', inCodeList(t.paymentMethod, PAYMENT_METHODS)),
    check('payments_card_last4_check', sql`${t.cardLast4} is null or ${t.cardLast4} ~ '^[0-9]{4}$'`),
    check('payments_succeeded_at_check', sql`${t.status} not in ('succeeded', 'refunded') or ${t.succeededAt} is not null`),
  ],
);

/** Refunds: new rows against a succeeded payment (orders stay immutable); never more than was paid. */
export const refunds = tenantTable(
  'refunds',
  {
    paymentId: uuid().notNull(),
    orderId: uuid(),
    amountCents: integer().notNull(),
    currency: varchar({ length: 3 }).notNull().default('USD'),
    status: varchar({ length: 20, enum: REFUND_STATUSES }).notNull().default('pending'),
    reason: varchar({ length: 255 }),
    stripeRefundId: varchar({ length: 255 }),
    succeededAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('refunds', t.tenantId, t.paymentId, payments, 'restrict'),
    tenantRef('refunds', t.tenantId, t.orderId, billingOrders, 'restrict'),
    uniqueIndex('refunds_tenant_id_stripe_refund_id_key').on(t.tenantId, t.stripeRefundId),
    index('refunds_tenant_id_payment_id_idx').on(t.tenantId, t.paymentId),
    index('refunds_tenant_id_order_id_idx').on(t.tenantId, t.orderId),
    check('refunds_amount_cents_check', sql`${t.amountCents} > 0`),
    currencyCheck('refunds', t.currency),
    check('refunds_status_check', inCodeList(t.status, REFUND_STATUSES)),
  ],
);

/** Entitlements: what a tenant may use, granted automatically by a paid order or an active subscription. */
export const entitlements = tenantTable(
  'entitlements',
  {
    productId: uuid()
      .notNull()
      .references(() => billingProducts.id, { onDelete: 'restrict' }),
    source: varchar({ length: 20, enum: ENTITLEMENT_SOURCES }).notNull(),
    orderId: uuid(),
    subscriptionId: uuid(),
    status: varchar({ length: 20, enum: ENTITLEMENT_STATUSES }).notNull().default('active'),
    quantity: integer().notNull().default(1),
    startsAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endsAt: timestamp({ withTimezone: true, mode: 'date' }),
    ...timestamps(),
  },
  (t) => [
    tenantRef('entitlements', t.tenantId, t.orderId, billingOrders, 'cascade'),
    tenantRef('entitlements', t.tenantId, t.subscriptionId, subscriptions, 'cascade'),
    uniqueIndex('entitlements_tenant_id_order_id_product_id_key').on(t.tenantId, t.orderId, t.productId),
    uniqueIndex('entitlements_tenant_id_subscription_id_product_id_key').on(t.tenantId, t.subscriptionId, t.productId),
    index('entitlements_tenant_id_product_id_idx').on(t.tenantId, t.productId).where(sql`${t.status} = 'active'`),
    check('entitlements_source_check', inCodeList(t.source, ENTITLEMENT_SOURCES)),
    check('entitlements_status_check', inCodeList(t.status, ENTITLEMENT_STATUSES)),
    check(
      'entitlements_source_ref_check',
      sql`(${t.source} = 'order' and ${t.orderId} is not null and ${t.subscriptionId} is null)
        or (${t.source} = 'subscription' and ${t.subscriptionId} is not null and ${t.orderId} is null)`,
    ),
    check('entitlements_quantity_check', sql`${t.quantity} > 0`),
    check('entitlements_period_check', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A catalog product row. */
export type BillingProduct = typeof billingProducts.$inferSelect;
/** A catalog product to insert. */
export type NewBillingProduct = typeof billingProducts.$inferInsert;
/** A catalog dependency row. */
export type BillingProductRequirement = typeof billingProductRequirements.$inferSelect;
/** A catalog dependency to insert. */
export type NewBillingProductRequirement = typeof billingProductRequirements.$inferInsert;
/** A tax rate row. */
export type TaxRate = typeof taxRates.$inferSelect;
/** A tax rate to insert. */
export type NewTaxRate = typeof taxRates.$inferInsert;
/** A cart row. */
export type Cart = typeof carts.$inferSelect;
/** A cart to insert. */
export type NewCart = typeof carts.$inferInsert;
/** A cart item row. */
export type CartItem = typeof cartItems.$inferSelect;
/** A cart item to insert. */
export type NewCartItem = typeof cartItems.$inferInsert;
/** A billing order row. */
export type BillingOrder = typeof billingOrders.$inferSelect;
/** A billing order to insert. */
export type NewBillingOrder = typeof billingOrders.$inferInsert;
/** A billing order item row. */
export type BillingOrderItem = typeof billingOrderItems.$inferSelect;
/** A billing order item to insert. */
export type NewBillingOrderItem = typeof billingOrderItems.$inferInsert;
/** A subscription row. */
export type Subscription = typeof subscriptions.$inferSelect;
/** A subscription to insert. */
export type NewSubscription = typeof subscriptions.$inferInsert;
/** An invoice row. */
export type Invoice = typeof invoices.$inferSelect;
/** An invoice to insert. */
export type NewInvoice = typeof invoices.$inferInsert;
/** A payment row. */
export type Payment = typeof payments.$inferSelect;
/** A payment to insert. */
export type NewPayment = typeof payments.$inferInsert;
/** A refund row. */
export type Refund = typeof refunds.$inferSelect;
/** A refund to insert. */
export type NewRefund = typeof refunds.$inferInsert;
/** An entitlement row. */
export type Entitlement = typeof entitlements.$inferSelect;
/** An entitlement to insert. */
export type NewEntitlement = typeof entitlements.$inferInsert;
