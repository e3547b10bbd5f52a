-- Reverts 0036_tenancy_signed_context. Roles stay as they are (cluster-wide, they may serve other databases):
-- stocksync_service remains and stocksync_app stays NOLOGIN.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_set_null_reference() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE %I SET %I = NULL WHERE tenant_id = $1 AND %I = $2', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1])
    USING OLD.tenant_id, OLD.id;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN NOT EXISTS (SELECT 1 FROM tenants WHERE id = p_tenant_id);
END
$$;
--> statement-breakpoint
DROP POLICY "workstations_delete" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstations_update" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstations_insert" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstations_select" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstation_sessions_delete" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_sessions_update" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_sessions_insert" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_sessions_select" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_metrics_delete" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_metrics_update" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_metrics_insert" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_metrics_select" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_assignments_delete" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_assignments_update" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_assignments_insert" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_assignments_select" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "gitea_organizations_delete" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "gitea_organizations_update" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "gitea_organizations_insert" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "gitea_organizations_select" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "contents_delete" ON "contents";
--> statement-breakpoint
DROP POLICY "contents_update" ON "contents";
--> statement-breakpoint
DROP POLICY "contents_insert" ON "contents";
--> statement-breakpoint
DROP POLICY "contents_select" ON "contents";
--> statement-breakpoint
DROP POLICY "compliance_reports_delete" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "compliance_reports_update" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "compliance_reports_insert" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "compliance_reports_select" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "audit_reviews_delete" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_reviews_update" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_reviews_insert" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_reviews_select" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_logs_delete" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_update" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_insert" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_select" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "workflows_delete" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflows_update" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflows_insert" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflows_select" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflow_steps_delete" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_steps_update" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_steps_insert" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_steps_select" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_executions_delete" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_executions_update" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_executions_insert" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_executions_select" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_approvals_delete" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_approvals_update" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_approvals_insert" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_approvals_select" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "folders_delete" ON "folders";
--> statement-breakpoint
DROP POLICY "folders_update" ON "folders";
--> statement-breakpoint
DROP POLICY "folders_insert" ON "folders";
--> statement-breakpoint
DROP POLICY "folders_select" ON "folders";
--> statement-breakpoint
DROP POLICY "documents_delete" ON "documents";
--> statement-breakpoint
DROP POLICY "documents_update" ON "documents";
--> statement-breakpoint
DROP POLICY "documents_insert" ON "documents";
--> statement-breakpoint
DROP POLICY "documents_select" ON "documents";
--> statement-breakpoint
DROP POLICY "document_versions_delete" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_versions_update" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_versions_insert" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_versions_select" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_shares_delete" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_shares_update" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_shares_insert" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_shares_select" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_permissions_delete" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_permissions_update" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_permissions_insert" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_permissions_select" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_activities_delete" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_activities_update" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_activities_insert" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_activities_select" ON "document_activities";
--> statement-breakpoint
DROP POLICY "tasks_delete" ON "tasks";
--> statement-breakpoint
DROP POLICY "tasks_update" ON "tasks";
--> statement-breakpoint
DROP POLICY "tasks_insert" ON "tasks";
--> statement-breakpoint
DROP POLICY "tasks_select" ON "tasks";
--> statement-breakpoint
DROP POLICY "task_comments_delete" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_comments_update" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_comments_insert" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_comments_select" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_attachments_delete" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_attachments_update" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_attachments_insert" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_attachments_select" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_activities_delete" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_activities_update" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_activities_insert" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_activities_select" ON "task_activities";
--> statement-breakpoint
DROP POLICY "sprints_delete" ON "sprints";
--> statement-breakpoint
DROP POLICY "sprints_update" ON "sprints";
--> statement-breakpoint
DROP POLICY "sprints_insert" ON "sprints";
--> statement-breakpoint
DROP POLICY "sprints_select" ON "sprints";
--> statement-breakpoint
DROP POLICY "projects_delete" ON "projects";
--> statement-breakpoint
DROP POLICY "projects_update" ON "projects";
--> statement-breakpoint
DROP POLICY "projects_insert" ON "projects";
--> statement-breakpoint
DROP POLICY "projects_select" ON "projects";
--> statement-breakpoint
DROP POLICY "milestones_delete" ON "milestones";
--> statement-breakpoint
DROP POLICY "milestones_update" ON "milestones";
--> statement-breakpoint
DROP POLICY "milestones_insert" ON "milestones";
--> statement-breakpoint
DROP POLICY "milestones_select" ON "milestones";
--> statement-breakpoint
DROP POLICY "boards_delete" ON "boards";
--> statement-breakpoint
DROP POLICY "boards_update" ON "boards";
--> statement-breakpoint
DROP POLICY "boards_insert" ON "boards";
--> statement-breakpoint
DROP POLICY "boards_select" ON "boards";
--> statement-breakpoint
DROP POLICY "users_delete" ON "users";
--> statement-breakpoint
DROP POLICY "users_update" ON "users";
--> statement-breakpoint
DROP POLICY "users_insert" ON "users";
--> statement-breakpoint
DROP POLICY "users_select" ON "users";
--> statement-breakpoint
DROP POLICY "teams_delete" ON "teams";
--> statement-breakpoint
DROP POLICY "teams_update" ON "teams";
--> statement-breakpoint
DROP POLICY "teams_insert" ON "teams";
--> statement-breakpoint
DROP POLICY "teams_select" ON "teams";
--> statement-breakpoint
DROP POLICY "team_members_delete" ON "team_members";
--> statement-breakpoint
DROP POLICY "team_members_update" ON "team_members";
--> statement-breakpoint
DROP POLICY "team_members_insert" ON "team_members";
--> statement-breakpoint
DROP POLICY "team_members_select" ON "team_members";
--> statement-breakpoint
DROP POLICY "sessions_delete" ON "sessions";
--> statement-breakpoint
DROP POLICY "sessions_update" ON "sessions";
--> statement-breakpoint
DROP POLICY "sessions_insert" ON "sessions";
--> statement-breakpoint
DROP POLICY "sessions_select" ON "sessions";
--> statement-breakpoint
DROP POLICY "memberships_delete" ON "memberships";
--> statement-breakpoint
DROP POLICY "memberships_update" ON "memberships";
--> statement-breakpoint
DROP POLICY "memberships_insert" ON "memberships";
--> statement-breakpoint
DROP POLICY "memberships_select" ON "memberships";
--> statement-breakpoint
DROP POLICY "tenant_settings_delete" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_update" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_insert" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_select" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_domains_delete" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_domains_update" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_domains_insert" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_domains_select" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "suppliers_delete" ON "suppliers";
--> statement-breakpoint
DROP POLICY "suppliers_update" ON "suppliers";
--> statement-breakpoint
DROP POLICY "suppliers_insert" ON "suppliers";
--> statement-breakpoint
DROP POLICY "suppliers_select" ON "suppliers";
--> statement-breakpoint
DROP POLICY "subscriptions_delete" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "subscriptions_update" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "subscriptions_insert" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "subscriptions_select" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "stock_movements_delete" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_movements_update" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_movements_insert" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_movements_select" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_levels_delete" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_levels_update" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_levels_insert" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_levels_select" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "refunds_delete" ON "refunds";
--> statement-breakpoint
DROP POLICY "refunds_update" ON "refunds";
--> statement-breakpoint
DROP POLICY "refunds_insert" ON "refunds";
--> statement-breakpoint
DROP POLICY "refunds_select" ON "refunds";
--> statement-breakpoint
DROP POLICY "phone_numbers_delete" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "phone_numbers_update" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "phone_numbers_insert" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "phone_numbers_select" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "payments_delete" ON "payments";
--> statement-breakpoint
DROP POLICY "payments_update" ON "payments";
--> statement-breakpoint
DROP POLICY "payments_insert" ON "payments";
--> statement-breakpoint
DROP POLICY "payments_select" ON "payments";
--> statement-breakpoint
DROP POLICY "notifications_delete" ON "notifications";
--> statement-breakpoint
DROP POLICY "notifications_update" ON "notifications";
--> statement-breakpoint
DROP POLICY "notifications_insert" ON "notifications";
--> statement-breakpoint
DROP POLICY "notifications_select" ON "notifications";
--> statement-breakpoint
DROP POLICY "licenses_delete" ON "licenses";
--> statement-breakpoint
DROP POLICY "licenses_update" ON "licenses";
--> statement-breakpoint
DROP POLICY "licenses_insert" ON "licenses";
--> statement-breakpoint
DROP POLICY "licenses_select" ON "licenses";
--> statement-breakpoint
DROP POLICY "license_sessions_delete" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "license_sessions_update" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "license_sessions_insert" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "license_sessions_select" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "invoices_delete" ON "invoices";
--> statement-breakpoint
DROP POLICY "invoices_update" ON "invoices";
--> statement-breakpoint
DROP POLICY "invoices_insert" ON "invoices";
--> statement-breakpoint
DROP POLICY "invoices_select" ON "invoices";
--> statement-breakpoint
DROP POLICY "inventory_products_delete" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_products_update" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_products_insert" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_products_select" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_orders_delete" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_orders_update" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_orders_insert" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_orders_select" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_order_items_delete" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_order_items_update" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_order_items_insert" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_order_items_select" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_locations_delete" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_locations_update" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_locations_insert" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_locations_select" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "entitlements_delete" ON "entitlements";
--> statement-breakpoint
DROP POLICY "entitlements_update" ON "entitlements";
--> statement-breakpoint
DROP POLICY "entitlements_insert" ON "entitlements";
--> statement-breakpoint
DROP POLICY "entitlements_select" ON "entitlements";
--> statement-breakpoint
DROP POLICY "email_addresses_delete" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "email_addresses_update" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "email_addresses_insert" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "email_addresses_select" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "drivers_delete" ON "drivers";
--> statement-breakpoint
DROP POLICY "drivers_update" ON "drivers";
--> statement-breakpoint
DROP POLICY "drivers_insert" ON "drivers";
--> statement-breakpoint
DROP POLICY "drivers_select" ON "drivers";
--> statement-breakpoint
DROP POLICY "communications_delete" ON "communications";
--> statement-breakpoint
DROP POLICY "communications_update" ON "communications";
--> statement-breakpoint
DROP POLICY "communications_insert" ON "communications";
--> statement-breakpoint
DROP POLICY "communications_select" ON "communications";
--> statement-breakpoint
DROP POLICY "carts_delete" ON "carts";
--> statement-breakpoint
DROP POLICY "carts_update" ON "carts";
--> statement-breakpoint
DROP POLICY "carts_insert" ON "carts";
--> statement-breakpoint
DROP POLICY "carts_select" ON "carts";
--> statement-breakpoint
DROP POLICY "cart_items_delete" ON "cart_items";
--> statement-breakpoint
DROP POLICY "cart_items_update" ON "cart_items";
--> statement-breakpoint
DROP POLICY "cart_items_insert" ON "cart_items";
--> statement-breakpoint
DROP POLICY "cart_items_select" ON "cart_items";
--> statement-breakpoint
DROP POLICY "buyers_delete" ON "buyers";
--> statement-breakpoint
DROP POLICY "buyers_update" ON "buyers";
--> statement-breakpoint
DROP POLICY "buyers_insert" ON "buyers";
--> statement-breakpoint
DROP POLICY "buyers_select" ON "buyers";
--> statement-breakpoint
DROP POLICY "billing_orders_delete" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_orders_update" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_orders_insert" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_orders_select" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_order_items_delete" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_order_items_update" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_order_items_insert" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_order_items_select" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "addresses_delete" ON "addresses";
--> statement-breakpoint
DROP POLICY "addresses_update" ON "addresses";
--> statement-breakpoint
DROP POLICY "addresses_insert" ON "addresses";
--> statement-breakpoint
DROP POLICY "addresses_select" ON "addresses";
--> statement-breakpoint
CREATE POLICY "workstations_tenant_isolation" ON "workstations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workstation_sessions_tenant_isolation" ON "workstation_sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workstation_metrics_tenant_isolation" ON "workstation_metrics" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workstation_assignments_tenant_isolation" ON "workstation_assignments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "gitea_organizations_tenant_isolation" ON "gitea_organizations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "contents_tenant_isolation" ON "contents" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "compliance_reports_tenant_isolation" ON "compliance_reports" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "audit_reviews_tenant_isolation" ON "audit_reviews" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "audit_logs_tenant_isolation" ON "audit_logs" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workflows_tenant_isolation" ON "workflows" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workflow_steps_tenant_isolation" ON "workflow_steps" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workflow_executions_tenant_isolation" ON "workflow_executions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "workflow_approvals_tenant_isolation" ON "workflow_approvals" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "folders_tenant_isolation" ON "folders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "documents_tenant_isolation" ON "documents" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "document_versions_tenant_isolation" ON "document_versions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "document_shares_tenant_isolation" ON "document_shares" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "document_permissions_tenant_isolation" ON "document_permissions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "document_activities_tenant_isolation" ON "document_activities" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "tasks_tenant_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "task_comments_tenant_isolation" ON "task_comments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "task_attachments_tenant_isolation" ON "task_attachments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "task_activities_tenant_isolation" ON "task_activities" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "sprints_tenant_isolation" ON "sprints" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "projects_tenant_isolation" ON "projects" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "milestones_tenant_isolation" ON "milestones" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "boards_tenant_isolation" ON "boards" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "users_tenant_isolation" ON "users" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "teams_tenant_isolation" ON "teams" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "team_members_tenant_isolation" ON "team_members" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "sessions_tenant_isolation" ON "sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "tenant_settings_tenant_isolation" ON "tenant_settings" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "tenant_domains_tenant_isolation" ON "tenant_domains" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "suppliers_tenant_isolation" ON "suppliers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "subscriptions_tenant_isolation" ON "subscriptions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "stock_movements_tenant_isolation" ON "stock_movements" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "stock_levels_tenant_isolation" ON "stock_levels" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "refunds_tenant_isolation" ON "refunds" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "phone_numbers_tenant_isolation" ON "phone_numbers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "payments_tenant_isolation" ON "payments" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "notifications_tenant_isolation" ON "notifications" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "licenses_tenant_isolation" ON "licenses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "license_sessions_tenant_isolation" ON "license_sessions" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "invoices_tenant_isolation" ON "invoices" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "inventory_products_tenant_isolation" ON "inventory_products" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "inventory_orders_tenant_isolation" ON "inventory_orders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "inventory_order_items_tenant_isolation" ON "inventory_order_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "inventory_locations_tenant_isolation" ON "inventory_locations" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "entitlements_tenant_isolation" ON "entitlements" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "email_addresses_tenant_isolation" ON "email_addresses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "drivers_tenant_isolation" ON "drivers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "communications_tenant_isolation" ON "communications" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "carts_tenant_isolation" ON "carts" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "cart_items_tenant_isolation" ON "cart_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "buyers_tenant_isolation" ON "buyers" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "billing_orders_tenant_isolation" ON "billing_orders" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "billing_order_items_tenant_isolation" ON "billing_order_items" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "addresses_tenant_isolation" ON "addresses" AS PERMISSIVE FOR ALL TO "stocksync_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY "addresses_role_insert" ON "addresses" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "addresses_role_update" ON "addresses" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "addresses_role_delete" ON "addresses" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "audit_logs_role_select" ON "audit_logs" AS RESTRICTIVE FOR SELECT TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin'));
--> statement-breakpoint
CREATE POLICY "audit_logs_role_insert" ON "audit_logs" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member', 'guest'));
--> statement-breakpoint
CREATE POLICY "audit_logs_role_update" ON "audit_logs" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member', 'guest')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member', 'guest'));
--> statement-breakpoint
CREATE POLICY "audit_logs_role_delete" ON "audit_logs" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member', 'guest'));
--> statement-breakpoint
CREATE POLICY "audit_reviews_role_insert" ON "audit_reviews" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "audit_reviews_role_update" ON "audit_reviews" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "audit_reviews_role_delete" ON "audit_reviews" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_order_items_role_insert" ON "billing_order_items" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_order_items_role_update" ON "billing_order_items" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_order_items_role_delete" ON "billing_order_items" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_orders_role_insert" ON "billing_orders" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_orders_role_update" ON "billing_orders" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "billing_orders_role_delete" ON "billing_orders" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "boards_role_insert" ON "boards" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "boards_role_update" ON "boards" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "boards_role_delete" ON "boards" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "buyers_role_insert" ON "buyers" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "buyers_role_update" ON "buyers" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "buyers_role_delete" ON "buyers" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "cart_items_role_insert" ON "cart_items" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "cart_items_role_update" ON "cart_items" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "cart_items_role_delete" ON "cart_items" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "carts_role_insert" ON "carts" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "carts_role_update" ON "carts" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "carts_role_delete" ON "carts" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "communications_role_insert" ON "communications" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "communications_role_update" ON "communications" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "communications_role_delete" ON "communications" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "compliance_reports_role_insert" ON "compliance_reports" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "compliance_reports_role_update" ON "compliance_reports" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "compliance_reports_role_delete" ON "compliance_reports" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "contents_role_insert" ON "contents" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "contents_role_update" ON "contents" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "contents_role_delete" ON "contents" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_activities_role_insert" ON "document_activities" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_activities_role_update" ON "document_activities" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_activities_role_delete" ON "document_activities" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_permissions_role_insert" ON "document_permissions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_permissions_role_update" ON "document_permissions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_permissions_role_delete" ON "document_permissions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_shares_role_insert" ON "document_shares" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_shares_role_update" ON "document_shares" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_shares_role_delete" ON "document_shares" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_versions_role_insert" ON "document_versions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_versions_role_update" ON "document_versions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "document_versions_role_delete" ON "document_versions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "documents_role_insert" ON "documents" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "documents_role_update" ON "documents" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "documents_role_delete" ON "documents" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "drivers_role_insert" ON "drivers" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "drivers_role_update" ON "drivers" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "drivers_role_delete" ON "drivers" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "email_addresses_role_insert" ON "email_addresses" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "email_addresses_role_update" ON "email_addresses" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "email_addresses_role_delete" ON "email_addresses" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "entitlements_role_insert" ON "entitlements" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "entitlements_role_update" ON "entitlements" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "entitlements_role_delete" ON "entitlements" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "folders_role_insert" ON "folders" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "folders_role_update" ON "folders" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "folders_role_delete" ON "folders" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "gitea_organizations_role_insert" ON "gitea_organizations" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "gitea_organizations_role_update" ON "gitea_organizations" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "gitea_organizations_role_delete" ON "gitea_organizations" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_locations_role_insert" ON "inventory_locations" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_locations_role_update" ON "inventory_locations" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_locations_role_delete" ON "inventory_locations" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_order_items_role_insert" ON "inventory_order_items" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_order_items_role_update" ON "inventory_order_items" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_order_items_role_delete" ON "inventory_order_items" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_orders_role_insert" ON "inventory_orders" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_orders_role_update" ON "inventory_orders" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_orders_role_delete" ON "inventory_orders" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_products_role_insert" ON "inventory_products" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_products_role_update" ON "inventory_products" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "inventory_products_role_delete" ON "inventory_products" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "invoices_role_insert" ON "invoices" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "invoices_role_update" ON "invoices" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "invoices_role_delete" ON "invoices" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "license_sessions_role_insert" ON "license_sessions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "license_sessions_role_update" ON "license_sessions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "license_sessions_role_delete" ON "license_sessions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "licenses_role_insert" ON "licenses" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "licenses_role_update" ON "licenses" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "licenses_role_delete" ON "licenses" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "memberships_role_insert" ON "memberships" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "memberships_role_update" ON "memberships" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "memberships_role_delete" ON "memberships" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "milestones_role_insert" ON "milestones" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "milestones_role_update" ON "milestones" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "milestones_role_delete" ON "milestones" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "notifications_role_insert" ON "notifications" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "notifications_role_update" ON "notifications" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "notifications_role_delete" ON "notifications" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "payments_role_insert" ON "payments" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "payments_role_update" ON "payments" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "payments_role_delete" ON "payments" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "phone_numbers_role_insert" ON "phone_numbers" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "phone_numbers_role_update" ON "phone_numbers" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "phone_numbers_role_delete" ON "phone_numbers" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "projects_role_insert" ON "projects" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "projects_role_update" ON "projects" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "projects_role_delete" ON "projects" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "refunds_role_insert" ON "refunds" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "refunds_role_update" ON "refunds" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "refunds_role_delete" ON "refunds" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sessions_role_insert" ON "sessions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sessions_role_update" ON "sessions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sessions_role_delete" ON "sessions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sprints_role_insert" ON "sprints" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sprints_role_update" ON "sprints" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "sprints_role_delete" ON "sprints" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_levels_role_insert" ON "stock_levels" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_levels_role_update" ON "stock_levels" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_levels_role_delete" ON "stock_levels" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_movements_role_insert" ON "stock_movements" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_movements_role_update" ON "stock_movements" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "stock_movements_role_delete" ON "stock_movements" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "subscriptions_role_insert" ON "subscriptions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "subscriptions_role_update" ON "subscriptions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "subscriptions_role_delete" ON "subscriptions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "suppliers_role_insert" ON "suppliers" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "suppliers_role_update" ON "suppliers" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "suppliers_role_delete" ON "suppliers" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_activities_role_insert" ON "task_activities" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_activities_role_update" ON "task_activities" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_activities_role_delete" ON "task_activities" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_attachments_role_insert" ON "task_attachments" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_attachments_role_update" ON "task_attachments" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_attachments_role_delete" ON "task_attachments" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_comments_role_insert" ON "task_comments" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_comments_role_update" ON "task_comments" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "task_comments_role_delete" ON "task_comments" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tasks_role_insert" ON "tasks" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tasks_role_update" ON "tasks" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tasks_role_delete" ON "tasks" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "team_members_role_insert" ON "team_members" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "team_members_role_update" ON "team_members" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "team_members_role_delete" ON "team_members" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "teams_role_insert" ON "teams" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "teams_role_update" ON "teams" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "teams_role_delete" ON "teams" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tenant_domains_role_insert" ON "tenant_domains" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tenant_domains_role_update" ON "tenant_domains" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tenant_domains_role_delete" ON "tenant_domains" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "tenant_settings_role_select" ON "tenant_settings" AS RESTRICTIVE FOR SELECT TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin'));
--> statement-breakpoint
CREATE POLICY "tenant_settings_role_insert" ON "tenant_settings" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin'));
--> statement-breakpoint
CREATE POLICY "tenant_settings_role_update" ON "tenant_settings" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin'));
--> statement-breakpoint
CREATE POLICY "tenant_settings_role_delete" ON "tenant_settings" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin'));
--> statement-breakpoint
CREATE POLICY "users_role_insert" ON "users" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "users_role_update" ON "users" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "users_role_delete" ON "users" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_approvals_role_insert" ON "workflow_approvals" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_approvals_role_update" ON "workflow_approvals" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_approvals_role_delete" ON "workflow_approvals" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_executions_role_insert" ON "workflow_executions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_executions_role_update" ON "workflow_executions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_executions_role_delete" ON "workflow_executions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_steps_role_insert" ON "workflow_steps" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_steps_role_update" ON "workflow_steps" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflow_steps_role_delete" ON "workflow_steps" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflows_role_insert" ON "workflows" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflows_role_update" ON "workflows" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workflows_role_delete" ON "workflows" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_assignments_role_insert" ON "workstation_assignments" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_assignments_role_update" ON "workstation_assignments" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_assignments_role_delete" ON "workstation_assignments" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_metrics_role_insert" ON "workstation_metrics" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_metrics_role_update" ON "workstation_metrics" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_metrics_role_delete" ON "workstation_metrics" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_sessions_role_insert" ON "workstation_sessions" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_sessions_role_update" ON "workstation_sessions" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstation_sessions_role_delete" ON "workstation_sessions" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstations_role_insert" ON "workstations" AS RESTRICTIVE FOR INSERT TO stocksync_app WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstations_role_update" ON "workstations" AS RESTRICTIVE FOR UPDATE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member')) WITH CHECK (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
--> statement-breakpoint
CREATE POLICY "workstations_role_delete" ON "workstations" AS RESTRICTIVE FOR DELETE TO stocksync_app USING (coalesce(current_setting('app.user_role', true), '') IN ('', 'owner', 'admin', 'member'));
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
CREATE OR REPLACE FUNCTION stocksync_audit_event(p_action text, p_resource_type text,
  p_resource_id text DEFAULT NULL, p_changes jsonb DEFAULT '{}', p_metadata jsonb DEFAULT '{}', p_severity text DEFAULT 'info')
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  v_id uuid;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'an audit event needs a tenant context (app.tenant_id is not set)'
      USING ERRCODE = 'insufficient_privilege', HINT = 'Record audit events inside withTenant.';
  END IF;
  IF p_action ~ '^[^.]+[.](insert|update|delete)$'
     AND to_regclass('public.' || quote_ident(split_part(p_action, '.', 1))) IS NOT NULL THEN
    RAISE EXCEPTION 'the action % is reserved for the audit trigger', p_action
      USING ERRCODE = 'insufficient_privilege', HINT = 'Name application events after what happened, such as user.login.';
  END IF;
  INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                                 request_id, changes, metadata, severity)
  VALUES (v_tenant, nullif(current_setting('app.user_id', true), '')::uuid, p_action, p_resource_type, p_resource_id,
          nullif(current_setting('app.ip', true), '')::inet, left(coalesce(current_setting('app.user_agent', true), ''), 500),
          nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), ''), coalesce(p_changes, '{}'),
          coalesce(p_metadata, '{}') || jsonb_build_object('source', 'application',
            'actor_role', nullif(current_setting('app.user_role', true), ''),
            'db_role', CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END),
          coalesce(p_severity, 'info'))
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;
--> statement-breakpoint
DROP POLICY "tenants_select" ON "tenants";
--> statement-breakpoint
CREATE POLICY "tenants_tenant_isolation" ON "tenants" AS PERMISSIVE FOR SELECT TO stocksync_app
  USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE pg_catalog.format('DROP POLICY tenants_owner_read ON public.tenants');
END
$$;
--> statement-breakpoint
DROP FUNCTION stocksync_enter_tenant(uuid, text, text, text, text, text, text);
--> statement-breakpoint
DROP FUNCTION stocksync_ctx_admin_tenant();
--> statement-breakpoint
DROP FUNCTION stocksync_ctx_writer_tenant();
--> statement-breakpoint
DROP FUNCTION stocksync_ctx_tenant();
--> statement-breakpoint
DROP FUNCTION stocksync_ctx_binding();
--> statement-breakpoint
DROP FUNCTION stocksync_private.rotate_context_key();
--> statement-breakpoint
DROP TABLE stocksync_private.context_key;
--> statement-breakpoint
DROP TABLE stocksync_private.migration_lock;
--> statement-breakpoint
DROP SCHEMA stocksync_private;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE pg_catalog.format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', pg_catalog.current_database());
END
$$;
