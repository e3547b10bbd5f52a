-- 0033_tenancy_audit_row_rules: the audit trigger becomes FOR EACH ROW (function text: src/tenancy/audit.ts).
-- Statement-level over transition tables it cost more per row as a statement grew (an old/new join the
-- planner could not estimate) and Citus cannot run it on shards (no transition tables there). A row
-- trigger costs one cached INSERT per row whatever the statement's size. The enable_nestloop/jit
-- settings of 0029/0030 served the transition-table join only: CREATE OR REPLACE drops them.
-- Tables: addresses, audit_reviews, billing_order_items, billing_orders, boards, buyers, cart_items, carts, compliance_reports, contents, document_permissions, document_shares, document_versions, documents, drivers, email_addresses, entitlements, folders, gitea_organizations, inventory_locations, inventory_order_items, inventory_orders, inventory_products, invoices, licenses, memberships, milestones, payments, phone_numbers, projects, refunds, sprints, subscriptions, suppliers, task_attachments, task_comments, tasks, team_members, teams, tenant_domains, tenant_settings, users, workflow_approvals, workflow_executions, workflow_steps, workflows, workstation_assignments, workstation_sessions, workstations
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_changes jsonb;
  v_tenant uuid;
  v_id text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_new := to_jsonb(NEW);
    v_changes := jsonb_build_object('before', '{}'::jsonb, 'after', v_new);
  ELSIF TG_OP = 'DELETE' THEN
    v_old := to_jsonb(OLD);
    -- A tenant being purged takes its rows with it: nothing left to audit them for.
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = (v_old ->> 'tenant_id')::uuid) THEN
      RETURN NULL;
    END IF;
    v_changes := jsonb_build_object('before', v_old, 'after', '{}'::jsonb);
  ELSE
    v_old := to_jsonb(OLD);
    v_new := to_jsonb(NEW);
    SELECT jsonb_build_object('before', jsonb_object_agg(n.key, v_old -> n.key), 'after', jsonb_object_agg(n.key, n.value))
      INTO v_changes
      FROM jsonb_each(v_new) n
     WHERE n.value IS DISTINCT FROM v_old -> n.key AND n.key <> 'updated_at'
    HAVING count(*) > 0;
    IF v_changes IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  v_tenant := (coalesce(v_new, v_old) ->> 'tenant_id')::uuid;
  v_id := coalesce(v_new, v_old) ->> 'id';
  INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                                 request_id, changes, metadata, severity)
  VALUES (v_tenant, nullif(current_setting('app.user_id', true), '')::uuid, TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, v_id,
          nullif(current_setting('app.ip', true), '')::inet, left(coalesce(current_setting('app.user_agent', true), ''), 500),
          nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), ''), v_changes,
          jsonb_build_object('source', 'trigger',
            'actor_role', nullif(current_setting('app.user_role', true), ''),
            -- current_user is the definer here: record the role the statement ran as.
            'db_role', CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END),
          CASE WHEN TG_OP = 'DELETE' THEN 'warning' ELSE 'info' END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_insert ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_insert AFTER INSERT ON "addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_update ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_update AFTER UPDATE ON "addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_delete ON "addresses"
