// Tenant filters for the scoped builder: tenant_id conditions kept ANDed into where(), added to the ON
// clause of joined tenant tables, and pushed into relational queries' roots and many-relations.
import { and, eq, getTableUniqueName, is, Many, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AnyPgDatabase } from './context/index.js';

/** What a caller passes to `where()`: a condition, nothing, or a callback building one. */
export type WhereArg = SQL | undefined | ((...args: unknown[]) => SQL | undefined);
/** A query builder with `where()` (and `from()` for selects), as the scoped builder wraps it. */
export interface WhereBuilder {
  where(condition: WhereArg): WhereBuilder;
  from?(source: unknown): WhereBuilder;
}

/** Keeps the tenant conditions ANDed with whatever the caller passes to where(), however often it is called. */
export function scopeWhere<T extends WhereBuilder>(query: T, initial: SQL[], filter: (t: unknown) => SQL | undefined): T {
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

/** select().from(t): the base table's tenant filter goes to WHERE, a joined table's to its ON clause. */
export function scopeSelect(builder: object, filter: (t: unknown) => SQL | undefined): unknown {
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

/** drizzle's relational config of one table, as far as the filters read it. */
export interface TableConfig {
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

/** Relational queries: the root table and every many-relation of a tenant table get tenant_id = $1. */
export function scopeRelationalQueries(
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
