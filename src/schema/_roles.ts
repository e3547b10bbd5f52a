// Database roles the schema refers to. They are cluster-wide, so the bootstrap migration creates
// them idempotently and drizzle-kit only references them (`.existing()`).
import { pgRole } from 'drizzle-orm/pg-core';

/** Name of the non-owner role every request runs as; RLS policies apply to it. */
export const APP_ROLE = 'stocksync_app';
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
