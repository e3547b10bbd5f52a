// The per-file test database: cloned from the template, isolated from its siblings, dropped cleanly.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { tenants } from '../../../src/schema/index.js';
import { createTestDatabase, ensureTemplate } from '../../../src/testing/index.js';

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

describe('createTestDatabase with its own migrations', () => {
  const serverUrl = () => process.env.STOCKSYNC_TEST_SERVER_URL!;
  let folder = '';
  const templates = new Set<string>();
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      for (const name of templates) {
        await admin.query(`alter database "${name}" with is_template false`).catch(() => {});
        await admin.query(`drop database if exists "${name}" with (force)`);
      }
    } finally {
      await admin.end();
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it('migrates the template once, and builds it again when it was dropped by hand', async () => {
    folder = mkdtempSync(join(tmpdir(), 'stocksync-template-'));
    writeFileSync(join(folder, '0000_marker.sql'), `-- ${randomUUID()}`);
    let migrations = 0;
    const migrate = async (url: string) => {
      migrations++;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('create table marker (n int)');
      await client.end();
    };
    const options = { serverUrl: serverUrl(), migrationsFolder: folder, migrate };
    const template = await ensureTemplate(serverUrl(), folder, migrate);
    templates.add(template);
    const first = await createTestDatabase(options);
    const second = await createTestDatabase(options);
    await first.drop();
    await second.drop();
    expect(migrations).toBe(1);

    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      await admin.query(`alter database "${template}" with is_template false`);
      await admin.query(`drop database "${template}"`);
    } finally {
      await admin.end();
    }
    const third = await createTestDatabase(options);
    try {
      expect(migrations).toBe(2);
      const rows = await third.db.execute(sql`select count(*)::int as n from marker`);
      expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    } finally {
      await third.drop();
    }
  });

  it('uses a new template when a migration file changes', async () => {
    const before = await ensureTemplate(serverUrl(), folder, async () => {});
    writeFileSync(join(folder, '0001_more.sql'), '-- another migration');
    const after = await ensureTemplate(serverUrl(), folder, async () => {});
    templates.add(after);
    expect(after).not.toBe(before);
  });
});
