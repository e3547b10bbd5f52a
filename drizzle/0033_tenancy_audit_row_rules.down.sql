-- Reverts 0033_tenancy_audit_row_rules: statement-level triggers over transition tables, the function of 0028-0030.
CREATE OR REPLACE FUNCTION stocksync_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_ip inet := nullif(current_setting('app.ip', true), '')::inet;
  v_agent text := left(coalesce(current_setting('app.user_agent', true), ''), 500);
  v_request text := nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), '');
  v_meta jsonb := jsonb_build_object('source', 'trigger',
    'actor_role', nullif(current_setting('app.user_role', true), ''),
    -- current_user is the definer here: record the role the statement ran as.
    'db_role', CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END);
  v_action text := TG_TABLE_NAME || '.' || lower(TG_OP);
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                            request_id, changes, metadata, severity)
    SELECT n.tenant_id, v_user, v_action, TG_TABLE_NAME, n.id::text, v_ip, v_agent, v_request,
           jsonb_build_object('before', '{}'::jsonb, 'after', to_jsonb(n)), v_meta, 'info'
      FROM audit_new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                            request_id, changes, metadata, severity)
    SELECT o.tenant_id, v_user, v_action, TG_TABLE_NAME, o.id::text, v_ip, v_agent, v_request,
           jsonb_build_object('before', to_jsonb(o), 'after', '{}'::jsonb), v_meta, 'warning'
      FROM audit_old_rows o
     WHERE EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = o.tenant_id);
  ELSE
    INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                            request_id, changes, metadata, severity)
    SELECT n.tenant_id, v_user, v_action, TG_TABLE_NAME, n.id::text, v_ip, v_agent, v_request,
           d.changes, v_meta, 'info'
      FROM audit_new_rows n
      JOIN audit_old_rows o ON o.tenant_id = n.tenant_id AND o.id = n.id
      CROSS JOIN LATERAL (
        SELECT jsonb_build_object('before', jsonb_object_agg(nv.key, ov.value),
                                  'after', jsonb_object_agg(nv.key, nv.value)) AS changes
          FROM jsonb_each(to_jsonb(n)) nv
          JOIN jsonb_each(to_jsonb(o)) ov ON ov.key = nv.key
         WHERE nv.value IS DISTINCT FROM ov.value AND nv.key <> 'updated_at'
        HAVING count(*) > 0
      ) d;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER FUNCTION stocksync_audit_changes() SET enable_nestloop = off
