// The distribution plan: from what the catalog holds now to the wanted layout, as ordered steps of SQL.
// Computed again on every run, so a run that stopped half way resumes where it stopped.
import { DISTRIBUTION_COLUMN, readCitusLayout, type CitusTable } from './layout.js';
import type { CitusInfo, Queryable } from './detect.js';

/** Where a run keeps what it must put back: foreign keys it dropped and the privileges it found. */
export const BOOKKEEPING_SCHEMA = 'drizzle';
/** Foreign keys dropped to distribute their tables, re-added (then deleted from here) at the end. */
export const SAVED_FOREIGN_KEYS = `${BOOKKEEPING_SCHEMA}.stocksync_citus_foreign_keys`;
/** Each table's privileges before distribution, restored after it (create_distributed_table grants more). */
export const SAVED_PRIVILEGES = `${BOOKKEEPING_SCHEMA}.stocksync_citus_privileges`;

/** Session settings every step runs under. */
export const SESSION_SETTINGS = [
  // Tables with triggers (audit, updated_at, rules) can only be distributed with this on; the
  // schema's triggers only touch rows of the same tenant, which is what makes them safe here.
  `SET citus.enable_unsafe_triggers = on`,
  // Foreign keys to reference tables and DDL after distribution need one connection per node.
  `SET citus.multi_shard_modify_mode = 'sequential'`,
];

/** One step of the plan. */
export interface CitusStep {
  /** What the step does, in a few words. */
  title: string;
  /** Its statements, in order. */
  sql: string[];
}

/** What {@link planCitusDistribution} returns. */
export interface CitusPlan {
  tables: CitusTable[];
  /** The table the tenant tables are colocated with. */
  anchor: string | null;
  steps: CitusStep[];
}

