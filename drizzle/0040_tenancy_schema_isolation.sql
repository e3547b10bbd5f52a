-- 0040_tenancy_schema_isolation: a tenant's isolation is `shared` (rows in the public tables under RLS) or
-- `schema` (its own schema tenant_<id hex> holding the same tenant tables, created and migrated by
-- @stocksync/db/tenant-schemas from the public tables as the template).
-- * tenants.isolation, and stocksync_tenant_schema(id): the schema's name.
-- * tenants.moving_to, set while `stocksync-db tenant move` moves the tenant; the move holds an advisory lock
--   whose key (stocksync_private.tenant_move_lock_key) is salted with the migration lock's owner-only salt.
-- * stocksync_enter_tenant(): waits for a move of the tenant to end; for a schema tenant, sets a
--   transaction-local search_path with the tenant's schema first, so the same unqualified statements (the
--   scoped builder, operations, raw SQL) reach its tables. Unchanged otherwise.
-- The CHECKs name their columns unqualified (drizzle-kit writes "tenants"."isolation"): Citus runs them on
-- the shards of the reference table, whose name differs, and refuses the qualified form there.
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "isolation" varchar(20) DEFAULT 'shared' NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "moving_to" varchar(20);--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_isolation_check" CHECK ("isolation" in ('shared', 'schema'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_moving_to_check" CHECK ("moving_to" in ('shared', 'schema'));
--> statement-breakpoint
CREATE FUNCTION stocksync_tenant_schema(p_tenant_id uuid) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 'tenant_' || pg_catalog.replace(p_tenant_id::text, '-', '') $$;
--> statement-breakpoint
CREATE FUNCTION stocksync_private.tenant_move_lock_key(p_tenant_id uuid) RETURNS bigint
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT pg_catalog.hashtextextended('stocksync-tenant-move:' || l.salt || ':' || p_tenant_id::text, 0)
    FROM stocksync_private.migration_lock l LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stocksync_private.tenant_move_lock_key(uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_enter_tenant(p_tenant_id uuid, p_user_id text, p_user_role text, p_ip text,
  p_user_agent text, p_request_id text, p_privileged_session text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$
DECLARE
  v_entered refcursor := 'stocksync_tenant_context';
  v_status text;
  v_active boolean;
  v_isolation text;
  v_moving text;
  v_privileged boolean;
  v_inner bytea;
  v_outer bytea;
  v_payload text;
  v_sig text;
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
  SELECT t.status, t.is_active, t.isolation, t.moving_to INTO v_status, v_active, v_isolation, v_moving
    FROM public.tenants t WHERE t.id = p_tenant_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
      USING ERRCODE = 'ST404', HINT = 'Check the tenant id or create the tenant first.';
  END IF;
  IF v_moving IS NOT NULL THEN
    -- The tenant is being moved (stocksync-db tenant move): wait until the move commits or fails (it holds
    -- this lock), then read where the tenant is now. A snapshot taken before the wait cannot see that.
    PERFORM pg_catalog.pg_advisory_xact_lock_shared(stocksync_private.tenant_move_lock_key(p_tenant_id));
    IF pg_catalog.current_setting('transaction_isolation') <> 'read committed' THEN
      RAISE EXCEPTION 'tenant % was being moved when this transaction began', p_tenant_id
        USING ERRCODE = '40001', HINT = 'Retry the transaction: the move has ended.';
    END IF;
    SELECT t.status, t.is_active, t.isolation INTO v_status, v_active, v_isolation FROM public.tenants t WHERE t.id = p_tenant_id;
  END IF;
  IF v_status <> 'active' OR NOT v_active THEN
    RAISE EXCEPTION 'tenant % is %', p_tenant_id, CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END
      USING ERRCODE = 'ST403', DETAIL = CASE WHEN v_status <> 'active' THEN v_status ELSE 'inactive' END,
            HINT = 'Reactivate the tenant before using it.';
  END IF;
  OPEN v_entered FOR SELECT;
  -- A schema tenant's tables come first for the rest of the transaction (never session-level: a pooled
  -- connection serves the next transaction as it was). Its tables carry the same policies, so a statement
  -- that names another schema, or resets the path, still reads only this tenant's rows.
  IF v_isolation = 'schema' THEN
    PERFORM pg_catalog.set_config('search_path', public.stocksync_tenant_schema(p_tenant_id) || ', public', true);
  END IF;
  PERFORM pg_catalog.set_config('app.tenant_id', p_tenant_id::text, true),
          pg_catalog.set_config('app.user_id', p_user_id, true),
          pg_catalog.set_config('app.user_role', p_user_role, true),
          pg_catalog.set_config('app.ip', p_ip, true),
          pg_catalog.set_config('app.user_agent', p_user_agent, true),
          pg_catalog.set_config('app.request_id', p_request_id, true);
  SELECT k.inner_pad, k.outer_pad INTO v_inner, v_outer FROM stocksync_private.context_key k WHERE k.id = 1;
  v_payload := pg_catalog.concat_ws(E'\x1f', p_tenant_id::text, p_user_id, p_user_role, p_ip, p_user_agent,
                                    p_request_id, public.stocksync_ctx_binding());
  v_sig := pg_catalog.set_config('app.ctx_sig', pg_catalog.encode(pg_catalog.sha256(v_outer || pg_catalog.sha256(
    v_inner || pg_catalog.convert_to(v_payload, 'UTF8'))), 'base64'), true);
  -- On Citus the settings must also be SET LOCAL to reach the workers (a no-op on plain Postgres).
  PERFORM public.stocksync_ctx_publish();
  RETURN v_sig;
END
$$;
