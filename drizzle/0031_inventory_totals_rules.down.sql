-- Reverts 0031_inventory_totals_rules: back to the per-row total trigger of 0007_inventory_rules.
DROP TRIGGER IF EXISTS inventory_order_items_totals_delete ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_update ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_insert ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_totals();
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