--> statement-breakpoint
CREATE TRIGGER addresses_audit_delete AFTER DELETE ON "addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_insert ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_insert AFTER INSERT ON "audit_reviews"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_update ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_update AFTER UPDATE ON "audit_reviews"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_delete ON "audit_reviews"
--> statement-breakpoint
CREATE TRIGGER audit_reviews_audit_delete AFTER DELETE ON "audit_reviews"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_insert ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_insert AFTER INSERT ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_update ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_update AFTER UPDATE ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_delete ON "billing_order_items"
--> statement-breakpoint
CREATE TRIGGER billing_order_items_audit_delete AFTER DELETE ON "billing_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_insert ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_insert AFTER INSERT ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_update ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_update AFTER UPDATE ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_delete ON "billing_orders"
--> statement-breakpoint
CREATE TRIGGER billing_orders_audit_delete AFTER DELETE ON "billing_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_insert ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_insert AFTER INSERT ON "boards"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_update ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_update AFTER UPDATE ON "boards"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_delete ON "boards"
--> statement-breakpoint
CREATE TRIGGER boards_audit_delete AFTER DELETE ON "boards"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_insert ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_insert AFTER INSERT ON "buyers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_update ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_update AFTER UPDATE ON "buyers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_delete ON "buyers"
--> statement-breakpoint
CREATE TRIGGER buyers_audit_delete AFTER DELETE ON "buyers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_insert ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_insert AFTER INSERT ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_update ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_update AFTER UPDATE ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_delete ON "cart_items"
--> statement-breakpoint
CREATE TRIGGER cart_items_audit_delete AFTER DELETE ON "cart_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_insert ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_insert AFTER INSERT ON "carts"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_update ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_update AFTER UPDATE ON "carts"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_delete ON "carts"
--> statement-breakpoint
CREATE TRIGGER carts_audit_delete AFTER DELETE ON "carts"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_insert ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_insert AFTER INSERT ON "compliance_reports"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_update ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_update AFTER UPDATE ON "compliance_reports"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_delete ON "compliance_reports"
--> statement-breakpoint
CREATE TRIGGER compliance_reports_audit_delete AFTER DELETE ON "compliance_reports"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_insert ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_insert AFTER INSERT ON "contents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_update ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_update AFTER UPDATE ON "contents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_delete ON "contents"
--> statement-breakpoint
CREATE TRIGGER contents_audit_delete AFTER DELETE ON "contents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_insert ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_insert AFTER INSERT ON "document_permissions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_update ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_update AFTER UPDATE ON "document_permissions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_delete ON "document_permissions"
--> statement-breakpoint
CREATE TRIGGER document_permissions_audit_delete AFTER DELETE ON "document_permissions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_insert ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_insert AFTER INSERT ON "document_shares"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_update ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_update AFTER UPDATE ON "document_shares"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_delete ON "document_shares"
--> statement-breakpoint
CREATE TRIGGER document_shares_audit_delete AFTER DELETE ON "document_shares"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_insert ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_insert AFTER INSERT ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_update ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_update AFTER UPDATE ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_delete ON "document_versions"
--> statement-breakpoint
CREATE TRIGGER document_versions_audit_delete AFTER DELETE ON "document_versions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_insert ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_insert AFTER INSERT ON "documents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_update ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_update AFTER UPDATE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_delete ON "documents"
--> statement-breakpoint
CREATE TRIGGER documents_audit_delete AFTER DELETE ON "documents"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_insert ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_insert AFTER INSERT ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_update ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_update AFTER UPDATE ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_delete ON "drivers"
--> statement-breakpoint
CREATE TRIGGER drivers_audit_delete AFTER DELETE ON "drivers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_insert ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_insert AFTER INSERT ON "email_addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_update ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_update AFTER UPDATE ON "email_addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_delete ON "email_addresses"
--> statement-breakpoint
CREATE TRIGGER email_addresses_audit_delete AFTER DELETE ON "email_addresses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_insert ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_insert AFTER INSERT ON "entitlements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_update ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_update AFTER UPDATE ON "entitlements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_delete ON "entitlements"
--> statement-breakpoint
CREATE TRIGGER entitlements_audit_delete AFTER DELETE ON "entitlements"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_insert ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_insert AFTER INSERT ON "folders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_update ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_update AFTER UPDATE ON "folders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_delete ON "folders"
--> statement-breakpoint
CREATE TRIGGER folders_audit_delete AFTER DELETE ON "folders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_insert ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_insert AFTER INSERT ON "gitea_organizations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_update ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_update AFTER UPDATE ON "gitea_organizations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS gitea_organizations_audit_delete ON "gitea_organizations"
--> statement-breakpoint
CREATE TRIGGER gitea_organizations_audit_delete AFTER DELETE ON "gitea_organizations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_insert ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_insert AFTER INSERT ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_update ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_update AFTER UPDATE ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_delete ON "inventory_locations"
--> statement-breakpoint
CREATE TRIGGER inventory_locations_audit_delete AFTER DELETE ON "inventory_locations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_insert ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_insert AFTER INSERT ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_update ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_update AFTER UPDATE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_delete ON "inventory_order_items"
--> statement-breakpoint
CREATE TRIGGER inventory_order_items_audit_delete AFTER DELETE ON "inventory_order_items"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_insert ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_insert AFTER INSERT ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_update ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_update AFTER UPDATE ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_delete ON "inventory_orders"
--> statement-breakpoint
CREATE TRIGGER inventory_orders_audit_delete AFTER DELETE ON "inventory_orders"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_insert ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_insert AFTER INSERT ON "inventory_products"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_update ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_update AFTER UPDATE ON "inventory_products"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_delete ON "inventory_products"
--> statement-breakpoint
CREATE TRIGGER inventory_products_audit_delete AFTER DELETE ON "inventory_products"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_insert ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_insert AFTER INSERT ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_update ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_update AFTER UPDATE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_delete ON "invoices"
--> statement-breakpoint
CREATE TRIGGER invoices_audit_delete AFTER DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_insert ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_insert AFTER INSERT ON "licenses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_update ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_update AFTER UPDATE ON "licenses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_delete ON "licenses"
--> statement-breakpoint
CREATE TRIGGER licenses_audit_delete AFTER DELETE ON "licenses"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_insert ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_insert AFTER INSERT ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_update ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_update AFTER UPDATE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_delete ON "memberships"
--> statement-breakpoint
CREATE TRIGGER memberships_audit_delete AFTER DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_insert ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_insert AFTER INSERT ON "milestones"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_update ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_update AFTER UPDATE ON "milestones"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_delete ON "milestones"
--> statement-breakpoint
CREATE TRIGGER milestones_audit_delete AFTER DELETE ON "milestones"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_insert ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_insert AFTER INSERT ON "payments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_update ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_update AFTER UPDATE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_delete ON "payments"
--> statement-breakpoint
CREATE TRIGGER payments_audit_delete AFTER DELETE ON "payments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_insert ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_insert AFTER INSERT ON "phone_numbers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_update ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_update AFTER UPDATE ON "phone_numbers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_delete ON "phone_numbers"
--> statement-breakpoint
CREATE TRIGGER phone_numbers_audit_delete AFTER DELETE ON "phone_numbers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_insert ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_insert AFTER INSERT ON "projects"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_update ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_update AFTER UPDATE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_delete ON "projects"
--> statement-breakpoint
CREATE TRIGGER projects_audit_delete AFTER DELETE ON "projects"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_insert ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_insert AFTER INSERT ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_update ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_update AFTER UPDATE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_delete ON "refunds"
--> statement-breakpoint
CREATE TRIGGER refunds_audit_delete AFTER DELETE ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_insert ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_insert AFTER INSERT ON "sprints"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_update ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_update AFTER UPDATE ON "sprints"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_delete ON "sprints"
--> statement-breakpoint
CREATE TRIGGER sprints_audit_delete AFTER DELETE ON "sprints"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_insert ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_insert AFTER INSERT ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_update ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_update AFTER UPDATE ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_delete ON "subscriptions"
--> statement-breakpoint
CREATE TRIGGER subscriptions_audit_delete AFTER DELETE ON "subscriptions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_insert ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_insert AFTER INSERT ON "suppliers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_update ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_update AFTER UPDATE ON "suppliers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_delete ON "suppliers"
--> statement-breakpoint
CREATE TRIGGER suppliers_audit_delete AFTER DELETE ON "suppliers"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_insert ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_insert AFTER INSERT ON "task_attachments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_update ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_update AFTER UPDATE ON "task_attachments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_delete ON "task_attachments"
--> statement-breakpoint
CREATE TRIGGER task_attachments_audit_delete AFTER DELETE ON "task_attachments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_insert ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_insert AFTER INSERT ON "task_comments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_update ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_update AFTER UPDATE ON "task_comments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_delete ON "task_comments"
--> statement-breakpoint
CREATE TRIGGER task_comments_audit_delete AFTER DELETE ON "task_comments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_insert ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_insert AFTER INSERT ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_update ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_update AFTER UPDATE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_delete ON "tasks"
--> statement-breakpoint
CREATE TRIGGER tasks_audit_delete AFTER DELETE ON "tasks"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_insert ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_insert AFTER INSERT ON "team_members"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_update ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_update AFTER UPDATE ON "team_members"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_delete ON "team_members"
--> statement-breakpoint
CREATE TRIGGER team_members_audit_delete AFTER DELETE ON "team_members"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_insert ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_insert AFTER INSERT ON "teams"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_update ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_update AFTER UPDATE ON "teams"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_delete ON "teams"
--> statement-breakpoint
CREATE TRIGGER teams_audit_delete AFTER DELETE ON "teams"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_insert ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_insert AFTER INSERT ON "tenant_domains"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_update ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_update AFTER UPDATE ON "tenant_domains"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_delete ON "tenant_domains"
--> statement-breakpoint
CREATE TRIGGER tenant_domains_audit_delete AFTER DELETE ON "tenant_domains"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_insert ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_insert AFTER INSERT ON "tenant_settings"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_update ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_update AFTER UPDATE ON "tenant_settings"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_delete ON "tenant_settings"
--> statement-breakpoint
CREATE TRIGGER tenant_settings_audit_delete AFTER DELETE ON "tenant_settings"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_insert ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_insert AFTER INSERT ON "users"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_update ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_update AFTER UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_delete ON "users"
--> statement-breakpoint
CREATE TRIGGER users_audit_delete AFTER DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_insert ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_insert AFTER INSERT ON "workflow_approvals"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_update ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_update AFTER UPDATE ON "workflow_approvals"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_delete ON "workflow_approvals"
--> statement-breakpoint
CREATE TRIGGER workflow_approvals_audit_delete AFTER DELETE ON "workflow_approvals"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_insert ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_insert AFTER INSERT ON "workflow_executions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_update ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_update AFTER UPDATE ON "workflow_executions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_delete ON "workflow_executions"
--> statement-breakpoint
CREATE TRIGGER workflow_executions_audit_delete AFTER DELETE ON "workflow_executions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_insert ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_insert AFTER INSERT ON "workflow_steps"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_update ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_update AFTER UPDATE ON "workflow_steps"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_delete ON "workflow_steps"
--> statement-breakpoint
CREATE TRIGGER workflow_steps_audit_delete AFTER DELETE ON "workflow_steps"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_insert ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_insert AFTER INSERT ON "workflows"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_update ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_update AFTER UPDATE ON "workflows"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_delete ON "workflows"
--> statement-breakpoint
CREATE TRIGGER workflows_audit_delete AFTER DELETE ON "workflows"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_insert ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_insert AFTER INSERT ON "workstation_assignments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_update ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_update AFTER UPDATE ON "workstation_assignments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_assignments_audit_delete ON "workstation_assignments"
--> statement-breakpoint
CREATE TRIGGER workstation_assignments_audit_delete AFTER DELETE ON "workstation_assignments"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_insert ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_insert AFTER INSERT ON "workstation_sessions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_update ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_update AFTER UPDATE ON "workstation_sessions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstation_sessions_audit_delete ON "workstation_sessions"
--> statement-breakpoint
CREATE TRIGGER workstation_sessions_audit_delete AFTER DELETE ON "workstation_sessions"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_insert ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_insert AFTER INSERT ON "workstations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_update ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_update AFTER UPDATE ON "workstations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
--> statement-breakpoint
DROP TRIGGER IF EXISTS workstations_audit_delete ON "workstations"
--> statement-breakpoint
CREATE TRIGGER workstations_audit_delete AFTER DELETE ON "workstations"
  FOR EACH ROW EXECUTE FUNCTION stocksync_audit_changes();
