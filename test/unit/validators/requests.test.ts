// Request-body schemas, generated over every table of the schema: no tenantId or server-set column,
// the database's rules kept (required columns, lengths, enums, cross-field rules), and Zod's
// omit/pick/partial/extend working on them without losing a rule.
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as tables from '../../../src/schema/_tables.js';
import * as validators from '../../../src/validators/index.js';
import { SERVER_SET_COLUMNS, requestSchemaOf } from '../../../src/validators/index.js';

type AnyObject = z.ZodObject<z.core.$ZodShape>;
const TENANT = '0190a5b4-0000-7000-8000-000000000001';
const exported = validators as unknown as Record<string, unknown>;

// Tables in the public schema (the legacy import schema is not written through requests).
const tenantTables = Object.entries(tables as Record<string, unknown>)
  .filter(([, table]) => is(table, PgTable) && getTableConfig(table as PgTable).schema === undefined)
  .map(([name, table]) => [name, table as PgTable] as const);

function singularOf(tableName: string): string {
  if (tableName === 'tenantSettings') return 'tenantSettings';
  for (const [plural, singular] of [
    [/ies$/, 'y'],
    [/(ss|sh|ch|x)es$/, '$1'],
    [/s$/, ''],
  ] as const) {
    if (plural.test(tableName)) return tableName.replace(plural, singular);
  }
  return tableName;
}

const pathsOf = (result: { error?: z.ZodError }) => (result.error?.issues ?? []).map((i) => i.path.join('.'));
// A value of the wrong type for each column data type (a column's type is a database rule too).
const WRONG_TYPE: Record<string, unknown> = { string: 42, number: 'x', boolean: 'yes', json: () => 1, date: 'not-a-date', bigint: 'x' };
// Patch schemas a table does not have, on purpose.
const NO_PATCH = new Set(['stockMovement', 'auditLog']);

describe('request schemas', () => {
  it('cover every table of the schema', () => {
    expect(tenantTables.length).toBeGreaterThan(60);
    const missing = tenantTables
      .map(([name]) => singularOf(name))
      .filter((s) => !exported[`${s}CreateSchema`] || (!NO_PATCH.has(s) && !exported[`${s}PatchSchema`]));
    expect(missing).toEqual([]);
  });

  describe.each(tenantTables.map(([name, table]) => [name, table, singularOf(name)] as const))('%s', (_name, table, singular) => {
    const create = exported[`${singular}CreateSchema`] as AnyObject;
    const patch = exported[`${singular}PatchSchema`] as AnyObject | undefined;
    const columns = getTableColumns(table);

    it('has no server-set column, and strips a tenantId sent in the body', () => {
      for (const schema of [create, patch]) {
        if (!schema) continue;
        for (const column of SERVER_SET_COLUMNS) expect(Object.keys(schema.shape)).not.toContain(column);
        const result = schema.safeParse({ tenantId: TENANT, id: TENANT });
        if (result.success) expect(result.data).not.toHaveProperty('tenantId');
        else expect(pathsOf(result).filter((p) => p === 'tenantId' || p === 'id')).toEqual([]);
      }
      if (patch) {
        const result = patch.safeParse({ tenantId: TENANT });
        expect(pathsOf(result).filter((p) => p === 'tenantId')).toEqual([]);
      }
    });

    it('keeps the database rules of its columns (required, length, allowed values)', () => {
      let asserted = 0;
      const empty = pathsOf(create.safeParse({}));
      for (const [key, column] of Object.entries(columns)) {
        if (!(key in create.shape)) continue;
        if (column.notNull && !column.hasDefault) {
          expect(empty, `${key} is required`).toContain(key);
          asserted++;
        }
        const length = (column as { length?: number }).length;
        if (column.columnType === 'PgVarchar' && typeof length === 'number' && !column.enumValues?.length) {
          const result = create.pick({ [key]: true }).safeParse({ [key]: 'x'.repeat(length + 1) });
          expect(pathsOf(result), `${key} longer than ${length}`).toContain(key);
          if (patch && key in patch.shape) expect(pathsOf(patch.safeParse({ [key]: 'x'.repeat(length + 1) }))).toContain(key);
          asserted++;
        }
        const wrong = WRONG_TYPE[column.dataType];
        if (wrong !== undefined) {
          expect(pathsOf(create.pick({ [key]: true }).safeParse({ [key]: wrong })), `${key} of the wrong type`).toContain(key);
          asserted++;
        }
        if (column.enumValues?.length) {
          expect(pathsOf(create.pick({ [key]: true }).safeParse({ [key]: 'not-an-allowed-value' }))).toContain(key);
          asserted++;
        }
      }
      expect(asserted).toBeGreaterThan(0);
    });

    it('composes with omit, pick, partial and extend without losing a cross-field rule', () => {
      const rules = create._zod.def.checks?.length ?? 0;
      const first = Object.keys(create.shape)[0]!;
      const composed = [
        create.omit({ [first]: true }),
        create.pick({ [first]: true }),
        create.partial(),
        create.extend({ clientNote: z.string().optional() }),
        create.partial().omit({ [first]: true }),
      ] as AnyObject[];
      for (const schema of composed) expect(schema._zod.def.checks?.length ?? 0).toBe(rules);
      if (patch) expect(patch.partial()._zod.def.checks?.length ?? 0).toBe(patch._zod.def.checks?.length ?? 0);
    });
  });
});

describe('cross-field rules in request bodies', () => {
  const location = '0190a5b4-0000-7000-8000-000000000003';
  const supplier = '0190a5b4-0000-7000-8000-000000000004';

  it('an inventory order body needs its party, also after omit and extend', () => {
    const body = { orderNumber: 'PO-1', kind: 'purchase', locationId: location };
    expect(pathsOf(validators.inventoryOrderCreateSchema.safeParse(body))).toEqual(['supplierId']);
    expect(pathsOf(validators.inventoryOrderCreateSchema.omit({ notes: true }).safeParse(body))).toEqual(['supplierId']);
    const extended = validators.inventoryOrderCreateSchema.extend({ reference: z.string() });
    expect(pathsOf(extended.safeParse({ ...body, reference: 'r' }))).toEqual(['supplierId']);
    const ok = extended.parse({ ...body, supplierId: supplier, reference: 'r', tenantId: TENANT });
    expect(ok).toEqual({ ...body, supplierId: supplier, reference: 'r' });
  });

  it('a patch checks the rule only with the fields it carries', () => {
    expect(validators.inventoryOrderPatchSchema.parse({ notes: 'n' })).toEqual({ notes: 'n' });
    expect(pathsOf(validators.inventoryOrderPatchSchema.safeParse({ kind: 'sale' }))).toEqual(['buyerId']);
  });

  it('the types leave tenantId out and keep the fields', () => {
    type Create = z.input<typeof validators.inventoryOrderCreateSchema>;
    const body: Create = { orderNumber: 'PO-2', kind: 'purchase', locationId: location, supplierId: supplier, currency: 'EUR', totalCents: 0 };
    // @ts-expect-error tenantId is not part of a request body
    const withTenant: Create = { ...body, tenantId: TENANT };
    expect(withTenant.orderNumber).toBe('PO-2');
  });

  it('refuses a schema that is not a Zod object', () => {
    expect(() => requestSchemaOf(z.never() as never)).toThrow(/Zod object/);
  });
});
