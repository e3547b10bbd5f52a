// Billing operations: place, pay and refund orders, check out carts, and expire stale carts. The
// database derives totals and tax, guards paid orders and grants entitlements; these functions
// validate input, write the rows in order, and return them typed.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { NotFoundError, RuleViolationError } from '../errors.js';
import {
  billingOrderItems,
  billingOrders,
  billingProducts,
  cartItems,
  carts,
  entitlements,
  payments,
  refunds,
  type BillingOrder,
  type BillingOrderItem,
  type Cart,
  type Entitlement,
  type Payment,
  type Refund,
} from '../schema/billing.js';
import { parseInput } from '../validators/_fields.js';
import {
  checkoutCartInput,
  payOrderInput,
  placeOrderInput,
  refundOrderInput,
  type CheckoutCartInput,
  type PayOrderInput,
  type PlaceOrderInput,
  type RefundOrderInput,
} from '../validators/billing.js';
import { rowsOf, runOperation, type OperationDatabase, type OperationTransaction } from './_run.js';

/** An order with its items. */
export interface PlacedOrder {
  order: BillingOrder;
  items: BillingOrderItem[];
}

/** The result of paying an order: the paid order, its payment (none for a free order) and the entitlements it granted. */
export interface PaidOrder {
  order: BillingOrder;
  payment: Payment | null;
  entitlements: Entitlement[];
}

/** The result of checking out a cart: the checked-out cart and the order placed from it. */
export interface CheckedOutCart extends PlacedOrder {
  cart: Cart;
}

interface OrderDraft {
  userId: string;
  cartId?: string;
  currency: string;
  discountCents: number;
  discountCode?: string;
  billingCountryCode?: string | null;
  billingStateCode?: string | null;
  billingDetails?: Record<string, unknown>;
  shippingAddress?: Record<string, unknown>;
  lines: Array<{ productId: string; quantity: number; unitPriceCents: number }>;
}

async function insertOrder(tx: OperationTransaction, tenantId: string, draft: OrderDraft): Promise<PlacedOrder> {
  const [created] = await tx
    .insert(billingOrders)
    .values({
      tenantId,
      userId: draft.userId,
      cartId: draft.cartId,
      currency: draft.currency,
      discountCode: draft.discountCode,
      billingCountryCode: draft.billingCountryCode ?? null,
      billingStateCode: draft.billingStateCode ?? null,
      billingDetails: draft.billingDetails,
      shippingAddress: draft.shippingAddress,
    })
    .returning();
  const items = await tx
    .insert(billingOrderItems)
    .values(draft.lines.map((l) => ({ tenantId, orderId: created!.id, ...l })))
    .returning();
  // The total may never be negative, so the discount goes on once the items are in.
  const [order] = await tx
    .update(billingOrders)
    .set({ discountCents: draft.discountCents })
    .where(and(eq(billingOrders.tenantId, tenantId), eq(billingOrders.id, created!.id)))
    .returning();
  return { order: order!, items };
}

/**
 * Places a pending order for catalog products at catalog prices; the database adds up the items
 * and computes tax from the billing country and state.
 *
 * @example
 * ```ts
 * import { placeOrder } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) =>
 *   placeOrder(tx, { userId, items: [{ productId, quantity: 1 }], billingCountryCode: 'US', billingStateCode: 'CA' }));
 * ```
 */
export function placeOrder(db: OperationDatabase, input: PlaceOrderInput): Promise<PlacedOrder> {
  const data = parseInput(placeOrderInput, input, 'placeOrder');
  return runOperation(db, 'placeOrder', async (tx, tenantId) => {
    const ids = data.items.map((i) => i.productId);
    const catalog = await tx.select().from(billingProducts).where(inArray(billingProducts.id, ids));
    const byId = new Map(catalog.map((p) => [p.id, p]));
    const lines = data.items.map((item) => {
      const product = byId.get(item.productId);
      if (!product || !product.isActive) {
        throw new NotFoundError(`Product ${item.productId} is not in the catalog (or not for sale).`, 'billing_products', item.productId);
      }
      if (product.currency !== data.currency) {
        throw new RuleViolationError(
          `Product ${product.sku} is priced in ${product.currency}, not ${data.currency}: order it in ${product.currency}.`,
          'billing_orders_currency',
        );
      }
      return { productId: product.id, quantity: item.quantity, unitPriceCents: product.priceCents };
    });
    return insertOrder(tx, tenantId, { ...data, lines });
  });
}

async function findOrder(tx: OperationTransaction, tenantId: string, orderId: string): Promise<BillingOrder> {
  const [order] = await tx
    .select()
    .from(billingOrders)
    .where(and(eq(billingOrders.tenantId, tenantId), eq(billingOrders.id, orderId)))
    .for('update');
  if (!order) throw new NotFoundError(`Billing order ${orderId} does not exist in this tenant.`, 'billing_orders', orderId);
  return order;
}

/**
 * Pays an order: records a succeeded payment (the order total unless `amountCents` says otherwise)
 * and marks the order paid, which grants its entitlements. All or nothing: if the order refuses
 * to become paid (payment short of the total, already paid), the payment row is not kept.
 *
 * @example
 * ```ts
 * import { payOrder } from '@stocksync/db/operations';
 * const { entitlements } = await withTenant(db, tenantId, (tx) =>
 *   payOrder(tx, { orderId, stripePaymentIntentId: 'pi_123', paymentMethod: 'card' }));
 * ```
 */
