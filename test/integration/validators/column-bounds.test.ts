// Every validator's verdict against Postgres's own: for every column of every table, boundary values
// of its type (and fast-check samples) go through the validator and, as drizzle would send them, into a
// column of the same type (format_type from the catalog); what the validator accepts the column must take.
import { getTableColumns, getTableName, is, type Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import * as schema from '../../../src/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import * as validators from '../../../src/validators/index.js';

const tables = Object.entries(schema as Record<string, unknown>).filter((e): e is [string, PgTable] => is(e[1], PgTable));

/** A value to try; `canonical` values must get the same verdict from the column mapping and Postgres. */
interface Candidate {
  value: unknown;
  canonical: boolean;
  label: string;
}

const c = (value: unknown, label = String(value), canonical = true): Candidate => ({ value, canonical, label });
const loose = (value: unknown, label = String(value)): Candidate => c(value, label, false);
const SEED = 20261207;
const sample = <T>(arb: fc.Arbitrary<T>, n = 24): T[] => fc.sample(arb, { seed: SEED, numRuns: n });

const INT_RANGE: Record<string, [number, number]> = {
  PgSmallInt: [-32768, 32767],
  PgInteger: [-2147483648, 2147483647],
  PgSerial: [-2147483648, 2147483647],
};

function candidatesOf(column: Column): Candidate[] {
  const col = column as Column & { length?: number; precision?: number; scale?: number; enumValues?: string[] };
  const type = column.columnType;
  const range = INT_RANGE[type];
  if (range) {
    const [min, max] = range;
    return [
      c(0), c(1), c(-1), c(min, 'min'), c(max, 'max'), c(min - 1, 'min-1'), c(max + 1, 'max+1'),
      c(2 ** 53, '2^53'), c(1.5), c(NaN), c(Infinity), c(-Infinity),
      ...sample(fc.integer({ min: min * 2, max: max * 2 })).map((v) => loose(v)),
      ...sample(fc.double()).map((v) => loose(v)),
    ];
  }
  if (type === 'PgBigInt53') {
    return [
      c(0), c(Number.MAX_SAFE_INTEGER, 'max safe'), c(Number.MIN_SAFE_INTEGER, 'min safe'),
      loose(2 ** 53, '2^53 (not exact)'), c(1e19, '1e19'), c(-1e19, '-1e19'), c(1.5), c(NaN), c(Infinity),
      ...sample(fc.double()).map((v) => loose(v)),
    ];
  }
  if (type === 'PgNumeric') {
    const p = col.precision!;
    const s = col.scale!;
    const int = '9'.repeat(p - s);
    const max = s ? `${int}.${'9'.repeat(s)}` : int;
    return [
      c('0'), c(max, 'max'), c(`-${max}`, '-max'), c(`1${max}`, 'max*10'), c('1', '1'),
      c(`${int}.${'9'.repeat(s + 1)}`, 'rounds over max'), loose(`0.${'1'.repeat(s + 1)}`, 'scale+1 digits'),
      loose('NaN'), c('Infinity'), c('-Infinity'), c('abc'), c(''), loose(' 1'), loose('1e2'), c('1e999'),
      ...sample(fc.stringMatching(/^-?\d{1,12}(\.\d{1,9})?$/)).map((v) => loose(v)),
    ];
  }
  if (type === 'PgVarchar' || type === 'PgText') {
    const n = type === 'PgVarchar' ? col.length! : 2000;
    const enumValues = col.enumValues ?? [];
    // An enum column's type takes any string of its length; its CHECK (not probed here) keeps to the list.
    const fits = enumValues.length ? loose : c;
    return [
      fits(''), fits('a'.repeat(n), 'n chars'), fits('é'.repeat(n), 'n two-byte chars'), fits('😀'.repeat(n), 'n astral chars'),
      ...(type === 'PgVarchar' ? [c('a'.repeat(n + 1), 'n+1 chars'), c('😀'.repeat(n + 1), 'n+1 astral chars')] : []),
      c('a\u0000b', 'NUL'), loose('a\ud800b', 'lone surrogate'),
      ...enumValues.map((v) => c(v, `enum ${v}`)),
      ...sample(fc.string({ unit: 'binary', maxLength: n + 2 })).map((v) => loose(v, JSON.stringify(v).slice(0, 40))),
    ];
  }
  if (type === 'PgUUID') {
    return [
      c('0190d5a4-7b7c-7cc3-8f4e-2a6f1c9d3e21', 'v7'), loose('0190D5A4-7B7C-7CC3-8F4E-2A6F1C9D3E21', 'upper case'),
      loose('0190d5a47b7c7cc38f4e2a6f1c9d3e21', 'no hyphens'), loose('{0190d5a4-7b7c-7cc3-8f4e-2a6f1c9d3e21}', 'braces'),
      c('0190d5a4-7b7c-7cc3-8f4e-2a6f1c9d3e2', 'short'), c('not-a-uuid'), c(''),
      ...sample(fc.uuid()).map((v) => loose(v)),
    ];
  }
  if (type === 'PgInet') {
    return [
      c('203.0.113.9'), c('::1'), c('2001:db8::1'), c('::ffff:192.0.2.1'), loose('192.0.2.0/24'), loose('2001:db8::/32'),
      loose('fe80::1%eth0', 'zone id'), c('256.0.0.1'), c('1.2.3'), loose('01.2.3.4', 'leading zero'), c('not-an-ip'), c(''),
      c('1.2.3.4\u0000', 'NUL'), c('1:2:3:4:5:6:7:8:9', '9 groups'), c('::1::2', 'two ::'),
      ...sample(fc.ipV4()).map((v) => loose(v)), ...sample(fc.ipV6()).map((v) => loose(v)),
    ];
  }
  if (type === 'PgDateString') {
    return [
      c('2024-02-29'), c('2023-02-29'), c('0001-01-01'), loose('0000-01-01'), c('9999-12-31'), loose('10000-01-01'),
      c('2024-13-01'), c('2024-00-10'), c('2024-04-31'), loose('2024-1-1'), c('x'), c(''), loose(' 2024-01-01'),
      ...sample(fc.date({ min: new Date(-62135596800000), max: new Date(253402300799999), noInvalidDate: true })).map((d) =>
        loose(d.toISOString().slice(0, 10)),
      ),
    ];
  }
  if (type === 'PgTimestamp') {
    const at = (iso: string) => new Date(iso);
    return [
      c(new Date(0), 'epoch'), c(at('0001-01-01T00:00:00.000Z'), 'year 1'), c(at('9999-12-31T23:59:59.999Z'), 'year 9999'),
      c(new Date(-62167219200000), 'year 0'), c(new Date(-62198755200000), 'year -1'), c(new Date(253402300800000), 'year 10000'),
      c(new Date(8.64e15), 'JS max'), c(new Date(-8.64e15), 'JS min'), c(new Date(NaN), 'Invalid Date'),
      ...sample(fc.date({ noInvalidDate: true })).map((d) => loose(d, d.toISOString())),
    ];
  }
  if (type === 'PgJsonb') {
    return [
      c({}), c([]), c({ a: 1, b: [true, null, 'x'] }, 'nested'), c({ a: 1e308 }, '1e308'),
      c({ a: 'x\u0000y' }, 'NUL in a string'), c({ ['k\u0000']: 1 }, 'NUL in a key'), c({ a: '\ud800' }, 'lone surrogate'),
      loose({ a: NaN }, 'NaN'), loose([1, Infinity], 'Infinity'), loose({ a: undefined }, 'undefined member'),
      c({ a: 1n }, 'bigint'), loose({ a: () => 1 }, 'function (JSON.stringify drops it)'),
      ...sample(fc.jsonValue()).map((v) => loose(v, JSON.stringify(v).slice(0, 40))),
      ...sample(fc.object()).map((v) => loose(v, 'fc.object')),
    ];
  }
  if (type === 'PgBoolean') return [c(true), c(false), loose('true', "'true'"), loose(1), c('maybe')];
  throw new Error(`No candidates for column type ${type}: add them here.`);
}

/** What drizzle sends for `value` (its mapToDriverValue), or the error it throws. */
function driverValue(column: Column, value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: column.mapToDriverValue(value) };
  } catch {
    return { ok: false };
  }
}

