// scoped_vs_raw_point / _list / _insert and naive_context_vs_raw: the tenant-scoped builder
// (context + RLS) against plain drizzle with an explicit tenant_id filter, same driver and pool,
// on node-postgres and postgres.js.
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/connection.js';
import { tasks } from '../src/schema/index.js';
import { tenantDb } from '../src/tenancy/index.js';
import { createTestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { plainTaskById, plainTaskList, scopedTaskById, scopedTaskList } from './lib/task-queries.js';
import { loadTasks } from './lib/fixtures.js';
import { ratioFigure, sideBySide, type Figure } from './lib/measure.js';

export const keys = ['scoped_vs_raw_point', 'scoped_vs_raw_list', 'scoped_vs_raw_insert', 'naive_context_vs_raw', 'scoped_vs_prepared_point'];

const BATCH = 20; // queries per timed sample, so timer resolution does not dominate

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const database = await createTestDatabase({ serverUrl: ctx.serverUrl });
  const figures: Figure[] = [];
  try {
    const fixture = await loadTasks(database.url, 10, 5, 200);
    const rounds = ctx.quick ? 40 : 200;
    for (const driver of ['pg', 'postgres'] as const) {
      const suffix = driver === 'pg' ? '' : '_postgresjs';
      const label = driver === 'pg' ? 'node-postgres' : 'postgres.js';
      // The scoped side connects as the service role, as services do (the owner's session is refused by
      // withTenant); the plain side as the owner, as a service without row-level security would.
      const handle = await openDatabase({ url: database.url, driver, max: 4 });
      const service = await openDatabase({ url: database.serviceUrl, driver, max: 4 });
      const db = handle.db as Database;
      const scoped = service.db as Database;
      try {
        ctx.log(`tenancy (${label}): ${rounds} rounds x ${BATCH} queries`);
        let i = 0;
        const pick = () => {
          const t = i++ % fixture.tenantIds.length;
          const ids = fixture.taskIds[t]!;
          return { tenant: fixture.tenantIds[t]!, project: fixture.projectIds[t]!, task: ids[i % ids.length]! };
        };
        const batch = (fn: () => Promise<unknown>) => async () => {
          for (let k = 0; k < BATCH; k++) await fn();
        };

        // A scoped side that reads nothing (a context that does not verify) would look fast: check first.
        const probe = pick();
        const seen = await tenantDb(scoped, probe.tenant).select({ id: tasks.id }).from(tasks).where(eq(tasks.id, probe.task));
        if (seen.length !== 1) throw new Error(`the scoped point lookup read ${seen.length} rows, not 1: fix the context before timing it`);

        const point = await sideBySide(
          batch(() => {
            const p = pick();
            return scopedTaskById(scoped, p.tenant, p.task);
          }),
          batch(() => {
            const p = pick();
            return plainTaskById(db, p.tenant, p.task);
          }),
          rounds,
        );
        figures.push(
          ratioFigure(`scoped_vs_raw_point${suffix}`, `scoped point lookup by id (${label}, ${BATCH} per sample)`, point, 'plain drizzle with tenant_id filter', { max: 1.15, text: '<= 1.15' }),
        );

        const list = await sideBySide(
          batch(() => {
            const p = pick();
            return scopedTaskList(scoped, p.tenant, p.project);
          }),
          batch(() => {
            const p = pick();
            return plainTaskList(db, p.tenant, p.project);
          }),
          rounds,
        );
        figures.push(
          ratioFigure(`scoped_vs_raw_list${suffix}`, `scoped list of 50 tasks of a project (${label})`, list, 'plain drizzle with tenant_id filter', { max: 1.1, text: '<= 1.10' }),
        );

        const insert = await sideBySide(
          batch(() => {
            const p = pick();
            return tenantDb(scoped, p.tenant).insert(tasks).values({ projectId: p.project, title: 'Bench insert' });
          }),
          batch(() => {
            const p = pick();
            return db.insert(tasks).values({ tenantId: p.tenant, projectId: p.project, title: 'Bench insert' });
          }),
          Math.ceil(rounds / 2),
        );
        figures.push(
          ratioFigure(`scoped_vs_raw_insert${suffix}`, `insert one task through the builder (${label})`, insert, 'plain drizzle insert', { max: 1.15, text: '<= 1.15' }),
        );

        // Both sides prepared with drizzle's .prepare() (built once, executed with new values), so
        // neither pays drizzle's query building: what remains is the context and RLS.
        const prepared = db
          .select()
          .from(tasks)
          .where(and(eq(tasks.tenantId, sql.placeholder('tenant')), eq(tasks.id, sql.placeholder('task'))))
          .prepare(`bench_point${suffix}`);
        const scopedPrepared = new Map(
          fixture.tenantIds.map((tenant, t) => [
            tenant,
            tenantDb(scoped, tenant).select().from(tasks).where(eq(tasks.id, sql.placeholder('task'))).prepare(`bench_scoped_point${suffix}_${t}`),
          ]),
        );
        const versusPrepared = await sideBySide(
          batch(() => {
            const p = pick();
            return scopedPrepared.get(p.tenant)!.execute({ task: p.task });
          }),
          batch(() => {
            const p = pick();
            return prepared.execute({ tenant: p.tenant, task: p.task });
          }),
          rounds,
        );
        figures.push(
          ratioFigure(`scoped_vs_prepared_point${suffix}`, `prepared scoped point lookup against a prepared plain one (${label})`, versusPrepared, 'drizzle .prepare()d lookup with tenant_id filter'),
        );

        // The naive way: four awaited round trips (BEGIN, set_config, query, COMMIT).
        const naive = await sideBySide(
          batch(async () => {
            const p = pick();
            await db.transaction(async (tx) => {
              await tx.execute(sql`select set_config('role', 'stocksync_app', true), set_config('app.tenant_id', ${p.tenant}, true)`);
              await tx.select().from(tasks).where(eq(tasks.id, p.task));
            });
          }),
          batch(() => {
            const p = pick();
            return plainTaskById(db, p.tenant, p.task);
          }),
          rounds,
        );
        figures.push(
          ratioFigure(`naive_context_vs_raw${suffix}`, `BEGIN / set_config / query / COMMIT as four round trips (${label})`, naive, 'plain drizzle point lookup'),
        );
      } finally {
        await handle.close();
        await service.close();
      }
    }
  } finally {
    await database.drop();
  }
  return figures;
}
