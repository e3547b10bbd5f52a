// The trusted COPY load (triggers and foreign-key checks off, derived values from the seeder) gives
// the same bytes as the rule-following path, and its verification rejects batches that break a rule.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/connection.js';
import { SeedVerificationError } from '../../../src/errors.js';
import { stockLevels, tasks } from '../../../src/schema/index.js';
import {
  ensureCatalog,
  generateTenant,
  mayLoadTrusted,
  SeedBatch,
  seedDatabase,
  tableChecksums,
  writeBatch,
} from '../../../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

const count = async (db: TestDatabase['db'], table: string) =>
  Number(((await db.execute(sql.raw(`select count(*) as n from "${table}"`))) as unknown as { rows: Array<{ n: string }> }).rows[0]!.n);

describe('trusted COPY load', () => {
  let trusted: TestDatabase;
  let rules: TestDatabase;
  let rulesCopy: TestDatabase;
  beforeAll(async () => {
    [trusted, rules, rulesCopy] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([trusted?.drop(), rules?.drop(), rulesCopy?.drop()]);
  });

  // Three seeds through every trigger take close to a minute on 2 busy cores: a timeout to match.
  it('writes byte-identical tables to the trigger path (INSERT and COPY with triggers on)', { timeout: 240_000 }, async () => {
    const t = await seedDatabase(trusted.db, { tenants: 3, seed: 'trust', method: 'copy', batchRows: 2_000 });
    const r = await seedDatabase(rules.db, { tenants: 3, seed: 'trust', method: 'insert', batchRows: 2_000 });
    const rc = await seedDatabase(rulesCopy.db, { tenants: 3, seed: 'trust', method: 'copy', trusted: false, batchRows: 2_000 });
    expect([t.trusted, r.trusted, rc.trusted]).toEqual([true, false, false]);
    expect(t.rows).toEqual(r.rows);
    const [st, sr, src] = await Promise.all([tableChecksums(trusted.db), tableChecksums(rules.db), tableChecksums(rulesCopy.db)]);
    expect(st.stock_levels!.rows).toBeGreaterThan(0);
    expect(st.entitlements!.rows).toBeGreaterThan(0);
    expect(st).toEqual(sr);
    expect(src).toEqual(sr);
    // No audit entries were written for the load itself (nothing to delete afterwards).
    expect(
      Number(((await trusted.db.execute(sql`select count(*) as n from audit_logs where metadata->>'source' = 'trigger'`)) as unknown as { rows: Array<{ n: string }> }).rows[0]!.n),
    ).toBe(0);
  });

  it('rolls back a batch whose foreign key finds no row, naming the key', async () => {
    const env = await ensureCatalog(trusted.db);
    const batch = new SeedBatch();
    generateTenant('broken-fk', 0, batch, ['organization', 'projects'], env);
    const task = batch.rowsOf(tasks)[0]!;
    (task as { projectId: string }).projectId = '00000000-0000-7000-8000-000000000000';
    const before = await count(trusted.db, 'tenants');
    const error = await writeBatch(trusted.db, batch, { method: 'copy', trusted: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedVerificationError);
    expect((error as SeedVerificationError).failures.map((f) => f.check).join('\n')).toMatch(/tasks_project_id_fkey \(tasks -> projects\)/);
    expect(await count(trusted.db, 'tenants')).toBe(before);
  });

  it('rolls back a batch whose stock levels do not equal the ledger', async () => {
    const env = await ensureCatalog(trusted.db);
    const batch = new SeedBatch();
    generateTenant('broken-ledger', 0, batch, ['organization', 'inventory'], env);
    const level = batch.rowsOf(stockLevels)[0]!;
    batch.update('test:level', 'derived', 'stock_levels', [{ name: 'quantity', type: 'integer' }], [
      { tenantId: level.tenantId, id: level.id!, values: [123_456] },
    ]);
    const error = await writeBatch(trusted.db, batch, { method: 'copy', trusted: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedVerificationError);
    expect((error as SeedVerificationError).failures).toEqual([{ check: 'stock levels equal the sum of their movements', rows: 1 }]);
  });

  it('falls back to the rule-following path for a role that may not switch triggers off', async () => {
    await trusted.db.execute(sql.raw(`create role seed_limited login`));
    try {
      const url = new URL(trusted.url);
      url.username = 'seed_limited';
      url.password = '';
      const limited = await openDatabase({ url: url.toString() });
      try {
        expect(await mayLoadTrusted(limited.db)).toBe(false);
        expect(await mayLoadTrusted(trusted.db)).toBe(true);
        const batch = new SeedBatch();
        generateTenant('limited', 0, batch, ['organization'], await ensureCatalog(trusted.db));
        await expect(writeBatch(limited.db, batch, { method: 'copy', trusted: true })).rejects.toThrow(/session_replication_role/);
      } finally {
        await limited.close();
      }
    } finally {
      await trusted.db.execute(sql.raw(`drop role seed_limited`));
    }
  });
});
