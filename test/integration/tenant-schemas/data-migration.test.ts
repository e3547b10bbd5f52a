// Migrations over schema tenants through the runner: an SQL migration changes the public tables, a data
// migration backfills the public tables and, through ctx.forEachTenantSchema, every tenant schema (each
// brought to the new structure first); down reverses both, and the fleet follows the public tables.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, migrateDown, migrateUp, verifyMigrations } from '../../../src/migrations/index.js';
import { projects } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { createTenant } from '../../../src/tenancy/lifecycle.js';
import { migrateTenantSchemas, tenantSchemaName, tenantSchemaStatus } from '../../../src/tenant-schemas/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { rowsOf } from '../tenancy/_drivers.js';

const BACKFILL = `
export const up = async (ctx) => {
  const fill = () => ctx.exec("update projects set color = 'blue' where color is null");
  await fill();
  const schemas = await ctx.forEachTenantSchema(fill);
  ctx.log('backfilled ' + schemas.length + ' tenant schemas');
};
export const down = async (ctx) => {
  const clear = () => ctx.exec('update projects set color = null');
  await clear();
  await ctx.forEachTenantSchema(clear);
};
`;

describe('data migrations over tenant schemas', () => {
  let t: TestDatabase;
  let folder: string;
  const tenants: { id: string; schema: string | null }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const [slug, isolation] of [['dm-shared', 'shared'], ['dm-one', 'schema'], ['dm-two', 'schema']] as const) {
      const { tenant } = await createTenant(t.db, { name: slug, slug, email: `ops@${slug}.test`, owner: { email: `o@${slug}.test` } }, { isolation });
      await withTenant(t.db, tenant.id, (tx) => tx.insert(projects).values({ tenantId: tenant.id, name: `${slug} project` }));
      tenants.push({ id: tenant.id, schema: isolation === 'schema' ? tenantSchemaName(tenant.id) : null });
    }
    // The package's migrations, then an SQL migration adding a column and a data migration filling it.
    folder = mkdtempSync(join(tmpdir(), 'stocksync-fleet-'));
    cpSync(defaultMigrationsFolder(), folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] };
    const last = journal.entries.at(-1)!;
    const add = (tag: string, offset: number) => journal.entries.push({ idx: last.idx + offset, version: last.version, when: last.when + offset * 1000, tag, breakpoints: true });
    add('9001_projects_color', 1);
    add('9002_projects_color_backfill', 2);
    writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    writeFileSync(join(folder, '9001_projects_color.sql'), 'ALTER TABLE "projects" ADD COLUMN "color" varchar(20);');
    writeFileSync(join(folder, '9001_projects_color.down.sql'), 'ALTER TABLE "projects" DROP COLUMN "color";');
    writeFileSync(join(folder, '9002_projects_color_backfill.sql'), '-- stocksync:data-migration 9002_projects_color_backfill.data.ts\n');
    writeFileSync(join(folder, '9002_projects_color_backfill.data.ts'), BACKFILL);
  }, 120_000);
  afterAll(async () => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    await t?.drop();
  });

  const colors = async () => {
    const out: (string | null)[] = [];
    for (const tenant of tenants) {
      const table = tenant.schema ? `${tenant.schema}.projects` : 'public.projects';
      out.push(...rowsOf<{ color: string | null }>(await t.db.execute(sql.raw(`select color from ${table} where tenant_id = '${tenant.id}'`))).map((r) => r.color));
    }
    return out;
  };

  it('backfills the public tables and every tenant schema, each brought to the new column first', async () => {
    const result = await migrateUp({ url: t.url }, { folder });
    expect(result.migrations.map((m) => m.name)).toEqual(['9001_projects_color', '9002_projects_color_backfill']);
    expect(await colors()).toEqual(['blue', 'blue', 'blue']);
    expect((await tenantSchemaStatus(t.db)).lagging).toEqual([]);
    // The runner's session got its search_path back: nothing else ran in a tenant schema.
    const path = rowsOf<{ p: string }>(await t.db.execute(sql`select current_setting('search_path') as p`))[0]!.p;
    expect(path).not.toContain('tenant_');
  });

  it('goes down: the data migration clears every schema, the column leaves public, then the fleet', async () => {
    await migrateDown({ url: t.url }, { folder, steps: 1 });
    expect(await colors()).toEqual([null, null, null]);
    await migrateDown({ url: t.url }, { folder, steps: 1 });
    expect((await tenantSchemaStatus(t.db)).lagging.map((s) => s.schema).sort()).toEqual(tenants.flatMap((x) => (x.schema ? [x.schema] : [])).sort());
    const report = await migrateTenantSchemas(t.db);
    expect(report.outcomes.map((o) => o.status)).toEqual(['migrated', 'migrated']);
    for (const tenant of tenants) {
      const columns = rowsOf<{ c: string }>(
        await t.db.execute(sql`select column_name as c from information_schema.columns where table_schema = ${tenant.schema ?? 'public'} and table_name = 'projects'`),
      ).map((r) => r.c);
      expect(columns).not.toContain('color');
    }
  });

  it('verifies up, down, up with a schema tenant following the public tables', async () => {
    const result = await verifyMigrations({ folder, from: '9001_projects_color' });
    expect(result.migrations.map((m) => [m.name, m.ok, m.problems])).toEqual([
      ['9001_projects_color', true, []],
      ['9002_projects_color_backfill', true, []],
    ]);
  }, 180_000);

  it('reports a down that leaves the tenant schema different (the fingerprint covers it)', async () => {
    // A down that forgets the index its up made: the public tables and, through the fleet, the schema differ.
    writeFileSync(join(folder, '9001_projects_color.sql'), 'ALTER TABLE "projects" ADD COLUMN "color" varchar(20);\n--> statement-breakpoint\nCREATE INDEX "projects_verify_idx" ON "projects" ("tenant_id", "created_at");');
    const result = await verifyMigrations({ folder, from: '9001_projects_color' });
    const problems = result.migrations[0]!.problems.join('\n');
    expect(problems).toMatch(/projects_verify_idx/);
    expect(problems).toMatch(/tenant_00000000000070008000000000000e01/);
  }, 180_000);
});