interface ForeignKeyRow {
  table: string;
  name: string;
  definition: string;
  [key: string]: unknown;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Saved-state tables exist (a previous run started)? */
async function bookkeepingExists(conn: Queryable): Promise<boolean> {
  const rows = await conn.query<{ ok: boolean }>(`select to_regclass(${literal(SAVED_FOREIGN_KEYS)}) is not null as ok`);
  return rows[0]?.ok === true;
}

/** Foreign keys between tables that change placement and are not in place yet. */
async function foreignKeysToDrop(conn: Queryable, moving: Set<string>): Promise<ForeignKeyRow[]> {
  const rows = await conn.query<ForeignKeyRow & { target: string }>(
    `select format('%I.%I', n.nspname, c.relname) as table, format('%I.%I', fn.nspname, f.relname) as target,
            k.conname as name, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_class f on f.oid = k.confrelid join pg_namespace fn on fn.oid = f.relnamespace
      where k.contype = 'f'
      order by 1, 3`,
  );
  return rows.filter((r) => moving.has(r.table) || moving.has(r.target));
}

/**
 * The steps that take the cluster from its current layout to the wanted one; empty when it is there.
 *
 * @example
 * ```ts
 * import { planCitusDistribution } from '@stocksync/db/citus';
 * const plan = await planCitusDistribution(conn, citus);
 * const script = plan.steps.map((step) => `-- ${step.title}\n${step.sql}`).join("\n");
 * ```
 */
export async function planCitusDistribution(conn: Queryable, _citus: CitusInfo): Promise<CitusPlan> {
  const tables = await readCitusLayout(conn, { citus: true });
  const moving = tables.filter((t) => t.wanted !== 'local' && t.current !== t.wanted);
  const distributed = tables.filter((t) => t.wanted === 'distributed');
  const anchorTable =
    distributed.find((t) => t.current === 'distributed') ?? distributed.find((t) => t.name === 'users') ?? distributed[0];
  const anchor = anchorTable?.qualified ?? null;
  const anchorColocation = anchorTable?.current === 'distributed' ? anchorTable.colocationId : null;
  const misplaced = distributed.filter(
    (t) => t.current === 'distributed' && anchorColocation !== null && t.colocationId !== anchorColocation,
  );
  const steps: CitusStep[] = [];
  const hasBookkeeping = await bookkeepingExists(conn);

  const fks = moving.length ? await foreignKeysToDrop(conn, new Set(moving.map((t) => t.qualified))) : [];
  if (moving.length || misplaced.length) {
    steps.push({
      title: 'save foreign keys and privileges (kept until the end, so a failed run can resume)',
      sql: [
        `CREATE TABLE IF NOT EXISTS ${SAVED_FOREIGN_KEYS} (table_name text NOT NULL, name text NOT NULL, definition text NOT NULL, PRIMARY KEY (table_name, name))`,
        `CREATE TABLE IF NOT EXISTS ${SAVED_PRIVILEGES} (table_name text PRIMARY KEY, privileges text[] NOT NULL)`,
        `INSERT INTO ${SAVED_PRIVILEGES} SELECT format('%I.%I', n.nspname, c.relname), coalesce(array_agg(coalesce(r.rolname, 'PUBLIC') || ':' || a.privilege_type ORDER BY 1) FILTER (WHERE a.grantee IS NOT NULL), '{}')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN LATERAL aclexplode(c.relacl) a ON true LEFT JOIN pg_roles r ON r.oid = a.grantee
  WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'legacy') GROUP BY 1 ON CONFLICT DO NOTHING`,
      ],
    });
  }
  if (fks.length) {
    steps.push({
      title: `drop ${fks.length} foreign keys between the tables being placed (re-added at the end)`,
      sql: fks.flatMap((fk) => [
        `INSERT INTO ${SAVED_FOREIGN_KEYS} VALUES (${literal(fk.table)}, ${literal(fk.name)}, ${literal(fk.definition)}) ON CONFLICT DO NOTHING`,
        `ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name.replace(/"/g, '""')}"`,
      ]),
    });
  }
  const undo = moving.filter((t) => t.current === 'citus-local' || (t.current !== 'local' && t.current !== t.wanted && t.wanted === 'reference'));
  if (undo.length) {
    steps.push({
      title: `turn ${undo.length} tables Citus made local (or placed otherwise) back into plain tables`,
      sql: undo.map((t) => `SELECT undistribute_table(${literal(t.qualified)}, cascade_via_foreign_keys => false)`),
    });
  }
  const references = moving.filter((t) => t.wanted === 'reference');
  if (references.length) {
    steps.push({
      title: `create ${references.length} reference tables`,
      sql: references.map((t) => `SELECT create_reference_table(${literal(t.qualified)})`),
    });
  }
  const toDistribute = moving.filter((t) => t.wanted === 'distributed');
  if (toDistribute.length) {
    const first = anchorTable && anchorTable.current !== 'distributed' ? anchorTable : null;
    const ordered = first ? [first, ...toDistribute.filter((t) => t !== first)] : toDistribute;
    steps.push({
      title: `distribute ${toDistribute.length} tenant tables by ${DISTRIBUTION_COLUMN}, colocated with ${anchor}`,
      sql: ordered.map((t) =>
        t === first
          ? `SELECT create_distributed_table(${literal(t.qualified)}, '${DISTRIBUTION_COLUMN}', colocate_with => 'none')`
          : t.current === 'distributed-other'
            ? `SELECT alter_distributed_table(${literal(t.qualified)}, distribution_column => '${DISTRIBUTION_COLUMN}', colocate_with => ${literal(anchor!)})`
            : `SELECT create_distributed_table(${literal(t.qualified)}, '${DISTRIBUTION_COLUMN}', colocate_with => ${literal(anchor!)})`,
      ),
    });
  }
  if (misplaced.length) {
    steps.push({
      title: `colocate ${misplaced.length} distributed tables with ${anchor}`,
      sql: misplaced.map((t) => `SELECT alter_distributed_table(${literal(t.qualified)}, colocate_with => ${literal(anchor!)})`),
    });
  }
  if (fks.length || hasBookkeeping) {
    steps.push({
      title: 're-add the saved foreign keys',
      sql: [
        ...fks.map((fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name.replace(/"/g, '""')}" ${fk.definition}`),
        ...(hasBookkeeping && !fks.length ? [`-- and every key still listed in ${SAVED_FOREIGN_KEYS}`] : []),
      ],
    });
  }
  return { tables, anchor, steps };
}

