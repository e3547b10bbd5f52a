// Moving one tenant between the shared tables and its own schema, both ways: the tenant's requests
// wait while it moves (a per-tenant lock that stocksync_enter_tenant honours), the rows are copied,
// counted and checksummed per table, the isolation switches and the old copy goes, all in one
// transaction: a failure at any point leaves the tenant where it was, with nothing lost.
import { sql } from 'drizzle-orm';
import { ConfigurationError, TenantNotFoundError } from '../errors.js';
import { STAMP_PREFIX, stampComment, tenantSchemaName } from './stamp.js';
import { quoteIdent, type SqlRunner, type TransactionRunner } from './structure.js';
import { readTemplate, saveTemplate, syncTenantSchema } from './sync.js';

/** Where a tenant's rows live. */
export type Isolation = 'shared' | 'schema';

/** The steps of a move, in order (the hook {@link MoveOptions.onStep} is called before each). */
export const MOVE_STEPS = ['lock', 'mark', 'drain', 'prepare', 'copy', 'verify', 'switch', 'cleanup'] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];

/** One table of a move. */
export interface MovedTable {
  table: string;
  rows: number;
  checksum: string;
}

/** The report of {@link moveTenant}. */
export interface MoveReport {
  tenantId: string;
  from: Isolation;
  to: Isolation;
  schema: string;
  /** False for a plan (`plan: true`): nothing was changed. */
  moved: boolean;
  tables: MovedTable[];
  /**
   * Moving out of a schema: true when the emptied schema could not be dropped at once (the drop waits
   * for the tenants table); it stays, empty and marked vacated, and the next move to schema takes it up.
   */
  leftover?: boolean;
  /** What the move does, step by step (also printed by `tenant move --plan`). */
  steps: string[];
  ms: number;
}

/** Options of {@link moveTenant}. */
export interface MoveOptions {
  /** Only report what would be done (row counts per table), change nothing. */
  plan?: boolean;
  /** Called before each step with the move's own session (tests stop the move there). */
  onStep?: (step: MoveStep) => Promise<void> | void;
  /** How long to wait for the tenant's transactions that were open when the move began (default 60 s). */
  drainTimeoutMs?: number;
}

/** A session of its own: the move's lock lives as long as it. */
export interface MoveSession extends TransactionRunner {
  release(): Promise<void>;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

async function one<T>(db: SqlRunner, query: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await db.execute(query))[0]!;
}

/**
 * Moves a tenant to `to` (`schema`: its own schema `tenant_<id hex>`; `shared`: the public tables).
 * `session` must be one dedicated connection of a role that may set `session_replication_role` (a
 * superuser or the provider's equivalent, as for importTenant): the copy writes rows exactly as they
 * are, without firing triggers or new audit entries.
 *
 * How writes made during the move are kept: the tenant's new transactions wait (they do not fail)
 * from the moment the move begins until it commits or fails, and the move waits first for the
 * tenant's transactions already open. So nothing is written to the old copy after it was read; the
 * price is that the tenant's requests wait for the length of the copy.
 *
 * @example
 * ```ts
 * import { moveTenant } from '@stocksync/db/tenant-schemas';
 * const report = await moveTenant(session, tenantId, 'schema');
 * ```
 */
