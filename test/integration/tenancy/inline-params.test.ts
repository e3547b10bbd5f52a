// Inlining of $n parameters for one-round-trip scoped statements on node-postgres: the tokenizer,
// hostile values, and equivalence with bound parameters on a real server for every schema column type.
import { getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/connection.js';
import * as schema from '../../../src/schema/index.js';
import { tasks, tenants, projects } from '../../../src/schema/index.js';
import { inlineParams, scanPlaceholders, type LiteralEncoder } from '../../../src/tenancy/inline-params.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { rowsOf } from './_drivers.js';

// pg's own preparation, as the library loads it.
const utils = (await import('pg/lib/utils.js' as string)) as LiteralEncoder & { default?: LiteralEncoder };
const encoder: LiteralEncoder = utils.default ?? utils;

const HOSTILE = [
  "it's",
  "''",
  "'; drop table users; --",
  'back\\slash',
  "\\'",
  'E\'x\'',
  '$1',
  "'$2'",
  '$$ $tag$',
  '/* not a comment */ -- nor this',
  '"quoted"',
  'line\nbreak\ttab\r',
  'é ☃ 😀 中文 \u200b',
  '',
  ' ',
];

describe('scanPlaceholders', () => {
  const params = (text: string) => scanPlaceholders(text)?.params;

  it('finds placeholders outside quotes, identifiers, dollar quotes and comments', () => {
    expect(params('select $1, $2 from t where a = $3')).toEqual([1, 2, 3]);
    expect(params(`select '$1', $2`)).toEqual([2]);
    expect(params(`select 'it''s $1', $2`)).toEqual([2]);
    expect(params(`select E'\\' $1', $2`)).toEqual([2]);
    expect(params(`select e'\\\\', $1`)).toEqual([1]);
    expect(params(`select U&'\\0041 $1', $2`)).toEqual([2]);
    expect(params(`select U&"a$1", $2`)).toEqual([2]);
    expect(params(`select "a $1", "b""$2", $3`)).toEqual([3]);
    expect(params(`select $$ $1 $$, $2`)).toEqual([2]);
    expect(params(`select $tag$ $1 $$ $2 $tag$, $3`)).toEqual([3]);
    expect(params(`select $a$ $b$ $1 $b$ $a$, $2`)).toEqual([2]);
    expect(params(`select 1 -- $1 'x\n, $2`)).toEqual([2]);
    expect(params(`select /* $1 /* $2 */ ' $3 */ $4`)).toEqual([4]);
    expect(params(`select abc$1, $2`)).toEqual([2]);
    expect(params(`select $12 + $3`)).toEqual([12, 3]);
    expect(params(`select 1.5e3, x$y, $1::int[]`)).toEqual([1]);
    expect(params(`select "é$1", é$2, $3`)).toEqual([3]);
  });

  it('keeps the text around placeholders', () => {
    expect(scanPlaceholders(`a = $1 and b = '$2' and c = $2`)).toEqual({
      parts: ['a = ', ` and b = '$2' and c = `, ''],
      params: [1, 2],
    });
  });

  it('drops one trailing semicolon and refuses what it cannot be sure of', () => {
    expect(scanPlaceholders('select $1;  \n')).toEqual({ parts: ['select ', ''], params: [1] });
    expect(scanPlaceholders('select 1; select $1')).toBeUndefined();
    expect(scanPlaceholders(`select ';'; commit`)).toBeUndefined();
    expect(scanPlaceholders(`select 'open`)).toBeUndefined();
    expect(scanPlaceholders(`select E'open\\'`)).toBeUndefined();
    expect(scanPlaceholders(`select "open`)).toBeUndefined();
    expect(scanPlaceholders(`select $x$ open`)).toBeUndefined();
    expect(scanPlaceholders(`select /* /* */ open`)).toBeUndefined();
    expect(scanPlaceholders(`select 'a\u0000'`)).toBeUndefined();
    // A backslash in a plain string means different things depending on standard_conforming_strings.
    expect(scanPlaceholders(`select 'a\\b', $1`)).toBeUndefined();
  });
});

describe('inlineParams', () => {
  it('inlines pg-prepared values as escaped literals and keeps quoted text intact', () => {
    expect(inlineParams(encoder, `select $1, '$1', $2`, ["it's", null])).toBe(`select  'it''s', '$1',  NULL`);
    expect(inlineParams(encoder, 'select $1', ['a\\b'])).toBe(`select  E'a\\\\b'`);
    expect(inlineParams(encoder, 'select $2, $1', [1, true])).toBe(`select  'true',  '1'`);
    // U& followed by a placeholder stays an operator followed by a literal.
    expect(inlineParams(encoder, 'select U&$1', ['x'])).toBe(`select U& 'x'`);
  });

  it('refuses what binding would refuse or what cannot travel in a literal', () => {
    expect(inlineParams(encoder, 'select $1, $2', ['a'])).toBeUndefined();
    expect(inlineParams(encoder, 'select $1', ['a', 'b'])).toBeUndefined();
    expect(inlineParams(encoder, 'select $2', ['a', 'b'])).toBeUndefined();
    expect(inlineParams(encoder, 'select $1', ['nul\u0000'])).toBeUndefined();
    expect(inlineParams(encoder, 'select $1; drop table x', ['a'])).toBeUndefined();
  });
});

describe('inlined literals mean what bound parameters mean (real server)', () => {
  let test: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    test = await createTestDatabase({ driver: 'pg', max: 1 });
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await test?.drop();
  });

  // Both forms, with pg's default type parsers; the text form too, so parsers cannot hide a difference.
  const both = async (text: string, values: unknown[]) => {
    const inlined = inlineParams(encoder, text, values);
    expect(inlined, text).toBeDefined();
    // Failures count too: both forms must fail alike (pg prepares a JS array as an array literal, not JSON).
    const outcome = (run: Promise<pg.QueryResult>) =>
      run.then((r) => ({ rows: r.rows }), (e: { code?: string }) => ({ error: e.code }));
    const bound = await outcome(client.query({ text, values, rowMode: 'array' }));
    const simple = await outcome(client.query({ text: inlined!, rowMode: 'array' }));
    return { bound, simple };
  };

  const cases: Array<[string, unknown[]]> = [
    ...HOSTILE.map((v): [string, unknown[]] => ['select $1::text, $1::text = $2, length($1::text)', [v, v]]),
    ...HOSTILE.map((v): [string, unknown[]] => ['select $1 as untyped', [v]]),
    ...HOSTILE.map((v): [string, unknown[]] => [`select $1::jsonb, ($1::jsonb)::text`, [{ [v]: [v, null, 1.5, { v }] }]]),
    ['select $1::jsonb, ($1::jsonb)::text', [[1, 'two', null, { three: "'3'" }]]],
    ['select $1::text[], array_length($1::text[], 1)', [[...HOSTILE, null]]],
    ['select $1::int[][]', [[[1, 2], [3, null]]]],
    ['select $1::bytea, length($1::bytea)', [Buffer.from([0, 1, 39, 92, 255, 36, 49])]],
    ['select $1::bytea', [new Uint8Array([222, 173, 190, 239])]],
    ['select $1::bytea[]', [[Buffer.from('a$1\\'), null]]],
    ['select $1::timestamptz, $2::timestamp, $3::date', [new Date('2026-03-29T01:30:00.123Z'), new Date(0), new Date('1999-12-31T23:59:59Z')]],
    ['select $1::timestamptz[]', [[new Date('2020-02-29T12:00:00Z'), null]]],
    ['select $1::numeric, $2::numeric, $3::float8, $4::int, $5::bigint, $6::smallint', [1.5, '123456789012345678901234567890.123456', -0, -42, 2n ** 63n - 1n, 7]],
    ['select $1::numeric(9,6), $2::real', [0.1 + 0.2, 1e21]],
    ['select $1::boolean, $2::boolean, $3::text is null, $4::uuid, $5::inet', [true, false, null, uuidv7(), '2001:db8::1']],
    ['select $1::int is null, $2::text is null', [undefined, null]],
    ['select -$1::int, $1::int - -$2::int, $3 || $4', [5, -5, 'a', "'b"]],
    ['select \'$1\' as kept, $1 as val, "x$1" from (select 1 as "x$1") s', ["'"]],
    ['select $1::text /* $1 */ -- $1\n, $$ $1 $$', ['c']],
    ['select $1::varchar(3)', ['abcdef']],
    ['select $1::text like $2', ['a_b%c', 'a\\_b\\%c']],
    ['select $1::json->>0', [['$1 "q" \\']]],
  ];

  it.each(cases.map(([text, values], i) => [i, text, values] as const))('case %i: %s', async (_i, text, values) => {
    const { bound, simple } = await both(text, values as unknown[]);
    expect(simple).toEqual(bound);
  });

  it('the one known difference: a parameter whose type nothing determines', async () => {
    // Bound, `$1 is null` fails with 42P18 (could not determine the data type); the inlined NULL or
    // literal is resolved as unknown/text and succeeds. Drizzle always compares parameters with typed
    // columns, so its statements never hit this; a raw statement that would fail simply works.
    const { bound, simple } = await both('select $1 is null', [null]);
    expect(bound).toEqual({ error: '42P18' });
    expect(simple).toEqual({ rows: [[true]] });
  });

  it('a toPostgres object is prepared by pg as when bound', async () => {
    const money = { toPostgres: () => "12.50'" };
    const { bound, simple } = await both('select $1::text', [money]);
    expect(simple).toEqual(bound);
  });
});

