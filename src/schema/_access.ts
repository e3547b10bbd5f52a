// Who may read and write each tenant table, and the permissive per-command policies that say so.
// No policy is restrictive (Citus recreates shard policies without AS RESTRICTIVE), and every policy
// reads the tenant only through a function that verifies the signed context (migration 0033).
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';
import { appRole } from './_roles.js';

/** Roles that may write tenant data ('' is trusted service code, no end user). Others, such as guest, read only. */
export const WRITER_ROLES = ['', 'owner', 'admin', 'member'] as const;
/** Roles that may see and change administrative tables. */
export const ADMIN_ROLES = ['', 'owner', 'admin'] as const;
/** Every actor role, guests included. */
export const ANY_ROLES = ['', 'owner', 'admin', 'member', 'guest'] as const;

/** Which actors a policy admits: any actor, writers, or admins. */
export type AccessLevel = 'any' | 'writer' | 'admin';

/**
 * The verified-context function behind each access level: it returns the context's tenant when the
 * signature holds and the actor's role is admitted, else NULL (so the policy matches no row).
 */
export const CONTEXT_TENANT_FUNCTIONS: Readonly<Record<AccessLevel, string>> = {
  any: 'stocksync_ctx_tenant',
  writer: 'stocksync_ctx_writer_tenant',
  admin: 'stocksync_ctx_admin_tenant',
};

/** The actor roles each access level admits. */
export const ACCESS_LEVEL_ROLES: Readonly<Record<AccessLevel, readonly string[]>> = {
  any: ANY_ROLES,
  writer: WRITER_ROLES,
  admin: ADMIN_ROLES,
};

/** Per-table access beyond the default (any actor reads, writers write), each with its reason. */
export interface TableAccess {
  table: string;
  read: AccessLevel;
  write: AccessLevel;
  reason: string;
}

/**
 * The access rules the spec implies. A tenant table not listed gets the default: any actor reads,
 * only {@link WRITER_ROLES} write.
 *
 * @example
 * ```ts
 * import { TABLE_ACCESS } from '@stocksync/db/schema';
 * TABLE_ACCESS.find((r) => r.table === 'audit_logs')?.read; // 'admin'
 * ```
 */
export const TABLE_ACCESS: readonly TableAccess[] = [
  {
    table: 'audit_logs',
    read: 'admin',
    // The application role has no INSERT on audit_logs: rows come from the SECURITY DEFINER trigger and
    // stocksync_audit_event(), for every actor, guests included. The write policy is a second wall.
    write: 'any',
    reason: 'The audit trail is for owners and admins; every actor leaves entries in it (through the trigger and stocksync_audit_event).',
  },
  {
    table: 'tenant_settings',
    read: 'admin',
    write: 'admin',
    reason: 'Tenant configuration (features, permissions, branding) is managed by owners and admins.',
  },
];

/**
 * The access of one tenant table.
 *
 * @example
 * ```ts
 * import { tableAccess } from '@stocksync/db/schema';
 * tableAccess('products'); // { table: 'products', read: 'any', write: 'writer', reason: ... }
 * ```
 */
export function tableAccess(table: string): TableAccess {
  return (
    TABLE_ACCESS.find((r) => r.table === table) ?? {
      table,
      read: 'any',
      write: 'writer',
      reason: 'Default: any actor of the tenant reads, guests never write.',
    }
  );
}

/**
 * The policy predicate of an access level: `tenant_id = stocksync_ctx_<level>_tenant()`. A plain
 * comparison with a STABLE function, so it becomes the index condition (evaluated once per scan).
 *
 * @example
 * ```ts
 * import { tenantPredicate } from '@stocksync/db/schema';
 * tenantPredicate('writer'); // tenant_id = stocksync_ctx_writer_tenant()
 * ```
 */
export function tenantPredicate(level: AccessLevel, column = 'tenant_id'): SQL {
  return sql.raw(`${column} = ${CONTEXT_TENANT_FUNCTIONS[level]}()`);
}

/**
 * The four permissive policies of a tenant table, `<table>_select|insert|update|delete`, for the
 * application role. Each admits only rows of the verified context's tenant, for the roles its
 * command allows.
 *
 * @example
 * ```ts
 * import { tenantPolicies } from '@stocksync/db/schema';
 * // inside a pgTable's extra config: ...tenantPolicies('notes')
 * ```
 */
export function tenantPolicies(table: string) {
  const access = tableAccess(table);
  const read = tenantPredicate(access.read);
  const write = tenantPredicate(access.write);
  const base = { as: 'permissive', to: appRole } as const;
  return [
    pgPolicy(`${table}_select`, { ...base, for: 'select', using: read }),
    pgPolicy(`${table}_insert`, { ...base, for: 'insert', withCheck: write }),
    pgPolicy(`${table}_update`, { ...base, for: 'update', using: write, withCheck: write }),
    pgPolicy(`${table}_delete`, { ...base, for: 'delete', using: write }),
  ];
}
