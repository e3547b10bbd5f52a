// Every seeded row parses with the package's validators: the generated rows with the insert
// schemas (business rules included), and the rows as stored with the select schemas.
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { ZodType } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../src/schema/index.js';
import { generateTenant, SeedBatch, seedDatabase } from '../../../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import * as validators from '../../../src/validators/index.js';

const tables = Object.entries(schema as Record<string, unknown>).filter((e): e is [string, PgTable] => is(e[1], PgTable));

function singular(name: string): string[] {
  if (name.endsWith('ies')) return [`${name.slice(0, -3)}y`];
  if (name.endsWith('sses') || name.endsWith('xes')) return [name.slice(0, -2)];
  if (name.endsWith('s')) return [name.slice(0, -1), name];
  return [name];
}

/** The validator `<singular key><Kind>Schema` of a table, if the validators module exports one. */
function validatorFor(key: string, kind: 'Insert' | 'Select'): ZodType | undefined {
  const all = validators as Record<string, unknown>;
  for (const base of singular(key)) {
    const found = all[`${base}${kind}Schema`];
    if (found && typeof (found as ZodType).safeParse === 'function') return found as ZodType;
  }
  return undefined;
}

function failures(rows: readonly unknown[], validator: ZodType, table: string): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const result = validator.safeParse(row);
    if (!result.success) out.push(`${table}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return out.slice(0, 5);
}

describe('seeded rows and the validators', () => {
  it('every generated row parses with its insert schema', () => {
    const batch = new SeedBatch();
    for (let i = 0; i < 4; i++) generateTenant('validators', i, batch);
    const problems: string[] = [];
    const covered: string[] = [];
    for (const [key, table] of tables) {
      const rows = batch.rowsOf(table);
      const validator = validatorFor(key, 'Insert');
      if (!rows.length || !validator) continue;
      covered.push(getTableName(table));
      problems.push(...failures(rows, validator, getTableName(table)));
    }
    expect(problems).toEqual([]);
    // Every domain with validators is covered.
    expect(covered).toEqual(
      expect.arrayContaining([
        'tenants', 'users', 'tasks', 'documents', 'workflows', 'audit_logs', 'inventory_orders', 'stock_movements',
        'billing_orders', 'payments', 'subscriptions', 'licenses', 'license_sessions', 'addresses', 'notifications', 'communications',
      ]),
    );
  });

  describe('rows as stored', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase();
      await seedDatabase(t.db, { tenants: 2, seed: 'validators' });
    });
    afterAll(async () => {
      await t?.drop();
    });

    it('every stored row parses with its select schema', async () => {
      const problems: string[] = [];
      const covered: string[] = [];
      for (const [key, table] of tables) {
        const validator = validatorFor(key, 'Select');
        if (!validator) continue;
        const rows = await t.db.select().from(table);
        if (!rows.length) continue;
        covered.push(getTableName(table));
        problems.push(...failures(rows, validator, getTableName(table)));
      }
      expect(problems).toEqual([]);
      expect(covered.length).toBeGreaterThanOrEqual(45);
    });
  });
});
