// policy_unwrapped_vs_wrapped and index_tenant_first_vs_last: why the isolation policy is written
// unwrapped (Citus rejects subqueries in policies) and why indexes lead with tenant_id. Two twin
// tables differ only in the policy form (or the index column order); the same query runs on both
// as the application role inside a tenant context.
import pg from 'pg';
import { createTestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, sideBySide, type Figure } from './lib/measure.js';

export const keys = ['policy_unwrapped_vs_wrapped', 'index_tenant_first_vs_last'];
const BATCH = 20;
const SETTING = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const database = await createTestDatabase({ serverUrl: ctx.serverUrl });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const tenants = 100;
  const perTenant = ctx.quick ? 500 : 2_000;
  try {
    for (const name of ['twin_unwrapped', 'twin_wrapped', 'twin_tenant_last']) {
      await client.query(`create table ${name} (tenant_id uuid not null, id uuid not null, project int not null, title text not null, primary key (tenant_id, id))`);
      await client.query(
        `insert into ${name} select md5('t' || t)::uuid, md5('r' || t || '-' || k)::uuid, k % 20, 'row ' || k
         from generate_series(1, ${tenants}) t, generate_series(1, ${perTenant}) k`,
      );
      await client.query(`alter table ${name} enable row level security`);
      await client.query(`alter table ${name} force row level security`);
      await client.query(`grant select on ${name} to stocksync_app`);
    }
    await client.query(`create index on twin_unwrapped (tenant_id, project)`);
    await client.query(`create index on twin_wrapped (tenant_id, project)`);
    await client.query(`create index on twin_tenant_last (project, tenant_id)`);
    await client.query(`create policy p on twin_unwrapped to stocksync_app using (tenant_id = ${SETTING})`);
    await client.query(`create policy p on twin_wrapped to stocksync_app using (tenant_id = (select ${SETTING}))`);
    await client.query(`create policy p on twin_tenant_last to stocksync_app using (tenant_id = ${SETTING})`);
    await client.query('vacuum analyze twin_unwrapped, twin_wrapped, twin_tenant_last');

    const tenantIds = (
      await client.query<{ id: string }>(`select md5('t' || g)::uuid as id from generate_series(1, ${tenants}) g`)
    ).rows.map((r) => r.id);
    let i = 0;
    // One sample: a tenant context, then BATCH list queries (the context cost is amortized away).
    const query = (table: string) => async () => {
      const tenant = tenantIds[i++ % tenants]!;
      await client.query('begin');
      await client.query(`select set_config('role', 'stocksync_app', true), set_config('app.tenant_id', $1, true)`, [tenant]);
      for (let k = 0; k < BATCH; k++) {
        await client.query(`select * from ${table} where tenant_id = $1 and project = $2 limit 50`, [tenant, k % 20]);
      }
      await client.query('commit');
    };
    const rounds = ctx.quick ? 20 : 100;
    ctx.log(`policy form and index order: ${rounds} rounds x ${BATCH}`);
    const policy = await sideBySide(query('twin_unwrapped'), query('twin_wrapped'), rounds);
    const index = await sideBySide(query('twin_unwrapped'), query('twin_tenant_last'), rounds);
    return [
      ratioFigure('policy_unwrapped_vs_wrapped', `RLS list query, policy tenant_id = nullif(current_setting(...))::uuid (${tenants} tenants x ${perTenant} rows)`, policy, 'same policy wrapped in (select ...)'),
      ratioFigure('index_tenant_first_vs_last', 'RLS list query with index (tenant_id, project)', index, 'index (project, tenant_id)'),
    ];
  } finally {
    await client.end();
    await database.drop();
  }
}
