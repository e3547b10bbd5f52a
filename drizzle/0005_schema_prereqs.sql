-- Prerequisites of the core-domain tables: btree_gin (GIN indexes led by tenant_id), btree_gist
-- (sprint overlap exclusion constraint) and the audit retention period the audit_logs policy reads.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- The audit log retention period. A deployment that must keep logs longer replaces this function in
-- a migration; it is not a setting a session could lower.
CREATE OR REPLACE FUNCTION stocksync_audit_retention() RETURNS interval
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT interval '1 year' $$;
