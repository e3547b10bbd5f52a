// Round trip: a seeded tenant exported to NDJSON and imported into a fresh database comes back row
// for row; damaged files, duplicates and dangling references are refused.
import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantImportError, TenantLifecycleError } from '../../../src/errors.js';
import { ensureCatalog, seedTenant } from '../../../src/seed/index.js';
import { tenantTablesInDatabase } from '../../../src/tenancy/catalog.js';
import { exportTenant } from '../../../src/tenancy/export.js';
import { verifyTenantExport } from '../../../src/tenancy/export-manifest.js';
import { importTenant } from '../../../src/tenancy/import.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { rowsOf } from './_drivers.js';

const KEY = 'export-import test key';

describe('tenant export and import', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let tenantId: string;

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'stocksync-export-'));
    tenantId = (await seedTenant(source.db, { seed: 'export', index: 0 })).tenantId;
    await seedTenant(source.db, { seed: 'export', index: 1 }); // a neighbour that must not travel
    await ensureCatalog(target.db); // global reference data the tenant's rows point at
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await source?.drop();
    await target?.drop();
  });

  const dump = async (db: TestDatabase['db'], table: string) =>
    rowsOf<{ j: unknown }>(
      await db.execute(
        table === 'tenants'
          ? sql`select to_jsonb(t) as j from tenants t where id = ${tenantId}::uuid`
          : sql`select to_jsonb(t) as j from ${sql.raw(`"${table}"`)} t where tenant_id = ${tenantId}::uuid order by id`,
      ),
    ).map((r) => r.j);

  it('exports one file per table with a manifest of counts and checksums, only the tenant rows', async () => {
    const progress: Array<{ table: string; tablesDone: number; tablesTotal: number; rows: number }> = [];
    const manifest = await exportTenant(source.db, tenantId, dir, { batchSize: 50, key: KEY, onProgress: (p) => progress.push(p) });
    const tables = (await tenantTablesInDatabase(source.db)).map((t) => t.table);
    // One progress report per table written, ending at all tables and all rows.
    expect(progress.map((p) => p.tablesDone)).toEqual(manifest.tables.map((_, i) => i + 1));
    expect(progress.at(-1)).toEqual({
      table: tables.at(-1),
      tablesDone: manifest.tables.length,
      tablesTotal: manifest.tables.length,
      rows: manifest.tables.reduce((a, t) => a + t.rows, 0),
    });
    expect(manifest.tables.map((t) => t.table)).toEqual(['tenants', ...tables]);
    const files = await readdir(dir);
    for (const entry of manifest.tables) {
      expect(files).toContain(entry.file);
      expect(entry.rows).toBe((await dump(source.db, entry.table)).length);
    }
    expect(manifest.tables.reduce((a, t) => a + t.rows, 0)).toBeGreaterThan(500);
    const users = (await readFile(join(dir, 'users.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(users.map((u: { tenant_id: string }) => u.tenant_id))).toEqual(new Set([tenantId]));
    await expect(verifyTenantExport(dir)).resolves.toMatchObject({ tenantId });
  });

  it('imports into a fresh database and every row of every table comes back identical', async () => {
    const progress: Array<{ tablesDone: number; tablesTotal: number; rows: number }> = [];
    // Signed, so the verified custom domains come back verified (an unsigned export cannot vouch for them).
    const { rows } = await importTenant(target.db, dir, { batchSize: 100, key: KEY, onProgress: (p) => progress.push(p) });
    const manifest = await verifyTenantExport(dir);
    expect(progress.at(-1)).toMatchObject({
      tablesDone: manifest.tables.length,
      tablesTotal: manifest.tables.length,
      rows: manifest.tables.reduce((a, t) => a + t.rows, 0),
    });
    for (const entry of manifest.tables) {
      expect(rows[entry.table], entry.table).toBe(entry.rows);
      expect(await dump(target.db, entry.table), entry.table).toEqual(await dump(source.db, entry.table));
    }
    // The import wrote no audit entries of its own (triggers were off): the audit log is the exported one.
    expect(await dump(target.db, 'audit_logs')).toEqual(await dump(source.db, 'audit_logs'));
  });

  it('refuses to import a tenant that already exists', async () => {
    await expect(importTenant(target.db, dir)).rejects.toBeInstanceOf(TenantLifecycleError);
  });

  it('rolls back an import whose rows point at reference data the target lacks', async () => {
    const bare = await createTestDatabase(); // no billing catalog
    try {
      const error = await importTenant(bare.db, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TenantImportError);
      expect((error as Error).message).toMatch(/^[a-z_]+\.ndjson:\d+ \(table [a-z_]+\): references rows that are missing in the target or belong to another tenant \([a-z_]+ [a-z_0-9]+: \d+ row/);
      expect(rowsOf<{ n: number }>(await bare.db.execute(sql`select count(*)::int as n from users`))[0]!.n).toBe(0);
    } finally {
      await bare.drop();
    }
  });

  it('refuses a damaged export before writing anything', async () => {
    await appendFile(join(dir, 'teams.ndjson'), '{"tampered": true}\n');
    await expect(verifyTenantExport(dir)).rejects.toThrow(
      new TenantImportError('does not match the manifest (checksum or row count): the export is damaged.', { file: 'teams.ndjson', table: 'teams' }),
    );
    const fresh = await createTestDatabase();
    try {
      await expect(importTenant(fresh.db, dir)).rejects.toBeInstanceOf(TenantImportError);
      expect(rowsOf<{ n: number }>(await fresh.db.execute(sql`select count(*)::int as n from tenants`))[0]!.n).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