function accepts(field: ZodType, value: unknown): { ok: true; out: unknown } | { ok: false } {
  const result = field.safeParse(value);
  return result.success ? { ok: true, out: result.data } : { ok: false };
}

function singular(name: string): string[] {
  if (name.endsWith('ies')) return [`${name.slice(0, -3)}y`];
  if (name.endsWith('sses') || name.endsWith('xes')) return [name.slice(0, -2)];
  if (name.endsWith('s')) return [name.slice(0, -1), name];
  return [name];
}

const KINDS = ['InsertSchema', 'UpdateSchema', 'CreateSchema', 'PatchSchema'] as const;

/** The exported table schemas (`<singular key><Kind>`) of a table, with their shapes. */
function exportedSchemasOf(key: string): Array<[string, Record<string, ZodType>]> {
  const all = validators as Record<string, unknown>;
  const found: Array<[string, Record<string, ZodType>]> = [];
  for (const base of singular(key)) {
    for (const kind of KINDS) {
      const s = all[`${base}${kind}`] as { shape?: Record<string, ZodType> } | undefined;
      if (s?.shape) found.push([`${base}${kind}`, s.shape]);
    }
  }
  return found;
}

describe('validators and the columns they fill', () => {
  let t: TestDatabase;
  let client: pg.Client;
  const typeOf = new Map<string, string>();
  const probeOf = new Map<string, string>();
  const verdicts = new Map<string, boolean>();

  beforeAll(async () => {
    t = await createTestDatabase();
    client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query<{ nspname: string; relname: string; attname: string; type: string }>(
      `select n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) as type
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and n.nspname in ('public', 'legacy')`,
    );
    for (const r of rows) typeOf.set(`${r.nspname}.${r.relname}.${r.attname}`, r.type);
    await client.query('create schema probe');
  });
  afterAll(async () => {
    await client?.end();
    await t?.drop();
  });

  const sqlTypeOf = (table: PgTable, column: Column) => {
    const name = (column as Column & { keyAsName?: boolean }).keyAsName ? toSnakeCase(column.name) : column.name;
    const key = `${getTableConfig(table).schema ?? 'public'}.${getTableName(table)}.${name}`;
    const type = typeOf.get(key);
    if (!type) throw new Error(`No column ${key} in the migrated database`);
    return type;
  };

  /** Does a column of `type` take what drizzle sends for `value`? Asked of the server, once per value. */
  async function postgresAccepts(type: string, column: Column, value: unknown): Promise<boolean> {
    const sent = driverValue(column, value);
    if (!sent.ok) return false;
    const key = `${type}\u0001${typeof sent.value}\u0001${String(sent.value)}`;
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    let probe = probeOf.get(type);
    if (!probe) {
      probe = `probe.t${probeOf.size}`;
      // The type comes from the catalog's own format_type, not from input.
      await client.query(`create table ${probe} (v ${type})`);
      probeOf.set(type, probe);
    }
    const ok = await client.query(`insert into ${probe} (v) values ($1)`, [sent.value]).then(
      () => true,
      () => false,
    );
    verdicts.set(key, ok);
    return ok;
  }

  it('every exported table schema accepts only what its column takes', async () => {
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const [key, table] of tables) {
      const columns = getTableColumns(table) as Record<string, Column>;
      for (const [name, shape] of exportedSchemasOf(key)) {
        for (const [field, fieldSchema] of Object.entries(shape)) {
          const column = columns[field];
          if (!column) continue;
          const type = sqlTypeOf(table, column);
          checked.add(`${name}.${field}`);
          for (const candidate of candidatesOf(column)) {
            const verdict = accepts(fieldSchema, candidate.value);
            if (!verdict.ok || verdict.out == null) continue;
            if (!(await postgresAccepts(type, column, verdict.out))) {
              problems.push(`${name}.${field} (${type}) accepts ${candidate.label}, which the column refuses`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // The walk reached the tables the issue names (int4 cents, varchar, numeric, inet, dates, jsonb).
    for (const f of ['inventoryProductInsertSchema.unitPriceCents', 'addressInsertSchema.latitude', 'taxRateInsertSchema.rate',
      'sprintInsertSchema.startDate', 'userInsertSchema.email', 'taskInsertSchema.tags', 'taskCreateSchema.title']) {
      expect(checked).toContain(f);
    }
    expect(checked.size).toBeGreaterThan(400);
  });

  it('the column mapping of every table agrees with Postgres on every canonical boundary', async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const [, table] of tables) {
      const shape = (validators.columnSchemasOf(table) as Record<string, ZodType>);
      for (const [field, column] of Object.entries(getTableColumns(table) as Record<string, Column>)) {
        const type = sqlTypeOf(table, column);
        for (const candidate of candidatesOf(column)) {
          const verdict = accepts(shape[field]!, candidate.value);
          const pgOk = await postgresAccepts(type, column, verdict.ok ? verdict.out : candidate.value);
          compared++;
          if (verdict.ok && !pgOk) problems.push(`${getTableName(table)}.${field} (${type}) accepts ${candidate.label}, which the column refuses`);
          if (candidate.canonical && !verdict.ok && pgOk) problems.push(`${getTableName(table)}.${field} (${type}) refuses ${candidate.label}, which the column takes`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });
});
