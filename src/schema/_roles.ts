// Database roles the schema refers to. They are cluster-wide, so the bootstrap migration creates
// them idempotently and drizzle-kit only references them (`.existing()`).
import { pgRole } from 'drizzle-orm/pg-core';

/**
 * Name of the NOLOGIN policy role: the policies and grants name it, and every role that runs
 * requests is a member of it (never the owner).
 */
export const APP_ROLE = 'stocksync_app';
/**
 * Name of the LOGIN role services connect as: only a member of {@link APP_ROLE}; owns nothing, no
 * BYPASSRLS, no TEMP, no CREATE. Its password is set by the operator, never by a migration.
 */
export const SERVICE_ROLE = 'stocksync_service';
/** Name of the role that may delete audit logs older than the retention period, and nothing else. */
export const RETENTION_ROLE = 'stocksync_retention';

/**
 * The application role, for `to:` in policies.
 *
 * @example
 * ```ts
 * import { appRole } from '@stocksync/db/schema';
 * ```
 */
export const appRole = pgRole(APP_ROLE).existing();
/** The audit retention role. */
export const retentionRole = pgRole(RETENTION_ROLE).existing();