--> statement-breakpoint
ALTER FUNCTION stocksync_audit_changes() SET jit = off
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_insert ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_insert AFTER INSERT ON "addresses"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_update ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_update AFTER UPDATE ON "addresses"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_delete ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_delete AFTER DELETE ON "addresses"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_insert ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_insert AFTER INSERT ON "audit_reviews"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_update ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_update AFTER UPDATE ON "audit_reviews"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_delete ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_delete AFTER DELETE ON "audit_reviews"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_insert ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_insert AFTER INSERT ON "billing_order_items"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_update ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_update AFTER UPDATE ON "billing_order_items"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_delete ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_delete AFTER DELETE ON "billing_order_items"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_insert ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_insert AFTER INSERT ON "billing_orders"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_update ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_update AFTER UPDATE ON "billing_orders"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_delete ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_delete AFTER DELETE ON "billing_orders"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_insert ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_insert AFTER INSERT ON "boards"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_update ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_update AFTER UPDATE ON "boards"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_delete ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_delete AFTER DELETE ON "boards"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_insert ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_insert AFTER INSERT ON "buyers"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_update ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_update AFTER UPDATE ON "buyers"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_delete ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_delete AFTER DELETE ON "buyers"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_insert ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_insert AFTER INSERT ON "cart_items"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_update ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_update AFTER UPDATE ON "cart_items"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_delete ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_delete AFTER DELETE ON "cart_items"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_insert ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_insert AFTER INSERT ON "carts"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_update ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_update AFTER UPDATE ON "carts"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_delete ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_delete AFTER DELETE ON "carts"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_insert ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_insert AFTER INSERT ON "compliance_reports"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_update ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_update AFTER UPDATE ON "compliance_reports"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_delete ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_delete AFTER DELETE ON "compliance_reports"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_insert ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_insert AFTER INSERT ON "contents"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_update ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_update AFTER UPDATE ON "contents"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_delete ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_delete AFTER DELETE ON "contents"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_insert ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_insert AFTER INSERT ON "document_permissions"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_update ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_update AFTER UPDATE ON "document_permissions"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_delete ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_delete AFTER DELETE ON "document_permissions"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_insert ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_insert AFTER INSERT ON "document_shares"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_update ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_update AFTER UPDATE ON "document_shares"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_delete ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_delete AFTER DELETE ON "document_shares"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_insert ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_insert AFTER INSERT ON "document_versions"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_update ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_update AFTER UPDATE ON "document_versions"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_delete ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_delete AFTER DELETE ON "document_versions"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_insert ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_insert AFTER INSERT ON "documents"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_update ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_update AFTER UPDATE ON "documents"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_delete ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_delete AFTER DELETE ON "documents"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_insert ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_insert AFTER INSERT ON "drivers"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_update ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_update AFTER UPDATE ON "drivers"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_delete ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_delete AFTER DELETE ON "drivers"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_insert ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_insert AFTER INSERT ON "email_addresses"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_update ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_update AFTER UPDATE ON "email_addresses"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_delete ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_delete AFTER DELETE ON "email_addresses"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_insert ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_insert AFTER INSERT ON "entitlements"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_update ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_update AFTER UPDATE ON "entitlements"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_delete ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_delete AFTER DELETE ON "entitlements"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_insert ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_insert AFTER INSERT ON "folders"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_update ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_update AFTER UPDATE ON "folders"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_delete ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_delete AFTER DELETE ON "folders"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_insert ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_insert AFTER INSERT ON "gitea_organizations"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_update ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_update AFTER UPDATE ON "gitea_organizations"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_delete ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_delete AFTER DELETE ON "gitea_organizations"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_insert ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_insert AFTER INSERT ON "inventory_locations"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_update ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_update AFTER UPDATE ON "inventory_locations"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_delete ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_delete AFTER DELETE ON "inventory_locations"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_insert ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_insert AFTER INSERT ON "inventory_order_items"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_update ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_update AFTER UPDATE ON "inventory_order_items"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_delete ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_delete AFTER DELETE ON "inventory_order_items"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_insert ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_insert AFTER INSERT ON "inventory_orders"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_update ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_update AFTER UPDATE ON "inventory_orders"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_delete ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_delete AFTER DELETE ON "inventory_orders"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_insert ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_insert AFTER INSERT ON "inventory_products"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_update ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_update AFTER UPDATE ON "inventory_products"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_delete ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_delete AFTER DELETE ON "inventory_products"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_insert ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_insert AFTER INSERT ON "invoices"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_update ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_update AFTER UPDATE ON "invoices"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_delete ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_delete AFTER DELETE ON "invoices"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_insert ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_insert AFTER INSERT ON "licenses"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_update ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_update AFTER UPDATE ON "licenses"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_delete ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_delete AFTER DELETE ON "licenses"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_insert ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_insert AFTER INSERT ON "memberships"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_update ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_update AFTER UPDATE ON "memberships"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_delete ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_delete AFTER DELETE ON "memberships"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_insert ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_insert AFTER INSERT ON "milestones"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_update ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_update AFTER UPDATE ON "milestones"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_delete ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_delete AFTER DELETE ON "milestones"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_insert ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_insert AFTER INSERT ON "payments"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_update ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_update AFTER UPDATE ON "payments"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_delete ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_delete AFTER DELETE ON "payments"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_insert ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_insert AFTER INSERT ON "phone_numbers"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_update ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_update AFTER UPDATE ON "phone_numbers"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_delete ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_delete AFTER DELETE ON "phone_numbers"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_insert ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_insert AFTER INSERT ON "projects"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_update ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_update AFTER UPDATE ON "projects"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_delete ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_delete AFTER DELETE ON "projects"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_insert ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_insert AFTER INSERT ON "refunds"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_update ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_update AFTER UPDATE ON "refunds"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_delete ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_delete AFTER DELETE ON "refunds"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_insert ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_insert AFTER INSERT ON "sprints"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_update ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_update AFTER UPDATE ON "sprints"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_delete ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_delete AFTER DELETE ON "sprints"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_insert ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_insert AFTER INSERT ON "subscriptions"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_update ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_update AFTER UPDATE ON "subscriptions"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_delete ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_delete AFTER DELETE ON "subscriptions"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_insert ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_insert AFTER INSERT ON "suppliers"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_update ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_update AFTER UPDATE ON "suppliers"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_delete ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_delete AFTER DELETE ON "suppliers"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_insert ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_insert AFTER INSERT ON "task_attachments"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_update ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_update AFTER UPDATE ON "task_attachments"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_delete ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_delete AFTER DELETE ON "task_attachments"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_insert ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_insert AFTER INSERT ON "task_comments"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_update ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_update AFTER UPDATE ON "task_comments"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_delete ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_delete AFTER DELETE ON "task_comments"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_insert ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_insert AFTER INSERT ON "tasks"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_update ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_update AFTER UPDATE ON "tasks"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_delete ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_delete AFTER DELETE ON "tasks"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_insert ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_insert AFTER INSERT ON "team_members"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_update ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_update AFTER UPDATE ON "team_members"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_delete ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_delete AFTER DELETE ON "team_members"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_insert ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_insert AFTER INSERT ON "teams"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_update ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_update AFTER UPDATE ON "teams"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_delete ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_delete AFTER DELETE ON "teams"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_insert ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_insert AFTER INSERT ON "tenant_domains"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_update ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_update AFTER UPDATE ON "tenant_domains"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_delete ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_delete AFTER DELETE ON "tenant_domains"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_insert ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_insert AFTER INSERT ON "tenant_settings"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_update ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_update AFTER UPDATE ON "tenant_settings"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_delete ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_delete AFTER DELETE ON "tenant_settings"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_insert ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_insert AFTER INSERT ON "users"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_update ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_update AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_delete ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_delete AFTER DELETE ON "users"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_insert ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_insert AFTER INSERT ON "workflow_approvals"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_update ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_update AFTER UPDATE ON "workflow_approvals"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_delete ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_delete AFTER DELETE ON "workflow_approvals"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_insert ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_insert AFTER INSERT ON "workflow_executions"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_update ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_update AFTER UPDATE ON "workflow_executions"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_delete ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_delete AFTER DELETE ON "workflow_executions"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_insert ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_insert AFTER INSERT ON "workflow_steps"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_update ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_update AFTER UPDATE ON "workflow_steps"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_delete ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_delete AFTER DELETE ON "workflow_steps"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_insert ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_insert AFTER INSERT ON "workflows"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_update ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_update AFTER UPDATE ON "workflows"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_delete ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_delete AFTER DELETE ON "workflows"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_insert ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_insert AFTER INSERT ON "workstation_assignments"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_update ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_update AFTER UPDATE ON "workstation_assignments"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_delete ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_delete AFTER DELETE ON "workstation_assignments"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_insert ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_insert AFTER INSERT ON "workstation_sessions"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_update ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_update AFTER UPDATE ON "workstation_sessions"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_delete ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_delete AFTER DELETE ON "workstation_sessions"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_insert ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_insert AFTER INSERT ON "workstations"
  REFERENCING NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_update ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_update AFTER UPDATE ON "workstations"
  REFERENCING OLD TABLE AS audit_old_rows NEW TABLE AS audit_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_delete ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_delete AFTER DELETE ON "workstations"
  REFERENCING OLD TABLE AS audit_old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION stocksync_audit_changes();