describe('every column type of the schema round-trips identically through a standalone scoped statement', () => {
  let test: TestDatabase;
  let db: Database;
  let close: () => Promise<void>;
  const A = uuidv7();

  beforeAll(async () => {
    test = await createTestDatabase({ driver: 'pg', max: 1 });
    await test.db.insert(tenants).values({ id: A, name: 'A', slug: 'inline-a', email: 'a@a.test' });
    const handle = await openDatabase({ url: test.url, driver: 'pg', max: 1 });
    db = handle.db;
    close = handle.close;
  });
  afterAll(async () => {
    await close?.();
    await test?.drop();
  });

  // Sample values per SQL type, written as drizzle hands them to the driver (mapToDriverValue).
  const SAMPLES: Record<string, unknown[]> = {
    uuid: [uuidv7(), null],
    text: [...HOSTILE, null],
    varchar: [...HOSTILE.map((v) => v.slice(0, 20)), null],
    integer: [0, -2147483648, 2147483647, null],
    serial: [1, 2147483647, null],
    smallint: [-32768, 32767, null],
    bigint: [0, Number.MAX_SAFE_INTEGER, -1, null],
    numeric: ['0', '-1.000001', '99.999999', '1e-6', null],
    boolean: [true, false, null],
    date: ['2026-02-28', '0001-01-01', null],
    timestamp: [new Date('2026-03-29T01:30:00.123Z'), new Date(-1), null],
    jsonb: [{ a: HOSTILE, n: 1.25, z: null, nested: { '$1': "'" } }, HOSTILE, 'a string', 42, true, null],
    inet: ['203.0.113.9', '2001:db8::1/64', '::ffff:1.2.3.4', null],
  };

  const columnTypes = () => {
    const types = new Map<string, { sqlType: string; column: { mapToDriverValue(v: unknown): unknown } }>();
    for (const table of Object.values(schema)) {
      if (!is(table, PgTable)) continue;
      for (const column of Object.values(getTableColumns(table))) {
        const sqlType = column.getSQLType();
        if (!types.has(sqlType)) types.set(sqlType, { sqlType, column: column as never });
      }
    }
    return [...types.values()];
  };

  it('covers every type the schema uses', () => {
    const missing = columnTypes()
      .map((t) => t.sqlType)
      .filter((t) => !SAMPLES[baseType(t)]);
    expect(missing).toEqual([]);
  });

  it('gives the same values as the bound form, for every column type and sample', async () => {
    const t = tenantDb(db, A);
    for (const { sqlType, column } of columnTypes()) {
      for (const sample of SAMPLES[baseType(sqlType)] ?? []) {
        const value = sample === null ? null : column.mapToDriverValue(sample);
        const cast = sql.raw(castType(sqlType));
        const query = sql`select ${value}::${cast} as v, (${value}::${cast})::text as t`;
        const scoped = rowsOf(await t.execute(query).catch((e: unknown) => ({ rows: [{ error: String((e as Error).cause ?? e) }] })));
        const bound = rowsOf(await db.execute(query).catch((e: unknown) => ({ rows: [{ error: String((e as Error).cause ?? e) }] })));
        expect({ sqlType, sample, scoped }).toEqual({ sqlType, sample, scoped: bound });
      }
    }
  });

  it('a task written and read through the builder keeps every value', async () => {
    const t = tenantDb(db, A);
    const [project] = await t.insert(projects).values({ name: "O'Brien \\ $1 ☃" }).returning();
    const values = {
      projectId: project!.id,
      title: `'; drop table tasks; -- $1 \\ é`,
      description: HOSTILE.join('|'),
      storyPoints: 13,
      dueDate: new Date('2026-12-31T23:59:59.999Z'),
      tags: HOSTILE,
      customFields: { quote: "'", backslash: '\\', dollar: '$1', nested: { list: [1, null, 'x'] }, unicode: '😀' },
    };
    const [written] = await t.insert(tasks).values(values).returning();
    expect(written).toMatchObject(values);
    const [read] = await t.select().from(tasks).where(sql`${tasks.id} = ${written!.id}`);
    expect(read).toEqual(written);
    const [asOwner] = await test.db.select().from(tasks).where(sql`${tasks.id} = ${written!.id}`);
    expect(asOwner).toEqual(written);
  });
});

// serial is a column shorthand, not a type one can cast to.
function castType(sqlType: string): string {
  return { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' }[sqlType] ?? sqlType;
}

function baseType(sqlType: string): string {
  if (sqlType.startsWith('timestamp')) return 'timestamp';
  return sqlType.replace(/\(.*$/, '').trim();
}
