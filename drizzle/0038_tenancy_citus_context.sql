-- 0038_tenancy_citus_context: the signed tenant context holds on a Citus cluster through the coordinator (issue 16).
-- * stocksync_ctx_citus_binding(): the distributed transaction (initiator node, transaction number, start
--   stamp) that the coordinator assigns at the first access to a Citus table in a transaction block (the
--   read of the reference table tenants in stocksync_enter_tenant) and hands to every worker it opens a
--   transaction on: equal on every node of one distributed transaction, different in the next one.
--   stocksync_private.bind_context_to_citus() makes stocksync_ctx_binding() return it on every node
--   (this migration on a Citus coordinator with workers, and `stocksync-db citus distribute`); plain
--   Postgres keeps the backend and now().
-- * stocksync_ctx_publish(), called last by stocksync_enter_tenant(): on Citus it repeats the app.* settings
--   and the signature as SET LOCAL, which the coordinator replays on every worker connection of the
--   transaction (set_config never leaves its node); without Citus it returns at once.
-- * The key stays in an owner-only table local to each node (a policy function on a shard cannot read a
--   reference table): stocksync_private.copy_context_key_to_workers() copies the coordinator's key, and
--   rotate_context_key() calls it.
--> statement-breakpoint
CREATE FUNCTION stocksync_ctx_citus_binding() RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  v_node integer;
  v_number bigint;
  v_stamp timestamptz;
BEGIN
  SELECT t.initiator_node_identifier, t.transaction_number, t.transaction_stamp INTO v_node, v_number, v_stamp
    FROM pg_catalog.get_current_transaction_id() t;
  IF v_number IS NULL OR v_number = 0 THEN
    -- No distributed transaction yet: bound to this backend and transaction, as on plain Postgres (a worker
    -- never sees this value for a coordinator's signature, so the context fails closed there).
    RETURN pg_catalog.pg_backend_pid()::text || '/' || pg_catalog.now()::text;
  END IF;
  -- The stamp as microseconds since the epoch: its text form would depend on each session's TimeZone.
  RETURN 'citus/' || v_node::text || '/' || v_number::text || '/' || (EXTRACT(epoch FROM v_stamp) * 1000000)::bigint::text;
END
$$;
--> statement-breakpoint
CREATE FUNCTION stocksync_ctx_publish() RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF pg_catalog.current_setting('citus.propagate_set_commands', true) IS NULL THEN
    RETURN;
  END IF;
  -- Only SET LOCAL (not set_config) is replayed on the workers, and only with this on; it is itself never
  -- propagated, so turning it on for this transaction is enough.
  IF pg_catalog.current_setting('citus.propagate_set_commands') <> 'local' THEN
    SET LOCAL citus.propagate_set_commands = 'local';
  END IF;
  EXECUTE pg_catalog.format('SET LOCAL app.tenant_id = %L', pg_catalog.current_setting('app.tenant_id', true));
  EXECUTE pg_catalog.format('SET LOCAL app.user_id = %L', pg_catalog.current_setting('app.user_id', true));
  EXECUTE pg_catalog.format('SET LOCAL app.user_role = %L', pg_catalog.current_setting('app.user_role', true));
  EXECUTE pg_catalog.format('SET LOCAL app.ip = %L', pg_catalog.current_setting('app.ip', true));
  EXECUTE pg_catalog.format('SET LOCAL app.user_agent = %L', pg_catalog.current_setting('app.user_agent', true));
  EXECUTE pg_catalog.format('SET LOCAL app.request_id = %L', pg_catalog.current_setting('app.request_id', true));
  EXECUTE pg_catalog.format('SET LOCAL app.ctx_sig = %L', pg_catalog.current_setting('app.ctx_sig', true));
END
$$;
--> statement-breakpoint
-- Copies the coordinator's key into an owner-only table local to each worker (created there with DDL
-- propagation off, so it stays a plain table). Each worker commits on its own: if the calling transaction
-- fails afterwards the nodes disagree and contexts read nothing until the next copy (fail closed).
CREATE FUNCTION stocksync_private.copy_context_key_to_workers() RETURNS integer
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_command text;
  v_failed text;
  v_count integer;
