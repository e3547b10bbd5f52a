// A draft sale order made from an open cart. Cart lines name catalog products (the global
// `billing_products`); each becomes a line of the tenant's inventory product with the same SKU
// (unique per tenant), at the cart's price. The cart is checked out in the same transaction, so a
// cart becomes one order, whether as a sale order here or as a billing order (checkoutCart).
import { and, asc, eq, sql } from 'drizzle-orm';
import { NotFoundError, RuleViolationError } from '../errors.js';
import { billingProducts, cartItems, carts, type Cart } from '../schema/billing.js';
import { inventoryProducts } from '../schema/inventory.js';
import { parseInput } from '../validators/_fields.js';
import { createSaleOrderFromCartInput, type CreateSaleOrderFromCartInput } from '../validators/sale-orders.js';
import { insertSaleOrder, type SaleOrder } from './sale-orders.js';
import { runOperation, type OperationDatabase } from './_run.js';

/** The result of ordering a cart: the draft sale order with its items, and the checked-out cart. */
export interface SaleOrderFromCart extends SaleOrder {
  cart: Cart;
}

/**
 * Creates a draft sale order from an open cart and checks the cart out. Each cart line becomes an
 * item of the tenant's active inventory product whose SKU is the catalog product's SKU, with the
 * cart's quantity and unit price; the order takes the cart's currency. The cart row is locked first,
 * so two conversions of one cart (a double submit) make one order: the second gets a
 * {@link RuleViolationError} `carts_status_check`. Also refused, with nothing written: a cart of
 * another tenant or none ({@link NotFoundError}), an expired cart (`carts_status_check`), an empty
 * one (`carts_items_check`), a cart with a discount (`carts_discount_cents_check`: sale orders carry
 * none), and a line whose SKU has no active inventory product (`cart_items_inventory_product`, the
 * message lists the SKUs). Confirm, pay and fulfil the draft like any other sale order.
 *
 * @example
 * ```ts
 * import { createSaleOrderFromCart } from '@stocksync/db/operations';
 * const { order } = await withTenant(db, tenantId, (tx) =>
 *   createSaleOrderFromCart(tx, { cartId, orderNumber: 'SO-1', buyerId, locationId }));
 * ```
 */
export function createSaleOrderFromCart(db: OperationDatabase, input: CreateSaleOrderFromCartInput): Promise<SaleOrderFromCart> {
  const data = parseInput(createSaleOrderFromCartInput, input, 'createSaleOrderFromCart');
  return runOperation(db, 'createSaleOrderFromCart', async (tx, tenantId) => {
    // The row lock makes a concurrent conversion of the same cart wait, then read it checked out.
    const [found] = await tx
      .select({ cart: carts, expired: sql<boolean>`${carts.expiresAt} <= now()` })
      .from(carts)
      .where(and(eq(carts.tenantId, tenantId), eq(carts.id, data.cartId)))
      .for('update');
    if (!found) throw new NotFoundError(`Cart ${data.cartId} does not exist in this tenant.`, 'carts', data.cartId);
    const { cart } = found;
    if (cart.status !== 'open') {
      throw new RuleViolationError(`Cart ${cart.id} is ${cart.status}: it was ordered or closed already; start a new cart.`, 'carts_status_check');
    }
    if (found.expired) throw new RuleViolationError(`Cart ${cart.id} expired at ${cart.expiresAt.toISOString()}: start a new cart.`, 'carts_status_check');
    if (cart.discountCents > 0) {
      throw new RuleViolationError(
        `Cart ${cart.id} has a discount of ${cart.discountCents} cents and a sale order carries none: remove the discount from the cart, or check it out as a billing order with checkoutCart.`,
        'carts_discount_cents_check',
      );
    }
    const lines = await tx
      .select({
        sku: billingProducts.sku,
        quantity: cartItems.quantity,
        unitPriceCents: cartItems.unitPriceCents,
        productId: inventoryProducts.id,
        isActive: inventoryProducts.isActive,
      })
      .from(cartItems)
      .innerJoin(billingProducts, eq(billingProducts.id, cartItems.productId))
      .leftJoin(inventoryProducts, and(eq(inventoryProducts.tenantId, cartItems.tenantId), eq(inventoryProducts.sku, billingProducts.sku)))
      .where(and(eq(cartItems.tenantId, tenantId), eq(cartItems.cartId, cart.id)))
      .orderBy(asc(billingProducts.sku));
    if (lines.length === 0) throw new RuleViolationError(`Cart ${cart.id} is empty: add a product before ordering it.`, 'carts_items_check');
    const unmatched = lines.filter((l) => !l.productId || !l.isActive).map((l) => l.sku);
    if (unmatched.length > 0) {
      throw new RuleViolationError(
        `Cart ${cart.id} holds SKU(s) ${unmatched.join(', ')} that no active inventory product of this tenant has: add (or reactivate) an inventory product with that SKU, or remove the line from the cart.`,
        'cart_items_inventory_product',
      );
    }
    // The database's cart guard still has its say (expiry, catalog requirements) before the order exists.
    const [checkedOut] = await tx
      .update(carts)
      .set({ status: 'checked_out' })
      .where(and(eq(carts.tenantId, tenantId), eq(carts.id, cart.id)))
      .returning();
    const { orderNumber, buyerId, locationId, createdById, notes, expectedAt } = data;
    const header = { orderNumber, buyerId, locationId, createdById, notes, expectedAt, currency: cart.currency };
    const order = await insertSaleOrder(tx, tenantId, header, lines.map((l) => ({ productId: l.productId!, quantity: l.quantity, unitPriceCents: l.unitPriceCents })));
    return { ...order, cart: checkedOut! };
  });
}
