-- 0028_tenancy_audit_definer_rules: the audit trigger function becomes SECURITY DEFINER (owned by the migrating role,
-- fixed search_path, actor read only from the app.* settings), so audit rows are written whoever fires
-- the trigger; application events go through stocksync_audit_event(); the application role loses INSERT on
-- audit_logs, so a request cannot forge entries. Function texts: src/tenancy/audit.ts.
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
REVOKE ALL ON FUNCTION stocksync_audit_event(text, text, text, jsonb, jsonb, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION stocksync_audit_event(text, text, text, jsonb, jsonb, text) TO stocksync_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "audit_logs" FROM stocksync_app;
