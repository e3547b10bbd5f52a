// The per-file test database: cloned from the template, isolated from its siblings, dropped cleanly.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { tenants } from '../../../src/schema/index.js';
import { createTestDatabase } from '../../../src/testing/index.js';

describe('createTestDatabase', () => {
  const created: Array<{ drop(): Promise<void> }> = [];
  afterAll(async () => {
    for (const d of created) await d.drop();
  });

  it('gives each caller its own migrated database', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    created.push(a, b);
    expect(a.name).not.toBe(b.name);
    await a.db.insert(tenants).values({ name: 'Acme', slug: 'acme', email: 'ops@acme.test' });
    const inA = await a.db.select().from(tenants);
    const inB = await b.db.select().from(tenants);
    expect(inA.map((t) => t.slug)).toEqual(['acme']);
    expect(inB).toEqual([]);
  });

  it('drop removes the database from the server', async () => {
    const t = await createTestDatabase();
    const serverUrl = process.env.STOCKSYNC_TEST_SERVER_URL!;
    await t.drop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [t.name]);
      expect(found.rowCount).toBe(0);
    } finally {
      await admin.end();
    }
    await t.drop(); // idempotent
  });

  it('the clone carries the migrated schema and the database defaults', async () => {
    const t = await createTestDatabase();
    created.push(t);
    const result = await t.db.execute(sql`insert into tenants (name, slug, email) values ('Raw', 'raw', 'raw@x.test') returning id`);
    const id = (result as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
