// The signed tenant context on Citus: is it bound to the distributed transaction on every node, with the
// same key everywhere, and closed to replays on the coordinator? And the step that makes it so (0038).
import type { Queryable } from './detect.js';
import type { CitusStep } from './plan.js';

/** Something about the signed context that does not hold on one node. */
export interface ContextFinding {
  /** `coordinator`, or `node <id>` for a worker. */
  node: string;
  what: 'binding' | 'key' | 'key privileges' | 'replay' | 'migration';
  detail: string;
}

/** The one statement that binds the context (migration 0038 defines it; it copies the key to the workers). */
export const BIND_CONTEXT_SQL = 'SELECT stocksync_private.bind_context_to_citus()';

/** Citus functions that open worker sessions outside the coordinator's transaction: closed on every node. */
const RUN_FUNCTIONS = [
  'run_command_on_workers',
  'run_command_on_all_nodes',
  'run_command_on_placements',
  'run_command_on_shards',
  'run_command_on_colocated_placements',
  'master_run_on_worker',
];
/** Sets the distributed transaction id by hand: closed on the coordinator (the workers need it). */
const ASSIGN_FUNCTION = 'assign_distributed_transaction_id';

// Which of `names` PUBLIC may execute on a node, as a json array of signatures.
const publicExecutable = (names: string[]) => `(select coalesce(json_agg(p.oid::regprocedure::text order by 1), '[]') from pg_proc p
      where p.pronamespace = 'pg_catalog'::regnamespace and p.proname in (${names.map((n) => `'${n}'`).join(', ')})
        and (p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE')))`;

// Catalog only, so it parses on a node that lacks the key table.
const PER_NODE_CATALOG = () => `select json_build_object(
    'open', ${publicExecutable(RUN_FUNCTIONS)},
    'binding', (select p.prosrc from pg_proc p where p.oid = to_regprocedure('public.stocksync_ctx_binding()')),
    'keyTable', to_regclass('stocksync_private.context_key') is not null,
    'ownerOnly', (select coalesce(bool_and(a.grantee = c.relowner), true) from pg_class c
                   left join lateral aclexplode(c.relacl) a on true where c.oid = to_regclass('stocksync_private.context_key')))`;
// A digest of the key, never the key: equal digests mean equal keys.
const PER_NODE_KEY = `select encode(sha256(inner_pad || outer_pad), 'hex') from stocksync_private.context_key where id = 1`;
const CITUS_BINDING = /stocksync_ctx_citus_binding\(\)/;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * What keeps the signed tenant context from holding through the coordinator: a node whose
 * `stocksync_ctx_binding()` is not the distributed transaction, a key missing, different or readable
 * by others than the owner, or a Citus function the service role could replay a signature with. Empty
 * when the context holds.
 *
 * @example
 * ```ts
 * import { verifyContextBinding } from '@stocksync/db/citus';
 * const findings = await verifyContextBinding(conn); // []
 * ```
 */
export async function verifyContextBinding(conn: Queryable): Promise<ContextFinding[]> {
  const migrated = await conn.query<{ ok: boolean }>(
    `select to_regprocedure('stocksync_private.bind_context_to_citus()') is not null as ok`,
  );
  if (!migrated[0]?.ok) {
    return [{ node: 'coordinator', what: 'migration', detail: 'stocksync_private.bind_context_to_citus() is missing: run `stocksync-db migrate up` (0038)' }];
  }
  const out: ContextFinding[] = [];
  const catalog = await conn.query<{ nodeid: number; groupid: number; success: boolean; result: string }>(
    `select r.nodeid, n.groupid, r.success, r.result from run_command_on_all_nodes(${literal(PER_NODE_CATALOG())}) r
       join pg_dist_node n using (nodeid) order by n.groupid, r.nodeid`,
  );
  const keys = await conn.query<{ nodeid: number; groupid: number; success: boolean; result: string }>(
    `select r.nodeid, n.groupid, r.success, r.result from run_command_on_all_nodes(${literal(PER_NODE_KEY)}) r
       join pg_dist_node n using (nodeid) order by n.groupid, r.nodeid`,
  );
  const coordinatorKey = keys.find((k) => k.groupid === 0);
  for (const node of catalog) {
    const name = node.groupid === 0 ? 'coordinator' : `node ${node.nodeid}`;
    if (!node.success) {
      out.push({ node: name, what: 'binding', detail: `could not read the catalog: ${node.result}` });
      continue;
    }
    const seen = JSON.parse(node.result) as { binding: string | null; keyTable: boolean; ownerOnly: boolean; open: string[] };
    for (const fn of seen.open) {
      out.push({ node: name, what: 'replay', detail: `PUBLIC may execute ${fn}: REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC as a superuser` });
    }
    if (!seen.binding || !CITUS_BINDING.test(seen.binding)) {
      out.push({ node: name, what: 'binding', detail: 'stocksync_ctx_binding() is not bound to the distributed transaction' });
    }
    if (!seen.keyTable) out.push({ node: name, what: 'key', detail: 'no stocksync_private.context_key table' });
    else if (!seen.ownerOnly) out.push({ node: name, what: 'key privileges', detail: 'stocksync_private.context_key is readable by other roles than its owner' });
    const key = keys.find((k) => k.nodeid === node.nodeid);
    if (seen.keyTable && (!key?.success || !coordinatorKey?.success || key.result !== coordinatorKey.result)) {
      out.push({ node: name, what: 'key', detail: 'the context key differs from the coordinator\'s' });
    }
  }
  const assign = await conn.query<{ open: string[] }>(`select ${publicExecutable([ASSIGN_FUNCTION])} as open`);
  for (const fn of assign[0]?.open ?? []) {
    out.push({ node: 'coordinator', what: 'replay', detail: `PUBLIC may execute ${fn}: REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC as a superuser` });
  }
  return out;
}

/**
 * The plan step that binds the signed context on every node, or none when it already holds.
 *
 * @example
 * ```ts
 * import { planContextBinding } from '@stocksync/db/citus';
 * const step = await planContextBinding(conn); // null once bound
 * ```
 */
export async function planContextBinding(conn: Queryable): Promise<CitusStep | null> {
  const findings = await verifyContextBinding(conn);
  if (!findings.length) return null;
  if (findings.some((f) => f.what === 'migration')) return null; // nothing to run before `migrate up`
  return {
    title: `bind the signed tenant context to the distributed transaction on every node (${findings.length} findings, first: ${findings[0]!.node} ${findings[0]!.what})`,
    sql: [BIND_CONTEXT_SQL],
  };
}
