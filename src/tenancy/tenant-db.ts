// The tenant-scoped query builder: drizzle's select/insert/update/delete and relational queries with
// tenant_id injected and filtered (scoped-filters.ts), every statement run inside withTenant so RLS
// stays underneath (scoped-session.ts).
import {
  and,
  eq,
  getTableColumns,
  is,
  type InferInsertModel,
  type Placeholder,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import {
  PgDatabase,
  PgDialect,
  PgTable,
  type AnyPgColumn,
  type PgDeleteBase,
  type PgInsertBase,
  type PgQueryResultHKT,
  type PgUpdateSetSource,
} from 'drizzle-orm/pg-core';
import type { PgUpdateBase, PgUpdateWithout } from 'drizzle-orm/pg-core/query-builders/update';
import { TenantScopeError } from '../errors.js';
import {
  checkActor,
  requireTenant,
  tenantIdOf,
  withTenant,
  type AnyPgDatabase,
  type TenantRef,
  type TransactionOf,
  type WithTenantOptions,
} from './context/index.js';
import { scopeRelationalQueries, scopeSelect, scopeWhere, type TableConfig, type WhereBuilder } from './scoped-filters.js';
import { TenantScopedSession } from './scoped-session.js';

/** A table the scoped builder may write: it has a `tenantId` column. */
export type TenantScopedTable = PgTable & { tenantId: AnyPgColumn };

type InsertModel<TTable extends PgTable> = InferInsertModel<TTable, { dbColumnNames: false; override: false }>;

/** An insert row for a tenant table: everything but `tenantId`, which the builder sets. */
export type TenantInsertValue<TTable extends PgTable> = {
  [K in keyof InsertModel<TTable> as K extends 'tenantId' ? never : K]: InsertModel<TTable>[K] | SQL | Placeholder;
};

/** An update's SET for a tenant table: `tenantId` cannot be changed. */
export type TenantUpdateSet<TTable extends PgTable> = {
  [K in keyof PgUpdateSetSource<TTable> as K extends 'tenantId' ? never : K]: PgUpdateSetSource<TTable>[K];
};

/** `insert(table)` of the scoped builder: `values()` takes rows without `tenantId`. */
export interface TenantInsertBuilder<TTable extends TenantScopedTable, THKT extends PgQueryResultHKT> {
  values(value: TenantInsertValue<TTable>): PgInsertBase<TTable, THKT>;
  values(values: TenantInsertValue<TTable>[]): PgInsertBase<TTable, THKT>;
}

/** `update(table)` of the scoped builder: `set()` cannot touch `tenantId`; `where()` is ANDed with the tenant. */
export interface TenantUpdateBuilder<TTable extends TenantScopedTable, THKT extends PgQueryResultHKT> {
  set(
    values: TenantUpdateSet<TTable>,
  ): PgUpdateWithout<PgUpdateBase<TTable, THKT>, false, 'leftJoin' | 'rightJoin' | 'innerJoin' | 'fullJoin'>;
}

/** The drizzle API surface the scoped builder keeps as is (reads are filtered at run time). */
type ReadApi<TDb extends AnyPgDatabase> = Pick<TDb, 'select' | 'selectDistinct' | 'query' | 'execute' | '$count'>;

type HktOf<TDb> = TDb extends PgDatabase<infer H, infer _F, infer _S> ? H : never;

/**
 * A database handle bound to one tenant (see {@link tenantDb}).
 */
export type TenantDatabase<TDb extends AnyPgDatabase> = ReadApi<TDb> & {
  /** The tenant every statement is scoped to. */
  readonly tenantId: string;
  /** INSERT into a tenant table; `tenant_id` is injected. Global tables are refused. */
  insert<TTable extends TenantScopedTable>(table: TTable): TenantInsertBuilder<TTable, HktOf<TDb>>;
  /** UPDATE a tenant table; `tenant_id = $1` is always part of the WHERE. */
  update<TTable extends TenantScopedTable>(table: TTable): TenantUpdateBuilder<TTable, HktOf<TDb>>;
  /** DELETE from a tenant table; `tenant_id = $1` is always part of the WHERE. */
  delete<TTable extends TenantScopedTable>(table: TTable): PgDeleteBase<TTable, HktOf<TDb>>;
  /** Runs several statements in one tenant transaction (joins an open one for the same tenant). */
  transaction<T>(fn: (tdb: TenantDatabase<TransactionOf<TDb>>, tx: TransactionOf<TDb>) => Promise<T>): Promise<T>;
};

/** Options of {@link tenantDb}: the same as withTenant's (actor, context mode, role). */
export type TenantDbOptions = WithTenantOptions;

/**
 * True when the table is tenant-scoped (has a `tenantId` column), so the scoped builder may write it.
 *
 * @example
 * ```ts
 * import { isTenantTable } from '@stocksync/db/tenancy';
 * isTenantTable(users); // true
 * ```
 */
export function isTenantTable(table: unknown): table is TenantScopedTable {
  return is(table, PgTable) && 'tenantId' in getTableColumns(table);
}

/**
 * Returns a handle bound to one tenant: `select`, `selectDistinct`, `insert`, `update`, `delete`,
 * `query` (relational API), `execute` and `$count`, each statement run inside
 * {@link withTenant} (joining the open transaction when called within one for the same tenant).
 * Inserts get `tenant_id` (the type omits it), every read and write of a tenant table gets
 * `tenant_id = $1` (joined tenant tables too, and many-relations of relational queries), and
 * writes to global tables are refused by the types and at run time. Database errors come back as
 * the package's typed errors (see `mapDatabaseError`: ConflictError, ForeignKeyError, ...). Without a tenant (argument
 * omitted outside withTenant, or null) it throws `TenantContextMissingError` before touching the database.
 *
 * @example
 * ```ts
 * import { tenantDb } from '@stocksync/db/tenancy';
 * const t = tenantDb(db, tenantId, { actor: { userId, role: 'member' } });
 * await t.insert(projects).values({ name: 'Roadmap' });
 * const live = await t.select().from(projects).where(isNull(projects.deletedAt));
 * const withTasks = await t.query.projects.findMany({ with: { tasks: true } });
 * ```
 */
export function tenantDb<TDb extends AnyPgDatabase>(
  db: TDb,
  tenant?: TenantRef | null,
  options: TenantDbOptions = {},
): TenantDatabase<TDb> {
  // Without an explicit tenant, the enclosing withTenant scope's tenant (else TenantContextMissingError).
  const tenantId = tenant == null ? requireTenant().tenantId : tenantIdOf(tenant);
  // The actor is checked here, where the request enters, not at its first statement.
  if (options.actor) options = { ...options, actor: checkActor(options.actor) };
  const internals = db as unknown as {
    dialect: PgDialect;
    session: { schema?: unknown };
    _: { schema?: Record<string, TableConfig>; tableNamesMap: Record<string, string> };
  };
  const session = new TenantScopedSession(db, tenantId, options, internals.dialect);
  const Database = PgDatabase as unknown as new (...args: unknown[]) => AnyPgDatabase;
  // Without the schema: drizzle builds a relational query builder per table in the constructor, which
  // cost more than a point lookup's round trip when tenantDb() is called per request. The relational
  // API gets its own handle, built on first use.
  const inner = new Database(internals.dialect, session, undefined);
  let relational: unknown;
  const filter = (table: unknown): SQL | undefined =>
    isTenantTable(table) ? eq(table.tenantId, tenantId) : undefined;

  const scoped = {
    tenantId,
    select: (...args: unknown[]) => scopeSelect((inner.select as (...a: unknown[]) => object)(...args), filter),
    selectDistinct: (...args: unknown[]) =>
      scopeSelect((inner.selectDistinct as (...a: unknown[]) => object)(...args), filter),
    insert(table: PgTable) {
      requireTenantTable(table, 'insert into');
      const builder = inner.insert(table);
      return {
        values(values: Record<string, unknown> | Record<string, unknown>[]) {
          const rows = (Array.isArray(values) ? values : [values]).map((row) => withTenantId(row, tenantId));
          const query = builder.values(rows as never);
          const onConflictDoUpdate = query.onConflictDoUpdate.bind(query);
          query.onConflictDoUpdate = ((config: { set: Record<string, unknown> }) =>
            onConflictDoUpdate({ ...config, set: withoutTenantChange(config.set, tenantId) } as never)) as never;
          return query;
        },
      };
    },
    update(table: PgTable) {
      requireTenantTable(table, 'update');
      const builder = inner.update(table);
      return {
        set(values: Record<string, unknown>) {
          const query = builder.set(withoutTenantChange(values, tenantId) as never);
          return scopeWhere(query as unknown as WhereBuilder, [filter(table)!], filter);
        },
      };
    },
    delete(table: PgTable) {
      requireTenantTable(table, 'delete from');
      return scopeWhere(inner.delete(table) as unknown as WhereBuilder, [filter(table)!], filter);
    },
    execute: inner.execute.bind(inner),
    $count: (source: PgTable | SQL | SQLWrapper, filters?: SQL) =>
      inner.$count(source as PgTable, isTenantTable(source) ? and(filter(source), filters) : filters),
    get query() {
      relational ??= scopeRelationalQueries(
        new Database(internals.dialect, session, internals.session.schema),
        internals._.schema ?? {},
        internals._.tableNamesMap,
        tenantId,
      );
      return relational;
    },
    transaction<T>(fn: (tdb: unknown, tx: unknown) => Promise<T>): Promise<T> {
      return withTenant(db, tenantId, (tx) => fn(tenantDb(tx as AnyPgDatabase, tenantId, options), tx), options);
    },
  };
  return scoped as unknown as TenantDatabase<TDb>;
}

function requireTenantTable(table: unknown, verb: string): void {
  if (!isTenantTable(table)) {
    const name = is(table, PgTable) ? tableNameOf(table) : String(table);
    throw new TenantScopeError(
      `The scoped builder cannot ${verb} "${name}": it is a global table. Write it outside the tenant scope, with the owner connection.`,
    );
  }
}

function tableNameOf(table: PgTable): string {
  return (table as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')] ?? 'table';
}

function withTenantId(row: Record<string, unknown>, tenantId: string): Record<string, unknown> {
  if ('tenantId' in row && row.tenantId !== undefined && row.tenantId !== tenantId) {
    throw new TenantScopeError(
      `A row for tenant ${String(row.tenantId)} was inserted through the builder of tenant ${tenantId}: leave tenantId out, the builder sets it.`,
    );
  }
  return { ...row, tenantId };
}

function withoutTenantChange(values: Record<string, unknown>, tenantId: string): Record<string, unknown> {
  if (!('tenantId' in values) || values.tenantId === undefined) return values;
  if (values.tenantId !== tenantId) {
    throw new TenantScopeError('A row cannot move to another tenant: tenantId is not updatable through the scoped builder.');
  }
  const { tenantId: _same, ...rest } = values;
  return rest;
}
