// The one helper every tenant table goes through: tenant_id, composite primary key, tenant foreign
// key, the per-command policies and the (tenant_id, created_at) index, written once.
import type { SQL } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import type { BuildColumns, BuildExtraConfigColumns } from 'drizzle-orm/column-builder';
import { id, tenantId } from './_columns.js';
import { tenantPolicies, tenantPredicate } from './_access.js';
import { tenants } from './_tenants.js';

/** The tenant predicate of the read policies: the row's tenant is the verified context's (see `_access.ts`). */
export const TENANT_PREDICATE: SQL = tenantPredicate('any');

type BaseColumns = { tenantId: ReturnType<typeof tenantId>; id: ReturnType<typeof id> };

/** The table type {@link tenantTable} returns (written out so the published declarations carry no unresolved generics). */
export type TenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>> = PgTableWithColumns<{
  name: TName;
  schema: undefined;
  columns: BuildColumns<TName, BaseColumns & TColumns, 'pg'>;
  dialect: 'pg';
}>;

/**
 * Defines a tenant-scoped table: adds `tenant_id` and `id`, primary key `(tenant_id, id)`,
 * `tenant_id` references `tenants` (on delete cascade, so a purge removes every row), the
 * per-command policies (`<table>_select|insert|update|delete`), and a `(tenant_id, created_at)` index when the table has `created_at`.
 *
 * @example
 * ```ts
 * import { tenantTable, timestamps } from '@stocksync/db/schema';
 * import { text } from 'drizzle-orm/pg-core';
 * export const notes = tenantTable('notes', { body: text().notNull(), ...timestamps() });
 * ```
 */
export function tenantTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extra?: (table: BuildExtraConfigColumns<TName, BaseColumns & TColumns, 'pg'>) => PgTableExtraConfigValue[],
): TenantTable<TName, TColumns> {
  const all = { tenantId: tenantId(), id: id(), ...columns } as BaseColumns & TColumns;
  return pgTable(name, all, (t) => {
    const cols = t as unknown as Record<string, never>;
    const config: PgTableExtraConfigValue[] = [
      primaryKey({ name: `${name}_pkey`, columns: [t.tenantId, t.id] }),
      foreignKey({ name: `${name}_tenant_id_fkey`, columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete(
        'cascade',
      ),
      ...tenantPolicies(name),
    ];
    if ('createdAt' in cols) {
      config.push(index(`${name}_tenant_id_created_at_idx`).on(t.tenantId, cols['createdAt']));
    }
    return [...config, ...(extra?.(t) ?? [])];
  });
}

type TenantKeyed = { tenantId: AnyPgColumn; id: AnyPgColumn };

/** What happens to a referencing row when the referenced row is deleted. */
export type TenantRefOnDelete = 'cascade' | 'restrict' | 'no action' | 'set null';

/**
 * Composite foreign key `(tenant_id, <column>) -> <target>(tenant_id, id)`, named
 * `<table>_<column>_fkey`, so a row can only point at a row of its own tenant.
 *
 * `'set null'` must clear only `<column>`, never `tenant_id`: drizzle cannot express
 * `ON DELETE SET NULL (<column>)`, so the key is declared `no action` here, recorded in
 * {@link SET_NULL_REFERENCES}, and the domain's rules migration re-creates it with the column list.
 *
 * @example
 * ```ts
 * import { tenantRef } from '@stocksync/db/schema';
 * // inside tenantTable('tasks', {...}, (t) => [tenantRef('tasks', t.tenantId, t.projectId, projects, 'cascade')])
 * ```
 */
export function tenantRef(
  table: string,
  tenantIdColumn: AnyPgColumn,
  column: AnyPgColumn,
  target: TenantKeyed,
  onDelete: TenantRefOnDelete = 'no action',
) {
  const columnName = snakeCase(column.name);
  const name = `${table}_${columnName}_fkey`;
  if (onDelete === 'set null') SET_NULL_REFERENCES.set(name, { table, column: columnName });
  return foreignKey({ name, columns: [tenantIdColumn, column], foreignColumns: [target.tenantId, target.id] }).onDelete(
    onDelete === 'set null' ? 'no action' : onDelete,
  );
}

/** Foreign keys declared `set null` through {@link tenantRef}: name -> table and the column to clear. */
export const SET_NULL_REFERENCES = new Map<string, { table: string; column: string }>();

/** `projectId` -> `project_id` (columns are named by their TypeScript key under snake_case casing). */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
