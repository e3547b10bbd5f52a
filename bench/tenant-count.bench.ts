// tenants_10k_vs_10: scoped list latency when 1M task rows belong to 10,000 tenants, against the
// same 1M rows spread over 10 tenants (indexes lead with tenant_id, so the count should not matter).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { openDatabase } from '../src/connection.js';
import { tasks } from '../src/schema/index.js';
import { tenantDb } from '../src/tenancy/index.js';
import { createTestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { loadTasks, type TaskFixture } from './lib/fixtures.js';
import { ratioFigure, sideBySide, type Figure } from './lib/measure.js';

export const keys = ['tenants_10k_vs_10', 'tenants_10k_vs_10_postgresjs'];
const BATCH = 20;

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const totalRows = ctx.quick ? 200_000 : 1_000_000;
  const manyTenants = ctx.quick ? 2_000 : 10_000;
  const few = await createTestDatabase({ serverUrl: ctx.serverUrl });
  const many = await createTestDatabase({ serverUrl: ctx.serverUrl });
  try {
    ctx.log(`tenants_10k_vs_10: loading ${totalRows} tasks for 10 tenants and for ${manyTenants} tenants`);
    const fewFixture = await loadTasks(few.url, 10, 1, totalRows / 10);
    const manyFixture = await loadTasks(many.url, manyTenants, 1, totalRows / manyTenants);
    const figures: Figure[] = [];
    for (const driver of ['pg', 'postgres'] as const) {
      const fewDb = await openDatabase({ url: few.serviceUrl, driver, max: 4 });
      const manyDb = await openDatabase({ url: many.serviceUrl, driver, max: 4 });
      try {
        const lister = (db: typeof fewDb.db, fixture: TaskFixture) => {
          let i = 0;
          return async () => {
            for (let k = 0; k < BATCH; k++) {
              const t = (i++ * 7919) % fixture.tenantIds.length;
              await tenantDb(db, fixture.tenantIds[t]!)
                .select()
                .from(tasks)
                .where(and(eq(tasks.projectId, fixture.projectIds[t]!), isNull(tasks.deletedAt)))
                .orderBy(desc(tasks.createdAt))
                .limit(50);
            }
          };
        };
        const rounds = ctx.quick ? 30 : 150;
        const label = driver === 'pg' ? 'node-postgres' : 'postgres.js';
        ctx.log(`tenants_10k_vs_10 (${label}): ${rounds} rounds`);
        const series = await sideBySide(lister(manyDb.db, manyFixture), lister(fewDb.db, fewFixture), rounds);
        figures.push(
          ratioFigure(
            driver === 'pg' ? 'tenants_10k_vs_10' : 'tenants_10k_vs_10_postgresjs',
            `scoped list of 50 tasks, ${totalRows.toLocaleString('en')} rows over ${manyTenants.toLocaleString('en')} tenants (${label}, ${BATCH} per sample)`,
            series,
            `same rows over 10 tenants`,
            { max: 1.2, text: '<= 1.2' },
          ),
        );
      } finally {
        await fewDb.close();
        await manyDb.close();
      }
    }
    return figures;
  } finally {
    await few.drop();
    await many.drop();
  }
}
