// Verifies, shard by shard, that what row-level security depends on is the same on the workers as on
// the coordinator: privileges, policies (permissive or restrictive, command, roles, expressions), RLS flags.
import type { Queryable } from './detect.js';

/** One difference between a shard placement and its coordinator table. */
export interface ShardMismatch {
  table: string;
  /** `node <id> shard <id>`. */
  placement: string;
  what: 'privileges' | 'policies' | 'row security' | 'query failed';
  coordinator: string;
  shard: string;
}

// Each expression describes the relation `r` as one text value.
const PRIVILEGES = `(select coalesce(string_agg(x, ',' order by x), '') from (select coalesce(ro.rolname, 'PUBLIC') || ':' || a.privilege_type as x
    from pg_class c, aclexplode(c.relacl) a left join pg_roles ro on ro.oid = a.grantee where c.oid = r) s)`;
const POLICIES = `(select coalesce(string_agg(x, ' | ' order by x), '') from (select p.polname || ' ' || case when p.polpermissive then 'permissive' else 'restrictive' end
      || ' ' || p.polcmd::text || ' to ' || coalesce((select string_agg(ro.rolname, ',' order by ro.rolname) from pg_roles ro where ro.oid = any(p.polroles)), 'public')
      || ' using (' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ') check (' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') || ')' as x
    from pg_policy p where p.polrelid = r) s)`;
const ROW_SECURITY = `(select relrowsecurity::text || ',' || relforcerowsecurity::text from pg_class where oid = r)`;

/** The shard placements of this node, described (runs on every node through run_command_on_all_nodes). */
const PER_NODE = `select coalesce(json_agg(json_build_object('t', s.logicalrelid::regclass::text, 's', s.shardid,
    'privileges', ${PRIVILEGES}, 'policies', ${POLICIES}, 'row security', ${ROW_SECURITY})), '[]')
  from pg_dist_shard s, lateral (select to_regclass(shard_name(s.logicalrelid, s.shardid)) as r) x where x.r is not null`;

/** The coordinator's tables, described the same way. */
const LOGICAL = `select s.logicalrelid::regclass::text as t, ${PRIVILEGES} as privileges, ${POLICIES} as policies, ${ROW_SECURITY} as "row security"
  from (select logicalrelid, logicalrelid::oid as r from pg_dist_partition) s`;

type Described = Record<'privileges' | 'policies' | 'row security', string>;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Compares privileges, policies and RLS flags of every shard placement of every Citus table with
 * the coordinator's table (one query per node); returns the differences (none when RLS holds as on one Postgres).
 *
 * @example
 * ```ts
 * import { verifyShards } from '@stocksync/db/citus';
 * const mismatches = await verifyShards(conn); // []
 * ```
 */
export async function verifyShards(conn: Queryable): Promise<ShardMismatch[]> {
  const logical = new Map(
    (await conn.query<Described & { t: string }>(LOGICAL)).map((row) => [row.t, row] as const),
  );
  const nodes = await conn.query<{ nodeid: number; success: boolean; result: string }>(
    `select nodeid, success, result from run_command_on_all_nodes(${literal(PER_NODE)})`,
  );
  const out: ShardMismatch[] = [];
  for (const node of nodes) {
    if (!node.success) {
      out.push({ table: '*', placement: `node ${node.nodeid}`, what: 'query failed', coordinator: '', shard: node.result });
      continue;
    }
    const shards = JSON.parse(node.result) as (Described & { t: string; s: number })[];
    for (const shard of shards) {
      const table = logical.get(shard.t);
      if (!table) continue;
      for (const what of ['privileges', 'policies', 'row security'] as const) {
        if ((shard[what] ?? '') !== (table[what] ?? '')) {
          out.push({ table: shard.t, placement: `node ${node.nodeid} shard ${shard.s}`, what, coordinator: table[what] ?? '', shard: shard[what] ?? '' });
        }
      }
    }
  }
  return out;
}
