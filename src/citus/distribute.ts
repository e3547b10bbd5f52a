// `distributeOnCitus`: runs the plan on one session, re-adds the saved foreign keys, puts the
// privileges back as they were, and verifies grants, policies and RLS flags on every shard.
import { ConfigurationError, StocksyncError } from '../errors.js';
import { openMigrationConnection, type MigrationConnection, type MigrationTarget } from '../migrations/adapter.js';
import { detectCitus, type CitusInfo, type Queryable } from './detect.js';
import { planContextBinding, verifyContextBinding } from './context.js';
import { readCitusLayout, type CitusTable } from './layout.js';
import { planCitusDistribution, SAVED_FOREIGN_KEYS, SAVED_PRIVILEGES, SESSION_SETTINGS, type CitusPlan, type CitusStep } from './plan.js';
import { verifyShards, type ShardMismatch } from './verify.js';

/** A Citus step failed or the result differs from plain Postgres; `mismatches` lists what differs. */
export class CitusDistributionError extends StocksyncError {
  override readonly code = 'CITUS_DISTRIBUTION';
  constructor(
    message: string,
    readonly mismatches: ShardMismatch[] = [],
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/** Options of {@link distributeOnCitus}. */
export interface DistributeOptions {
  /** Only compute the plan; change nothing. */
  planOnly?: boolean;
  /** Called before each step runs (the CLI prints it). */
  onStep?: (step: CitusStep) => void;
}

/** What {@link distributeOnCitus} did. */
export interface DistributeResult {
  citus: CitusInfo;
  plan: CitusPlan;
  /** Foreign keys re-added from the saved list. */
  foreignKeysRestored: number;
  /** GRANT / REVOKE statements that put privileges back as they were before distribution. */
  privilegeFixes: string[];
  /** The layout afterwards. */
  tables: CitusTable[];
}

async function exec(conn: MigrationConnection, statement: string): Promise<void> {
  try {
    await conn.exec(statement);
  } catch (error) {
    throw new CitusDistributionError(
      `Citus distribution failed at: ${statement.split('\n')[0]}\n${(error as Error).message}\n` +
        'Fix the cause and run `stocksync-db citus distribute` again: it resumes from the current state.',
      [],
      { cause: error },
    );
  }
}

/** Re-adds every saved foreign key that is not there, deleting it from the saved list once added. */
async function restoreForeignKeys(conn: MigrationConnection): Promise<number> {
  const saved = await conn.query<{ table_name: string; name: string; definition: string }>(
    `select table_name, name, definition from ${SAVED_FOREIGN_KEYS} order by table_name, name`,
  );
  let added = 0;
  for (const fk of saved) {
    const exists = await conn.query(
      `select 1 from pg_constraint where conrelid = $1::regclass and conname = $2`,
      [fk.table_name, fk.name],
    );
    if (!exists.length) {
      await exec(conn, `ALTER TABLE ${fk.table_name} ADD CONSTRAINT "${fk.name.replace(/"/g, '""')}" ${fk.definition}`);
      added++;
    }
    await conn.query(`delete from ${SAVED_FOREIGN_KEYS} where table_name = $1 and name = $2`, [fk.table_name, fk.name]);
  }
  return added;
}

/** Privileges of a table on this node, as `role:PRIVILEGE` strings. */
export const PRIVILEGES_SQL = `select coalesce(array_agg(coalesce(r.rolname, 'PUBLIC') || ':' || a.privilege_type order by 1), '{}') as privileges
  from pg_class c, aclexplode(c.relacl) a left join pg_roles r on r.oid = a.grantee where c.oid = $1::regclass`;

/** Puts each table's privileges back to the saved set: revokes what distribution added, grants what it dropped. */
async function restorePrivileges(conn: MigrationConnection): Promise<string[]> {
  const saved = await conn.query<{ table_name: string; privileges: string[] }>(`select table_name, privileges from ${SAVED_PRIVILEGES}`);
  const fixes: string[] = [];
  for (const row of saved) {
    const now = (await conn.query<{ privileges: string[] }>(PRIVILEGES_SQL, [row.table_name]))[0]?.privileges ?? [];
    const before = new Set(row.privileges);
    const after = new Set(now);
    for (const item of now) if (!before.has(item)) fixes.push(grantStatement('REVOKE', row.table_name, item));
    for (const item of row.privileges) if (!after.has(item)) fixes.push(grantStatement('GRANT', row.table_name, item));
  }
  for (const statement of fixes) await exec(conn, statement);
  return fixes;
}

/**
 * Shards are new tables, so default privileges (ALTER DEFAULT PRIVILEGES) apply to them: a shard can
 * grant what its table revoked (the read-only catalog, audit_logs). Put each shard back to its table's privileges.
 */
export async function restoreShardPrivileges(conn: Queryable, mismatches: ShardMismatch[]): Promise<string[]> {
  const fixes = new Set<string>();
  for (const m of mismatches) {
    if (m.what !== 'privileges') continue;
    const want = new Set(m.coordinator.split(',').filter(Boolean));
    const have = new Set(m.shard.split(',').filter(Boolean));
    for (const item of have) if (!want.has(item)) fixes.add(`${m.table}\u0000${grantStatement('REVOKE', '%s', item)}`);
    for (const item of want) if (!have.has(item)) fixes.add(`${m.table}\u0000${grantStatement('GRANT', '%s', item)}`);
  }
  const done: string[] = [];
  for (const fix of fixes) {
    const [table, statement] = fix.split('\u0000') as [string, string];
    const failed = await conn.query<{ result: string }>(
      `select result from run_command_on_placements($1::regclass, $2) where not success`,
      [table, statement],
    );
    if (failed.length) throw new CitusDistributionError(`Could not run "${statement}" on the shards of ${table}: ${failed[0]!.result}`);
    done.push(`${statement.replace('%s', `${table} (every shard)`)}`);
  }
  return done;
}

function grantStatement(verb: 'GRANT' | 'REVOKE', table: string, item: string): string {
  const [role, privilege] = item.split(':') as [string, string];
  const who = role === 'PUBLIC' ? 'PUBLIC' : `"${role.replace(/"/g, '""')}"`;
  return `${verb} ${privilege} ON ${table} ${verb === 'GRANT' ? 'TO' : 'FROM'} ${who}`;
}

/**
 * Distributes the package's schema on a Citus coordinator: reference tables for the global tables
 * and the legacy schema, tenant tables distributed by `tenant_id` and colocated, foreign keys
 * dropped and re-added around the change, privileges put back as they were, then grants, policies
 * and RLS flags compared on every shard with the coordinator, and the signed tenant context bound to
 * the distributed transaction on every node (same key everywhere, replay functions closed). Idempotent (a second run does
 * nothing) and resumable (a failed run leaves what it must restore in `drizzle.stocksync_citus_*`).
 *
 * @example
 * ```ts
 * import { distributeOnCitus } from '@stocksync/db/citus';
 * const result = await distributeOnCitus({ url: process.env.DATABASE_URL! });
 * const titles = result.plan.steps.map((s) => s.title);
 * ```
 */
export async function distributeOnCitus(target: MigrationTarget, options: DistributeOptions = {}): Promise<DistributeResult> {
  const conn = await openMigrationConnection(target);
  try {
    const citus = await detectCitus(conn);
    if (!citus) {
      throw new ConfigurationError(
        'The database has no Citus extension: run `CREATE EXTENSION citus` on the coordinator and on each worker, then `citus_add_node` for each worker (see docs/scaling.md).',
      );
    }
    if (citus.workers === 0) {
      throw new ConfigurationError('The Citus coordinator has no active worker: add one with `SELECT citus_add_node(host, port)` first.');
    }
    const plan = await planCitusDistribution(conn, citus);
    const placing = plan.steps.length > 0;
    const contextStep = await planContextBinding(conn);
    if (contextStep) plan.steps.push(contextStep);
    if (options.planOnly) return { citus, plan, foreignKeysRestored: 0, privilegeFixes: [], tables: plan.tables };
    for (const setting of SESSION_SETTINGS) await conn.exec(setting);
    const saved = await savedStateExists(conn);
    for (const step of plan.steps) {
      if (/^re-add/.test(step.title)) continue; // done below from the saved list, which also covers earlier runs
      options.onStep?.(step);
      for (const statement of step.sql) await exec(conn, statement);
    }
    let foreignKeysRestored = 0;
    let privilegeFixes: string[] = [];
    if (saved || placing) {
      options.onStep?.({ title: 're-add the saved foreign keys and put the privileges back', sql: [] });
      foreignKeysRestored = await restoreForeignKeys(conn);
      privilegeFixes = await restorePrivileges(conn);
    }
    privilegeFixes.push(...(await restoreShardPrivileges(conn, await verifyShards(conn))));
    const mismatches = await verifyShards(conn);
    if (mismatches.length) {
      throw new CitusDistributionError(
        `The shards differ from the coordinator (${mismatches.length} findings), first: ${describe(mismatches[0]!)}. ` +
          'Row-level security would not hold as on plain Postgres: fix the schema (see docs/scaling.md) and run again.',
        mismatches,
      );
    }
    await conn.exec(`DROP TABLE IF EXISTS ${SAVED_FOREIGN_KEYS}, ${SAVED_PRIVILEGES}`);
    const context = await verifyContextBinding(conn);
    if (context.length) {
      throw new CitusDistributionError(
        `The signed tenant context does not hold on every node (${context.length} findings): ` +
          context.map((f) => `${f.node} ${f.what}: ${f.detail}`).join('; ') +
          '. Tenant queries through the coordinator would read nothing, or a signature could be replayed: fix them (docs/scaling.md) and run again.',
      );
    }
    const tables = await readCitusLayout(conn, { citus: true });
    const misplaced = tables.filter((t) => t.wanted !== t.current && t.wanted !== 'local');
    if (misplaced.length) {
      throw new CitusDistributionError(`Tables not placed as wanted: ${misplaced.map((t) => `${t.qualified} is ${t.current}, wanted ${t.wanted}`).join('; ')}.`);
    }
    return { citus, plan, foreignKeysRestored, privilegeFixes, tables };
  } finally {
    await conn.release();
  }
}

async function savedStateExists(conn: Queryable): Promise<boolean> {
  const rows = await conn.query<{ ok: boolean }>(`select to_regclass('${SAVED_FOREIGN_KEYS}') is not null as ok`);
  return rows[0]?.ok === true;
}

function describe(m: ShardMismatch): string {
  return `${m.table} on ${m.placement}: ${m.what} is ${JSON.stringify(m.shard)}, coordinator ${JSON.stringify(m.coordinator)}`;
}
