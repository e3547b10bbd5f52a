// Which table becomes what on Citus, read from the catalog: reference tables (global catalogs, host
// names, the legacy import schema), tenant tables distributed by tenant_id and colocated, the rest local.
import { GLOBAL_TABLES, GLOBAL_UNIQUE_INDEXES } from '../schema/_global-tables.js';
import type { Queryable } from './detect.js';

/** How a table is placed on the cluster. */
export type CitusKind = 'distributed' | 'reference' | 'local';

/** One table as it is and as it should be. */
export interface CitusTable {
  schema: string;
  name: string;
  /** `schema.name`, quoted for SQL where needed (as `format('%I.%I')` prints it). */
  qualified: string;
  hasTenantId: boolean;
  /** What the package wants: see {@link wantedKind}. */
  wanted: CitusKind;
  /** What the cluster holds now: `citus-local` is a table Citus converted through a foreign key. */
  current: CitusKind | 'citus-local' | 'distributed-other';
  /** The colocation group, for distributed tables. */
  colocationId: number | null;
  /** Shard count, for distributed tables. */
  shards: number | null;
}

/** Schema of the migration history: stays a local table on the coordinator. */
const LOCAL_SCHEMAS = new Set(['drizzle']);
/** Tables of the default schema that are reference tables although they have tenant_id (a global unique key). */
const REFERENCE_TENANT_TABLES = new Set(GLOBAL_UNIQUE_INDEXES.map((i) => i.table));
const GLOBAL = new Set(GLOBAL_TABLES.map((t) => t.table));

/** The distribution column of every tenant table. */
export const DISTRIBUTION_COLUMN = 'tenant_id';

/**
 * Where a table belongs on Citus. The `legacy` import schema (text tenant ids, serial keys, read by
 * the data migrations for every tenant at once) is made of reference tables; the migration history
 * stays local; in the default schema, `GLOBAL_TABLES` and tables with a cross-tenant unique key
 * (`tenant_domains`) are reference tables and every other table with `tenant_id` is distributed.
 *
 * @example
 * ```ts
 * import { wantedKind } from '@stocksync/db/citus';
 * wantedKind('public', 'projects', true); // 'distributed'
 * ```
 */
export function wantedKind(schema: string, name: string, hasTenantId: boolean): CitusKind {
  if (LOCAL_SCHEMAS.has(schema)) return 'local';
  if (schema === 'legacy') return 'reference';
  if (GLOBAL.has(name) || REFERENCE_TENANT_TABLES.has(name)) return 'reference';
  return hasTenantId ? 'distributed' : 'reference';
}

/**
 * Every user table of the database (the package's schemas: public, legacy, drizzle), with its wanted
 * and current placement. Works on plain Postgres too (everything is `local` there).
 *
 * @example
 * ```ts
 * import { readCitusLayout } from '@stocksync/db/citus';
 * const tables = await readCitusLayout(conn);
 * ```
 */
export async function readCitusLayout(conn: Queryable, options: { citus: boolean }): Promise<CitusTable[]> {
  const placement = options.citus
    ? `(select case when p.partmethod = 'h' then 'distributed'
                    when p.repmodel = 't' then 'reference'
                    when p.colocationid = 0 then 'citus-local'
                    else 'distributed-other' end
          from pg_dist_partition p where p.logicalrelid = c.oid) as current,
       (select nullif(p.colocationid, 0) from pg_dist_partition p where p.logicalrelid = c.oid and p.partmethod = 'h') as colocation_id,
       (select count(*) from pg_dist_shard s where s.logicalrelid = c.oid) as shards`
    : `null as current, null as colocation_id, null as shards`;
  const rows = await conn.query<{
    schema: string;
    name: string;
    qualified: string;
    has_tenant_id: boolean;
    current: string | null;
    colocation_id: string | number | null;
    shards: string | number | null;
  }>(
    `select n.nspname as schema, c.relname as name, format('%I.%I', n.nspname, c.relname) as qualified,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = '${DISTRIBUTION_COLUMN}' and not a.attisdropped) as has_tenant_id,
            ${placement}
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition
        and n.nspname in ('public', 'legacy', 'drizzle')
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      order by n.nspname, c.relname`,
  );
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    qualified: r.qualified,
    hasTenantId: r.has_tenant_id,
    wanted: wantedKind(r.schema, r.name, r.has_tenant_id),
    current: (r.current ?? 'local') as CitusTable['current'],
    colocationId: r.colocation_id === null ? null : Number(r.colocation_id),
    shards: r.shards === null || r.current !== 'distributed' ? null : Number(r.shards),
  }));
}
