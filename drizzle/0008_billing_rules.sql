-- Billing rules drizzle-kit cannot express: forced RLS, updated_at triggers, ON DELETE SET NULL (col)
-- keys, a read-only catalog for the application role, tax from tax_rates, derived order totals,
-- paid orders immutable, refunds bounded by payments, cart expiry and checkout dependencies, and
-- entitlements granted automatically by paid orders and active subscriptions.
ALTER TABLE "carts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "cart_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_orders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_order_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subscriptions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invoices" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "refunds" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "entitlements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER carts_touch_updated_at BEFORE UPDATE ON "carts"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER cart_items_touch_updated_at BEFORE UPDATE ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER billing_orders_touch_updated_at BEFORE UPDATE ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER billing_order_items_touch_updated_at BEFORE UPDATE ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER subscriptions_touch_updated_at BEFORE UPDATE ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER invoices_touch_updated_at BEFORE UPDATE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER payments_touch_updated_at BEFORE UPDATE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER refunds_touch_updated_at BEFORE UPDATE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER entitlements_touch_updated_at BEFORE UPDATE ON "entitlements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER billing_products_touch_updated_at BEFORE UPDATE ON "billing_products"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER billing_product_requirements_touch_updated_at BEFORE UPDATE ON "billing_product_requirements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER tax_rates_touch_updated_at BEFORE UPDATE ON "tax_rates"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
ALTER TABLE "billing_orders" DROP CONSTRAINT "billing_orders_cart_id_fkey", ADD CONSTRAINT "billing_orders_cart_id_fkey" FOREIGN KEY ("tenant_id", "cart_id") REFERENCES "carts" ("tenant_id", "id") ON DELETE SET NULL ("cart_id");
--> statement-breakpoint
ALTER TABLE "subscriptions" DROP CONSTRAINT "subscriptions_user_id_fkey", ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_order_id_fkey", ADD CONSTRAINT "invoices_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders" ("tenant_id", "id") ON DELETE SET NULL ("order_id");
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_subscription_id_fkey", ADD CONSTRAINT "invoices_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions" ("tenant_id", "id") ON DELETE SET NULL ("subscription_id");
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_order_id_fkey", ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("tenant_id", "order_id") REFERENCES "billing_orders" ("tenant_id", "id") ON DELETE SET NULL ("order_id");
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_invoice_id_fkey", ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("tenant_id", "invoice_id") REFERENCES "invoices" ("tenant_id", "id") ON DELETE SET NULL ("invoice_id");
--> statement-breakpoint
-- The catalog and tax rates are global and managed by operators, not by tenants.
REVOKE INSERT, UPDATE, DELETE ON "billing_products", "billing_product_requirements", "tax_rates" FROM stocksync_app;
--> statement-breakpoint
-- The rate for a country and state: the state's own rate, else the country-wide rate, else 0.
CREATE OR REPLACE FUNCTION stocksync_tax_rate(p_country_code text, p_state_code text) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT rate FROM tax_rates WHERE is_active AND country_code = p_country_code AND state_code = p_state_code),
    (SELECT rate FROM tax_rates WHERE is_active AND country_code = p_country_code AND state_code IS NULL),
    0::numeric)
