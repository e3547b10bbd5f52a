// citus_scoped_vs_raw_point / _list: on a Citus cluster (CITUS_DATABASE_URL, a migrated and distributed
// coordinator), the tenant-scoped builder as the service role (signed context, SET LOCAL replayed on the
// workers, RLS on the shards) against a plain drizzle query with the tenant_id filter as the owner (no
// context, RLS bypassed), same driver, same pool size, both through the coordinator. Skipped without the URL.
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/connection.js';
import { SERVICE_ROLE, tasks } from '../src/schema/index.js';
import { tenantDb } from '../src/tenancy/index.js';
import { runBatch } from '../src/tenancy/node-pg-batch.js';
import type { BenchContext } from './lib/context.js';
import { plainTaskById, plainTaskList, scopedTaskById, scopedTaskList } from './lib/task-queries.js';
import { ratioFigure, sideBySide, type Figure } from './lib/measure.js';

export const keys = [
  'citus_scoped_vs_raw_point',
  'citus_scoped_vs_raw_list',
  'citus_scoped_vs_transaction_point',
  'citus_transaction_vs_lone_point',
  'citus_scoped_vs_raw_point_postgresjs',
  'citus_scoped_vs_raw_list_postgresjs',
];

const BATCH = 20; // queries per timed sample, so timer resolution does not dominate
const TENANTS = 10;
const TASKS = 200; // per tenant, in one project

function asRole(target: string, role: string): string {
  const u = new URL(target);
  u.username = role;
  u.password = '';
  return u.toString();
}

// Deterministic ids (md5 of a label), so a second run finds the rows of the first.
const uuidOf = (label: string) => `md5('citus-bench-' || ${label})::uuid`;

