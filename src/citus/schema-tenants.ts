// Schema tenants on Citus (schema-based sharding): a tenant schema made by @stocksync/db/tenant-schemas
// is a plain (or Citus-local) schema on the coordinator until it is distributed here with
// citus_schema_distribute: its tables become single-shard tables colocated with each other, on one
// worker, beside the row-distributed shared tables. Its shards are then checked like the shared ones.
import { ConfigurationError } from '../errors.js';
import { detectCitus, type Queryable } from './detect.js';
import { CitusDistributionError, restoreShardPrivileges } from './distribute.js';
import { verifyShards, type ShardMismatch } from './verify.js';

/**
 * What DDL on a distributed tenant schema needs in its transaction: Citus refuses to distribute a table
 * with triggers and to create triggers on distributed tables unless `citus.enable_unsafe_triggers` is on
 * (the triggers run on the shard, on the worker, where the schema's cloned functions are too); DDL on
 * tables with foreign keys to reference tables runs sequentially.
 */
export const SCHEMA_DDL_SETTINGS: readonly string[] = [
  'SET LOCAL citus.enable_unsafe_triggers = on',
  "SET LOCAL citus.multi_shard_modify_mode = 'sequential'",
];

/**
 * How a tenant schema's comment (its stamp) begins: `STAMP_PREFIX` of @stocksync/db/tenant-schemas,
 * repeated here because this entry loads no query builder (test/citus/schema-tenants.test.ts checks both agree).
 */
export const TENANT_SCHEMA_STAMP = 'stocksync tenant schema';

/** One tenant schema as Citus sees it. */
export interface CitusTenantSchema {
  schema: string;
  tenantId: string;
  /** True when the schema is a distributed schema (pg_dist_schema). */
  distributed: boolean;
  /** The worker holding its shards (`host:port`), when distributed. */
  node: string | null;
}

const TENANT_SCHEMAS_SQL = `select n.nspname as schema, substring(obj_description(n.oid, 'pg_namespace') from '^${TENANT_SCHEMA_STAMP} ([0-9a-f-]{36}) ') as tenant_id,
    exists (select 1 from pg_dist_schema d where d.schemaid = n.oid) as distributed,
    (select nd.nodename || ':' || nd.nodeport from pg_dist_partition p join pg_dist_shard s using (logicalrelid)
       join pg_dist_placement pl using (shardid) join pg_dist_node nd on nd.groupid = pl.groupid
       join pg_class c on c.oid = p.logicalrelid where c.relnamespace = n.oid limit 1) as node
  from pg_namespace n
  where n.nspname ~ '^tenant_[0-9a-f]{32}$' and obj_description(n.oid, 'pg_namespace') like '${TENANT_SCHEMA_STAMP} %'
  order by 1`;

/**
 * The tenant schemas of a Citus coordinator, distributed or not, with the worker holding each.
 *
 * @example
 * ```ts
 * import { listCitusTenantSchemas } from '@stocksync/db/citus';
 * const schemas = await listCitusTenantSchemas(conn); // [{ schema: 'tenant_…', distributed: true, node: '10.0.0.2:5432', … }]
 * ```
 */
export async function listCitusTenantSchemas(conn: Queryable): Promise<CitusTenantSchema[]> {
  const rows = await conn.query<{ schema: string; tenant_id: string; distributed: boolean; node: string | null }>(TENANT_SCHEMAS_SQL);
  return rows.map((r) => ({ schema: r.schema, tenantId: r.tenant_id, distributed: r.distributed, node: r.distributed ? r.node : null }));
}

/** What {@link distributeTenantSchemas} did. */
export interface SchemaDistributionResult {
  /** False on plain Postgres (nothing to do there). */
  citus: boolean;
  /** Schemas distributed by this call. */
  distributed: string[];
  /** Every tenant schema afterwards. */
  schemas: CitusTenantSchema[];
  /** Statements that put shard privileges back to their table's. */
  privilegeFixes: string[];
}

