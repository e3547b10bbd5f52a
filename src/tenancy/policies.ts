// Role-aware RLS: restrictive policies generated over the schema's tenant tables from one table of
// rules (guests read-only everywhere; audit logs and tenant settings reserved to owners and admins).
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { APP_ROLE } from '../schema/_roles.js';

/** Up and down SQL of a migration, statements separated by `--> statement-breakpoint` lines. */
export interface MigrationSql {
  up: string;
  down: string;
}

/** The statement separator of drizzle-kit migration files. */
export const STATEMENT_BREAKPOINT = '\n--> statement-breakpoint\n';

/**
 * The acting role as policies read it. The empty string is trusted service code (no end user:
 * jobs, onboarding, migrations of data); withTenant only ever sets '', owner, admin, member or guest.
 */
export const ACTOR_ROLE_SQL = `coalesce(current_setting('app.user_role', true), '')`;

/** Roles that may write tenant data ('' is service code). Any other value, such as guest, is read-only. */
export const WRITER_ROLES = ['', 'owner', 'admin', 'member'] as const;
/** Roles that may see and change administrative tables. */
export const ADMIN_ROLES = ['', 'owner', 'admin'] as const;

/** Per-table role restrictions beyond the guest rule, each with its reason. */
export interface RoleRule {
  table: string;
  /** Roles that may read (restrictive SELECT policy); absent: any role. */
  read?: readonly string[];
  /** Roles that may insert, update, delete; absent: {@link WRITER_ROLES}. */
  write?: readonly string[];
  reason: string;
}

/**
 * The role rules the spec implies. Every tenant table not listed gets the default: any role
 * reads, only {@link WRITER_ROLES} write.
 *
 * @example
 * ```ts
 * import { ROLE_RULES } from '@stocksync/db/tenancy';
 * ROLE_RULES.find((r) => r.table === 'audit_logs');
 * ```
 */
export const ROLE_RULES: readonly RoleRule[] = [
  {
    table: 'audit_logs',
    read: ADMIN_ROLES,
    // The application role has no INSERT on audit_logs (migration tenancy_audit_definer_rules): rows
    // come from the SECURITY DEFINER trigger and stocksync_audit_event(), for every actor, guests
    // included. This policy stays as a second wall should the grant ever come back.
    write: ['', 'owner', 'admin', 'member', 'guest'],
    reason: 'The audit trail is for owners and admins; every actor leaves entries in it (through the trigger and stocksync_audit_event).',
  },
  {
    table: 'tenant_settings',
    read: ADMIN_ROLES,
    write: ADMIN_ROLES,
    reason: 'Tenant configuration (features, permissions, branding) is managed by owners and admins.',
  },
];

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function roleCheck(roles: readonly string[]): string {
  return `${ACTOR_ROLE_SQL} IN (${roles.map((r) => `'${r.replace(/'/g, "''")}'`).join(', ')})`;
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
 * The restrictive policies of one tenant table, by name -> CREATE statement.
 *
 * @example
 * ```ts
 * import { rolePolicies } from '@stocksync/db/tenancy';
 * [...rolePolicies('audit_logs').keys()]; // ['audit_logs_role_select', 'audit_logs_role_insert', ...]
 * ```
 */
export function rolePolicies(table: string, rules: readonly RoleRule[] = ROLE_RULES): Map<string, string> {
  const rule = rules.find((r) => r.table === table);
  const write = roleCheck(rule?.write ?? WRITER_ROLES);
  const policies = new Map<string, string>();
  const create = (suffix: string, command: string, clauses: string) =>
    policies.set(
      `${table}_role_${suffix}`,
      `CREATE POLICY ${q(`${table}_role_${suffix}`)} ON ${q(table)} AS RESTRICTIVE FOR ${command} TO ${APP_ROLE} ${clauses};`,
    );
  if (rule?.read) create('select', 'SELECT', `USING (${roleCheck(rule.read)})`);
  create('insert', 'INSERT', `WITH CHECK (${write})`);
  create('update', 'UPDATE', `USING (${write}) WITH CHECK (${write})`);
  create('delete', 'DELETE', `USING (${write})`);
  return policies;
}

/**
 * Up/down SQL creating the role-aware restrictive policies on the given tenant tables: one helper,
 * applied to every table, never pasted per table.
 *
 * @example
 * ```ts
 * import { rolePoliciesSql, tenantTableNames } from '@stocksync/db/tenancy';
 * import * as schema from '@stocksync/db/schema';
 * const { up, down } = rolePoliciesSql(tenantTableNames(Object.values(schema)));
 * ```
 */
export function rolePoliciesSql(tables: readonly string[], rules: readonly RoleRule[] = ROLE_RULES): MigrationSql {
  const up: string[] = [];
  const down: string[] = [];
  for (const table of tables) {
    for (const [name, statement] of rolePolicies(table, rules)) {
      up.push(statement);
      down.unshift(`DROP POLICY IF EXISTS ${q(name)} ON ${q(table)};`);
    }
  }
  return { up: up.join(STATEMENT_BREAKPOINT), down: down.join(STATEMENT_BREAKPOINT) };
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

