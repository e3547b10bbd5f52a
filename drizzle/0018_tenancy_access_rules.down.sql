-- Reverts 0018_tenancy_access_rules.
DROP TRIGGER IF EXISTS workflows_audit_delete ON "workflows";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_update ON "workflows";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflows_audit_insert ON "workflows";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_delete ON "workflow_steps";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_update ON "workflow_steps";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_steps_audit_insert ON "workflow_steps";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_delete ON "workflow_executions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_update ON "workflow_executions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_executions_audit_insert ON "workflow_executions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_delete ON "workflow_approvals";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_update ON "workflow_approvals";
--> statement-breakpoint
DROP TRIGGER IF EXISTS workflow_approvals_audit_insert ON "workflow_approvals";
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_delete ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_update ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_audit_insert ON "users";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_delete ON "tenant_settings";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_update ON "tenant_settings";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_settings_audit_insert ON "tenant_settings";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_delete ON "tenant_domains";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_update ON "tenant_domains";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tenant_domains_audit_insert ON "tenant_domains";
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_delete ON "teams";
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_update ON "teams";
--> statement-breakpoint
DROP TRIGGER IF EXISTS teams_audit_insert ON "teams";
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_delete ON "team_members";
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_update ON "team_members";
--> statement-breakpoint
DROP TRIGGER IF EXISTS team_members_audit_insert ON "team_members";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_delete ON "tasks";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_update ON "tasks";
--> statement-breakpoint
DROP TRIGGER IF EXISTS tasks_audit_insert ON "tasks";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_delete ON "task_comments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_update ON "task_comments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_comments_audit_insert ON "task_comments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_delete ON "task_attachments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_update ON "task_attachments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS task_attachments_audit_insert ON "task_attachments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_delete ON "suppliers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_update ON "suppliers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS suppliers_audit_insert ON "suppliers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_delete ON "subscriptions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_update ON "subscriptions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS subscriptions_audit_insert ON "subscriptions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_delete ON "sprints";
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_update ON "sprints";
--> statement-breakpoint
DROP TRIGGER IF EXISTS sprints_audit_insert ON "sprints";
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_delete ON "refunds";
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_update ON "refunds";
--> statement-breakpoint
DROP TRIGGER IF EXISTS refunds_audit_insert ON "refunds";
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_delete ON "projects";
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_update ON "projects";
--> statement-breakpoint
DROP TRIGGER IF EXISTS projects_audit_insert ON "projects";
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_delete ON "phone_numbers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_update ON "phone_numbers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS phone_numbers_audit_insert ON "phone_numbers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_delete ON "payments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_update ON "payments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS payments_audit_insert ON "payments";
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_delete ON "milestones";
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_update ON "milestones";
--> statement-breakpoint
DROP TRIGGER IF EXISTS milestones_audit_insert ON "milestones";
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_delete ON "memberships";
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_update ON "memberships";
--> statement-breakpoint
DROP TRIGGER IF EXISTS memberships_audit_insert ON "memberships";
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_delete ON "licenses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_update ON "licenses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS licenses_audit_insert ON "licenses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_delete ON "invoices";
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_update ON "invoices";
--> statement-breakpoint
DROP TRIGGER IF EXISTS invoices_audit_insert ON "invoices";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_delete ON "inventory_products";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_update ON "inventory_products";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_products_audit_insert ON "inventory_products";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_delete ON "inventory_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_update ON "inventory_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_orders_audit_insert ON "inventory_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_delete ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_update ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_order_items_audit_insert ON "inventory_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_delete ON "inventory_locations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_update ON "inventory_locations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS inventory_locations_audit_insert ON "inventory_locations";
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_delete ON "folders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_update ON "folders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS folders_audit_insert ON "folders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_delete ON "entitlements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_update ON "entitlements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS entitlements_audit_insert ON "entitlements";
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_delete ON "email_addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_update ON "email_addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS email_addresses_audit_insert ON "email_addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_delete ON "drivers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_update ON "drivers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS drivers_audit_insert ON "drivers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_delete ON "documents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_update ON "documents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_audit_insert ON "documents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_delete ON "document_versions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_update ON "document_versions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_versions_audit_insert ON "document_versions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_delete ON "document_shares";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_update ON "document_shares";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_shares_audit_insert ON "document_shares";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_delete ON "document_permissions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_update ON "document_permissions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS document_permissions_audit_insert ON "document_permissions";
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_delete ON "contents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_update ON "contents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS contents_audit_insert ON "contents";
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_delete ON "compliance_reports";
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_update ON "compliance_reports";
--> statement-breakpoint
DROP TRIGGER IF EXISTS compliance_reports_audit_insert ON "compliance_reports";
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_delete ON "carts";
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_update ON "carts";
--> statement-breakpoint
DROP TRIGGER IF EXISTS carts_audit_insert ON "carts";
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_delete ON "cart_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_update ON "cart_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS cart_items_audit_insert ON "cart_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_delete ON "buyers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_update ON "buyers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS buyers_audit_insert ON "buyers";
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_delete ON "boards";
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_update ON "boards";
--> statement-breakpoint
DROP TRIGGER IF EXISTS boards_audit_insert ON "boards";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_delete ON "billing_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_update ON "billing_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_orders_audit_insert ON "billing_orders";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_delete ON "billing_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_update ON "billing_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS billing_order_items_audit_insert ON "billing_order_items";
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_delete ON "audit_reviews";
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_update ON "audit_reviews";
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_reviews_audit_insert ON "audit_reviews";
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_delete ON "addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_update ON "addresses";
--> statement-breakpoint
DROP TRIGGER IF EXISTS addresses_audit_insert ON "addresses";
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_audit_changes();
--> statement-breakpoint
DROP POLICY IF EXISTS "workflows_role_delete" ON "workflows";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflows_role_update" ON "workflows";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflows_role_insert" ON "workflows";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_steps_role_delete" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_steps_role_update" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_steps_role_insert" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_executions_role_delete" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_executions_role_update" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_executions_role_insert" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_approvals_role_delete" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_approvals_role_update" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY IF EXISTS "workflow_approvals_role_insert" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY IF EXISTS "users_role_delete" ON "users";
--> statement-breakpoint
DROP POLICY IF EXISTS "users_role_update" ON "users";
--> statement-breakpoint
DROP POLICY IF EXISTS "users_role_insert" ON "users";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_settings_role_delete" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_settings_role_update" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_settings_role_insert" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_settings_role_select" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_domains_role_delete" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_domains_role_update" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY IF EXISTS "tenant_domains_role_insert" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY IF EXISTS "teams_role_delete" ON "teams";
--> statement-breakpoint
DROP POLICY IF EXISTS "teams_role_update" ON "teams";
--> statement-breakpoint
DROP POLICY IF EXISTS "teams_role_insert" ON "teams";
--> statement-breakpoint
DROP POLICY IF EXISTS "team_members_role_delete" ON "team_members";
--> statement-breakpoint
DROP POLICY IF EXISTS "team_members_role_update" ON "team_members";
--> statement-breakpoint
DROP POLICY IF EXISTS "team_members_role_insert" ON "team_members";
--> statement-breakpoint
DROP POLICY IF EXISTS "tasks_role_delete" ON "tasks";
--> statement-breakpoint
DROP POLICY IF EXISTS "tasks_role_update" ON "tasks";
--> statement-breakpoint
DROP POLICY IF EXISTS "tasks_role_insert" ON "tasks";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_comments_role_delete" ON "task_comments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_comments_role_update" ON "task_comments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_comments_role_insert" ON "task_comments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_attachments_role_delete" ON "task_attachments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_attachments_role_update" ON "task_attachments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_attachments_role_insert" ON "task_attachments";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_activities_role_delete" ON "task_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_activities_role_update" ON "task_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "task_activities_role_insert" ON "task_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "suppliers_role_delete" ON "suppliers";
--> statement-breakpoint
DROP POLICY IF EXISTS "suppliers_role_update" ON "suppliers";
--> statement-breakpoint
DROP POLICY IF EXISTS "suppliers_role_insert" ON "suppliers";
--> statement-breakpoint
DROP POLICY IF EXISTS "subscriptions_role_delete" ON "subscriptions";
--> statement-breakpoint
DROP POLICY IF EXISTS "subscriptions_role_update" ON "subscriptions";
--> statement-breakpoint
DROP POLICY IF EXISTS "subscriptions_role_insert" ON "subscriptions";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_movements_role_delete" ON "stock_movements";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_movements_role_update" ON "stock_movements";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_movements_role_insert" ON "stock_movements";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_levels_role_delete" ON "stock_levels";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_levels_role_update" ON "stock_levels";
--> statement-breakpoint
DROP POLICY IF EXISTS "stock_levels_role_insert" ON "stock_levels";
--> statement-breakpoint
DROP POLICY IF EXISTS "sprints_role_delete" ON "sprints";
--> statement-breakpoint
DROP POLICY IF EXISTS "sprints_role_update" ON "sprints";
--> statement-breakpoint
DROP POLICY IF EXISTS "sprints_role_insert" ON "sprints";
--> statement-breakpoint
DROP POLICY IF EXISTS "sessions_role_delete" ON "sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "sessions_role_update" ON "sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "sessions_role_insert" ON "sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "refunds_role_delete" ON "refunds";
--> statement-breakpoint
DROP POLICY IF EXISTS "refunds_role_update" ON "refunds";
--> statement-breakpoint
DROP POLICY IF EXISTS "refunds_role_insert" ON "refunds";
--> statement-breakpoint
DROP POLICY IF EXISTS "projects_role_delete" ON "projects";
--> statement-breakpoint
DROP POLICY IF EXISTS "projects_role_update" ON "projects";
--> statement-breakpoint
DROP POLICY IF EXISTS "projects_role_insert" ON "projects";
--> statement-breakpoint
DROP POLICY IF EXISTS "phone_numbers_role_delete" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY IF EXISTS "phone_numbers_role_update" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY IF EXISTS "phone_numbers_role_insert" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY IF EXISTS "payments_role_delete" ON "payments";
--> statement-breakpoint
DROP POLICY IF EXISTS "payments_role_update" ON "payments";
--> statement-breakpoint
DROP POLICY IF EXISTS "payments_role_insert" ON "payments";
--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_role_delete" ON "notifications";
--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_role_update" ON "notifications";
--> statement-breakpoint
DROP POLICY IF EXISTS "notifications_role_insert" ON "notifications";
--> statement-breakpoint
DROP POLICY IF EXISTS "milestones_role_delete" ON "milestones";
--> statement-breakpoint
DROP POLICY IF EXISTS "milestones_role_update" ON "milestones";
--> statement-breakpoint
DROP POLICY IF EXISTS "milestones_role_insert" ON "milestones";
--> statement-breakpoint
DROP POLICY IF EXISTS "memberships_role_delete" ON "memberships";
--> statement-breakpoint
DROP POLICY IF EXISTS "memberships_role_update" ON "memberships";
--> statement-breakpoint
DROP POLICY IF EXISTS "memberships_role_insert" ON "memberships";
--> statement-breakpoint
DROP POLICY IF EXISTS "licenses_role_delete" ON "licenses";
--> statement-breakpoint
DROP POLICY IF EXISTS "licenses_role_update" ON "licenses";
--> statement-breakpoint
DROP POLICY IF EXISTS "licenses_role_insert" ON "licenses";
--> statement-breakpoint
DROP POLICY IF EXISTS "license_sessions_role_delete" ON "license_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "license_sessions_role_update" ON "license_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "license_sessions_role_insert" ON "license_sessions";
--> statement-breakpoint
DROP POLICY IF EXISTS "invoices_role_delete" ON "invoices";
--> statement-breakpoint
DROP POLICY IF EXISTS "invoices_role_update" ON "invoices";
--> statement-breakpoint
DROP POLICY IF EXISTS "invoices_role_insert" ON "invoices";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_products_role_delete" ON "inventory_products";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_products_role_update" ON "inventory_products";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_products_role_insert" ON "inventory_products";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_orders_role_delete" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_orders_role_update" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_orders_role_insert" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_order_items_role_delete" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_order_items_role_update" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_order_items_role_insert" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_locations_role_delete" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_locations_role_update" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY IF EXISTS "inventory_locations_role_insert" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY IF EXISTS "folders_role_delete" ON "folders";
--> statement-breakpoint
DROP POLICY IF EXISTS "folders_role_update" ON "folders";
--> statement-breakpoint
DROP POLICY IF EXISTS "folders_role_insert" ON "folders";
--> statement-breakpoint
DROP POLICY IF EXISTS "entitlements_role_delete" ON "entitlements";
--> statement-breakpoint
DROP POLICY IF EXISTS "entitlements_role_update" ON "entitlements";
--> statement-breakpoint
DROP POLICY IF EXISTS "entitlements_role_insert" ON "entitlements";
--> statement-breakpoint
DROP POLICY IF EXISTS "email_addresses_role_delete" ON "email_addresses";
--> statement-breakpoint
DROP POLICY IF EXISTS "email_addresses_role_update" ON "email_addresses";
--> statement-breakpoint
DROP POLICY IF EXISTS "email_addresses_role_insert" ON "email_addresses";
--> statement-breakpoint
DROP POLICY IF EXISTS "drivers_role_delete" ON "drivers";
--> statement-breakpoint
DROP POLICY IF EXISTS "drivers_role_update" ON "drivers";
--> statement-breakpoint
DROP POLICY IF EXISTS "drivers_role_insert" ON "drivers";
--> statement-breakpoint
DROP POLICY IF EXISTS "documents_role_delete" ON "documents";
--> statement-breakpoint
DROP POLICY IF EXISTS "documents_role_update" ON "documents";
--> statement-breakpoint
DROP POLICY IF EXISTS "documents_role_insert" ON "documents";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_versions_role_delete" ON "document_versions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_versions_role_update" ON "document_versions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_versions_role_insert" ON "document_versions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_shares_role_delete" ON "document_shares";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_shares_role_update" ON "document_shares";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_shares_role_insert" ON "document_shares";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_permissions_role_delete" ON "document_permissions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_permissions_role_update" ON "document_permissions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_permissions_role_insert" ON "document_permissions";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_activities_role_delete" ON "document_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_activities_role_update" ON "document_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "document_activities_role_insert" ON "document_activities";
--> statement-breakpoint
DROP POLICY IF EXISTS "contents_role_delete" ON "contents";
--> statement-breakpoint
DROP POLICY IF EXISTS "contents_role_update" ON "contents";
--> statement-breakpoint
DROP POLICY IF EXISTS "contents_role_insert" ON "contents";
--> statement-breakpoint
DROP POLICY IF EXISTS "compliance_reports_role_delete" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY IF EXISTS "compliance_reports_role_update" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY IF EXISTS "compliance_reports_role_insert" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY IF EXISTS "communications_role_delete" ON "communications";
--> statement-breakpoint
DROP POLICY IF EXISTS "communications_role_update" ON "communications";
--> statement-breakpoint
DROP POLICY IF EXISTS "communications_role_insert" ON "communications";
--> statement-breakpoint
DROP POLICY IF EXISTS "carts_role_delete" ON "carts";
--> statement-breakpoint
DROP POLICY IF EXISTS "carts_role_update" ON "carts";
--> statement-breakpoint
DROP POLICY IF EXISTS "carts_role_insert" ON "carts";
--> statement-breakpoint
DROP POLICY IF EXISTS "cart_items_role_delete" ON "cart_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "cart_items_role_update" ON "cart_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "cart_items_role_insert" ON "cart_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "buyers_role_delete" ON "buyers";
--> statement-breakpoint
DROP POLICY IF EXISTS "buyers_role_update" ON "buyers";
--> statement-breakpoint
DROP POLICY IF EXISTS "buyers_role_insert" ON "buyers";
--> statement-breakpoint
DROP POLICY IF EXISTS "boards_role_delete" ON "boards";
--> statement-breakpoint
DROP POLICY IF EXISTS "boards_role_update" ON "boards";
--> statement-breakpoint
DROP POLICY IF EXISTS "boards_role_insert" ON "boards";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_orders_role_delete" ON "billing_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_orders_role_update" ON "billing_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_orders_role_insert" ON "billing_orders";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_order_items_role_delete" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_order_items_role_update" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "billing_order_items_role_insert" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_reviews_role_delete" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_reviews_role_update" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_reviews_role_insert" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_role_delete" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_role_update" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_role_insert" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "audit_logs_role_select" ON "audit_logs";
--> statement-breakpoint
DROP POLICY IF EXISTS "addresses_role_delete" ON "addresses";
--> statement-breakpoint
DROP POLICY IF EXISTS "addresses_role_update" ON "addresses";
--> statement-breakpoint
DROP POLICY IF EXISTS "addresses_role_insert" ON "addresses";
