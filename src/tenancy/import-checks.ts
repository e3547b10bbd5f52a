// What importTenant checks against the database: which tables an export may write (the package's
// own tenant tables, confirmed in the live catalog) and that every imported foreign key stays inside
// the tenant or points at global reference data.
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import * as schema from '../schema/index.js';
import { quoteIdent } from '../migrations/sql.js';
import type { AnyPgDatabase } from './context/index.js';
import { tenantTablesInDatabase } from './catalog.js';

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

let packageTables: ReadonlySet<string> | undefined;

/** The tenant tables @stocksync/db defines (a `tenant_id` column, default schema), by name. */
export function packageTenantTables(): ReadonlySet<string> {
  packageTables ??= new Set(
    Object.values(schema as Record<string, unknown>)
      .filter((v): v is PgTable => is(v, PgTable))
      .filter((t) => 'tenantId' in getTableColumns(t) && !getTableConfig(t).schema)
      .map((t) => getTableName(t)),
  );
  return packageTables;
}

/**
 * The tables an import may write: the package's tenant tables that the live catalog also shows as
 * tenant tables of the current schema, with that schema's name.
 */
export async function importableTables(db: Pick<AnyPgDatabase, 'execute'>): Promise<{ schema: string; tables: Set<string> }> {
  const [row] = rowsOf<{ schema: string }>(await db.execute(sql`select current_schema() as schema`));
  const own = packageTenantTables();
  const live = await tenantTablesInDatabase(db);
  return { schema: row!.schema, tables: new Set(live.map((t) => t.table).filter((t) => own.has(t))) };
}

/** `"schema"."table"`, both quoted. */
export function qualified(schemaName: string, table: string): string {
  return `${quoteIdent(schemaName)}.${quoteIdent(table)}`;
}

/** One foreign key the imported rows break: the constraint, how many rows, and the first row's id. */
export interface BrokenReference {
  table: string;
  constraint: string;
  rows: number;
  firstId: string;
}

/**
 * Checks every foreign key of the imported tables for the tenant's rows: the referenced row must
 * exist, and when it lives in a tenant table (or is a tenant) it must be this tenant's, even when the
 * key does not include `tenant_id`. Run after the rows are in, before commit.
 */
export async function brokenReferences(
  db: Pick<AnyPgDatabase, 'execute'>,
  schemaName: string,
  tenantId: string,
  tables: string[],
): Promise<BrokenReference[]> {
  const keys = rowsOf<{ name: string; table: string; columns: string[]; target: string; target_schema: string; target_columns: string[]; target_tenant: boolean }>(
    await db.execute(sql`select k.conname::text as name, c.relname::text as table, r.relname::text as target, rn.nspname::text as target_schema,
        array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
        array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as target_columns,
        exists (select 1 from pg_attribute ta where ta.attrelid = r.oid and ta.attname = 'tenant_id' and not ta.attisdropped) as target_tenant
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
      where k.contype = 'f' and n.nspname = ${schemaName}
        and c.relname::text in (select jsonb_array_elements_text(${JSON.stringify(tables)}::jsonb))
      order by c.relname, k.conname`),
  );
  const problems: BrokenReference[] = [];
  for (const key of keys) {
    const T = sql.raw(qualified(schemaName, key.table));
    const R = sql.raw(qualified(key.target_schema, key.target));
    const notNull = sql.raw(key.columns.map((c) => `t.${quoteIdent(c)} is not null`).join(' and '));
    const join = key.columns.map((c, i) => `r.${quoteIdent(key.target_columns[i]!)} = t.${quoteIdent(c)}`);
    // A key without tenant_id into a tenant table (or at tenants itself) must still stay in the tenant.
    if (key.target_tenant && !key.columns.includes('tenant_id')) join.push('r.tenant_id = t.tenant_id');
    if (key.target === 'tenants' && !(key.columns.length === 1 && key.columns[0] === 'tenant_id')) join.push('r.id = t.tenant_id');
    const scope = key.table === 'tenants' ? sql`t.id = ${tenantId}::uuid` : sql`t.tenant_id = ${tenantId}::uuid`;
    const [row] = rowsOf<{ n: number; first: string | null }>(
      await db.execute(
        sql`select count(*)::int as n, min(t.id::text) as first from ${T} t
          where ${scope} and ${notNull} and not exists (select 1 from ${R} r where ${sql.raw(join.join(' and '))})`,
      ),
    );
    if (row!.n > 0) problems.push({ table: key.table, constraint: key.name, rows: row!.n, firstId: row!.first ?? '' });
  }
  return problems;
}