export async function moveTenant(session: MoveSession | TransactionRunner, tenantId: string, to: Isolation, options: MoveOptions = {}): Promise<MoveReport> {
  const started = performance.now();
  if (to !== 'shared' && to !== 'schema') throw new ConfigurationError(`A tenant moves to "shared" or "schema", not "${String(to)}".`);
  const tenant = rowsOf<{ isolation: Isolation; slug: string }>(await session.execute(sql`select isolation, slug from public.tenants where id = ${tenantId}::uuid`))[0];
  if (!tenant) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist.`);
  const from = tenant.isolation;
  const schema = tenantSchemaName(tenantId);
  const template = await readTemplate(session);
  const tables = template.tables;
  const source = from === 'schema' ? schema : 'public';
  const target = to === 'schema' ? schema : 'public';
  const steps = [
    `wait for the tenant's open transactions, then make its new ones wait until the move ends`,
    to === 'schema' ? `create schema ${schema} from the public tables (${tables.length} tables)` : `check that the public tables hold no row of the tenant`,
    `copy every row of the tenant from ${source} to ${target}, triggers off (rows exactly as they are)`,
    `compare row counts and checksums per table`,
    `set tenants.isolation = '${to}'`,
    from === 'schema' ? `empty schema ${schema} and mark it vacated` : `delete the tenant's rows from the public tables`,
    'commit: all of it or none of it',
    ...(from === 'schema' ? [`drop schema ${schema} (a short wait for the tenants table; left vacated and empty if it cannot)`] : []),
  ];
  if (from === to) {
    return { tenantId, from, to, schema, moved: false, tables: [], steps: [`nothing to do: the tenant is already ${to}`], ms: performance.now() - started };
  }
  if (options.plan) {
    const counted = await countRows(session, source, tables, tenantId, from === 'schema');
    return { tenantId, from, to, schema, moved: false, tables: counted, steps, ms: performance.now() - started };
  }
  const step = async (name: MoveStep) => options.onStep?.(name);

  await step('lock');
  // The move's own lock, held by this session until the end: the tenant's transactions that begin while
  // it is held wait in stocksync_enter_tenant (moving_to is set), and a second move of the tenant fails.
  const key = (await one<{ key: string }>(session, sql`select stocksync_private.tenant_move_lock_key(${tenantId}::uuid)::text as key`)).key;
  const locked = (await one<{ ok: boolean }>(session, sql`select pg_try_advisory_lock(${key}::bigint) as ok`)).ok;
  let report: MoveReport;
  if (!locked) throw new ConfigurationError(`Tenant ${tenant.slug} is being moved by another session: wait for it to finish.`);
  try {
    await step('mark');
    await session.execute(sql`update public.tenants set moving_to = ${to} where id = ${tenantId}::uuid`);
    await step('drain');
    await drain(session, tenantId, options.drainTimeoutMs ?? 60_000);

    const moved = await session.transaction(async (tx) => {
      try {
        await tx.execute(sql`set local session_replication_role = replica`);
      } catch (error) {
        throw new ConfigurationError(
          'moveTenant needs a connection allowed to set session_replication_role (a superuser or your provider equivalent): the copy must not fire triggers.',
          { cause: error },
        );
      }
      await step('prepare');
      if (to === 'schema') {
        await saveTemplate(tx, template);
        // A schema this tenant left earlier (vacated: emptied, its drop put off) is taken up again and brought
        // to the template: dropping it here would wait for the tenants table, which the tenant's waiting
        // transactions hold. One that holds rows is not overwritten.
        const comment = rowsOf<{ c: string | null }>(
          await tx.execute(sql`select obj_description(oid, 'pg_namespace') as c from pg_namespace where nspname = ${schema}`),
        )[0];
        if (comment) {
          const rows = await countRows(tx, schema, tables, tenantId, true);
          if (rows.some((r) => r.rows > 0)) {
            throw new ConfigurationError(`Schema ${schema} already exists and holds rows of tenant ${tenant.slug}: nothing was moved. Compare it with the public tables and drop it by hand if it is stale.`);
          }
          const vacated = new RegExp(`^${VACATED_PREFIX} (${tenantId}) ([0-9a-f]+)$`).exec(comment.c ?? '');
          if (vacated) await tx.execute(sql.raw(`COMMENT ON SCHEMA ${quoteIdent(schema)} IS '${stampComment(tenantId, vacated[2]!)}'`));
        }
        await syncTenantSchema(tx as TransactionRunner, template, schema, { tenantId });
      } else {
        const left = await countRows(tx, 'public', tables, tenantId, false);
        const nonEmpty = left.filter((r) => r.rows > 0);
        if (nonEmpty.length) {
          throw new ConfigurationError(
            `The public tables already hold rows of tenant ${tenant.slug} (${nonEmpty.map((r) => `${r.table}: ${r.rows}`).join(', ')}): a schema tenant should have none. Nothing was moved; look at those rows first.`,
          );
        }
      }
      await step('copy');
      for (const table of tables) {
        const columns = await insertableColumns(tx, target, table);
        const list = columns.map(quoteIdent).join(', ');
        await tx.execute(
          sql.raw(
            `INSERT INTO ${quoteIdent(target)}.${quoteIdent(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM ${quoteIdent(source)}.${quoteIdent(table)} WHERE tenant_id = '${tenantId}'::uuid`,
          ),
        );
      }
      await step('verify');
      const before = await countRows(tx, source, tables, tenantId, from === 'schema', target);
      const after = await countRows(tx, target, tables, tenantId, to === 'schema', target);
      for (const b of before) {
        const a = after.find((x) => x.table === b.table)!;
        if (a.rows !== b.rows || a.checksum !== b.checksum) {
          throw new ConfigurationError(
            `The copy of ${b.table} differs (${b.rows} rows, checksum ${b.checksum} in ${source}; ${a.rows} rows, checksum ${a.checksum} in ${target}): nothing was moved.`,
          );
        }
      }
      await step('switch');
      await tx.execute(sql`update public.tenants set isolation = ${to}, moving_to = null where id = ${tenantId}::uuid`);
      await step('cleanup');
      if (from === 'schema') {
        // Emptied here; dropped after the commit (a drop waits for the tenants table: see vacate()).
        const present = (await presentTables(tx, schema)).filter((t) => tables.includes(t));
        if (present.length) await tx.execute(sql.raw(`TRUNCATE ${present.map((t) => `${quoteIdent(schema)}.${quoteIdent(t)}`).join(', ')}`));
        const stamp = rowsOf<{ c: string | null }>(await tx.execute(sql`select obj_description(oid, 'pg_namespace') as c from pg_namespace where nspname = ${schema}`))[0]?.c ?? '';
        await tx.execute(sql.raw(`COMMENT ON SCHEMA ${quoteIdent(schema)} IS '${stamp.replace(STAMP_PREFIX, VACATED_PREFIX).replace(/'/g, "''")}'`));
      } else {
        for (const table of [...tables].reverse()) {
          await tx.execute(sql.raw(`DELETE FROM public.${quoteIdent(table)} WHERE tenant_id = '${tenantId}'::uuid`));
        }
      }
      await tx.execute(sql`set local session_replication_role = origin`);
      return before;
    });
    report = { tenantId, from, to, schema, moved: true, tables: moved, steps, ms: 0 };
  } finally {
    // A failed move leaves moving_to set; with the lock released, the tenant's transactions no longer wait
    // and find it where it was. Clear it when the session still answers.
    await session.execute(sql`update public.tenants set moving_to = null where id = ${tenantId}::uuid and moving_to is not null`).then(
      () => undefined,
      () => undefined,
    );
    await session.execute(sql`select pg_advisory_unlock(${key}::bigint)`).then(
      () => undefined,
      () => undefined,
    );
  }
  // After the lock is gone: the tenant's transactions that waited for the move hold the tenants table.
  if (from === 'schema') report.leftover = !(await dropVacated(session, schema));
  report.ms = performance.now() - started;
  return report;
}

