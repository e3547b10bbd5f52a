-- Inventory rules drizzle-kit cannot express: forced RLS, updated_at triggers, ON DELETE SET NULL (col)
-- keys, and the stock ledger (stock levels derived from append-only movements, no negative stock
-- unless the location allows backorders), order status transitions and order totals.
ALTER TABLE "inventory_products" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_locations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "suppliers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "buyers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "drivers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_orders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "inventory_order_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stock_levels" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stock_movements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE TRIGGER inventory_products_touch_updated_at BEFORE UPDATE ON "inventory_products"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER inventory_locations_touch_updated_at BEFORE UPDATE ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER suppliers_touch_updated_at BEFORE UPDATE ON "suppliers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER buyers_touch_updated_at BEFORE UPDATE ON "buyers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER drivers_touch_updated_at BEFORE UPDATE ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER inventory_orders_touch_updated_at BEFORE UPDATE ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_touch_updated_at BEFORE UPDATE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
CREATE TRIGGER stock_levels_touch_updated_at BEFORE UPDATE ON "stock_levels"
  FOR EACH ROW EXECUTE FUNCTION stocksync_touch_updated_at();
--> statement-breakpoint
ALTER TABLE "drivers" DROP CONSTRAINT "drivers_user_id_fkey", ADD CONSTRAINT "drivers_user_id_fkey" FOREIGN KEY ("tenant_id", "user_id") REFERENCES "users" ("tenant_id", "id") ON DELETE SET NULL ("user_id");
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_driver_id_fkey", ADD CONSTRAINT "inventory_orders_driver_id_fkey" FOREIGN KEY ("tenant_id", "driver_id") REFERENCES "drivers" ("tenant_id", "id") ON DELETE SET NULL ("driver_id");
--> statement-breakpoint
ALTER TABLE "inventory_orders" DROP CONSTRAINT "inventory_orders_created_by_id_fkey", ADD CONSTRAINT "inventory_orders_created_by_id_fkey" FOREIGN KEY ("tenant_id", "created_by_id") REFERENCES "users" ("tenant_id", "id") ON DELETE SET NULL ("created_by_id");
--> statement-breakpoint
-- True while the tenant row is gone: the only time ledger and paid rows may be deleted (tenant purge cascade).
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM tenants WHERE id = p_tenant_id)
$$;
--> statement-breakpoint
-- Applies one ledger row to its stock level (upsert under the row lock, so concurrent writers add up).
CREATE OR REPLACE FUNCTION stocksync_stock_movements_apply() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_quantity integer;
  v_backorder boolean;
BEGIN
  INSERT INTO stock_levels AS l (tenant_id, product_id, location_id, quantity)
  VALUES (NEW.tenant_id, NEW.product_id, NEW.location_id, NEW.quantity_delta)
  ON CONFLICT (tenant_id, product_id, location_id)
  DO UPDATE SET quantity = l.quantity + EXCLUDED.quantity
  RETURNING l.quantity INTO v_quantity;
  IF v_quantity < 0 THEN
    SELECT allows_backorder INTO v_backorder
      FROM inventory_locations WHERE tenant_id = NEW.tenant_id AND id = NEW.location_id;
    IF NOT coalesce(v_backorder, false) THEN
      RAISE EXCEPTION 'Stock of product % at location % would drop to %: the location does not allow backorders. Receive stock first or enable allows_backorder.',
        NEW.product_id, NEW.location_id, v_quantity
        USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_quantity_check', TABLE = 'stock_levels';
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_apply AFTER INSERT ON "stock_movements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_stock_movements_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_stock_movements_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND stocksync_tenant_purging(OLD.tenant_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'stock_movements is an append-only ledger (% refused): record a correcting movement instead.', TG_OP
    USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'stock_movements';
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_append_only BEFORE UPDATE OR DELETE ON "stock_movements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_stock_movements_append_only();
--> statement-breakpoint
-- stock_levels.quantity is written only by the ledger trigger (nested, so pg_trigger_depth() > 1).
CREATE OR REPLACE FUNCTION stocksync_stock_levels_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() = 1 AND (
    (TG_OP = 'INSERT' AND NEW.quantity <> 0) OR (TG_OP = 'UPDATE' AND NEW.quantity IS DISTINCT FROM OLD.quantity)
  ) THEN
    RAISE EXCEPTION 'stock_levels.quantity is derived from stock_movements: insert a movement instead of writing the level.'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_quantity_ledger_check', TABLE = 'stock_levels';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.product_id <> OLD.product_id OR NEW.location_id <> OLD.location_id) THEN
    RAISE EXCEPTION 'A stock level cannot move to another product or location: record transfer movements instead.'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_quantity_ledger_check', TABLE = 'stock_levels';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_levels_guard BEFORE INSERT OR UPDATE ON "stock_levels"
  FOR EACH ROW EXECUTE FUNCTION stocksync_stock_levels_guard();
