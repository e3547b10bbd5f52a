// The column domains the table schemas enforce, with the messages a caller sees (the verdicts are
// checked against Postgres itself in test/integration/validators/column-bounds.test.ts).
import { describe, expect, it } from 'vitest';
import { addresses, auditLogs, inventoryProducts, sprints, taxRates, users } from '../../../src/schema/index.js';
import {
  columnIssue,
  inventoryProductCreateSchema,
  inventoryProductInsertSchema,
  inventoryProductPatchSchema,
  insertSchemaOf,
  sprintInsertSchema,
  stockLinesInput,
  taskInsertSchema,
  userInsertSchema,
} from '../../../src/validators/index.js';

const T = '0190d5a4-7b7c-7cc3-8f4e-2a6f1c9d3e21';
const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('column domains', () => {
  it('a rule that replaces the column schema (cents) still stops at the int4 range', () => {
    const product = { tenantId: T, sku: 'B', name: 'B' };
    expect(messages(inventoryProductInsertSchema.safeParse({ ...product, unitPriceCents: 2147483647 }))).toEqual([]);
    const over = 'unitPriceCents: Must be at most 2147483647 (the column is integer)';
    expect(messages(inventoryProductInsertSchema.safeParse({ ...product, unitPriceCents: 2147483648 }))).toEqual([over]);
    expect(messages(inventoryProductCreateSchema.safeParse({ sku: 'B', name: 'B', unitPriceCents: 2147483648 }))).toEqual([over]);
    expect(messages(inventoryProductPatchSchema.safeParse({ unitPriceCents: 2 ** 40 }))).toEqual([over]);
    // The rule's own message comes alone when the rule refuses first.
    expect(messages(inventoryProductInsertSchema.safeParse({ ...product, unitPriceCents: -1 }))).toEqual(['unitPriceCents: Must not be negative']);
  });

  it('operation inputs stop at the int4 columns they fill', () => {
    const line = { productId: T, quantity: 2147483647 };
    expect(messages(stockLinesInput.safeParse({ locationId: T, lines: [line] }))).toEqual([]);
    expect(messages(stockLinesInput.safeParse({ locationId: T, lines: [{ ...line, quantity: 2147483648 }] }))).toEqual([
      'lines.0.quantity: Must be at most 2147483647 (the column is integer)',
    ]);
  });

  it('varchar(n) counts characters as Postgres does, not UTF-16 units', () => {
    const user = { tenantId: T, email: 'a@b.test' };
    expect(messages(userInsertSchema.safeParse({ ...user, firstName: '😀'.repeat(150) }))).toEqual([]);
    expect(messages(userInsertSchema.safeParse({ ...user, firstName: '😀'.repeat(151) }))).toEqual(['firstName: Must be at most 150 characters']);
    expect(messages(userInsertSchema.safeParse({ ...user, firstName: 'a\u0000b' }))).toEqual([
      'firstName: Must not contain a NUL character (\\u0000): Postgres text cannot hold it',
    ]);
  });

  it('numeric(p, s) refuses digits the column would round away or overflow', () => {
    expect(columnIssue(taxRates.rate, '9.999999')).toBeUndefined();
    expect(columnIssue(taxRates.rate, '10')).toBe('Must be less than 10^1 in absolute value (numeric(7, 6))');
    expect(columnIssue(taxRates.rate, '0.0000001')).toBe('Must have at most 6 digits after the point (numeric(7, 6))');
    expect(columnIssue(addresses.latitude, '1e2')).toMatch(/^Must be a decimal number/);
  });

  it('inet takes addresses Postgres reads, not a zone id', () => {
    expect(columnIssue(auditLogs.ipAddress, '2001:db8::1')).toBeUndefined();
    expect(columnIssue(auditLogs.ipAddress, '::ffff:192.0.2.1')).toBeUndefined();
    expect(columnIssue(auditLogs.ipAddress, 'fe80::1%eth0')).toBe('Must be an IPv4 or IPv6 address (an optional /prefix, no %zone)');
  });

  it('dates and jsonb: years 1 to 9999, no NUL, finite numbers', () => {
    const task = { tenantId: T, projectId: T, title: 'x' };
    expect(columnIssue(sprints.startDate, '2023-02-29')).toBe('Must be a calendar date YYYY-MM-DD between 0001-01-01 and 9999-12-31');
    expect(columnIssue(sprints.startDate, '0000-12-31')).toBe('Must be a calendar date YYYY-MM-DD between 0001-01-01 and 9999-12-31');
    expect(messages(sprintInsertSchema.shape.startDate.safeParse('2024-02-29'))).toEqual([]);
    expect(messages(taskInsertSchema.safeParse({ ...task, tags: ['a\u0000'] }))).toEqual([
      'tags: Must not contain a NUL character (\\u0000): Postgres text cannot hold it',
    ]);
    expect(columnIssue(users.lastLoginAt, new Date(Date.UTC(10000, 0, 1)))).toBe('Must be a date between the years 1 and 9999');
    expect(columnIssue(users.notificationPreferences, { a: NaN })).toBe('Must hold only finite numbers (JSON has no NaN or Infinity)');
  });

  it('insertSchemaOf holds a caller refinement to the column too', () => {
    const schema = insertSchemaOf(inventoryProducts, { reorderPoint: () => insertSchemaOf(inventoryProducts).shape.sku });
    expect(messages(schema.pick({ reorderPoint: true }).safeParse({ reorderPoint: 'ten' }))).toEqual([
      'reorderPoint: Must be a whole number from -2147483648 to 2147483647 (integer)',
    ]);
  });
});
