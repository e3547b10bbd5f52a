-- 0037_inventory_order_payments: sale orders are paid once, in full, and refunded in parts.
-- * paid_cents / paid_at / payment_reference record the payment, refunded_cents what went back
--   (CHECKs: paid_at is set exactly when paid_cents > 0; refunds never exceed the payment).
-- * inventory_orders_payment_guard: an order is paid only when confirmed (or later), for exactly its
--   total; once paid, its terms (number, kind, party, location, currency, total, payment) no longer
--   change, refunds only grow, it never goes back to draft, and it is cancelled only once refunded in full.
-- * inventory_order_items_paid_guard: a paid order's items no longer change (except in a tenant purge).
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD COLUMN "paid_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD COLUMN "refunded_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD COLUMN "paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD COLUMN "payment_reference" varchar(255);--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_paid_cents_check" CHECK ("inventory_orders"."paid_cents" >= 0 and ("inventory_orders"."paid_at" is null) = ("inventory_orders"."paid_cents" = 0));--> statement-breakpoint
ALTER TABLE "inventory_orders" ADD CONSTRAINT "inventory_orders_refunded_cents_check" CHECK ("inventory_orders"."refunded_cents" >= 0 and "inventory_orders"."refunded_cents" <= "inventory_orders"."paid_cents");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_inventory_orders_payment_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.paid_at IS NULL THEN
    IF NEW.paid_at IS NOT NULL THEN
      IF OLD.status NOT IN ('confirmed', 'shipped', 'delivered') OR NEW.status IN ('draft', 'cancelled') THEN
        RAISE EXCEPTION 'Inventory order % is %: confirm it before taking its payment.', NEW.id, OLD.status
          USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_orders_payment_check', TABLE = 'inventory_orders';
      END IF;
      IF NEW.paid_cents <> NEW.total_cents THEN
        RAISE EXCEPTION 'Inventory order % totals % cents: a payment of % cents does not settle it. Pay the total.', NEW.id, NEW.total_cents, NEW.paid_cents
          USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_orders_payment_check', TABLE = 'inventory_orders';
      END IF;
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.paid_at IS DISTINCT FROM OLD.paid_at OR NEW.paid_cents IS DISTINCT FROM OLD.paid_cents
     OR NEW.payment_reference IS DISTINCT FROM OLD.payment_reference OR NEW.total_cents IS DISTINCT FROM OLD.total_cents
     OR NEW.currency IS DISTINCT FROM OLD.currency OR NEW.order_number IS DISTINCT FROM OLD.order_number
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.buyer_id IS DISTINCT FROM OLD.buyer_id
     OR NEW.supplier_id IS DISTINCT FROM OLD.supplier_id OR NEW.location_id IS DISTINCT FROM OLD.location_id THEN
    RAISE EXCEPTION 'Inventory order % is paid: its terms can no longer change. Record a refund instead.', NEW.id
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'inventory_orders';
  END IF;
  IF NEW.refunded_cents < OLD.refunded_cents THEN
    RAISE EXCEPTION 'Inventory order % has % cents refunded: a refund cannot be taken back.', NEW.id, OLD.refunded_cents
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'inventory_orders';
  END IF;
  IF NEW.status = 'draft' AND OLD.status <> 'draft' THEN
    RAISE EXCEPTION 'Inventory order % is paid: it cannot go back to draft.', NEW.id
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'inventory_orders';
  END IF;
  IF NEW.status = 'cancelled' AND OLD.status <> 'cancelled' AND NEW.refunded_cents < NEW.paid_cents THEN
    RAISE EXCEPTION 'Inventory order % is paid and % of % cents are refunded: refund it in full before cancelling.', NEW.id, NEW.refunded_cents, NEW.paid_cents
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_orders_cancel_paid_check', TABLE = 'inventory_orders';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_orders_payment_guard BEFORE UPDATE ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_orders_payment_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_paid_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row inventory_order_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  v_paid_at timestamptz;
BEGIN
  SELECT paid_at INTO v_paid_at FROM inventory_orders WHERE tenant_id = v_row.tenant_id AND id = v_row.order_id;
  IF v_paid_at IS NOT NULL AND NOT stocksync_tenant_purging(v_row.tenant_id) THEN
    RAISE EXCEPTION 'Inventory order % is paid: its items can no longer change. Record a refund instead.', v_row.order_id
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'inventory_order_items';
  END IF;
  RETURN v_row;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_paid_guard BEFORE INSERT OR UPDATE OR DELETE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_order_items_paid_guard();
