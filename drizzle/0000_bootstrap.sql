-- Bootstrap: cluster roles (idempotent, roles are cluster-wide), the uuid v7 default, the
-- updated_at trigger function and the application role's privileges.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stocksync_app') THEN
    -- LOGIN so Citus workers, reached as the current role, accept it; no password is set here.
    CREATE ROLE stocksync_app LOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stocksync_retention') THEN
    CREATE ROLE stocksync_retention NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  -- The migrating role must be able to SET ROLE to the application role (withTenant does).
  EXECUTE format('GRANT stocksync_app TO %I', current_user);
  EXECUTE format('GRANT stocksync_retention TO %I', current_user);
EXCEPTION WHEN insufficient_privilege OR invalid_grant_operation THEN
  NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_uuidv7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  -- 48-bit Unix milliseconds over the front of a random v4 uuid, version bits set to 7.
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stocksync_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO stocksync_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stocksync_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stocksync_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO stocksync_app;