export function payOrder(db: OperationDatabase, input: PayOrderInput): Promise<PaidOrder> {
  const data = parseInput(payOrderInput, input, 'payOrder');
  return runOperation(db, 'payOrder', async (tx, tenantId) => {
    const order = await findOrder(tx, tenantId, data.orderId);
    if (order.status === 'paid') {
      throw new RuleViolationError(`Billing order ${order.id} is already paid: record a refund to give money back.`, undefined);
    }
    const amount = data.amountCents ?? order.totalCents;
    let payment: Payment | null = null;
    if (amount > 0) {
      [payment] = (await tx
        .insert(payments)
        .values({
          tenantId,
          orderId: order.id,
          stripePaymentIntentId: data.stripePaymentIntentId,
          stripeChargeId: data.stripeChargeId,
          amountCents: amount,
          currency: order.currency,
          status: 'succeeded',
          paymentMethod: data.paymentMethod,
          cardLast4: data.cardLast4,
          cardBrand: data.cardBrand,
        })
        .returning()) as [Payment];
    }
    const [paid] = await tx
      .update(billingOrders)
      .set({ status: 'paid', paymentMethod: data.paymentMethod, stripePaymentIntentId: data.stripePaymentIntentId })
      .where(and(eq(billingOrders.tenantId, tenantId), eq(billingOrders.id, order.id)))
      .returning();
    const granted = await tx
      .select()
      .from(entitlements)
      .where(and(eq(entitlements.tenantId, tenantId), eq(entitlements.orderId, order.id)))
      .orderBy(asc(entitlements.productId));
    return { order: paid!, payment, entitlements: granted };
  });
}

/**
 * Refunds (part of) a paid order as a new refund row against its payment; the order itself stays
 * paid and unchanged. The database refuses refunding more than was paid.
 *
 * @example
 * ```ts
 * import { refundOrder } from '@stocksync/db/operations';
 * await withTenant(db, tenantId, (tx) => refundOrder(tx, { orderId, amountCents: 500, reason: 'damaged' }));
 * ```
 */
export function refundOrder(db: OperationDatabase, input: RefundOrderInput): Promise<Refund> {
  const data = parseInput(refundOrderInput, input, 'refundOrder');
  return runOperation(db, 'refundOrder', async (tx, tenantId) => {
    const order = await findOrder(tx, tenantId, data.orderId);
    if (order.status !== 'paid') {
      throw new RuleViolationError(`Billing order ${order.id} is ${order.status}: only a paid order can be refunded.`, undefined);
    }
    const [payment] = await tx
      .select()
      .from(payments)
      .where(
        and(
          eq(payments.tenantId, tenantId),
          eq(payments.orderId, order.id),
          inArray(payments.status, ['succeeded', 'refunded']),
          data.paymentId ? eq(payments.id, data.paymentId) : undefined,
        ),
      )
      .orderBy(asc(payments.createdAt))
      .limit(1);
    if (!payment) {
      throw new NotFoundError(`Billing order ${order.id} has no succeeded payment to refund.`, 'payments', data.paymentId ?? order.id);
    }
    const [refund] = await tx
      .insert(refunds)
      .values({
        tenantId,
        paymentId: payment.id,
        orderId: order.id,
        amountCents: data.amountCents,
        currency: payment.currency,
        status: 'succeeded',
        reason: data.reason,
        stripeRefundId: data.stripeRefundId,
      })
      .returning();
    return refund!;
  });
}

/**
 * Checks out a cart: the database refuses an expired or empty cart, or one whose products'
 * `requires` dependencies are neither in the cart nor already entitled; then a pending order is
 * placed from the cart's items, discount and billing address.
 *
 * @example
 * ```ts
 * import { checkoutCart } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) => checkoutCart(tx, { cartId }));
 * ```
 */
export function checkoutCart(db: OperationDatabase, input: CheckoutCartInput): Promise<CheckedOutCart> {
  const data = parseInput(checkoutCartInput, input, 'checkoutCart');
  return runOperation(db, 'checkoutCart', async (tx, tenantId) => {
    const [cart] = await tx
      .update(carts)
      .set({
        status: 'checked_out',
        ...(data.billingCountryCode ? { billingCountryCode: data.billingCountryCode, billingStateCode: data.billingStateCode ?? null } : {}),
      })
      .where(and(eq(carts.tenantId, tenantId), eq(carts.id, data.cartId)))
      .returning();
    if (!cart) throw new NotFoundError(`Cart ${data.cartId} does not exist in this tenant.`, 'carts', data.cartId);
    const lines = await tx
      .select({ productId: cartItems.productId, quantity: cartItems.quantity, unitPriceCents: cartItems.unitPriceCents })
      .from(cartItems)
      .where(and(eq(cartItems.tenantId, tenantId), eq(cartItems.cartId, cart.id)))
      .orderBy(asc(cartItems.createdAt));
    const placed = await insertOrder(tx, tenantId, {
      userId: cart.userId,
      cartId: cart.id,
      currency: cart.currency,
      discountCents: cart.discountCents,
      discountCode: cart.discountCode ?? undefined,
      billingCountryCode: cart.billingCountryCode,
      billingStateCode: cart.billingStateCode,
      shippingAddress: data.shippingAddress,
      lines,
    });
    return { ...placed, cart };
  });
}

/**
 * Marks the tenant's open carts whose 24 hours have passed as expired; returns how many.
 *
 * @example
 * ```ts
 * import { expireCarts } from '@stocksync/db/operations';
 * const expired = await withTenant(db, tenantId, (tx) => expireCarts(tx));
 * ```
 */
export function expireCarts(db: OperationDatabase): Promise<number> {
  return runOperation(db, 'expireCarts', async (tx) => {
    const result = await tx.execute(sql`select stocksync_expire_carts() as n`);
    return Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
  });
}
