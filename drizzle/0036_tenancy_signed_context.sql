-- 0036_tenancy_signed_context: a tenant context that the SQL it guards cannot change, and the role model.
-- * stocksync_enter_tenant() (SECURITY DEFINER) checks the tenant, refuses a second entry in the same
--   transaction and privileged session users (unless the caller names them), then sets the app.* settings
--   and app.ctx_sig: an HMAC-SHA256 over every setting and the transaction (stocksync_ctx_binding()), with a
--   key in stocksync_private.context_key that only the owner reads.
-- * Policies read the tenant only through stocksync_ctx_tenant() / _writer_ / _admin_, which verify the
--   signature: a forged set_config('app.tenant_id', ...) reads 0 rows and writes none.
-- * No restrictive policy is left (Citus recreates shard policies without AS RESTRICTIVE): every tenant table
--   has permissive <table>_select|insert|update|delete policies (the generated part below).
-- * Roles: stocksync_app becomes the NOLOGIN policy role; stocksync_service (LOGIN, only a member of it) is
--   what services connect as; nobody but the owner creates temporary tables.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'stocksync_service') THEN
    CREATE ROLE stocksync_service LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
  GRANT stocksync_app TO stocksync_service;
  ALTER ROLE stocksync_app NOLOGIN;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'roles not changed: %', SQLERRM
    USING HINT = 'Create stocksync_service (LOGIN, member of stocksync_app) and make stocksync_app NOLOGIN as a role admin (docs/security.md).';
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE pg_catalog.format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', pg_catalog.current_database());
END
$$;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
CREATE SCHEMA stocksync_private;
--> statement-breakpoint
REVOKE ALL ON SCHEMA stocksync_private FROM PUBLIC;
--> statement-breakpoint
CREATE TABLE stocksync_private.context_key (
  id smallint PRIMARY KEY CHECK (id = 1),
  inner_pad bytea NOT NULL CHECK (octet_length(inner_pad) = 64),
  outer_pad bytea NOT NULL CHECK (octet_length(outer_pad) = 64)
);
--> statement-breakpoint
REVOKE ALL ON stocksync_private.context_key FROM PUBLIC;
--> statement-breakpoint
-- A fresh 64-byte key (gen_random_uuid draws from the server's strong random source), stored as the
-- two HMAC pads so verifying costs two sha256() calls.
CREATE FUNCTION stocksync_private.rotate_context_key() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_key bytea := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
  v_inner bytea := v_key;
  v_outer bytea := v_key;
BEGIN
  FOR i IN 0..63 LOOP
    v_inner := set_byte(v_inner, i, get_byte(v_key, i) # 54);
    v_outer := set_byte(v_outer, i, get_byte(v_key, i) # 92);
  END LOOP;
  INSERT INTO stocksync_private.context_key (id, inner_pad, outer_pad) VALUES (1, v_inner, v_outer)
  ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stocksync_private.rotate_context_key() FROM PUBLIC;
--> statement-breakpoint
SELECT stocksync_private.rotate_context_key();
--> statement-breakpoint
-- The migration lock's salt: runners that read it (the owner) lock a key the service role cannot compute,
-- so request SQL can no longer take the migration lock and block every deploy.
CREATE TABLE stocksync_private.migration_lock (salt text NOT NULL);
--> statement-breakpoint
REVOKE ALL ON stocksync_private.migration_lock FROM PUBLIC;
--> statement-breakpoint
INSERT INTO stocksync_private.migration_lock (salt) VALUES (pg_catalog.encode(uuid_send(gen_random_uuid()), 'hex'));
--> statement-breakpoint
-- What ties a signature to one transaction: the backend and the transaction's start. A value copied into
-- another transaction, or left at session level for the next request on a pooled connection, no longer
-- verifies. One small function so a Citus cluster can bind to its distributed transaction instead.
CREATE FUNCTION stocksync_ctx_binding() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT pg_catalog.pg_backend_pid()::text || '/' || pg_catalog.now()::text
$$;
--> statement-breakpoint
-- The tenant of the verified context, or NULL (no context, or any app.* setting changed after entry).
-- STABLE with a high cost: in `tenant_id = stocksync_ctx_tenant()` it becomes the index condition, evaluated
-- once per scan. Every name is schema-qualified: no SET clause (it would cost a cached-plan revalidation per
-- call) and no object of a caller's search path can stand in for one.
CREATE FUNCTION stocksync_ctx_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE COST 1000 AS $$
DECLARE
  v_sig text := pg_catalog.current_setting('app.ctx_sig', true);
  v_inner bytea;
  v_outer bytea;
BEGIN
  IF v_sig IS NULL OR v_sig = '' THEN
    RETURN NULL;
  END IF;
  SELECT k.inner_pad, k.outer_pad INTO v_inner, v_outer FROM stocksync_private.context_key k WHERE k.id = 1;
  IF pg_catalog.encode(pg_catalog.sha256(v_outer || pg_catalog.sha256(v_inner || pg_catalog.convert_to(
       pg_catalog.concat_ws(E'\x1f',
         pg_catalog.current_setting('app.tenant_id', true), pg_catalog.current_setting('app.user_id', true),
         pg_catalog.current_setting('app.user_role', true), pg_catalog.current_setting('app.ip', true),
         pg_catalog.current_setting('app.user_agent', true), pg_catalog.current_setting('app.request_id', true),
         public.stocksync_ctx_binding()), 'UTF8'))), 'base64') IS DISTINCT FROM v_sig THEN
    RETURN NULL;
  END IF;
  RETURN NULLIF(pg_catalog.current_setting('app.tenant_id', true), '')::uuid;
END
$$;
--> statement-breakpoint
-- The verified tenant when the actor may write ('' is trusted service code; guests never write).
CREATE FUNCTION stocksync_ctx_writer_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000 AS $$
BEGIN
  IF COALESCE(pg_catalog.current_setting('app.user_role', true), '') NOT IN ('', 'owner', 'admin', 'member') THEN
    RETURN NULL;
  END IF;
  RETURN public.stocksync_ctx_tenant();
END
$$;
--> statement-breakpoint
-- The verified tenant when the actor administers it (owners, admins, trusted service code).
CREATE FUNCTION stocksync_ctx_admin_tenant() RETURNS uuid
LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1000 AS $$
BEGIN
  IF COALESCE(pg_catalog.current_setting('app.user_role', true), '') NOT IN ('', 'owner', 'admin') THEN
    RETURN NULL;
  END IF;
  RETURN public.stocksync_ctx_tenant();
END
$$;
--> statement-breakpoint
-- Enters a tenant context, once per transaction, and returns its signature. SQLSTATEs: ST404 unknown tenant, ST403 suspended or
-- deleted, ST409 a context was already entered in this transaction, ST401 the session user bypasses RLS
-- and the caller did not name it, 22023 a malformed value.
CREATE FUNCTION stocksync_enter_tenant(p_tenant_id uuid, p_user_id text, p_user_role text, p_ip text,
  p_user_agent text, p_request_id text, p_privileged_session text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
  v_entered refcursor := 'stocksync_tenant_context';
  v_status text;
  v_active boolean;
  v_privileged boolean;
  v_inner bytea;
  v_outer bytea;
  v_payload text;
BEGIN
  -- The open cursor is the proof of entry: SQL cannot close a portal from inside a statement, and it
  -- lives exactly as long as the transaction.
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_cursors c WHERE c.name = 'stocksync_tenant_context') THEN
    RAISE EXCEPTION 'a tenant context was already entered in this transaction'
      USING ERRCODE = 'ST409', HINT = 'One transaction serves one tenant: start a new transaction (withTenant) for another.';
  END IF;
  SELECT r.rolsuper OR r.rolbypassrls OR pg_catalog.pg_has_role(r.oid, t.relowner, 'USAGE')
    INTO v_privileged
    FROM pg_catalog.pg_roles r, pg_catalog.pg_class t
   WHERE r.rolname = session_user AND t.oid = 'public.tenants'::pg_catalog.regclass;
  IF v_privileged AND p_privileged_session IS DISTINCT FROM session_user::text THEN
    RAISE EXCEPTION 'session user % bypasses row-level security (superuser, BYPASSRLS or table owner)', session_user
      USING ERRCODE = 'ST401',
            HINT = 'Connect as stocksync_service. Platform tools and tests that must use this role pass privilegedSession: '''
                   || session_user || '''.';
  END IF;
  IF p_user_id <> '' AND p_user_id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    RAISE EXCEPTION 'the actor''s user id is not a lowercase uuid' USING ERRCODE = '22023';
  END IF;
  IF p_user_role NOT IN ('', 'owner', 'admin', 'member', 'guest') THEN
    RAISE EXCEPTION 'the actor''s role is not one of owner, admin, member, guest' USING ERRCODE = '22023';
  END IF;
  IF p_ip <> '' AND p_ip::inet IS NULL THEN
    RAISE EXCEPTION 'the actor''s ip is not an address' USING ERRCODE = '22023';
  END IF;
  IF pg_catalog.length(p_user_agent) > 500 OR pg_catalog.length(p_request_id) > 200
     OR pg_catalog.strpos(p_user_agent || p_request_id || p_ip, E'\x1f') > 0 THEN
    RAISE EXCEPTION 'the actor''s user agent (500) or request id (200) is too long or holds a control character'
      USING ERRCODE = '22023';
  END IF;
  SELECT t.status, t.is_active INTO v_status, v_active FROM public.tenants t WHERE t.id = p_tenant_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
      USING ERRCODE = 'ST404', HINT = 'Check the tenant id or create the tenant first.';
  END IF;
  IF v_status <> 'active' OR NOT v_active THEN
    RAISE EXCEPTION 'tenant % is %', p_tenant_id, CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END
      USING ERRCODE = 'ST403', DETAIL = CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END,
            HINT = 'Reactivate the tenant before using it.';
  END IF;
  OPEN v_entered FOR SELECT;
  PERFORM pg_catalog.set_config('app.tenant_id', p_tenant_id::text, true),
          pg_catalog.set_config('app.user_id', p_user_id, true),
          pg_catalog.set_config('app.user_role', p_user_role, true),
          pg_catalog.set_config('app.ip', p_ip, true),
          pg_catalog.set_config('app.user_agent', p_user_agent, true),
          pg_catalog.set_config('app.request_id', p_request_id, true);
  SELECT k.inner_pad, k.outer_pad INTO v_inner, v_outer FROM stocksync_private.context_key k WHERE k.id = 1;
  v_payload := pg_catalog.concat_ws(E'\x1f', p_tenant_id::text, p_user_id, p_user_role, p_ip, p_user_agent,
                                    p_request_id, public.stocksync_ctx_binding());
  -- Returned too: a caller that must repeat the context as SET LOCAL literals (Citus workers) needs it.
  RETURN pg_catalog.set_config('app.ctx_sig', pg_catalog.encode(pg_catalog.sha256(v_outer || pg_catalog.sha256(
    v_inner || pg_catalog.convert_to(v_payload, 'UTF8'))), 'base64'), true);
END
$$;
--> statement-breakpoint
-- The owner reads every tenant row (the definer functions above and the resolver run as the owner, which
-- FORCE ROW LEVEL SECURITY would otherwise hold to the application role's policy).
DO $$
BEGIN
  EXECUTE pg_catalog.format('CREATE POLICY tenants_owner_read ON public.tenants AS PERMISSIVE FOR SELECT TO %s USING (true)',
    (SELECT c.relowner::regrole::text FROM pg_catalog.pg_class c WHERE c.oid = 'public.tenants'::regclass));
END
$$;
--> statement-breakpoint
DROP POLICY "tenants_tenant_isolation" ON "tenants";
--> statement-breakpoint
CREATE POLICY "tenants_select" ON "tenants" AS PERMISSIVE FOR SELECT TO stocksync_app USING (id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_audit_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_changes jsonb;
  v_tenant uuid;
  v_id text;
  v_verified boolean;
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
  -- A purge clears references (set-null triggers) before its rows go: nothing to audit for a gone tenant.
  IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = v_tenant) THEN
    RETURN NULL;
  END IF;
  v_id := coalesce(v_new, v_old) ->> 'id';
  -- The actor is recorded only from a verified context (the signature over every app.* setting holds
  -- now): a statement that rewrites app.user_id after its rows passed the policies signs in nobody's name.
  v_verified := public.stocksync_ctx_tenant() IS NOT NULL;
  INSERT INTO public.audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                                 request_id, changes, metadata, severity)
  VALUES (v_tenant, CASE WHEN v_verified THEN nullif(current_setting('app.user_id', true), '')::uuid END,
          TG_TABLE_NAME || '.' || lower(TG_OP), TG_TABLE_NAME, v_id,
          CASE WHEN v_verified THEN nullif(current_setting('app.ip', true), '')::inet END,
          CASE WHEN v_verified THEN left(coalesce(current_setting('app.user_agent', true), ''), 500) ELSE '' END,
          CASE WHEN v_verified THEN nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), '') END, v_changes,
          jsonb_build_object('source', 'trigger',
            'actor_role', CASE WHEN v_verified THEN nullif(current_setting('app.user_role', true), '') END,
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
  -- Only a verified context: the signature holds over the tenant and every actor setting read below.
  v_tenant uuid := public.stocksync_ctx_tenant();
  v_id uuid;
BEGIN
  IF v_tenant IS NULL THEN
    RAISE EXCEPTION 'an audit event needs a verified tenant context (none entered, or an app.* setting was changed)'
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
-- The restrictive role policies of 0018 and 0025 are replaced by the permissive per-command policies below.
DROP POLICY "addresses_role_insert" ON "addresses";
--> statement-breakpoint
DROP POLICY "addresses_role_update" ON "addresses";
--> statement-breakpoint
DROP POLICY "addresses_role_delete" ON "addresses";
--> statement-breakpoint
DROP POLICY "audit_logs_role_select" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_role_insert" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_role_update" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_logs_role_delete" ON "audit_logs";
--> statement-breakpoint
DROP POLICY "audit_reviews_role_insert" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_reviews_role_update" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "audit_reviews_role_delete" ON "audit_reviews";
--> statement-breakpoint
DROP POLICY "billing_order_items_role_insert" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_order_items_role_update" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_order_items_role_delete" ON "billing_order_items";
--> statement-breakpoint
DROP POLICY "billing_orders_role_insert" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_orders_role_update" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "billing_orders_role_delete" ON "billing_orders";
--> statement-breakpoint
DROP POLICY "boards_role_insert" ON "boards";
--> statement-breakpoint
DROP POLICY "boards_role_update" ON "boards";
--> statement-breakpoint
DROP POLICY "boards_role_delete" ON "boards";
--> statement-breakpoint
DROP POLICY "buyers_role_insert" ON "buyers";
--> statement-breakpoint
DROP POLICY "buyers_role_update" ON "buyers";
--> statement-breakpoint
DROP POLICY "buyers_role_delete" ON "buyers";
--> statement-breakpoint
DROP POLICY "cart_items_role_insert" ON "cart_items";
--> statement-breakpoint
DROP POLICY "cart_items_role_update" ON "cart_items";
--> statement-breakpoint
DROP POLICY "cart_items_role_delete" ON "cart_items";
--> statement-breakpoint
DROP POLICY "carts_role_insert" ON "carts";
--> statement-breakpoint
DROP POLICY "carts_role_update" ON "carts";
--> statement-breakpoint
DROP POLICY "carts_role_delete" ON "carts";
--> statement-breakpoint
DROP POLICY "communications_role_insert" ON "communications";
--> statement-breakpoint
DROP POLICY "communications_role_update" ON "communications";
--> statement-breakpoint
DROP POLICY "communications_role_delete" ON "communications";
--> statement-breakpoint
DROP POLICY "compliance_reports_role_insert" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "compliance_reports_role_update" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "compliance_reports_role_delete" ON "compliance_reports";
--> statement-breakpoint
DROP POLICY "contents_role_insert" ON "contents";
--> statement-breakpoint
DROP POLICY "contents_role_update" ON "contents";
--> statement-breakpoint
DROP POLICY "contents_role_delete" ON "contents";
--> statement-breakpoint
DROP POLICY "document_activities_role_insert" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_activities_role_update" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_activities_role_delete" ON "document_activities";
--> statement-breakpoint
DROP POLICY "document_permissions_role_insert" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_permissions_role_update" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_permissions_role_delete" ON "document_permissions";
--> statement-breakpoint
DROP POLICY "document_shares_role_insert" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_shares_role_update" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_shares_role_delete" ON "document_shares";
--> statement-breakpoint
DROP POLICY "document_versions_role_insert" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_versions_role_update" ON "document_versions";
--> statement-breakpoint
DROP POLICY "document_versions_role_delete" ON "document_versions";
--> statement-breakpoint
DROP POLICY "documents_role_insert" ON "documents";
--> statement-breakpoint
DROP POLICY "documents_role_update" ON "documents";
--> statement-breakpoint
DROP POLICY "documents_role_delete" ON "documents";
--> statement-breakpoint
DROP POLICY "drivers_role_insert" ON "drivers";
--> statement-breakpoint
DROP POLICY "drivers_role_update" ON "drivers";
--> statement-breakpoint
DROP POLICY "drivers_role_delete" ON "drivers";
--> statement-breakpoint
DROP POLICY "email_addresses_role_insert" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "email_addresses_role_update" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "email_addresses_role_delete" ON "email_addresses";
--> statement-breakpoint
DROP POLICY "entitlements_role_insert" ON "entitlements";
--> statement-breakpoint
DROP POLICY "entitlements_role_update" ON "entitlements";
--> statement-breakpoint
DROP POLICY "entitlements_role_delete" ON "entitlements";
--> statement-breakpoint
DROP POLICY "folders_role_insert" ON "folders";
--> statement-breakpoint
DROP POLICY "folders_role_update" ON "folders";
--> statement-breakpoint
DROP POLICY "folders_role_delete" ON "folders";
--> statement-breakpoint
DROP POLICY "gitea_organizations_role_insert" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "gitea_organizations_role_update" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "gitea_organizations_role_delete" ON "gitea_organizations";
--> statement-breakpoint
DROP POLICY "inventory_locations_role_insert" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_locations_role_update" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_locations_role_delete" ON "inventory_locations";
--> statement-breakpoint
DROP POLICY "inventory_order_items_role_insert" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_order_items_role_update" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_order_items_role_delete" ON "inventory_order_items";
--> statement-breakpoint
DROP POLICY "inventory_orders_role_insert" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_orders_role_update" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_orders_role_delete" ON "inventory_orders";
--> statement-breakpoint
DROP POLICY "inventory_products_role_insert" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_products_role_update" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "inventory_products_role_delete" ON "inventory_products";
--> statement-breakpoint
DROP POLICY "invoices_role_insert" ON "invoices";
--> statement-breakpoint
DROP POLICY "invoices_role_update" ON "invoices";
--> statement-breakpoint
DROP POLICY "invoices_role_delete" ON "invoices";
--> statement-breakpoint
DROP POLICY "license_sessions_role_insert" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "license_sessions_role_update" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "license_sessions_role_delete" ON "license_sessions";
--> statement-breakpoint
DROP POLICY "licenses_role_insert" ON "licenses";
--> statement-breakpoint
DROP POLICY "licenses_role_update" ON "licenses";
--> statement-breakpoint
DROP POLICY "licenses_role_delete" ON "licenses";
--> statement-breakpoint
DROP POLICY "memberships_role_insert" ON "memberships";
--> statement-breakpoint
DROP POLICY "memberships_role_update" ON "memberships";
--> statement-breakpoint
DROP POLICY "memberships_role_delete" ON "memberships";
--> statement-breakpoint
DROP POLICY "milestones_role_insert" ON "milestones";
--> statement-breakpoint
DROP POLICY "milestones_role_update" ON "milestones";
--> statement-breakpoint
DROP POLICY "milestones_role_delete" ON "milestones";
--> statement-breakpoint
DROP POLICY "notifications_role_insert" ON "notifications";
--> statement-breakpoint
DROP POLICY "notifications_role_update" ON "notifications";
--> statement-breakpoint
DROP POLICY "notifications_role_delete" ON "notifications";
--> statement-breakpoint
DROP POLICY "payments_role_insert" ON "payments";
--> statement-breakpoint
DROP POLICY "payments_role_update" ON "payments";
--> statement-breakpoint
DROP POLICY "payments_role_delete" ON "payments";
--> statement-breakpoint
DROP POLICY "phone_numbers_role_insert" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "phone_numbers_role_update" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "phone_numbers_role_delete" ON "phone_numbers";
--> statement-breakpoint
DROP POLICY "projects_role_insert" ON "projects";
--> statement-breakpoint
DROP POLICY "projects_role_update" ON "projects";
--> statement-breakpoint
DROP POLICY "projects_role_delete" ON "projects";
--> statement-breakpoint
DROP POLICY "refunds_role_insert" ON "refunds";
--> statement-breakpoint
DROP POLICY "refunds_role_update" ON "refunds";
--> statement-breakpoint
DROP POLICY "refunds_role_delete" ON "refunds";
--> statement-breakpoint
DROP POLICY "sessions_role_insert" ON "sessions";
--> statement-breakpoint
DROP POLICY "sessions_role_update" ON "sessions";
--> statement-breakpoint
DROP POLICY "sessions_role_delete" ON "sessions";
--> statement-breakpoint
DROP POLICY "sprints_role_insert" ON "sprints";
--> statement-breakpoint
DROP POLICY "sprints_role_update" ON "sprints";
--> statement-breakpoint
DROP POLICY "sprints_role_delete" ON "sprints";
--> statement-breakpoint
DROP POLICY "stock_levels_role_insert" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_levels_role_update" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_levels_role_delete" ON "stock_levels";
--> statement-breakpoint
DROP POLICY "stock_movements_role_insert" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_movements_role_update" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "stock_movements_role_delete" ON "stock_movements";
--> statement-breakpoint
DROP POLICY "subscriptions_role_insert" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "subscriptions_role_update" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "subscriptions_role_delete" ON "subscriptions";
--> statement-breakpoint
DROP POLICY "suppliers_role_insert" ON "suppliers";
--> statement-breakpoint
DROP POLICY "suppliers_role_update" ON "suppliers";
--> statement-breakpoint
DROP POLICY "suppliers_role_delete" ON "suppliers";
--> statement-breakpoint
DROP POLICY "task_activities_role_insert" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_activities_role_update" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_activities_role_delete" ON "task_activities";
--> statement-breakpoint
DROP POLICY "task_attachments_role_insert" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_attachments_role_update" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_attachments_role_delete" ON "task_attachments";
--> statement-breakpoint
DROP POLICY "task_comments_role_insert" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_comments_role_update" ON "task_comments";
--> statement-breakpoint
DROP POLICY "task_comments_role_delete" ON "task_comments";
--> statement-breakpoint
DROP POLICY "tasks_role_insert" ON "tasks";
--> statement-breakpoint
DROP POLICY "tasks_role_update" ON "tasks";
--> statement-breakpoint
DROP POLICY "tasks_role_delete" ON "tasks";
--> statement-breakpoint
DROP POLICY "team_members_role_insert" ON "team_members";
--> statement-breakpoint
DROP POLICY "team_members_role_update" ON "team_members";
--> statement-breakpoint
DROP POLICY "team_members_role_delete" ON "team_members";
--> statement-breakpoint
DROP POLICY "teams_role_insert" ON "teams";
--> statement-breakpoint
DROP POLICY "teams_role_update" ON "teams";
--> statement-breakpoint
DROP POLICY "teams_role_delete" ON "teams";
--> statement-breakpoint
DROP POLICY "tenant_domains_role_insert" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_domains_role_update" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_domains_role_delete" ON "tenant_domains";
--> statement-breakpoint
DROP POLICY "tenant_settings_role_select" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_role_insert" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_role_update" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "tenant_settings_role_delete" ON "tenant_settings";
--> statement-breakpoint
DROP POLICY "users_role_insert" ON "users";
--> statement-breakpoint
DROP POLICY "users_role_update" ON "users";
--> statement-breakpoint
DROP POLICY "users_role_delete" ON "users";
--> statement-breakpoint
DROP POLICY "workflow_approvals_role_insert" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_approvals_role_update" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_approvals_role_delete" ON "workflow_approvals";
--> statement-breakpoint
DROP POLICY "workflow_executions_role_insert" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_executions_role_update" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_executions_role_delete" ON "workflow_executions";
--> statement-breakpoint
DROP POLICY "workflow_steps_role_insert" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_steps_role_update" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflow_steps_role_delete" ON "workflow_steps";
--> statement-breakpoint
DROP POLICY "workflows_role_insert" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflows_role_update" ON "workflows";
--> statement-breakpoint
DROP POLICY "workflows_role_delete" ON "workflows";
--> statement-breakpoint
DROP POLICY "workstation_assignments_role_insert" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_assignments_role_update" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_assignments_role_delete" ON "workstation_assignments";
--> statement-breakpoint
DROP POLICY "workstation_metrics_role_insert" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_metrics_role_update" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_metrics_role_delete" ON "workstation_metrics";
--> statement-breakpoint
DROP POLICY "workstation_sessions_role_insert" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_sessions_role_update" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstation_sessions_role_delete" ON "workstation_sessions";
--> statement-breakpoint
DROP POLICY "workstations_role_insert" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstations_role_update" ON "workstations";
--> statement-breakpoint
DROP POLICY "workstations_role_delete" ON "workstations";
--> statement-breakpoint
-- Generated by drizzle-kit from the schema (tenantPolicies in src/schema/_access.ts).
DROP POLICY "addresses_tenant_isolation" ON "addresses" CASCADE;
--> statement-breakpoint
DROP POLICY "billing_order_items_tenant_isolation" ON "billing_order_items" CASCADE;
--> statement-breakpoint
DROP POLICY "billing_orders_tenant_isolation" ON "billing_orders" CASCADE;
--> statement-breakpoint
DROP POLICY "buyers_tenant_isolation" ON "buyers" CASCADE;
--> statement-breakpoint
DROP POLICY "cart_items_tenant_isolation" ON "cart_items" CASCADE;
--> statement-breakpoint
DROP POLICY "carts_tenant_isolation" ON "carts" CASCADE;
--> statement-breakpoint
DROP POLICY "communications_tenant_isolation" ON "communications" CASCADE;
--> statement-breakpoint
DROP POLICY "drivers_tenant_isolation" ON "drivers" CASCADE;
--> statement-breakpoint
DROP POLICY "email_addresses_tenant_isolation" ON "email_addresses" CASCADE;
--> statement-breakpoint
DROP POLICY "entitlements_tenant_isolation" ON "entitlements" CASCADE;
--> statement-breakpoint
DROP POLICY "inventory_locations_tenant_isolation" ON "inventory_locations" CASCADE;
--> statement-breakpoint
DROP POLICY "inventory_order_items_tenant_isolation" ON "inventory_order_items" CASCADE;
--> statement-breakpoint
DROP POLICY "inventory_orders_tenant_isolation" ON "inventory_orders" CASCADE;
--> statement-breakpoint
DROP POLICY "inventory_products_tenant_isolation" ON "inventory_products" CASCADE;
--> statement-breakpoint
DROP POLICY "invoices_tenant_isolation" ON "invoices" CASCADE;
--> statement-breakpoint
DROP POLICY "license_sessions_tenant_isolation" ON "license_sessions" CASCADE;
--> statement-breakpoint
DROP POLICY "licenses_tenant_isolation" ON "licenses" CASCADE;
--> statement-breakpoint
DROP POLICY "notifications_tenant_isolation" ON "notifications" CASCADE;
--> statement-breakpoint
DROP POLICY "payments_tenant_isolation" ON "payments" CASCADE;
--> statement-breakpoint
DROP POLICY "phone_numbers_tenant_isolation" ON "phone_numbers" CASCADE;
--> statement-breakpoint
DROP POLICY "refunds_tenant_isolation" ON "refunds" CASCADE;
--> statement-breakpoint
DROP POLICY "stock_levels_tenant_isolation" ON "stock_levels" CASCADE;
--> statement-breakpoint
DROP POLICY "stock_movements_tenant_isolation" ON "stock_movements" CASCADE;
--> statement-breakpoint
DROP POLICY "subscriptions_tenant_isolation" ON "subscriptions" CASCADE;
--> statement-breakpoint
DROP POLICY "suppliers_tenant_isolation" ON "suppliers" CASCADE;
--> statement-breakpoint
DROP POLICY "tenant_domains_tenant_isolation" ON "tenant_domains" CASCADE;
--> statement-breakpoint
DROP POLICY "tenant_settings_tenant_isolation" ON "tenant_settings" CASCADE;
--> statement-breakpoint
DROP POLICY "memberships_tenant_isolation" ON "memberships" CASCADE;
--> statement-breakpoint
DROP POLICY "sessions_tenant_isolation" ON "sessions" CASCADE;
--> statement-breakpoint
DROP POLICY "team_members_tenant_isolation" ON "team_members" CASCADE;
--> statement-breakpoint
DROP POLICY "teams_tenant_isolation" ON "teams" CASCADE;
--> statement-breakpoint
DROP POLICY "users_tenant_isolation" ON "users" CASCADE;
--> statement-breakpoint
DROP POLICY "boards_tenant_isolation" ON "boards" CASCADE;
--> statement-breakpoint
DROP POLICY "milestones_tenant_isolation" ON "milestones" CASCADE;
--> statement-breakpoint
DROP POLICY "projects_tenant_isolation" ON "projects" CASCADE;
--> statement-breakpoint
DROP POLICY "sprints_tenant_isolation" ON "sprints" CASCADE;
--> statement-breakpoint
DROP POLICY "task_activities_tenant_isolation" ON "task_activities" CASCADE;
--> statement-breakpoint
DROP POLICY "task_attachments_tenant_isolation" ON "task_attachments" CASCADE;
--> statement-breakpoint
DROP POLICY "task_comments_tenant_isolation" ON "task_comments" CASCADE;
--> statement-breakpoint
DROP POLICY "tasks_tenant_isolation" ON "tasks" CASCADE;
--> statement-breakpoint
DROP POLICY "document_activities_tenant_isolation" ON "document_activities" CASCADE;
--> statement-breakpoint
DROP POLICY "document_permissions_tenant_isolation" ON "document_permissions" CASCADE;
--> statement-breakpoint
DROP POLICY "document_shares_tenant_isolation" ON "document_shares" CASCADE;
--> statement-breakpoint
DROP POLICY "document_versions_tenant_isolation" ON "document_versions" CASCADE;
--> statement-breakpoint
DROP POLICY "documents_tenant_isolation" ON "documents" CASCADE;
--> statement-breakpoint
DROP POLICY "folders_tenant_isolation" ON "folders" CASCADE;
--> statement-breakpoint
DROP POLICY "workflow_approvals_tenant_isolation" ON "workflow_approvals" CASCADE;
--> statement-breakpoint
DROP POLICY "workflow_executions_tenant_isolation" ON "workflow_executions" CASCADE;
--> statement-breakpoint
DROP POLICY "workflow_steps_tenant_isolation" ON "workflow_steps" CASCADE;
--> statement-breakpoint
DROP POLICY "workflows_tenant_isolation" ON "workflows" CASCADE;
--> statement-breakpoint
DROP POLICY "audit_logs_tenant_isolation" ON "audit_logs" CASCADE;
--> statement-breakpoint
DROP POLICY "audit_reviews_tenant_isolation" ON "audit_reviews" CASCADE;
--> statement-breakpoint
DROP POLICY "compliance_reports_tenant_isolation" ON "compliance_reports" CASCADE;
--> statement-breakpoint
DROP POLICY "contents_tenant_isolation" ON "contents" CASCADE;
--> statement-breakpoint
DROP POLICY "gitea_organizations_tenant_isolation" ON "gitea_organizations" CASCADE;
--> statement-breakpoint
DROP POLICY "workstation_assignments_tenant_isolation" ON "workstation_assignments" CASCADE;
--> statement-breakpoint
DROP POLICY "workstation_metrics_tenant_isolation" ON "workstation_metrics" CASCADE;
--> statement-breakpoint
DROP POLICY "workstation_sessions_tenant_isolation" ON "workstation_sessions" CASCADE;
--> statement-breakpoint
DROP POLICY "workstations_tenant_isolation" ON "workstations" CASCADE;
--> statement-breakpoint
CREATE POLICY "addresses_select" ON "addresses" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "addresses_insert" ON "addresses" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "addresses_update" ON "addresses" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "addresses_delete" ON "addresses" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_order_items_select" ON "billing_order_items" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "billing_order_items_insert" ON "billing_order_items" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_order_items_update" ON "billing_order_items" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_order_items_delete" ON "billing_order_items" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_orders_select" ON "billing_orders" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "billing_orders_insert" ON "billing_orders" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_orders_update" ON "billing_orders" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "billing_orders_delete" ON "billing_orders" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "buyers_select" ON "buyers" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "buyers_insert" ON "buyers" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "buyers_update" ON "buyers" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "buyers_delete" ON "buyers" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "cart_items_select" ON "cart_items" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "cart_items_insert" ON "cart_items" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "cart_items_update" ON "cart_items" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "cart_items_delete" ON "cart_items" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "carts_select" ON "carts" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "carts_insert" ON "carts" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "carts_update" ON "carts" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "carts_delete" ON "carts" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "communications_select" ON "communications" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "communications_insert" ON "communications" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "communications_update" ON "communications" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "communications_delete" ON "communications" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "drivers_select" ON "drivers" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "drivers_insert" ON "drivers" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "drivers_update" ON "drivers" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "drivers_delete" ON "drivers" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "email_addresses_select" ON "email_addresses" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "email_addresses_insert" ON "email_addresses" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "email_addresses_update" ON "email_addresses" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "email_addresses_delete" ON "email_addresses" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "entitlements_select" ON "entitlements" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "entitlements_insert" ON "entitlements" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "entitlements_update" ON "entitlements" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "entitlements_delete" ON "entitlements" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_locations_select" ON "inventory_locations" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_locations_insert" ON "inventory_locations" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_locations_update" ON "inventory_locations" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_locations_delete" ON "inventory_locations" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_order_items_select" ON "inventory_order_items" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_order_items_insert" ON "inventory_order_items" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_order_items_update" ON "inventory_order_items" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_order_items_delete" ON "inventory_order_items" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_orders_select" ON "inventory_orders" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_orders_insert" ON "inventory_orders" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_orders_update" ON "inventory_orders" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_orders_delete" ON "inventory_orders" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_products_select" ON "inventory_products" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_products_insert" ON "inventory_products" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_products_update" ON "inventory_products" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "inventory_products_delete" ON "inventory_products" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "invoices_select" ON "invoices" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "invoices_insert" ON "invoices" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "invoices_update" ON "invoices" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "invoices_delete" ON "invoices" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "license_sessions_select" ON "license_sessions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "license_sessions_insert" ON "license_sessions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "license_sessions_update" ON "license_sessions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "license_sessions_delete" ON "license_sessions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "licenses_select" ON "licenses" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "licenses_insert" ON "licenses" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "licenses_update" ON "licenses" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "licenses_delete" ON "licenses" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "notifications_select" ON "notifications" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "notifications_insert" ON "notifications" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "notifications_update" ON "notifications" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "notifications_delete" ON "notifications" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "payments_select" ON "payments" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "payments_insert" ON "payments" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "payments_update" ON "payments" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "payments_delete" ON "payments" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "phone_numbers_select" ON "phone_numbers" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "phone_numbers_insert" ON "phone_numbers" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "phone_numbers_update" ON "phone_numbers" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "phone_numbers_delete" ON "phone_numbers" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "refunds_select" ON "refunds" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "refunds_insert" ON "refunds" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "refunds_update" ON "refunds" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "refunds_delete" ON "refunds" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_levels_select" ON "stock_levels" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "stock_levels_insert" ON "stock_levels" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_levels_update" ON "stock_levels" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_levels_delete" ON "stock_levels" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_movements_select" ON "stock_movements" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "stock_movements_insert" ON "stock_movements" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_movements_update" ON "stock_movements" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "stock_movements_delete" ON "stock_movements" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "subscriptions_select" ON "subscriptions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "subscriptions_insert" ON "subscriptions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "subscriptions_update" ON "subscriptions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "subscriptions_delete" ON "subscriptions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "suppliers_select" ON "suppliers" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "suppliers_insert" ON "suppliers" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "suppliers_update" ON "suppliers" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "suppliers_delete" ON "suppliers" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_domains_select" ON "tenant_domains" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_domains_insert" ON "tenant_domains" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_domains_update" ON "tenant_domains" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_domains_delete" ON "tenant_domains" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_settings_select" ON "tenant_settings" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_admin_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_settings_insert" ON "tenant_settings" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_admin_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_settings_update" ON "tenant_settings" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_admin_tenant()) WITH CHECK (tenant_id = stocksync_ctx_admin_tenant());
--> statement-breakpoint
CREATE POLICY "tenant_settings_delete" ON "tenant_settings" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_admin_tenant());
--> statement-breakpoint
CREATE POLICY "memberships_select" ON "memberships" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "memberships_insert" ON "memberships" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "memberships_update" ON "memberships" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "memberships_delete" ON "memberships" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sessions_select" ON "sessions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "sessions_insert" ON "sessions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sessions_update" ON "sessions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sessions_delete" ON "sessions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "team_members_select" ON "team_members" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "team_members_insert" ON "team_members" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "team_members_update" ON "team_members" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "team_members_delete" ON "team_members" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "teams_select" ON "teams" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "teams_insert" ON "teams" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "teams_update" ON "teams" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "teams_delete" ON "teams" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "users_select" ON "users" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "users_insert" ON "users" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "users_update" ON "users" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "users_delete" ON "users" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "boards_select" ON "boards" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "boards_insert" ON "boards" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "boards_update" ON "boards" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "boards_delete" ON "boards" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "milestones_select" ON "milestones" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "milestones_insert" ON "milestones" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "milestones_update" ON "milestones" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "milestones_delete" ON "milestones" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "projects_select" ON "projects" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "projects_insert" ON "projects" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "projects_update" ON "projects" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "projects_delete" ON "projects" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sprints_select" ON "sprints" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "sprints_insert" ON "sprints" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sprints_update" ON "sprints" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "sprints_delete" ON "sprints" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_activities_select" ON "task_activities" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "task_activities_insert" ON "task_activities" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_activities_update" ON "task_activities" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_activities_delete" ON "task_activities" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_attachments_select" ON "task_attachments" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "task_attachments_insert" ON "task_attachments" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_attachments_update" ON "task_attachments" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_attachments_delete" ON "task_attachments" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_comments_select" ON "task_comments" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "task_comments_insert" ON "task_comments" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_comments_update" ON "task_comments" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "task_comments_delete" ON "task_comments" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tasks_select" ON "tasks" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "tasks_insert" ON "tasks" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tasks_update" ON "tasks" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "tasks_delete" ON "tasks" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_activities_select" ON "document_activities" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "document_activities_insert" ON "document_activities" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_activities_update" ON "document_activities" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_activities_delete" ON "document_activities" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_permissions_select" ON "document_permissions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "document_permissions_insert" ON "document_permissions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_permissions_update" ON "document_permissions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_permissions_delete" ON "document_permissions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_shares_select" ON "document_shares" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "document_shares_insert" ON "document_shares" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_shares_update" ON "document_shares" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_shares_delete" ON "document_shares" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_versions_select" ON "document_versions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "document_versions_insert" ON "document_versions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_versions_update" ON "document_versions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "document_versions_delete" ON "document_versions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "documents_select" ON "documents" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "documents_insert" ON "documents" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "documents_update" ON "documents" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "documents_delete" ON "documents" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "folders_select" ON "folders" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "folders_insert" ON "folders" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "folders_update" ON "folders" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "folders_delete" ON "folders" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_approvals_select" ON "workflow_approvals" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_approvals_insert" ON "workflow_approvals" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_approvals_update" ON "workflow_approvals" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_approvals_delete" ON "workflow_approvals" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_executions_select" ON "workflow_executions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_executions_insert" ON "workflow_executions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_executions_update" ON "workflow_executions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_executions_delete" ON "workflow_executions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_steps_select" ON "workflow_steps" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_steps_insert" ON "workflow_steps" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_steps_update" ON "workflow_steps" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflow_steps_delete" ON "workflow_steps" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflows_select" ON "workflows" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workflows_insert" ON "workflows" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflows_update" ON "workflows" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workflows_delete" ON "workflows" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "audit_logs_select" ON "audit_logs" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_admin_tenant());
--> statement-breakpoint
CREATE POLICY "audit_logs_insert" ON "audit_logs" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "audit_logs_update" ON "audit_logs" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant()) WITH CHECK (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "audit_logs_delete" ON "audit_logs" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "audit_reviews_select" ON "audit_reviews" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "audit_reviews_insert" ON "audit_reviews" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "audit_reviews_update" ON "audit_reviews" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "audit_reviews_delete" ON "audit_reviews" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "compliance_reports_select" ON "compliance_reports" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "compliance_reports_insert" ON "compliance_reports" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "compliance_reports_update" ON "compliance_reports" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "compliance_reports_delete" ON "compliance_reports" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "contents_select" ON "contents" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "contents_insert" ON "contents" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "contents_update" ON "contents" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "contents_delete" ON "contents" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "gitea_organizations_select" ON "gitea_organizations" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "gitea_organizations_insert" ON "gitea_organizations" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "gitea_organizations_update" ON "gitea_organizations" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "gitea_organizations_delete" ON "gitea_organizations" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_assignments_select" ON "workstation_assignments" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_assignments_insert" ON "workstation_assignments" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_assignments_update" ON "workstation_assignments" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_assignments_delete" ON "workstation_assignments" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_metrics_select" ON "workstation_metrics" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_metrics_insert" ON "workstation_metrics" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_metrics_update" ON "workstation_metrics" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_metrics_delete" ON "workstation_metrics" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_sessions_select" ON "workstation_sessions" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_sessions_insert" ON "workstation_sessions" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_sessions_update" ON "workstation_sessions" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstation_sessions_delete" ON "workstation_sessions" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstations_select" ON "workstations" AS PERMISSIVE FOR SELECT TO "stocksync_app" USING (tenant_id = stocksync_ctx_tenant());
--> statement-breakpoint
CREATE POLICY "workstations_insert" ON "workstations" AS PERMISSIVE FOR INSERT TO "stocksync_app" WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstations_update" ON "workstations" AS PERMISSIVE FOR UPDATE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant()) WITH CHECK (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
CREATE POLICY "workstations_delete" ON "workstations" AS PERMISSIVE FOR DELETE TO "stocksync_app" USING (tenant_id = stocksync_ctx_writer_tenant());
--> statement-breakpoint
-- The purge guard must see the tenant row whatever the caller's context (0027): as the owner, fully qualified.
CREATE OR REPLACE FUNCTION stocksync_tenant_purging(p_tenant_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RETURN NOT EXISTS (SELECT 1 FROM public.tenants WHERE id = p_tenant_id);
END
$$;
--> statement-breakpoint
-- A purge deletes the tenant row first and its rows by cascade: clearing references of a tenant being
-- purged would write rows whose tenant is gone (the cascade removes them anyway).
CREATE OR REPLACE FUNCTION stocksync_set_null_reference() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF public.stocksync_tenant_purging(OLD.tenant_id) THEN
    RETURN OLD;
  END IF;
  EXECUTE format('UPDATE %I SET %I = NULL WHERE tenant_id = $1 AND %I = $2', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1])
    USING OLD.tenant_id, OLD.id;
  RETURN OLD;
END
$$;
