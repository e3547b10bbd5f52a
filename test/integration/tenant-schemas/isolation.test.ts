// Schema tenants: createTenant({ isolation: 'schema' }) makes the tenant's own schema from the public
// tables, withTenant reaches it through a transaction-local search_path, and as the service role no
// statement reads or leaves rows across tenants, shared or schema, whichever schema it names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStateOf } from '../../../src/errors.js';
import { projects } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { exportTenant } from '../../../src/tenancy/export.js';
import { importTenant } from '../../../src/tenancy/import.js';
import { createTenant, purgeTenant, softDeleteTenant } from '../../../src/tenancy/lifecycle.js';
import { listTenantSchemas, readStructure, readTemplate, tenantSchemaName } from '../../../src/tenant-schemas/index.js';
import type { Database } from '../../../src/connection.js';
import { openDriver, rowsOf, type DriverHandle } from '../tenancy/_drivers.js';

// node-postgres and postgres.js connect as stocksync_service; PGlite's one session enters as the
// application role like the others (withTenant sets the role for the transaction).
describe.each(['pg', 'postgres', 'pglite'] as const)('schema tenants on %s', (driver) => {
  let h: DriverHandle;
  let service: Database;
  let t: { db: Database };
  const ids: Record<'shared' | 'b' | 'c', { tenant: string; owner: string }> = {} as never;

  beforeAll(async () => {
    h = await openDriver(driver);
    service = h.db;
    t = { db: h.admin };
    const make = async (slug: string, isolation: 'shared' | 'schema') => {
      const { tenant, owner } = await createTenant(t.db, { name: slug, slug, email: `ops@${slug}.test`, owner: { email: `o@${slug}.test` } }, { isolation });
      return { tenant: tenant.id, owner: owner!.id };
    };
    ids.shared = await make('shared-co', 'shared');
    ids.b = await make('schema-b', 'schema');
    ids.c = await make('schema-c', 'schema');
    for (const [key, name] of [['shared', 'shared project'], ['b', 'b project'], ['c', 'c project']] as const) {
      await withTenant(service, ids[key].tenant, (tx) => tx.insert(projects).values({ tenantId: ids[key].tenant, name }), {
        actor: { userId: ids[key].owner, role: 'owner' },
      });
    }
  }, 120_000);
  afterAll(() => h?.close());

  const count = async (table: string, tenant: string) =>
    Number(rowsOf<{ n: string }>(await t.db.execute(sql.raw(`select count(*) as n from ${table} where tenant_id = '${tenant}'`)))[0]!.n);

  it('keeps a schema tenant\'s rows in its own schema: owner, membership, its project and the audit trail', async () => {
    const b = tenantSchemaName(ids.b.tenant);
    expect(await count(`${b}.users`, ids.b.tenant)).toBe(1);
    expect(await count(`${b}.memberships`, ids.b.tenant)).toBe(1);
    expect(await count(`${b}.projects`, ids.b.tenant)).toBe(1);
    expect(await count(`${b}.audit_logs`, ids.b.tenant)).toBeGreaterThan(0);
    for (const table of ['users', 'projects', 'audit_logs']) expect(await count(`public.${table}`, ids.b.tenant)).toBe(0);
    expect(await count('public.projects', ids.shared.tenant)).toBe(1);
    const stamps = await listTenantSchemas(t.db);
    expect(stamps.map((s) => s.tenantId).sort()).toEqual([ids.b.tenant, ids.c.tenant].sort());
  });

  it('makes the schema hold the template\'s tables, policies, triggers and grants', async () => {
    const template = await readTemplate(t.db);
    const schema = await readStructure(t.db, tenantSchemaName(ids.b.tenant), template.tables);
    const keys = (s: { objects: { key: string; kind: string }[] }, kind: string) => s.objects.filter((o) => o.kind === kind).map((o) => o.key).sort();
    for (const kind of ['table', 'column', 'foreign_key', 'index', 'trigger', 'policy', 'grant', 'rls', 'function']) {
      expect(keys(schema, kind), kind).toEqual(keys(template.structure, kind));
    }
    const policyCreates = (s: typeof template.structure) => s.objects.filter((o) => o.kind === 'policy' || o.kind === 'trigger').map((o) => o.create.join('\n')).sort();
    expect(policyCreates(schema)).toEqual(policyCreates(template.structure));
  });

  it('sets the search path for the transaction only', async () => {
    const path = async (tenant: string) =>
      withTenant(service, tenant, async (tx) => rowsOf<{ p: string }>(await tx.execute(sql`select current_setting('search_path') as p`))[0]!.p);
    expect(await path(ids.b.tenant)).toBe(`${tenantSchemaName(ids.b.tenant)}, public`);
    expect(await path(ids.shared.tenant)).not.toContain('tenant_');
    const session = rowsOf<{ p: string }>(await service.execute(sql`select current_setting('search_path') as p`))[0]!.p;
    expect(session).not.toContain('tenant_');
  });

  const names = async (tenant: string, query: string) =>
    withTenant(service, tenant, async (tx) => rowsOf<{ name: string }>(await tx.execute(sql.raw(query))).map((r) => r.name).sort());

  it('reads only its own rows through the scoped path, whichever schema a statement names', async () => {
    const b = tenantSchemaName(ids.b.tenant);
    const c = tenantSchemaName(ids.c.tenant);
    expect(await names(ids.b.tenant, 'select name from projects')).toEqual(['b project']);
    // B naming C's schema or the public tables, C and the shared tenant naming B's: nothing.
    expect(await names(ids.b.tenant, `select name from ${c}.projects`)).toEqual([]);
    expect(await names(ids.b.tenant, 'select name from public.projects')).toEqual([]);
    expect(await names(ids.c.tenant, `select name from ${b}.projects`)).toEqual([]);
    expect(await names(ids.shared.tenant, `select name from ${b}.projects`)).toEqual([]);
    expect(await names(ids.shared.tenant, 'select name from projects')).toEqual(['shared project']);
    // Resetting the path inside the transaction does not open anything either.
    expect(await names(ids.b.tenant, `select set_config('search_path', '${c}, public', true) as name`)).toHaveLength(1);
    expect(
      await withTenant(service, ids.b.tenant, async (tx) => {
        await tx.execute(sql.raw(`set local search_path = ${c}, public`));
        return rowsOf<{ name: string }>(await tx.execute(sql`select name from projects`)).map((r) => r.name);
      }),
    ).toEqual([]);
  });

  it('refuses rows written into another tenant\'s schema, with any tenant id', async () => {
    const c = tenantSchemaName(ids.c.tenant);
    const tryInsert = (tenant: string, rowTenant: string) =>
      withTenant(service, tenant, (tx) =>
        tx.execute(sql.raw(`insert into ${c}.projects (tenant_id, name) values ('${rowTenant}', 'planted')`)),
      ).then(
        () => undefined,
        (e: unknown) => sqlStateOf(e),
      );
    // As B with B's id: the schema's CHECK; as B with C's id: the policy.
    expect(await tryInsert(ids.b.tenant, ids.b.tenant)).toBe('23514');
    expect(await tryInsert(ids.b.tenant, ids.c.tenant)).toBe('42501');
    expect(await tryInsert(ids.shared.tenant, ids.shared.tenant)).toBe('23514');
    expect(await count(`${c}.projects`, ids.b.tenant)).toBe(0);
    expect(await count(`${c}.projects`, ids.shared.tenant)).toBe(0);
  });

  it('refuses updates and deletes across schemas', async () => {
    const b = tenantSchemaName(ids.b.tenant);
    const changed = await withTenant(service, ids.c.tenant, async (tx) =>
      rowsOf(await tx.execute(sql.raw(`update ${b}.projects set name = 'hijacked' returning id`))).length +
      rowsOf(await tx.execute(sql.raw(`delete from ${b}.projects returning id`))).length,
    );
    expect(changed).toBe(0);
    expect(await names(ids.b.tenant, 'select name from projects')).toEqual(['b project']);
  });
});