BEGIN
  SELECT format('BEGIN; SET LOCAL citus.enable_ddl_propagation = off; '
             || 'CREATE TABLE IF NOT EXISTS stocksync_private.context_key (id smallint PRIMARY KEY CHECK (id = 1), '
             || 'inner_pad bytea NOT NULL CHECK (octet_length(inner_pad) = 64), outer_pad bytea NOT NULL CHECK (octet_length(outer_pad) = 64)); '
             || 'REVOKE ALL ON stocksync_private.context_key FROM PUBLIC; '
             || 'INSERT INTO stocksync_private.context_key (id, inner_pad, outer_pad) VALUES (1, decode(%L, ''hex''), decode(%L, ''hex'')) '
             || 'ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad; COMMIT',
                encode(k.inner_pad, 'hex'), encode(k.outer_pad, 'hex'))
    INTO v_command FROM stocksync_private.context_key k WHERE k.id = 1;
  SELECT string_agg(r.nodename || ':' || r.nodeport || ' ' || r.result, '; '), count(*)
    INTO v_failed, v_count
    FROM run_command_on_workers(v_command) r WHERE NOT r.success;
  IF v_failed IS NOT NULL THEN
    RAISE EXCEPTION 'the context key could not be copied to every worker: %', v_failed
      USING HINT = 'Fix the worker connection and run `stocksync-db citus distribute` (or this function) again; until then contexts read nothing on those workers.';
  END IF;
  RETURN (SELECT count(*) FROM run_command_on_workers('SELECT 1') r WHERE r.success);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_enter_tenant(p_tenant_id uuid, p_user_id text, p_user_role text, p_ip text,
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
  v_sig := pg_catalog.set_config('app.ctx_sig', pg_catalog.encode(pg_catalog.sha256(v_outer || pg_catalog.sha256(
    v_inner || pg_catalog.convert_to(v_payload, 'UTF8'))), 'base64'), true);
  -- On Citus the settings must also be SET LOCAL to reach the workers (a no-op on plain Postgres).
  PERFORM public.stocksync_ctx_publish();
  RETURN v_sig;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stocksync_private.copy_context_key_to_workers() FROM PUBLIC;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_private.rotate_context_key() RETURNS void
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
  -- On a Citus coordinator every worker verifies with its own copy: the new key goes there too.
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_node') IS NOT NULL THEN
    PERFORM stocksync_private.copy_context_key_to_workers();
  END IF;
END
$$;
--> statement-breakpoint
-- Binds the signed context to the distributed transaction on every node and copies the key to every worker.
-- Then closes the two ways SQL of the service role could pose as an earlier distributed transaction (and
-- replay its signature): setting the transaction id by hand (on the coordinator), and running commands on
-- the workers outside the coordinator's own transaction (on every node). Returns what it could not do (revoking needs the
-- extension's owner, normally a superuser).
CREATE FUNCTION stocksync_private.bind_context_to_citus() RETURNS text[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_fn text;
  v_propagation text := pg_catalog.current_setting('citus.enable_ddl_propagation');
  v_missing text[] := '{}';
  v_failed text;
BEGIN
  -- Propagated to every node: the function is a distributed object since 0036 created it on the coordinator.
  CREATE OR REPLACE FUNCTION public.stocksync_ctx_binding() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE AS 'SELECT public.stocksync_ctx_citus_binding()';
  PERFORM stocksync_private.copy_context_key_to_workers();
  -- On the workers too, for the run_command family: a query on a shard can call them there (the workers
  -- keep assign_distributed_transaction_id: the coordinator calls it there as the current role).
  SELECT pg_catalog.string_agg(r.nodename || ':' || r.nodeport || ' ' || r.result, '; ') INTO v_failed
    FROM run_command_on_workers('BEGIN; SET LOCAL citus.enable_ddl_propagation = off; REVOKE EXECUTE ON FUNCTION '
      || 'pg_catalog.run_command_on_workers(text, boolean), pg_catalog.run_command_on_all_nodes(text, boolean, boolean), '
      || 'pg_catalog.run_command_on_placements(regclass, text, boolean), pg_catalog.run_command_on_shards(regclass, text, boolean), '
      || 'pg_catalog.run_command_on_colocated_placements(regclass, regclass, text, boolean), '
      || 'pg_catalog.master_run_on_worker(text[], integer[], text[], boolean) FROM PUBLIC; COMMIT') r
   WHERE NOT r.success;
  IF v_failed IS NOT NULL THEN
    v_missing := v_missing || ('the run_command functions on ' || v_failed);
  END IF;
  PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
  FOREACH v_fn IN ARRAY ARRAY['pg_catalog.assign_distributed_transaction_id(integer, bigint, timestamp with time zone)',
      'pg_catalog.run_command_on_workers(text, boolean)', 'pg_catalog.run_command_on_all_nodes(text, boolean, boolean)',
      'pg_catalog.run_command_on_placements(regclass, text, boolean)', 'pg_catalog.run_command_on_shards(regclass, text, boolean)',
      'pg_catalog.run_command_on_colocated_placements(regclass, regclass, text, boolean)',
      'pg_catalog.master_run_on_worker(text[], integer[], text[], boolean)'] LOOP
    BEGIN
      EXECUTE pg_catalog.format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', v_fn);
    EXCEPTION WHEN insufficient_privilege OR undefined_function THEN
      v_missing := v_missing || v_fn;
    END;
  END LOOP;
  -- Whoever binds (the schema owner) rotates the key later, which copies it with run_command_on_workers.
  IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
    EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION pg_catalog.run_command_on_workers(text, boolean) TO %I', current_user);
  END IF;
  PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', v_propagation, true);
  RETURN v_missing;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION stocksync_private.bind_context_to_citus() FROM PUBLIC;
--> statement-breakpoint
-- On a Citus coordinator with workers (a cluster built before migrating): bind now. `stocksync-db citus
-- distribute` does the same for a cluster that gets Citus or workers later, and after each node is added.
DO $$
DECLARE
  v_missing text[];
BEGIN
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_node') IS NULL THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_node n WHERE n.groupid <> 0 AND n.noderole = 'primary' AND n.isactive) THEN
    RETURN;
  END IF;
  v_missing := stocksync_private.bind_context_to_citus();
  IF pg_catalog.cardinality(v_missing) > 0 THEN
    RAISE WARNING 'EXECUTE not revoked from PUBLIC on %', v_missing
      USING HINT = 'As a superuser on the coordinator: REVOKE EXECUTE ON FUNCTION <each> FROM PUBLIC (docs/scaling.md), then run `stocksync-db citus distribute`.';
  END IF;
END
$$;
