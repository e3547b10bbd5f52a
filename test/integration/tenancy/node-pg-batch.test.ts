// node-postgres standalone scoped statements travel as one extended-protocol batch: the context is
// prepared once per connection, values are bound exactly as drizzle binds them, and the batch
// recovers from a server that forgot the prepared context (DISCARD ALL, a pooler).
import { eq, getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/connection.js';
import * as schema from '../../../src/schema/index.js';
import { tasks, teams, tenants, projects, users } from '../../../src/schema/index.js';
import { PREPARED_STATEMENTS_PER_CONNECTION } from '../../../src/tenancy/node-pg-batch.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { rowsOf } from './_drivers.js';

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

// A test database holding one tenant (and, given one, its user), and a node-postgres pool of one
// connection on it, so every statement runs on the same connection.
async function openOneConnection(slug: string, tenantId: string, userId?: string) {
  const test = await createTestDatabase({ driver: 'pg', max: 1 });
  await test.db.insert(tenants).values({ id: tenantId, name: 'A', slug, email: 'a@a.test' });
  if (userId) await test.db.insert(users).values({ tenantId, id: userId, email: 'alice@a.test', role: 'owner' });
  const handle = await openDatabase({ url: test.serviceUrl, driver: 'pg', max: 1 });
  return { test, db: handle.db, close: handle.close };
}

describe('the context batch on one node-postgres connection', () => {
  let test: TestDatabase;
  let db: Database;
  let close: () => Promise<void>;
  const A = uuidv7();
  const alice = uuidv7();

  beforeAll(async () => {
    ({ test, db, close } = await openOneConnection('batch-a', A, alice));
  });
  afterAll(async () => {
    await close?.();
    await test?.drop();
  });

  const contextStatements = async () =>
    rowsOf<{ name: string }>(
      await db.execute(sql`select name from pg_prepared_statements where name like 'stocksync_context_%'`),
    ).map((r) => r.name);

  it('prepares the context once per connection and reuses it', async () => {
    const t = tenantDb(db, A);
    for (let i = 0; i < 3; i++) expect((await t.select().from(users).where(eq(users.id, alice))).map((u) => u.id)).toEqual([alice]);
    await t.transaction((tt) => tt.select().from(users));
    expect(await contextStatements()).toHaveLength(1);
  });

  it('prepares the context again when the server forgot it (DEALLOCATE ALL, DISCARD ALL)', async () => {
    const t = tenantDb(db, A);
    await t.select().from(users);
    await db.execute(sql`deallocate all`);
    expect(await contextStatements()).toEqual([]);
    expect((await t.select().from(users).where(eq(users.id, alice))).map((u) => u.id)).toEqual([alice]);
    expect(await contextStatements()).toHaveLength(1);
    await db.execute(sql`discard all`);
    expect(await t.transaction((tt) => tt.select({ id: users.id }).from(users))).toEqual([{ id: alice }]);
    expect(await contextStatements()).toHaveLength(1);
  });

  it('runs raw SQL holding several statements (which cannot be prepared) through a transaction', async () => {
    const result = await tenantDb(db, A).execute(
      sql.raw(`select 1 as one; select current_setting('app.tenant_id') as tenant, current_user as role`),
    );
    const last = (Array.isArray(result) ? result.at(-1) : result) as { rows: unknown[] };
    expect(last.rows).toEqual([{ tenant: A, role: 'stocksync_app' }]);
  });

  it('a named prepared scoped query runs repeatedly with new values', async () => {
    const byId = tenantDb(db, A)
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare('batch_user_by_id');
    expect(await byId.execute({ id: alice })).toEqual([{ id: alice }]);
    expect(await byId.execute({ id: uuidv7() })).toEqual([]);
    expect(await byId.execute({ id: alice })).toEqual([{ id: alice }]);
  });

  const statementCount = async () =>
    rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pg_prepared_statements where name ~ '^stocksync_[0-9a-f]{32}$'`))[0]!.n;

  it('prepares each statement text once per connection, and keeps at most the most recently used ones', async () => {
    await db.execute(sql`deallocate all`);
    const t = tenantDb(db, A);
    for (let i = 0; i < 3; i++) await t.select().from(users).where(eq(users.id, alice));
    expect(await statementCount()).toBe(1);
    await t.select({ email: users.email }).from(users);
    expect(await statementCount()).toBe(2);
    for (let i = 0; i < PREPARED_STATEMENTS_PER_CONNECTION + 5; i++) {
      expect(rowsOf(await t.execute(sql.raw(`select ${i} as n`)))).toEqual([{ n: i }]);
    }
    expect(await statementCount()).toBe(PREPARED_STATEMENTS_PER_CONNECTION);
    // The evicted ones are prepared again when they come back.
    expect((await t.select().from(users).where(eq(users.id, alice))).map((u) => u.id)).toEqual([alice]);
    expect(await statementCount()).toBe(PREPARED_STATEMENTS_PER_CONNECTION);
  });

  it('a table changed under a prepared statement is planned again (0A000), in the same call', async () => {
    const t = tenantDb(db, A);
    await t.insert(teams).values({ name: 'prepared' });
    const read = () => t.execute(sql`select * from teams where name = ${'prepared'}`);
    expect(Object.keys(rowsOf<Record<string, unknown>>(await read())[0]!)).not.toContain('batch_extra');
    await test.db.execute(sql`alter table teams add column batch_extra integer not null default 7`);
    try {
      expect(rowsOf<Record<string, unknown>>(await read())[0]).toMatchObject({ name: 'prepared', batch_extra: 7 });
    } finally {
      await test.db.execute(sql`alter table teams drop column batch_extra`);
    }
  });

  it('a value that cannot be sent fails the call and leaves the connection usable', async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const failed = await tenantDb(db, A).execute(sql`select ${circular}::jsonb`).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((await tenantDb(db, A).select({ id: users.id }).from(users))).toEqual([{ id: alice }]);
  });
});

describe('every column type of the schema round-trips identically through a standalone scoped statement', () => {
  let test: TestDatabase;
  let db: Database;
  let close: () => Promise<void>;
  const A = uuidv7();

  beforeAll(async () => {
    ({ test, db, close } = await openOneConnection('batch-types-a', A));
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
        // The driver's own error, under however many wrappers (the builder maps errors to typed ones).
        const root = (e: unknown) => {
          let c = e as { cause?: unknown };
          while (c?.cause) c = c.cause as { cause?: unknown };
          return String(c);
        };
        const scoped = rowsOf(await t.execute(query).catch((e: unknown) => ({ rows: [{ error: root(e) }] })));
        const bound = rowsOf(await db.execute(query).catch((e: unknown) => ({ rows: [{ error: root(e) }] })));
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
