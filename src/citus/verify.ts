// Verifies, shard by shard, that what row-level security depends on is the same on the workers as on
// the coordinator: privileges, policies (permissive or restrictive, command, roles, expressions), RLS flags.
import type { Queryable } from './detect.js';

/** One difference between a shard placement and its coordinator table. */
export interface ShardMismatch {
  table: string;
  /** `host:port shard`. */
  placement: string;
  what: 'privileges' | 'policies' | 'row security' | 'query failed';
  coordinator: string;
  shard: string;
}

// Each query prints one text value for a relation `%s` (Citus substitutes the shard name on placements).
const CHECKS: Record<Exclude<ShardMismatch['what'], 'query failed'>, string> = {
  privileges: `select coalesce(string_agg(x, ',' order by x), '') from (select coalesce(r.rolname, 'PUBLIC') || ':' || a.privilege_type as x
    from pg_class c, aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee where c.oid = '%s'::regclass) s`,
  policies: `select coalesce(string_agg(x, ' | ' order by x), '') from (select p.polname || ' ' || case when p.polpermissive then 'permissive' else 'restrictive' end
      || ' ' || p.polcmd || ' to ' || coalesce((select string_agg(r.rolname, ',' order by r.rolname) from pg_roles r where r.oid = any(p.polroles)), 'public')
      || ' using (' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ') check (' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') || ')' as x
    from pg_policy p where p.polrelid = '%s'::regclass) s`,
  'row security': `select relrowsecurity::text || ',' || relforcerowsecurity::text from pg_class where oid = '%s'::regclass`,
};

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Compares privileges, policies and RLS flags of every shard placement of every Citus table with
 * the coordinator's table; returns the differences (none when RLS holds as on one Postgres).
 *
 * @example
 * ```ts
 * import { verifyShards } from '@stocksync/db/citus';
 * const mismatches = await verifyShards(conn); // []
 * ```
 */
export async function verifyShards(conn: Queryable): Promise<ShardMismatch[]> {
  const tables = await conn.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid join pg_namespace n on n.oid = c.relnamespace
      order by 1`,
  );
  const out: ShardMismatch[] = [];
  for (const { name } of tables) {
    for (const [what, query] of Object.entries(CHECKS) as [keyof typeof CHECKS, string][]) {
      const coordinator = (await conn.query<{ v: string | null }>(`select (${query.replace('%s', name.replace(/'/g, "''"))}) as v`))[0]?.v ?? '';
      const placements = await conn.query<{ nodename: string; nodeport: number; shardid: string; success: boolean; result: string }>(
        `select nodename, nodeport, shardid, success, result from run_command_on_placements(${literal(name)}, ${literal(query)})`,
      );
      for (const p of placements) {
        const placement = `${p.nodename}:${p.nodeport} shard ${p.shardid}`;
        if (!p.success) out.push({ table: name, placement, what: 'query failed', coordinator: '', shard: p.result });
        else if ((p.result ?? '') !== coordinator) out.push({ table: name, placement, what, coordinator, shard: p.result ?? '' });
      }
    }
  }
  return out;
}
