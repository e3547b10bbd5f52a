// seed_rows_per_s: seed throughput of the COPY path (preset `medium`, every domain), against the
// multi-row INSERT path on the same tables and drizzle-seed on the tables it can fill.
import { sql } from 'drizzle-orm';
import { seed as drizzleSeed } from 'drizzle-seed';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { openDatabase } from '../src/connection.js';
import { projects, tenants, users } from '../src/schema/index.js';
import { seedDatabase, type SeedReport } from '../src/seed/index.js';
import { createTestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { stats, type Figure } from './lib/measure.js';

export const keys = ['seed_rows_per_s', 'seed_copy_vs_insert', 'seed_copy_vs_drizzle_seed'];

async function ourSeed(ctx: BenchContext, method: 'copy' | 'insert'): Promise<number> {
  const database = await createTestDatabase({ serverUrl: ctx.serverUrl });
  try {
    const handle = await openDatabase({ url: database.url, driver: method === 'copy' ? 'postgres' : 'pg' });
    try {
      const report: SeedReport = await seedDatabase(handle.db, { scale: ctx.quick ? 'small' : 'medium', method });
      ctx.log(`seed ${method}: ${report.totalRows} rows in ${report.ms} ms`);
      return report.totalRows / (report.ms / 1000);
    } finally {
      await handle.close();
    }
  } finally {
    await database.drop();
  }
}

// drizzle-seed cannot satisfy most of the schema's rules (state machines, ledgers, composite keys),
// so it fills the three tables it can: tenants with their users and projects, refined to pass checks.
async function drizzleSeedRun(ctx: BenchContext): Promise<number> {
  const database = await createTestDatabase({ serverUrl: ctx.serverUrl });
  const n = ctx.quick ? 50 : 200;
  try {
    // drizzle-seed wants a plain node-postgres drizzle handle.
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    // drop() forces the database away; an idle client's disconnect must not crash the run.
    pool.on('error', () => {});
    const plain = drizzle({ client: pool, casing: 'snake_case' });
    const start = performance.now();
    await drizzleSeed(plain, { tenants, users, projects }, { seed: 1 }).refine((f) => ({
      tenants: {
        count: n,
        columns: {
          slug: f.valuesFromArray({ values: Array.from({ length: n }, (_, i) => `tenant-${i}`), isUnique: true }),
          email: f.email(),
          seatsTotal: f.int({ minValue: 1, maxValue: 500 }),
          licenseTier: f.valuesFromArray({ values: ['trial', 'starter', 'professional', 'enterprise'] }),
          status: f.default({ defaultValue: 'active' }),
          companySize: f.valuesFromArray({ values: ['small', 'medium'] }),
          brandingConfig: f.default({ defaultValue: {} }),
          website: f.default({ defaultValue: null }),
          domain: f.default({ defaultValue: null }),
        },
        with: { users: 10, projects: 5 },
      },
      users: {
        columns: {
          email: f.email(),
          role: f.valuesFromArray({ values: ['owner', 'admin', 'member', 'guest'] }),
          status: f.default({ defaultValue: 'active' }),
          notificationPreferences: f.default({ defaultValue: {} }),
          avatarUrl: f.default({ defaultValue: null }),
          timezone: f.default({ defaultValue: 'UTC' }),
          language: f.default({ defaultValue: 'en' }),
        },
      },
      projects: {
        columns: {
          name: f.companyName({ isUnique: true }),
          metadata: f.default({ defaultValue: {} }),
          deletedAt: f.default({ defaultValue: null }),
        },
      },
    }));
    const ms = performance.now() - start;
    await pool.end();
    const counted = (await database.db.execute(
      sql`select (select count(*) from tenants) + (select count(*) from users) + (select count(*) from projects) as n`,
    )) as unknown as { rows: Array<{ n: string }> };
    const rows = Number(counted.rows[0]!.n);
    ctx.log(`drizzle-seed: ${rows} rows in ${ms.toFixed(0)} ms`);
    return rows / (ms / 1000);
  } finally {
    await database.drop();
  }
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const rounds = ctx.quick ? 1 : 3;
  const copy: number[] = [];
  const insert: number[] = [];
  const dseed: number[] = [];
  for (let i = 0; i < rounds; i++) {
    copy.push(await ourSeed(ctx, 'copy'));
    insert.push(await ourSeed(ctx, 'insert'));
    dseed.push(await drizzleSeedRun(ctx));
  }
  const c = stats(copy);
  const ins = { ...stats(insert), label: 'multi-row INSERT path, same preset' };
  const ds = { ...stats(dseed), label: 'drizzle-seed on tenants, users, projects' };
  const preset = ctx.quick ? 'small' : 'medium';
  return [
    {
      key: 'seed_rows_per_s',
      what: `seed throughput, preset ${preset}, COPY path (rows/s)`,
      unit: 'rows/s',
      subject: c,
      ratio: c.median,
      target: '>= 250,000 rows/s',
      met: c.median >= 250_000,
    },
    {
      key: 'seed_copy_vs_insert',
      what: `COPY path rows/s over the multi-row INSERT path (preset ${preset})`,
      unit: 'rows/s',
      subject: c,
      baseline: ins,
      ratio: c.median / ins.median,
      target: 'reported',
    },
    {
      key: 'seed_copy_vs_drizzle_seed',
      what: 'COPY path rows/s over drizzle-seed rows/s',
      unit: 'rows/s',
      subject: c,
      baseline: ds,
      ratio: c.median / ds.median,
      target: '>= 10',
      met: c.median / ds.median >= 10,
    },
  ];
}