/**
 * Makes every tenant schema (or the ones named) a distributed schema on a Citus coordinator
 * (`citus_schema_distribute`, triggers allowed), then checks the privileges, policies and RLS flags of
 * its shards against the coordinator's tables and fixes shard privileges that differ. Does nothing on
 * plain Postgres or for schemas already distributed; a schema already distributed is checked too.
 * Run it after creating a schema tenant or moving a tenant to a schema (the CLI does).
 *
 * @example
 * ```ts
 * import { distributeTenantSchemas } from '@stocksync/db/citus';
 * const { distributed } = await distributeTenantSchemas(conn, { schemas: ['tenant_0190f0e47a3b7c1d8e2f0123456789ab'] });
 * ```
 */
export async function distributeTenantSchemas(conn: Queryable, options: { schemas?: string[] } = {}): Promise<SchemaDistributionResult> {
  const citus = await detectCitus(conn);
  if (!citus) return { citus: false, distributed: [], schemas: [], privilegeFixes: [] };
  if (citus.workers === 0) throw new ConfigurationError('The Citus coordinator has no active worker: a tenant schema cannot be distributed.');
  const wanted = options.schemas ? new Set(options.schemas) : undefined;
  const before = (await listCitusTenantSchemas(conn)).filter((s) => !wanted || wanted.has(s.schema));
  if (wanted) {
    const missing = [...wanted].filter((name) => !before.some((s) => s.schema === name));
    if (missing.length) throw new CitusDistributionError(`Not a tenant schema of this database: ${missing.join(', ')}.`);
  }
  const distributed: string[] = [];
  for (const s of before.filter((x) => !x.distributed)) {
    await conn.query('begin');
    try {
      for (const setting of SCHEMA_DDL_SETTINGS) await conn.query(setting);
      await conn.query(`select citus_schema_distribute($1::regnamespace)`, [s.schema]);
      await conn.query('commit');
    } catch (error) {
      await conn.query('rollback').catch(() => undefined);
      throw new CitusDistributionError(`citus_schema_distribute(${s.schema}) failed: ${(error as Error).message}`, [], { cause: error });
    }
    distributed.push(s.schema);
  }
  const names = new Set(before.map((s) => s.schema));
  const inSchemas = (m: ShardMismatch) => m.table === '*' || names.has(m.table.slice(0, m.table.indexOf('.')));
  const privilegeFixes = await restoreShardPrivileges(conn, (await verifyShards(conn)).filter(inSchemas));
  const mismatches = (await verifyShards(conn)).filter(inSchemas);
  if (mismatches.length) {
    const m = mismatches[0]!;
    throw new CitusDistributionError(
      `The shards of the tenant schemas differ from the coordinator (${mismatches.length} findings), first: ${m.table} on ${m.placement}: ${m.what} is ${JSON.stringify(m.shard)}, coordinator ${JSON.stringify(m.coordinator)}.`,
      mismatches,
    );
  }
  const schemas = (await listCitusTenantSchemas(conn)).filter((s) => names.has(s.schema));
  const left = schemas.filter((s) => !s.distributed);
  if (left.length) throw new CitusDistributionError(`Tenant schemas not distributed: ${left.map((s) => s.schema).join(', ')}.`);
  return { citus: true, distributed, schemas, privilegeFixes };
}

/**
 * The statements each tenant schema's migration runs first on this database: {@link SCHEMA_DDL_SETTINGS}
 * on a Citus coordinator, none elsewhere. Pass them to the fleet (`migrateTenantSchemas(db, { settings })`).
 *
 * @example
 * ```ts
 * import { tenantSchemaDdlSettings } from '@stocksync/db/citus';
 * const settings = await tenantSchemaDdlSettings(conn);
 * await migrateTenantSchemas(db, { settings });
 * ```
 */
export async function tenantSchemaDdlSettings(conn: Queryable): Promise<string[]> {
  return (await detectCitus(conn)) ? [...SCHEMA_DDL_SETTINGS] : [];
}