/** Bench tenants, one project each with TASKS tasks, written once as the owner through the coordinator. */
async function loadFixture(url: string): Promise<{ tenants: string[]; projects: string[]; tasks: string[][]; citus: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const citus = (await client.query(`select extversion from pg_extension where extname = 'citus'`)).rows[0]?.extversion as string | undefined;
    if (!citus) throw new Error('CITUS_DATABASE_URL is not a Citus coordinator (no citus extension)');
    const kind = (await client.query(`select citus_table_type from citus_tables where table_name = 'public.tasks'::regclass`)).rows[0];
    if (kind?.citus_table_type !== 'distributed') throw new Error('public.tasks is not distributed: run `stocksync-db citus distribute` first');
    // Triggers off for the load (the coordinator replays SET LOCAL on the workers): reads are measured, not loading.
    await client.query(`begin; set local session_replication_role = replica`);
    await client.query(
      `insert into tenants (id, name, slug, email)
       select ${uuidOf("'tenant' || g")}, 'Citus bench ' || g, 'citus-bench-' || g, 'ops' || g || '@bench.test'
       from generate_series(1, $1) g on conflict do nothing`,
      [TENANTS],
    );
    await client.query(
      `insert into projects (tenant_id, id, name)
       select ${uuidOf("'tenant' || t")}, ${uuidOf("'project' || t")}, 'Bench project'
       from generate_series(1, $1) t on conflict do nothing`,
      [TENANTS],
    );
    await client.query(
      `insert into tasks (tenant_id, id, project_id, title, status, created_at, updated_at)
       select ${uuidOf("'tenant' || t")}, ${uuidOf("'task' || t || '-' || k")}, ${uuidOf("'project' || t")}, 'Task ' || k,
              (array['backlog','todo','in_progress','in_review','done'])[1 + k % 5], now() - (k || ' minutes')::interval, now()
       from generate_series(1, $1) t, generate_series(1, $2) k on conflict do nothing`,
      [TENANTS, TASKS],
    );
    await client.query('commit');
    await client.query('analyze tenants, projects, tasks');
    const ids = async (label: string, count: number) =>
      (await client.query<{ id: string }>(`select ${uuidOf(label)}::text as id from generate_series(1, $1) g`, [count])).rows.map((r) => r.id);
    const tenants = await ids("'tenant' || g", TENANTS);
    const projects = await ids("'project' || g", TENANTS);
    const sample = Math.min(50, TASKS);
    const taskIds: string[][] = [];
    for (let t = 1; t <= TENANTS; t++) {
      const rows = await client.query<{ id: string }>(`select ${uuidOf(`'task' || ${t} || '-' || (1 + (g * 7) % ${TASKS})`)}::text as id from generate_series(0, $1) g`, [sample - 1]);
      taskIds.push(rows.rows.map((r) => r.id));
    }
    return { tenants, projects, tasks: taskIds, citus };
  } finally {
    await client.end();
  }
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const url = process.env.CITUS_DATABASE_URL;
  if (!url) {
    ctx.log('citus: skipped: set CITUS_DATABASE_URL to a migrated, distributed Citus coordinator (see docs/scaling.md)');
    return [];
  }
  const fixture = await loadFixture(url);
  const rounds = ctx.quick ? 30 : 150;
  const figures: Figure[] = [];
  for (const driver of ['pg', 'postgres'] as const) {
    const suffix = driver === 'pg' ? '' : '_postgresjs';
    const label = driver === 'pg' ? 'node-postgres' : 'postgres.js';
    const owner = await openDatabase({ url, driver, max: 4 });
    const service = await openDatabase({ url: asRole(url, SERVICE_ROLE), driver, max: 4 });
    const plain = owner.db as Database;
    const scoped = service.db as Database;
    try {
      ctx.log(`citus (${label}): ${rounds} rounds x ${BATCH} queries through the coordinator`);
      let i = 0;
      const pick = () => {
        const t = i++ % fixture.tenants.length;
        const ids = fixture.tasks[t]!;
        return { tenant: fixture.tenants[t]!, project: fixture.projects[t]!, task: ids[i % ids.length]! };
      };
      const batch = (fn: () => Promise<unknown>) => async () => {
        for (let k = 0; k < BATCH; k++) await fn();
      };
      // A scoped side that reads nothing (a context the workers do not verify) would look fast: check first.
      for (const [t, tenant] of fixture.tenants.entries()) {
        const seen = await tenantDb(scoped, tenant).select({ id: tasks.id }).from(tasks).where(eq(tasks.id, fixture.tasks[t]![0]!));
        const list = await tenantDb(scoped, tenant).select({ id: tasks.id }).from(tasks).where(eq(tasks.projectId, fixture.projects[t]!)).limit(50);
        if (seen.length !== 1 || list.length !== 50) {
          throw new Error(`the scoped queries read ${seen.length} and ${list.length} rows, not 1 and 50: fix the context on Citus before timing it`);
        }
      }

      const point = await sideBySide(
        batch(() => {
          const p = pick();
          return scopedTaskById(scoped, p.tenant, p.task);
        }),
        batch(() => {
          const p = pick();
          return plainTaskById(plain, p.tenant, p.task);
        }),
        rounds,
      );
      const baseline = `plain drizzle with tenant_id filter as the owner (RLS bypassed), ${label}, through the coordinator`;
      const note = `Citus ${fixture.citus}, coordinator + 2 workers on loopback; the scoped side is the service role with the signed context (set_local mode)`;
      figures.push({
        ...ratioFigure(`citus_scoped_vs_raw_point${suffix}`, `Citus: scoped point lookup by id (${label}, ${BATCH} per sample)`, point, baseline, { max: 1.2, text: '<= 1.2' }),
        note,
      });

      if (driver === 'pg') {
        // Where the cost is: the same point query as the owner, in BEGIN ... COMMIT sent as one pipelined
        // batch like the scoped side's. On Citus a transaction block costs the coordinator a BEGIN and a
        // COMMIT round trip to the worker that a lone statement does not pay; what remains is the context.
        const pool = owner.client as pg.Pool;
        const text = 'select * from tasks where tenant_id = $1 and id = $2';
        const inTransaction = await sideBySide(
          batch(() => {
            const p = pick();
            return scopedTaskById(scoped, p.tenant, p.task);
          }),
          batch(async () => {
            const p = pick();
            const client = await pool.connect();
            try {
              await runBatch(client, [{ text: 'begin' }, { text, values: [p.tenant, p.task], prepare: true }, { text: 'commit' }], { resultIndex: 1 });
            } finally {
              client.release();
            }
          }),
          rounds,
        );
        figures.push({
          ...ratioFigure(
            'citus_scoped_vs_transaction_point',
            `Citus: scoped point lookup against the owner's in BEGIN ... COMMIT (${label}, ${BATCH} per sample)`,
            inTransaction,
            'the owner\'s point query with tenant_id filter in BEGIN ... COMMIT, one pipelined batch (node-postgres), through the coordinator',
          ),
          note: `${note}; this figure leaves out the cost of the transaction block itself, which the plain lone query does not pay`,
        });

        // The floor of any context that needs a worker transaction (the binding is the distributed
        // transaction, the SET LOCALs travel with its BEGIN): the owner's same prepared query in
        // BEGIN ... COMMIT against it alone, both as one raw node-postgres batch (no drizzle mapping).
        const alone = await sideBySide(
          batch(async () => {
            const p = pick();
            const client = await pool.connect();
            try {
              await runBatch(client, [{ text: 'begin' }, { text, values: [p.tenant, p.task], prepare: true }, { text: 'commit' }], { resultIndex: 1 });
            } finally {
              client.release();
            }
          }),
          batch(async () => {
            const p = pick();
            const client = await pool.connect();
            try {
              await runBatch(client, [{ text, values: [p.tenant, p.task], prepare: true }], { resultIndex: 0 });
            } finally {
              client.release();
            }
          }),
          rounds,
        );
        figures.push({
          ...ratioFigure(
            'citus_transaction_vs_lone_point',
            `Citus: the owner's point lookup in BEGIN ... COMMIT against the same lookup alone (${label}, ${BATCH} per sample)`,
            alone,
            'the owner\'s prepared point query with tenant_id filter alone, one raw batch (node-postgres), through the coordinator',
          ),
          note: `${note.split(';')[0]}; no context on either side: what a transaction block costs on Citus (the coordinator opens a worker transaction with BEGIN and assign_distributed_transaction_id, and COMMITs it), which the signed context cannot avoid`,
        });
      }

      const list = await sideBySide(
        batch(() => {
          const p = pick();
          return scopedTaskList(scoped, p.tenant, p.project);
        }),
        batch(() => {
          const p = pick();
          return plainTaskList(plain, p.tenant, p.project);
        }),
        rounds,
      );
      figures.push({
        ...ratioFigure(`citus_scoped_vs_raw_list${suffix}`, `Citus: scoped list of 50 tasks of a project (${label}, ${BATCH} per sample)`, list, baseline, { max: 1.2, text: '<= 1.2' }),
        note,
      });
    } finally {
      await owner.close();
      await service.close();
    }
  }
  return figures;
}
