-- 0031_inventory_totals_rules: an inventory order's total_cents is recomputed once per statement for
-- the orders the statement touched (statement-level triggers over transition tables), no longer once
-- per item row: a 5,000-item INSERT ran 5,000 nested UPDATEs of inventory_orders, each audited
-- (~0.9 ms per item). Orders whose total does not change are left alone (no updated_at bump).
DROP TRIGGER IF EXISTS inventory_order_items_total ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_total();
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