$$;
--> statement-breakpoint
-- Tax in cents on a taxable amount, rounded half up.
CREATE OR REPLACE FUNCTION stocksync_compute_tax_cents(p_taxable_cents bigint, p_country_code text, p_state_code text)
RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT round(greatest(p_taxable_cents, 0) * stocksync_tax_rate(p_country_code, p_state_code))::integer
$$;
--> statement-breakpoint
-- Billing orders: paid is final and immutable; while not paid, subtotal (sum of items) and tax (from
-- tax_rates on subtotal - discount) are derived; becoming paid needs succeeded payments covering the total.
CREATE OR REPLACE FUNCTION stocksync_billing_orders_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_paid bigint;
  v_total bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'paid' AND NOT stocksync_tenant_purging(OLD.tenant_id) THEN
      RAISE EXCEPTION 'Billing order % is paid and cannot be deleted: record a refund instead.', OLD.id
        USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'billing_orders';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'paid' THEN
    RAISE EXCEPTION 'Billing order % is paid and immutable: record a refund instead of changing it.', OLD.id
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'billing_orders';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'cancelled' AND NEW IS DISTINCT FROM OLD THEN
    RAISE EXCEPTION 'Billing order % is cancelled: place a new order.', OLD.id
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'billing_orders';
  END IF;
  NEW.subtotal_cents := coalesce((
    SELECT sum(line_total_cents) FROM billing_order_items WHERE tenant_id = NEW.tenant_id AND order_id = NEW.id
  ), 0);
  NEW.tax_cents := stocksync_compute_tax_cents(
    NEW.subtotal_cents::bigint - NEW.discount_cents, NEW.billing_country_code, NEW.billing_state_code);
  IF NEW.status = 'paid' THEN
    NEW.paid_at := coalesce(NEW.paid_at, now());
    v_total := NEW.subtotal_cents::bigint + NEW.tax_cents - NEW.discount_cents;
    SELECT coalesce(sum(amount_cents), 0) INTO v_paid FROM payments
      WHERE tenant_id = NEW.tenant_id AND order_id = NEW.id AND status = 'succeeded' AND currency = NEW.currency;
    IF v_paid < v_total THEN
      RAISE EXCEPTION 'Billing order % totals % % but succeeded payments cover %: record the payment first.',
        NEW.id, v_total, NEW.currency, v_paid
        USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_orders_payment_check', TABLE = 'billing_orders';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER billing_orders_guard BEFORE INSERT OR UPDATE OR DELETE ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_billing_orders_guard();
--> statement-breakpoint
-- Items of a paid order are immutable too; any item change recomputes the order (its guard derives the totals).
CREATE OR REPLACE FUNCTION stocksync_billing_order_items_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row billing_order_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  v_status text;
BEGIN
  SELECT status INTO v_status FROM billing_orders WHERE tenant_id = v_row.tenant_id AND id = v_row.order_id;
  IF v_status IN ('paid', 'cancelled') AND NOT stocksync_tenant_purging(v_row.tenant_id) THEN
    RAISE EXCEPTION 'Billing order % is %: its items are immutable.', v_row.order_id, v_status
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'billing_order_items';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER billing_order_items_guard BEFORE INSERT OR UPDATE OR DELETE ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_billing_order_items_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_billing_order_items_total() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row billing_order_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  UPDATE billing_orders SET subtotal_cents = subtotal_cents
  WHERE tenant_id = v_row.tenant_id AND id = v_row.order_id AND status NOT IN ('paid', 'cancelled');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER billing_order_items_total AFTER INSERT OR UPDATE OR DELETE ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_billing_order_items_total();
--> statement-breakpoint
-- A paid order grants one entitlement per product it contains.
CREATE OR REPLACE FUNCTION stocksync_billing_orders_entitle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'paid' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'paid') THEN
    INSERT INTO entitlements (tenant_id, product_id, source, order_id, quantity, starts_at)
    SELECT NEW.tenant_id, i.product_id, 'order', NEW.id, i.quantity, NEW.paid_at
    FROM billing_order_items i WHERE i.tenant_id = NEW.tenant_id AND i.order_id = NEW.id
    ON CONFLICT (tenant_id, order_id, product_id) DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER billing_orders_entitle AFTER INSERT OR UPDATE OF status ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_billing_orders_entitle();
--> statement-breakpoint
-- A subscription entering active grants (or re-activates) its entitlement; leaving it for cancelled or expired ends it.
CREATE OR REPLACE FUNCTION stocksync_subscriptions_entitle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'active' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'active') THEN
    INSERT INTO entitlements (tenant_id, product_id, source, subscription_id, quantity, starts_at, ends_at)
    VALUES (NEW.tenant_id, NEW.product_id, 'subscription', NEW.id, NEW.quantity,
            coalesce(NEW.current_period_start, now()), NEW.current_period_end)
    ON CONFLICT (tenant_id, subscription_id, product_id)
    DO UPDATE SET status = 'active', quantity = EXCLUDED.quantity, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at;
  ELSIF TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status IN ('cancelled', 'expired') THEN
    UPDATE entitlements SET status = 'expired'
    WHERE tenant_id = NEW.tenant_id AND subscription_id = NEW.id AND status = 'active';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subscriptions_entitle AFTER INSERT OR UPDATE OF status ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_subscriptions_entitle();
