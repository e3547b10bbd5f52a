// Role-aware RLS as the tenancy layer exposes it: the role rules (from the schema's TABLE_ACCESS, which
// generates the permissive per-command policies), the tenant table list and the global read-only grants.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { ACCESS_LEVEL_ROLES, TABLE_ACCESS } from '../schema/_access.js';
import { APP_ROLE } from '../schema/_roles.js';

/** Up and down SQL of a migration, statements separated by `--> statement-breakpoint` lines. */
export interface MigrationSql {
  up: string;
  down: string;
}

/** The statement separator of drizzle-kit migration files. */
export const STATEMENT_BREAKPOINT = '\n--> statement-breakpoint\n';

/**
 * The acting role as raw SQL reads it. The empty string is trusted service code (no end user:
 * jobs, onboarding, migrations of data); withTenant only ever sets '', owner, admin, member or guest.
 * Policies never read it directly: they go through the verified-context functions (`_access.ts`).
 */
export const ACTOR_ROLE_SQL = `coalesce(current_setting('app.user_role', true), '')`;

export { WRITER_ROLES, ADMIN_ROLES } from '../schema/_access.js';

/** Per-table role restrictions beyond the default, each with its reason (the role view of `TABLE_ACCESS`). */
export interface RoleRule {
  table: string;
  /** Roles that may read; absent: any role. */
  read?: readonly string[];
  /** Roles that may insert, update, delete; absent: {@link WRITER_ROLES}. */
  write?: readonly string[];
  reason: string;
}

/**
 * The role rules the spec implies, derived from `TABLE_ACCESS` (which the policies are generated from).
 * Every tenant table not listed gets the default: any role reads, only writer roles write.
 *
 * @example
 * ```ts
 * import { ROLE_RULES } from '@stocksync/db/tenancy';
 * ROLE_RULES.find((r) => r.table === 'audit_logs');
 * ```
 */
export const ROLE_RULES: readonly RoleRule[] = TABLE_ACCESS.map((a) => ({
  table: a.table,
  ...(a.read === 'any' ? {} : { read: ACCESS_LEVEL_ROLES[a.read] }),
  write: ACCESS_LEVEL_ROLES[a.write],
  reason: a.reason,
}));

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Names of the tenant tables among `tables`, in the given order: tables of the default schema with a
 * `tenant_id` column (tables of other Postgres schemas, such as `legacy`, are not tenant-scoped).
 *
 * @example
 * ```ts
 * import { tenantTableNames } from '@stocksync/db/tenancy';
 * import * as schema from '@stocksync/db/schema';
 * tenantTableNames(Object.values(schema)); // ['users', 'memberships', ...]
 * ```
 */
export function tenantTableNames(tables: Iterable<unknown>): string[] {
  const names: string[] = [];
  for (const table of new Set(tables)) {
    if (isRlsTenantTable(table)) names.push(getTableConfig(table).name);
  }
  return names;
}

/**
 * True for a table of the default schema with a `tenant_id` column: the tables RLS and these rules protect.
 *
 * @example
 * ```ts
 * import { isRlsTenantTable } from '@stocksync/db/tenancy';
 * import { users, tenants } from '@stocksync/db/schema';
 * isRlsTenantTable(users); // true
 * isRlsTenantTable(tenants); // false
 * ```
 */
export function isRlsTenantTable(table: unknown): table is PgTable {
  if (!is(table, PgTable)) return false;
  const config = getTableConfig(table);
  if (config.schema && config.schema !== 'public') return false;
  return config.columns.some((c) => c.name === 'tenantId' || c.name === 'tenant_id');
}

/**
 * Up/down SQL that makes global tables read-only for the application role: a request running as
 * `stocksync_app` (raw SQL included) can read the catalog and its tenant's row but never change a
 * global table, which would reach every tenant. Platform code writes them with the owner connection.
 *
 * @example
 * ```ts
 * import { globalTablesReadOnlySql } from '@stocksync/db/tenancy';
 * import { GLOBAL_TABLES } from '@stocksync/db/schema';
 * const { up, down } = globalTablesReadOnlySql(GLOBAL_TABLES.map((t) => t.table));
 * ```
 */
export function globalTablesReadOnlySql(tables: readonly string[]): MigrationSql {
  const up = tables.map((t) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${q(t)} FROM ${APP_ROLE};`);
  const down = [...tables].reverse().map((t) => `GRANT INSERT, UPDATE, DELETE ON ${q(t)} TO ${APP_ROLE};`);
  return { up: up.join(STATEMENT_BREAKPOINT), down: down.join(STATEMENT_BREAKPOINT) };
}

