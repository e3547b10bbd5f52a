// Migrating the fleet of tenant schemas: after a change to the public tables (what a migration does),
// every lagging schema is brought to them, each in its own transaction, resumable after a failure,
// skipped when another runner holds its lock; status reads the fleet from one catalog query.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../../src/tenancy/lifecycle.js';
import { migrateTenantSchemas, tenantSchemaName, tenantSchemaStatus } from '../../../src/tenant-schemas/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { rowsOf } from '../tenancy/_drivers.js';

describe('tenant schema fleet migrations', () => {
  let t: TestDatabase;
  const schemas: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    for (const slug of ['fleet-a', 'fleet-b', 'fleet-c']) {
      const { tenant } = await createTenant(t.db, { name: slug, slug, email: `ops@${slug}.test`, owner: { email: `o@${slug}.test` } }, { isolation: 'schema' });
      schemas.push(tenantSchemaName(tenant.id));
    }
  }, 120_000);
  afterAll(() => t?.drop());

  const columnsOf = async (schema: string, table: string) =>
    rowsOf<{ c: string }>(await t.db.execute(sql`select column_name as c from information_schema.columns where table_schema = ${schema} and table_name = ${table}`)).map((r) => r.c);
  const indexesOf = async (schema: string, table: string) =>
    rowsOf<{ i: string }>(await t.db.execute(sql`select indexname as i from pg_indexes where schemaname = ${schema} and tablename = ${table}`)).map((r) => r.i);

  it('is up to date after the tenants were created', async () => {
    const status = await tenantSchemaStatus(t.db);
    expect(status.schemas).toBe(3);
    expect(status.lagging).toEqual([]);
    expect((await migrateTenantSchemas(t.db)).outcomes).toEqual([]);
  });

  it('adds a new column and index to every schema, once', async () => {
    await t.db.execute(sql.raw(`alter table public.projects add column color varchar(20) default 'blue'`));
    await t.db.execute(sql.raw(`create index projects_tenant_id_color_idx on public.projects (tenant_id, color)`));
    expect((await tenantSchemaStatus(t.db)).lagging.map((s) => s.schema).sort()).toEqual([...schemas].sort());
    const report = await migrateTenantSchemas(t.db, { concurrency: 2 });
    expect(report.outcomes.map((o) => o.status)).toEqual(['migrated', 'migrated', 'migrated']);
    for (const schema of schemas) {
      expect(await columnsOf(schema, 'projects')).toContain('color');
      expect(await indexesOf(schema, 'projects')).toContain('projects_tenant_id_color_idx');
    }
    expect((await tenantSchemaStatus(t.db)).lagging).toEqual([]);
    expect((await migrateTenantSchemas(t.db)).outcomes).toEqual([]);
  });

  it('reports a schema it could not lock in time, migrates the others, and resumes with it', async () => {
    await t.db.execute(sql.raw(`alter table public.projects alter column color set default 'green'`));
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query(`lock table ${schemas[0]}.projects in access exclusive mode`);
      const report = await migrateTenantSchemas(t.db, { lockTimeoutMs: 200 });
      const failed = report.outcomes.filter((o) => o.status === 'failed');
      expect(failed.map((o) => o.schema)).toEqual([schemas[0]]);
      expect(failed[0]!.error).toMatch(/lock/);
      expect(report.outcomes.filter((o) => o.status === 'migrated')).toHaveLength(2);
      await blocker.query('rollback');
    } finally {
      await blocker.end();
    }
    expect((await tenantSchemaStatus(t.db)).lagging.map((s) => s.schema)).toEqual([schemas[0]]);
    const resumed = await migrateTenantSchemas(t.db);
    expect(resumed.outcomes.map((o) => [o.schema, o.status])).toEqual([[schemas[0], 'migrated']]);
    const defaults = rowsOf<{ d: string }>(
      await t.db.execute(sql`select column_default as d from information_schema.columns where table_schema = ${schemas[0]} and table_name = 'projects' and column_name = 'color'`),
    );
    expect(defaults[0]!.d).toContain('green');
  });

  it('leaves a schema to the runner that holds its lock', async () => {
    await t.db.execute(sql.raw(`alter table public.projects alter column color drop default`));
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`select pg_advisory_xact_lock(${0x5354_5343}, hashtext($1))`, [schemas[1]]);
      const report = await migrateTenantSchemas(t.db);
      expect(report.outcomes.find((o) => o.schema === schemas[1])!.status).toBe('locked');
      await other.query('rollback');
    } finally {
      await other.end();
    }
    expect((await migrateTenantSchemas(t.db)).outcomes.map((o) => o.schema)).toEqual([schemas[1]]);
  });

  it('refuses what looks like a rename instead of dropping the column and its data', async () => {
    await t.db.execute(sql.raw(`alter table public.projects rename column color to colour`));
    const report = await migrateTenantSchemas(t.db);
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'failed']);
    expect(report.outcomes[0]!.error).toMatch(/looks like a rename.*RENAME COLUMN/);
    for (const schema of schemas) await t.db.execute(sql.raw(`alter table ${schema}.projects rename column color to colour`));
    // Renamed by hand: the sync now only has to record it.
    expect((await migrateTenantSchemas(t.db)).outcomes.map((o) => o.status)).toEqual(['migrated', 'migrated', 'migrated']);
  });

  it('goes back down: a dropped column and index leave every schema too', async () => {
    await t.db.execute(sql.raw(`drop index public.projects_tenant_id_color_idx`));
    await t.db.execute(sql.raw(`alter table public.projects drop column colour`));
    const report = await migrateTenantSchemas(t.db);
    expect(report.outcomes.map((o) => o.status)).toEqual(['migrated', 'migrated', 'migrated']);
    for (const schema of schemas) {
      expect(await columnsOf(schema, 'projects')).not.toContain('colour');
      expect(await indexesOf(schema, 'projects')).not.toContain('projects_tenant_id_color_idx');
    }
    expect((await tenantSchemaStatus(t.db)).lagging).toEqual([]);
  });
});
