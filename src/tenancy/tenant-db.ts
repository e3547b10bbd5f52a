// The tenant-scoped query builder: drizzle's select/insert/update/delete and relational queries with
// tenant_id injected and filtered, every statement run inside withTenant so RLS stays underneath.
import {
  and,
  eq,
  getTableColumns,
  getTableUniqueName,
  is,
  Many,
  type InferInsertModel,
  type Placeholder,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import {
  PgDatabase,
  PgDialect,
  PgPreparedQuery,
  PgSession,
  PgTable,
  type AnyPgColumn,
  type PgDeleteBase,
  type PgInsertBase,
  type PgQueryResultHKT,
  type PgUpdateSetSource,
} from 'drizzle-orm/pg-core';
import type { PgUpdateBase, PgUpdateWithout } from 'drizzle-orm/pg-core/query-builders/update';
import { mapDatabaseError } from '../database-error.js';
import { TenantScopeError } from '../errors.js';
import {
  requireTenant,
  runTenantStatement,
  tenantIdOf,
  withTenant,
  type AnyPgDatabase,
  type TenantRef,
  type TransactionOf,
  type WithTenantOptions,
} from './context/index.js';

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

type WhereArg = SQL | undefined | ((...args: unknown[]) => SQL | undefined);
interface WhereBuilder {
  where(condition: WhereArg): WhereBuilder;
  from?(source: unknown): WhereBuilder;
}

// Keeps the tenant conditions ANDed with whatever the caller passes to where(), however often it is called.
function scopeWhere<T extends WhereBuilder>(query: T, initial: SQL[], filter: (t: unknown) => SQL | undefined): T {
  const conditions = [...initial];
  const where = query.where.bind(query);
  let userWhere: WhereArg;
  const apply = () => {
    const tenant = and(...conditions);
    const user = userWhere;
    where(typeof user === 'function' ? (...args: unknown[]) => and(tenant, user(...args)) : and(tenant, user));
  };
  query.where = (condition: WhereArg) => {
    userWhere = condition;
    apply();
    return query;
  };
  if (typeof query.from === 'function') {
    const from = query.from.bind(query);
    query.from = (source: unknown) => {
      from(source);
      const condition = filter(source);
      if (condition) conditions.push(condition);
      apply();
      return query;
    };
  }
  apply();
  return query;
}

const JOINS = [
  'leftJoin',
  'rightJoin',
  'innerJoin',
  'fullJoin',
  'leftJoinLateral',
  'innerJoinLateral',
] as const;

// select().from(t): the base table's tenant filter goes to WHERE, a joined table's to its ON clause.
function scopeSelect(builder: object, filter: (t: unknown) => SQL | undefined): unknown {
  const selectBuilder = builder as { from(source: unknown): WhereBuilder };
  const from = selectBuilder.from.bind(selectBuilder);
  selectBuilder.from = (source: unknown) => {
    const query = from(source) as WhereBuilder & Record<string, unknown>;
    for (const join of JOINS) {
      const original = query[join];
      if (typeof original !== 'function') continue;
      query[join] = (table: unknown, on: WhereArg) => {
        const condition = filter(table);
        const scopedOn: WhereArg =
          !condition || on === undefined
            ? on
            : typeof on === 'function'
              ? (...args: unknown[]) => and(on(...args), condition)
              : and(on, condition);
        (original as (t: unknown, o: WhereArg) => unknown).call(query, table, scopedOn);
        return query;
      };
    }
    const condition = filter(source);
    return condition ? scopeWhere(query, [condition], filter) : query;
  };
  return builder;
}

interface TableConfig {
  tsName: string;
  dbName: string;
  columns: Record<string, unknown>;
  relations: Record<string, { referencedTable: PgTable }>;
}
type QueryConfig = {
  where?: WhereArg;
  with?: Record<string, true | QueryConfig | undefined>;
  [key: string]: unknown;
};

// Relational queries: the root table and every many-relation of a tenant table get tenant_id = $1.
function scopeRelationalQueries(
  inner: AnyPgDatabase,
  schema: Record<string, TableConfig>,
  tableNamesMap: Record<string, string>,
  tenantId: string,
): unknown {
  const scopeConfig = (table: TableConfig, config: QueryConfig | undefined, filterRows: boolean): QueryConfig => {
    const result: QueryConfig = { ...(config ?? {}) };
    if (filterRows && 'tenantId' in table.columns) {
      const user = config?.where;
      result.where = (fields: unknown, operators: unknown) => {
        const tenant = eq((fields as { tenantId: AnyPgColumn }).tenantId, tenantId);
        return and(tenant, typeof user === 'function' ? user(fields, operators) : user);
      };
    }
    if (config?.with) {
      const nested: Record<string, true | QueryConfig | undefined> = {};
      for (const [key, value] of Object.entries(config.with)) {
        const relation = table.relations[key];
        const target = relation ? schema[tableNamesMap[getTableUniqueName(relation.referencedTable)] ?? ''] : undefined;
        if (!value || !relation || !target) {
          nested[key] = value;
          continue;
        }
        nested[key] = scopeConfig(target, value === true ? undefined : value, is(relation, Many));
      }
      result.with = nested;
    }
    return result;
  };
  const queries = inner.query as unknown as Record<string, Record<string, (config?: QueryConfig) => unknown>>;
  const scopedQueries: Record<string, unknown> = {};
  for (const [name, table] of Object.entries(schema)) {
    const query = queries[name];
    if (!query) continue;
    scopedQueries[name] = {
      findMany: (config?: QueryConfig) => query.findMany!(scopeConfig(table, config, true)),
      findFirst: (config?: QueryConfig) => query.findFirst!(scopeConfig(table, config, true)),
    };
  }
  return scopedQueries;
}

type PrepareArgs = [
  fields: unknown,
  name: string | undefined,
  isResponseInArrayMode: boolean,
  customResultMapper?: unknown,
  queryMetadata?: unknown,
  cacheConfig?: unknown,
];
type Preparer = {
  prepareQuery(query: unknown, ...args: PrepareArgs): PgPreparedQuery<never> & {
    joinsNotNullableMap?: unknown;
    all(placeholderValues?: Record<string, unknown>): Promise<unknown>;
  };
  count?(query: SQL): Promise<number>;
  execute(query: SQL): Promise<unknown>;
};

// A session whose statements run later in the tenant context: in the open withTenant transaction, or
// standalone in one round trip (runTenantStatement).
class TenantScopedSession extends PgSession {
  constructor(
    private readonly root: AnyPgDatabase,
    private readonly tenantId: string,
    private readonly options: WithTenantOptions,
    dialect: PgDialect,
  ) {
    super(dialect);
  }

  /**
   * Runs `fn` (one statement) with a session in the tenant context: the open withTenant transaction
   * when there is one, else a standalone statement that costs one round trip (see runTenantStatement).
   */
  run<T>(fn: (session: Preparer) => Promise<T>): Promise<T> {
    // Driver errors leave as the package's typed errors (the raw ones carry the statement's values).
    return runTenantStatement(this.root, this.tenantId, (session) => fn(session as Preparer), this.options).catch(
      (error: unknown) => {
        throw mapDatabaseError(error);
      },
    );
  }

  override prepareQuery(query: unknown, ...args: PrepareArgs) {
    return new TenantScopedPreparedQuery(this, query, args) as never;
  }

  override transaction(): Promise<never> {
    return Promise.reject(new TenantScopeError('Use tenantDb(...).transaction(fn) to group statements.'));
  }

  override async count(query: SQL): Promise<number> {
    return this.run(async (session) => {
      if (session.count) return session.count(query);
      const result = (await session.execute(query)) as { rows?: Array<{ count: unknown }> } & Array<{ count: unknown }>;
      return Number((result.rows ?? result)[0]?.count);
    });
  }
}

class TenantScopedPreparedQuery extends PgPreparedQuery<never> {
  joinsNotNullableMap?: unknown;
  constructor(
    private readonly session: TenantScopedSession,
    query: unknown,
    private readonly args: PrepareArgs,
  ) {
    super(query as never, undefined, undefined, undefined);
  }

  private prepared(session: Preparer) {
    const prepared = session.prepareQuery(this.getQuery(), ...this.args);
    prepared.joinsNotNullableMap = this.joinsNotNullableMap;
    return prepared;
  }

  override execute(placeholderValues?: Record<string, unknown>): Promise<never> {
    return this.session.run((session) => this.prepared(session).execute(placeholderValues) as Promise<never>);
  }

  all(placeholderValues?: Record<string, unknown>): Promise<unknown> {
    return this.session.run((session) => this.prepared(session).all(placeholderValues) as Promise<unknown>);
  }

  isResponseInArrayMode(): boolean {
    return this.args[2];
  }
}