--> statement-breakpoint
-- A payment for an order is in the order's currency.
CREATE OR REPLACE FUNCTION stocksync_payments_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_currency text;
BEGIN
  IF NEW.order_id IS NOT NULL THEN
    SELECT currency INTO v_currency FROM billing_orders WHERE tenant_id = NEW.tenant_id AND id = NEW.order_id;
    IF v_currency IS NOT NULL AND v_currency <> NEW.currency THEN
      RAISE EXCEPTION 'Payment currency % differs from order currency %.', NEW.currency, v_currency
        USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_order_currency_check', TABLE = 'payments';
    END IF;
  END IF;
  IF NEW.status = 'succeeded' THEN
    NEW.succeeded_at := coalesce(NEW.succeeded_at, now());
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER payments_guard BEFORE INSERT OR UPDATE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_payments_guard();
--> statement-breakpoint
-- Refunds: only against a succeeded payment, in its currency, never more in total than was paid
-- (the payment row is locked so concurrent refunds add up); a fully refunded payment becomes refunded.
CREATE OR REPLACE FUNCTION stocksync_refunds_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_payment payments%ROWTYPE;
  v_refunded bigint;
BEGIN
  SELECT * INTO v_payment FROM payments WHERE tenant_id = NEW.tenant_id AND id = NEW.payment_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NEW;
  END IF;
  IF v_payment.status NOT IN ('succeeded', 'refunded') THEN
    RAISE EXCEPTION 'Payment % is %: only a succeeded payment can be refunded.', v_payment.id, v_payment.status
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'refunds';
  END IF;
  IF NEW.currency <> v_payment.currency THEN
    RAISE EXCEPTION 'Refund currency % differs from payment currency %.', NEW.currency, v_payment.currency
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_payment_currency_check', TABLE = 'refunds';
  END IF;
  IF NEW.order_id IS NULL THEN
    NEW.order_id := v_payment.order_id;
  ELSIF NEW.order_id IS DISTINCT FROM v_payment.order_id THEN
    RAISE EXCEPTION 'Refund order % is not the order % of payment %.', NEW.order_id, v_payment.order_id, v_payment.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_payment_order_check', TABLE = 'refunds';
  END IF;
  SELECT coalesce(sum(amount_cents), 0) INTO v_refunded FROM refunds
    WHERE tenant_id = NEW.tenant_id AND payment_id = NEW.payment_id AND status <> 'failed' AND id <> NEW.id;
  IF NEW.status <> 'failed' AND v_refunded + NEW.amount_cents > v_payment.amount_cents THEN
    RAISE EXCEPTION 'Refunds of payment % would total % cents, more than the % cents paid.',
      v_payment.id, v_refunded + NEW.amount_cents, v_payment.amount_cents
      USING ERRCODE = 'check_violation', CONSTRAINT = 'refunds_amount_total_check', TABLE = 'refunds';
  END IF;
  IF NEW.status = 'succeeded' THEN
    NEW.succeeded_at := coalesce(NEW.succeeded_at, now());
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER refunds_guard BEFORE INSERT OR UPDATE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_refunds_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_refunds_settle() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE payments p SET status = 'refunded', refunded_at = now()
  WHERE p.tenant_id = NEW.tenant_id AND p.id = NEW.payment_id AND p.status = 'succeeded'
    AND p.amount_cents <= (
      SELECT coalesce(sum(r.amount_cents), 0) FROM refunds r
      WHERE r.tenant_id = p.tenant_id AND r.payment_id = p.id AND r.status = 'succeeded');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER refunds_settle AFTER INSERT OR UPDATE OF status ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_refunds_settle();