/** The comment of a schema its tenant moved out of (not listed as a tenant schema, not migrated). */
export const VACATED_PREFIX = 'stocksync vacated tenant schema';

/** Tables of a schema. */
async function presentTables(db: SqlRunner, schema: string): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relkind in ('r', 'p')`),
  ).map((r) => r.name);
}

/**
 * Drops a vacated schema. Dropping its tables drops their foreign keys to the global tables, which takes
 * an exclusive lock on `tenants` that every tenant transaction's entry reads: it waits at most a short
 * lock_timeout (so other tenants stall for no longer) and is left for the next move otherwise.
 */
async function dropVacated(session: SqlRunner, schema: string): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await (session as TransactionRunner).transaction(async (tx) => {
        await tx.execute(sql`select set_config('lock_timeout', '200ms', true)`);
        await tx.execute(sql.raw(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`));
      });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
  return false;
}

/** Waits until no transaction that was open when the move was marked (and could be the tenant's) is still running. */
async function drain(session: SqlRunner, tenantId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const marked = (await one<{ at: string }>(session, sql`select clock_timestamp()::text as at`)).at;
  for (;;) {
    const open = rowsOf<{ pid: number }>(
      await session.execute(sql`select pid from pg_stat_activity where xact_start < ${marked}::timestamptz and pid <> pg_backend_pid()
        and backend_type = 'client backend' and datname = current_database()
        and not (wait_event_type = 'Lock' and wait_event = 'advisory')`),
    );
    if (!open.length) return;
    if (Date.now() > deadline) {
      throw new ConfigurationError(
        `Transactions that began before the move of tenant ${tenantId} are still open after ${timeoutMs} ms (backends ${open.map((o) => o.pid).join(', ')}): nothing was moved. Try again when they end.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The columns of a table a copy writes (all but generated ones), in the target's order. */
async function insertableColumns(db: SqlRunner, schema: string, table: string): Promise<string[]> {
  return rowsOf<{ name: string }>(
    await db.execute(sql`select a.attname as name from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relname = ${table} and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum`),
  ).map((r) => r.name);
}

/**
 * Row count and an order-independent checksum (the sum of each row's md5, over the columns in the
 * order of `columnsFrom`'s table) of the tenant's rows per table.
 */
async function countRows(db: SqlRunner, schema: string, tables: string[], tenantId: string, wholeSchema: boolean, columnsFrom = schema): Promise<MovedTable[]> {
  const out: MovedTable[] = [];
  for (const table of tables) {
    const columns = (await insertableColumns(db, columnsFrom, table)).map((c) => `t.${quoteIdent(c)}`).join(', ');
    const where = wholeSchema ? '' : ` WHERE t.tenant_id = '${tenantId}'::uuid`;
    const exists = rowsOf(await db.execute(sql`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ${schema} and c.relname = ${table}`));
    if (!exists.length) {
      out.push({ table, rows: 0, checksum: '0' });
      continue;
    }
    const r = await one<{ n: string; sum: string | null }>(
      db,
      sql.raw(`SELECT count(*)::text AS n, sum(('x' || substr(md5(ROW(${columns})::text), 1, 15))::bit(60)::bigint::numeric)::text AS sum
        FROM ${quoteIdent(schema)}.${quoteIdent(table)} t${where}`),
    );
    out.push({ table, rows: Number(r.n), checksum: r.sum ?? '0' });
  }
  return out;
}
