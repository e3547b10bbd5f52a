-- Reverts 0028_tenancy_audit_definer_rules.
GRANT INSERT ON "audit_logs" TO stocksync_app;
--> statement-breakpoint
DROP FUNCTION IF EXISTS stocksync_audit_event(text, text, text, jsonb, jsonb, text);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_audit_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_ip inet := nullif(current_setting('app.ip', true), '')::inet;
  v_agent text := left(coalesce(current_setting('app.user_agent', true), ''), 500);
  v_request text := nullif(left(coalesce(current_setting('app.request_id', true), ''), 100), '');
  v_meta jsonb := jsonb_build_object('source', 'trigger',
    'actor_role', nullif(current_setting('app.user_role', true), ''), 'db_role', current_user::text);
  v_action text := TG_TABLE_NAME || '.' || lower(TG_OP);
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                            request_id, changes, metadata, severity)
    SELECT n.tenant_id, v_user, v_action, TG_TABLE_NAME, n.id::text, v_ip, v_agent, v_request,
           jsonb_build_object('before', '{}'::jsonb, 'after', to_jsonb(n)), v_meta, 'info'
      FROM audit_new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
                            request_id, changes, metadata, severity)
    SELECT o.tenant_id, v_user, v_action, TG_TABLE_NAME, o.id::text, v_ip, v_agent, v_request,
           jsonb_build_object('before', to_jsonb(o), 'after', '{}'::jsonb), v_meta, 'warning'
      FROM audit_old_rows o
     WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = o.tenant_id);
  ELSE
    INSERT INTO audit_logs (tenant_id, user_id, action, resource_type, resource_id, ip_address, user_agent,
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