--> statement-breakpoint
-- Carts expire 24 hours after their last update. An expired cart only moves to expired or abandoned;
-- checking out needs a live cart with items whose catalog dependencies are in the cart or already entitled.
CREATE OR REPLACE FUNCTION stocksync_carts_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_product text;
  v_required text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.expires_at := NEW.updated_at + interval '24 hours';
    IF NEW.status = 'checked_out' THEN
      RAISE EXCEPTION 'A cart is created open and checked out later.'
        USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'carts';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW IS NOT DISTINCT FROM OLD THEN
    RETURN NEW;
  END IF;
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'Cart % is %: start a new cart.', OLD.id, OLD.status
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'carts';
  END IF;
  IF OLD.expires_at <= now() AND NEW.status NOT IN ('expired', 'abandoned') THEN
    RAISE EXCEPTION 'Cart % expired at %: start a new cart.', OLD.id, OLD.expires_at
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'carts';
  END IF;
  NEW.expires_at := now() + interval '24 hours';
  IF NEW.status = 'checked_out' THEN
    IF NOT EXISTS (SELECT 1 FROM cart_items WHERE tenant_id = NEW.tenant_id AND cart_id = NEW.id) THEN
      RAISE EXCEPTION 'Cart % is empty: add a product before checking out.', NEW.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'carts_items_check', TABLE = 'carts';
    END IF;
    SELECT p.sku, r.sku INTO v_product, v_required
    FROM cart_items i
    JOIN billing_product_requirements q ON q.product_id = i.product_id
    JOIN billing_products p ON p.id = i.product_id
    JOIN billing_products r ON r.id = q.requires_product_id
    WHERE i.tenant_id = NEW.tenant_id AND i.cart_id = NEW.id
      AND NOT EXISTS (
        SELECT 1 FROM cart_items j
        WHERE j.tenant_id = NEW.tenant_id AND j.cart_id = NEW.id AND j.product_id = q.requires_product_id)
      AND NOT EXISTS (
        SELECT 1 FROM entitlements e
        WHERE e.tenant_id = NEW.tenant_id AND e.product_id = q.requires_product_id AND e.status = 'active'
          AND (e.ends_at IS NULL OR e.ends_at > now()))
    ORDER BY p.sku, r.sku
    LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'Product % requires %: add % to the cart (or hold an active entitlement to it) before checking out.',
        v_product, v_required, v_required
        USING ERRCODE = 'check_violation', CONSTRAINT = 'cart_items_requires_check', TABLE = 'carts';
    END IF;
    NEW.checked_out_at := coalesce(NEW.checked_out_at, now());
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER carts_guard BEFORE INSERT OR UPDATE ON "carts"
  FOR EACH ROW EXECUTE FUNCTION stocksync_carts_guard();
--> statement-breakpoint
-- Items change only in a live open cart, and every change counts as an update of the cart.
CREATE OR REPLACE FUNCTION stocksync_cart_items_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row cart_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  v_cart carts%ROWTYPE;
BEGIN
  SELECT * INTO v_cart FROM carts WHERE tenant_id = v_row.tenant_id AND id = v_row.cart_id;
  IF FOUND AND (v_cart.status <> 'open' OR v_cart.expires_at <= now()) AND NOT stocksync_tenant_purging(v_row.tenant_id) THEN
    RAISE EXCEPTION 'Cart % is % (expires at %): its items can no longer change.', v_cart.id,
      CASE WHEN v_cart.status = 'open' THEN 'expired' ELSE v_cart.status END, v_cart.expires_at
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'cart_items';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cart_items_guard BEFORE INSERT OR UPDATE OR DELETE ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_cart_items_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_cart_items_touch_cart() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row cart_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  UPDATE carts SET updated_at = now()
  WHERE tenant_id = v_row.tenant_id AND id = v_row.cart_id AND status = 'open' AND expires_at > now();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cart_items_touch_cart AFTER INSERT OR UPDATE OR DELETE ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_cart_items_touch_cart();
--> statement-breakpoint
-- Marks open carts past their expiry as expired (visible rows only: one tenant under RLS); returns how many.
CREATE OR REPLACE FUNCTION stocksync_expire_carts() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  v_count integer;
BEGIN
  UPDATE carts SET status = 'expired' WHERE status = 'open' AND expires_at <= now();
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$$;