--> statement-breakpoint
-- A location may stop allowing backorders only when none of its stock levels is negative.
CREATE OR REPLACE FUNCTION stocksync_inventory_locations_backorder_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.allows_backorder AND NOT NEW.allows_backorder AND EXISTS (
    SELECT 1 FROM stock_levels WHERE tenant_id = NEW.tenant_id AND location_id = NEW.id AND quantity < 0
  ) THEN
    RAISE EXCEPTION 'Location % has negative stock: receive stock before turning allows_backorder off.', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_quantity_check', TABLE = 'inventory_locations';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_locations_backorder_guard BEFORE UPDATE OF allows_backorder ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_locations_backorder_guard();
--> statement-breakpoint
-- Stock levels whose quantity differs from the sum of their movements (always empty unless the ledger was bypassed).
CREATE OR REPLACE FUNCTION stocksync_stock_level_drift()
RETURNS TABLE (tenant_id uuid, product_id uuid, location_id uuid, level_quantity integer, ledger_quantity bigint)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(l.tenant_id, m.tenant_id), coalesce(l.product_id, m.product_id), coalesce(l.location_id, m.location_id),
         coalesce(l.quantity, 0), coalesce(m.total, 0)
  FROM stock_levels l
  FULL JOIN (
    SELECT s.tenant_id, s.product_id, s.location_id, sum(s.quantity_delta) AS total
    FROM stock_movements s GROUP BY 1, 2, 3
  ) m ON m.tenant_id = l.tenant_id AND m.product_id = l.product_id AND m.location_id = l.location_id
  WHERE coalesce(l.quantity, 0) <> coalesce(m.total, 0)
$$;
--> statement-breakpoint
-- Order lifecycle: draft -> confirmed -> received (purchase) | shipped -> delivered (sale); open orders may be cancelled.
CREATE OR REPLACE FUNCTION stocksync_inventory_orders_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF NOT (
    (OLD.status = 'draft' AND NEW.status IN ('confirmed', 'cancelled'))
    OR (OLD.status = 'confirmed' AND NEW.status IN ('draft', 'cancelled', 'received', 'shipped'))
    OR (OLD.status = 'shipped' AND NEW.status = 'delivered')
  ) THEN
    RAISE EXCEPTION 'Inventory order % cannot go from % to %.', NEW.id, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_orders_status_transition_check', TABLE = 'inventory_orders';
  END IF;
  IF NEW.status = 'shipped' THEN NEW.shipped_at := coalesce(NEW.shipped_at, now()); END IF;
  IF NEW.status = 'delivered' THEN NEW.delivered_at := coalesce(NEW.delivered_at, now()); END IF;
  IF NEW.status = 'received' THEN NEW.received_at := coalesce(NEW.received_at, now()); END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_orders_transition BEFORE UPDATE OF status ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_orders_transition();
--> statement-breakpoint
-- Items change only while the order is draft or confirmed; the order total follows its items.
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row inventory_order_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  v_status text;
BEGIN
  SELECT status INTO v_status FROM inventory_orders WHERE tenant_id = v_row.tenant_id AND id = v_row.order_id;
  IF v_status IS NOT NULL AND v_status NOT IN ('draft', 'confirmed') AND NOT stocksync_tenant_purging(v_row.tenant_id) THEN
    RAISE EXCEPTION 'Inventory order % is %: its items can no longer change.', v_row.order_id, v_status
      USING ERRCODE = 'object_not_in_prerequisite_state', TABLE = 'inventory_order_items';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_guard BEFORE INSERT OR UPDATE OR DELETE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_order_items_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_total() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row inventory_order_items := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  UPDATE inventory_orders o SET total_cents = coalesce((
    SELECT sum(i.line_total_cents) FROM inventory_order_items i WHERE i.tenant_id = o.tenant_id AND i.order_id = o.id
  ), 0)
  WHERE o.tenant_id = v_row.tenant_id AND o.id = v_row.order_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_total AFTER INSERT OR UPDATE OR DELETE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_order_items_total();
