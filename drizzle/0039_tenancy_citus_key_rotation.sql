-- 0039_tenancy_citus_key_rotation: copying and rotating the context key on a Citus cluster (issue 16).
-- * copy_context_key_to_workers() sent 'BEGIN; ...; COMMIT' through run_command_on_workers, which reports
--   the result of the first statement only ('BEGIN', success): a worker that refused the key counted as
--   copied, and rotate_context_key() succeeded with that worker on the old key (its contexts read nothing).
--   Now the copy is one DO statement (its error is reported), and each worker's key is read back and
--   compared with the coordinator's before the copy counts.
-- * rotate_context_key(): each worker commits its copy on its own, so a rotation that failed on one worker
--   left the others on the new key and the coordinator on the old one. Now a failed copy puts the old key
--   back on the workers that took the new one before the error is raised: every node keeps the old key
--   and contexts keep working.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_private.copy_context_key_to_workers() RETURNS integer
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_command text;
  v_digest text;
  v_failed text;
BEGIN
  -- One statement, so run_command_on_workers reports its error; DDL propagation off: a plain local table.
  SELECT format($f$DO $copy$ BEGIN
      PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
      CREATE TABLE IF NOT EXISTS stocksync_private.context_key (id smallint PRIMARY KEY CHECK (id = 1),
        inner_pad bytea NOT NULL CHECK (octet_length(inner_pad) = 64), outer_pad bytea NOT NULL CHECK (octet_length(outer_pad) = 64));
      REVOKE ALL ON stocksync_private.context_key FROM PUBLIC;
      INSERT INTO stocksync_private.context_key (id, inner_pad, outer_pad) VALUES (1, decode(%L, 'hex'), decode(%L, 'hex'))
      ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad;
    END $copy$ $f$, encode(k.inner_pad, 'hex'), encode(k.outer_pad, 'hex')),
         encode(sha256(k.inner_pad || k.outer_pad), 'hex')
    INTO v_command, v_digest FROM stocksync_private.context_key k WHERE k.id = 1;
  SELECT string_agg(r.nodename || ':' || r.nodeport || ' ' || r.result, '; ') INTO v_failed
    FROM run_command_on_workers(v_command) r WHERE NOT r.success;
  IF v_failed IS NULL THEN
    -- Read back: a worker has the key when its digest is the coordinator's (a digest, never the key).
    SELECT string_agg(r.nodename || ':' || r.nodeport || ' ' || CASE WHEN r.success THEN 'holds another key' ELSE r.result END, '; ')
      INTO v_failed
      FROM run_command_on_workers('SELECT encode(sha256(inner_pad || outer_pad), ''hex'') FROM stocksync_private.context_key WHERE id = 1') r
     WHERE NOT r.success OR r.result IS DISTINCT FROM v_digest;
  END IF;
  IF v_failed IS NOT NULL THEN
    RAISE EXCEPTION 'the context key could not be copied to every worker: %', v_failed
      USING HINT = 'Fix the worker connection and run `stocksync-db citus distribute` (or this function) again; until then contexts read nothing on those workers.';
  END IF;
  RETURN (SELECT count(*) FROM run_command_on_workers('SELECT 1') r WHERE r.success);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_private.rotate_context_key() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_key bytea := uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
              || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid());
  v_inner bytea := v_key;
  v_outer bytea := v_key;
  v_message text;
BEGIN
  FOR i IN 0..63 LOOP
    v_inner := set_byte(v_inner, i, get_byte(v_key, i) # 54);
    v_outer := set_byte(v_outer, i, get_byte(v_key, i) # 92);
  END LOOP;
  IF pg_catalog.to_regclass('pg_catalog.pg_dist_node') IS NULL THEN
    INSERT INTO stocksync_private.context_key (id, inner_pad, outer_pad) VALUES (1, v_inner, v_outer)
    ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad;
    RETURN;
  END IF;
  -- On a Citus coordinator every worker verifies with its own copy: the new key goes there too.
  BEGIN
    INSERT INTO stocksync_private.context_key (id, inner_pad, outer_pad) VALUES (1, v_inner, v_outer)
    ON CONFLICT (id) DO UPDATE SET inner_pad = EXCLUDED.inner_pad, outer_pad = EXCLUDED.outer_pad;
    PERFORM stocksync_private.copy_context_key_to_workers();
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS v_message = MESSAGE_TEXT;
    -- This block rolled back, so the coordinator holds its old key again: copy it back to the workers that
    -- committed the new one. A worker that failed the rotation fails this copy too, and never changed.
    BEGIN
      PERFORM stocksync_private.copy_context_key_to_workers();
    EXCEPTION WHEN OTHERS THEN
      NULL;
    END;
    RAISE EXCEPTION 'the context key was not rotated: %', v_message
      USING HINT = 'The nodes keep the old key, so contexts keep working: fix that worker and rotate again; `stocksync-db doctor` checks the key on every node.';
  END;
END
$$;
