-- 0034_inventory_statement_rules: the stock ledger and the order totals without transition tables
-- (Citus shards have none; 0031 also joined them through a correlated subquery over unnest()), and
-- linear in the size of a statement. A row trigger appends what the row changes to an unlogged
-- work table (no index, no WAL); an AFTER STATEMENT trigger takes the statement's rows back out of
-- it, aggregated, and applies them once per key, in key order:
-- - stock: one upsert per (product, location) with the summed delta (a 100,000-movement statement
--   on one level no longer updates that row 100,000 times inside one transaction, whose versions
--   could not be pruned: O(N^2)); the backorder check sees the level after the statement.
-- - totals: one recomputation per touched order (one sum over its items, written only when the
--   total changed), however many of its items the statement wrote.
-- The work tables are empty outside a running statement: rows live only between a row trigger and
-- its statement's AFTER STATEMENT trigger, in the same transaction, so concurrent statements never
-- see each other's rows (uncommitted). Only the SECURITY DEFINER trigger functions reach them.
-- stocksync_tenant_purging becomes plpgsql (Citus cannot run SQL-language functions with
-- parameters from shards; behaviour unchanged).
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
CREATE SCHEMA IF NOT EXISTS stocksync_work;
--> statement-breakpoint
REVOKE ALL ON SCHEMA stocksync_work FROM PUBLIC;
--> statement-breakpoint
CREATE UNLOGGED TABLE stocksync_work.stock_deltas (
  tenant_id uuid NOT NULL,
  product_id uuid NOT NULL,
  location_id uuid NOT NULL,
  quantity_delta integer NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
--> statement-breakpoint
CREATE UNLOGGED TABLE stocksync_work.order_totals (
  tenant_id uuid NOT NULL,
  order_id uuid NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
--> statement-breakpoint
REVOKE ALL ON stocksync_work.stock_deltas, stocksync_work.order_totals FROM PUBLIC;
--> statement-breakpoint
DROP TRIGGER IF EXISTS stock_movements_apply ON "stock_movements";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_stock_movements_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_stock_movements_collect() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO stocksync_work.stock_deltas (tenant_id, product_id, location_id, quantity_delta)
  VALUES (NEW.tenant_id, NEW.product_id, NEW.location_id, NEW.quantity_delta);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Applies the statement's movements to their stock levels (upsert under the row lock, so concurrent
-- writers add up), one level at a time in key order (no deadlock between two bulk statements).
CREATE OR REPLACE FUNCTION stocksync_stock_movements_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
  v_quantity integer;
  v_backorder boolean;
BEGIN
  FOR r IN
    WITH taken AS (DELETE FROM stocksync_work.stock_deltas RETURNING *)
    SELECT tenant_id, product_id, location_id, sum(quantity_delta)::integer AS delta
      FROM taken GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  LOOP
    INSERT INTO public.stock_levels AS l (tenant_id, product_id, location_id, quantity)
    VALUES (r.tenant_id, r.product_id, r.location_id, r.delta)
    ON CONFLICT (tenant_id, product_id, location_id)
    DO UPDATE SET quantity = l.quantity + EXCLUDED.quantity
    RETURNING l.quantity INTO v_quantity;
    IF v_quantity < 0 THEN
      SELECT allows_backorder INTO v_backorder
        FROM public.inventory_locations WHERE tenant_id = r.tenant_id AND id = r.location_id;
      IF NOT coalesce(v_backorder, false) THEN
        RAISE EXCEPTION 'Stock of product % at location % would drop to %: the location does not allow backorders. Receive stock first or enable allows_backorder.',
          r.product_id, r.location_id, v_quantity
          USING ERRCODE = 'check_violation', CONSTRAINT = 'stock_levels_quantity_check', TABLE = 'stock_levels';
      END IF;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_collect AFTER INSERT ON "stock_movements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_stock_movements_collect();
--> statement-breakpoint
CREATE TRIGGER stock_movements_apply AFTER INSERT ON "stock_movements"
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_stock_movements_apply();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_insert ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_update ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_totals_delete ON "inventory_order_items";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_inventory_order_items_totals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_collect() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.order_id = OLD.order_id AND NEW.tenant_id = OLD.tenant_id
     AND NEW.line_total_cents IS NOT DISTINCT FROM OLD.line_total_cents THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO stocksync_work.order_totals (tenant_id, order_id) VALUES (OLD.tenant_id, OLD.order_id);
  END IF;
  IF TG_OP = 'INSERT' OR NEW.order_id <> OLD.order_id OR NEW.tenant_id <> OLD.tenant_id THEN
    INSERT INTO stocksync_work.order_totals (tenant_id, order_id) VALUES (NEW.tenant_id, NEW.order_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Recomputes the total of each order the statement's items touched, once, in key order; orders whose
-- total did not change are left alone (no updated_at bump, no audit row).
CREATE OR REPLACE FUNCTION stocksync_inventory_order_items_totals() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
  v_total bigint;
BEGIN
  FOR r IN
    WITH taken AS (DELETE FROM stocksync_work.order_totals RETURNING *)
    SELECT DISTINCT tenant_id, order_id FROM taken ORDER BY 1, 2
  LOOP
    SELECT coalesce(sum(i.line_total_cents), 0) INTO v_total
      FROM public.inventory_order_items i WHERE i.tenant_id = r.tenant_id AND i.order_id = r.order_id;
    UPDATE public.inventory_orders o SET total_cents = v_total
     WHERE o.tenant_id = r.tenant_id AND o.id = r.order_id AND o.total_cents IS DISTINCT FROM v_total;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_totals_collect AFTER INSERT OR UPDATE OR DELETE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_inventory_order_items_collect();
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_totals AFTER INSERT OR UPDATE OR DELETE ON "inventory_order_items"
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_inventory_order_items_totals();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN NOT EXISTS (SELECT 1 FROM tenants WHERE id = p_tenant_id);
END
$$;
