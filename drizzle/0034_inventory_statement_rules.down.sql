-- Reverts 0034_inventory_statement_rules: the per-row stock trigger of 0007, 0031's totals over transition tables, the SQL stocksync_tenant_purging of 0027 (SECURITY DEFINER).
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (SELECT 1 FROM public.tenants WHERE id = p_tenant_id)
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_collect ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_totals();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_collect();
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_movements_apply ON "stock_movements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_movements_collect ON "stock_movements";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_movements_apply();
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_movements_collect();
--> statement-breakpoint
DROP SCHEMA IF EXISTS stocksync_work CASCADE;
--> statement-breakpoint
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
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_tenants uuid[];
  v_orders uuid[];
BEGIN
  -- The orders the statement touched (an updated item may have moved: both orders count).
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(tenant_id), array_agg(order_id) INTO v_tenants, v_orders
      FROM (SELECT DISTINCT tenant_id, order_id FROM items_new_rows) c;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(tenant_id), array_agg(order_id) INTO v_tenants, v_orders
      FROM (SELECT DISTINCT tenant_id, order_id FROM items_old_rows) c;
  ELSE
    SELECT array_agg(tenant_id), array_agg(order_id) INTO v_tenants, v_orders
      FROM (SELECT tenant_id, order_id FROM items_new_rows UNION SELECT tenant_id, order_id FROM items_old_rows) c;
  END IF;
  UPDATE inventory_orders o SET total_cents = t.total
    FROM (SELECT c.tenant_id, c.order_id,
                 coalesce((SELECT sum(i.line_total_cents) FROM inventory_order_items i
                            WHERE i.tenant_id = c.tenant_id AND i.order_id = c.order_id), 0) AS total
            FROM unnest(v_tenants, v_orders) AS c(tenant_id, order_id)) t
   WHERE o.tenant_id = t.tenant_id AND o.id = t.order_id AND o.total_cents IS DISTINCT FROM t.total;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_totals_insert AFTER INSERT ON "inventory_order_items"
  REFERENCING NEW TABLE AS items_new_rows FOR EACH STATEMENT EXECUTE FUNCTION stocksync_inventory_order_items_totals();
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_totals_update AFTER UPDATE ON "inventory_order_items"
  REFERENCING OLD TABLE AS items_old_rows NEW TABLE AS items_new_rows FOR EACH STATEMENT EXECUTE FUNCTION stocksync_inventory_order_items_totals();
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_totals_delete AFTER DELETE ON "inventory_order_items"
  REFERENCING OLD TABLE AS items_old_rows FOR EACH STATEMENT EXECUTE FUNCTION stocksync_inventory_order_items_totals();