describe('purging a schema tenant', () => {
  it('removes its rows and its schema, and leaves the other tenants alone', async () => {
    const h = await openDriver('pg');
    try {
      const { tenant } = await createTenant(h.admin, { name: 'gone', slug: 'gone', email: 'ops@gone.test', owner: { email: 'o@gone.test' } }, { isolation: 'schema' });
      const { tenant: other } = await createTenant(h.admin, { name: 'stays', slug: 'stays', email: 'ops@stays.test', owner: { email: 'o@stays.test' } }, { isolation: 'schema' });
      await withTenant(h.admin, tenant.id, (tx) => tx.insert(projects).values({ tenantId: tenant.id, name: 'doomed' }));
      await softDeleteTenant(h.admin, tenant.id);
      const report = await purgeTenant(h.admin, tenant.id);
      expect(report.rows).toMatchObject({ users: 1, memberships: 1, projects: 1 });
      const schemas = rowsOf<{ n: string }>(await h.admin.execute(sql`select nspname as n from pg_namespace where nspname like 'tenant\\_%' order by 1`)).map((r) => r.n);
      expect(schemas).toEqual([tenantSchemaName(other.id)]);
      expect(await withTenant(h.db, other.id, async (tx) => rowsOf(await tx.execute(sql`select id from users`)).length)).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('exporting a schema tenant', () => {
  it('exports the rows of its schema, and another database imports them as a shared tenant', async () => {
    const source = await openDriver('pg');
    const target = await openDriver('pg');
    const dir = mkdtempSync(join(tmpdir(), 'stocksync-schema-export-'));
    try {
      const { tenant } = await createTenant(source.admin, { name: 'exp', slug: 'exp', email: 'ops@exp.test', owner: { email: 'o@exp.test' } }, { isolation: 'schema' });
      await withTenant(source.admin, tenant.id, (tx) => tx.insert(projects).values([{ tenantId: tenant.id, name: 'one' }, { tenantId: tenant.id, name: 'two' }]));
      const manifest = await exportTenant(source.admin, tenant.id, dir);
      expect(manifest.tables.find((x) => x.table === 'projects')!.rows).toBe(2);
      expect(manifest.tables.find((x) => x.table === 'users')!.rows).toBe(1);
      await importTenant(target.admin, dir);
      const names = await withTenant(target.db, tenant.id, async (tx) => rowsOf<{ name: string }>(await tx.execute(sql`select name from public.projects order by name`)).map((r) => r.name));
      expect(names).toEqual(['one', 'two']);
      const [row] = rowsOf<{ isolation: string }>(await target.admin.execute(sql`select isolation from tenants where id = ${tenant.id}::uuid`));
      expect(row!.isolation).toBe('shared');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await source.close();
      await target.close();
    }
  }, 120_000);
});
