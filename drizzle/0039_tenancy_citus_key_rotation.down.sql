-- Reverts 0039_tenancy_citus_key_rotation: copy_context_key_to_workers() and rotate_context_key() as 0038 defined them.
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
CREATE OR REPLACE FUNCTION stocksync_private.copy_context_key_to_workers() RETURNS integer
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
