// openDatabase builds its handles from one relational config per process: each handle still has
// its own client, and the relational API and drizzle's type mapping work on every one of them.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/connection.js';
import { tenants } from '../../src/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

describe.each(['pg', 'postgres'] as const)('openDatabase (%s)', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(tenants).values({ name: 'Acme', slug: 'acme', email: 'ops@acme.test', brandingConfig: { color: '#123456' } });
  });
  afterAll(() => database.drop());

  it('gives every handle its own client, a working relational API and drizzle type mapping', async () => {
    const handles: DatabaseHandle[] = [];
    try {
      for (let i = 0; i < 3; i++) handles.push(await openDatabase({ url: database.url, driver, max: 2 }));
      expect(new Set(handles.map((h) => h.client)).size).toBe(3);
      for (const h of handles) {
        expect(h.driver).toBe(driver);
        expect((h.db as unknown as { $client: unknown }).$client).toBe(h.client);
        const found = await h.db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, 'acme'), with: { domains: true } });
        expect(found?.name).toBe('Acme');
        expect(found?.domains).toEqual([]);
        expect(found?.createdAt).toBeInstanceOf(Date);
        expect(found?.brandingConfig).toEqual({ color: '#123456' });
        // drizzle's own type handling on the driver: dates and timestamps reach drizzle as text.
        const raw = await h.db.execute(sql`select date '2026-03-04' as d, timestamptz '2026-03-04 05:06:07.089+00' as t`);
        const [first] = (Array.isArray(raw) ? raw : (raw as unknown as { rows: unknown[] }).rows) as Array<{ d: unknown; t: unknown }>;
        expect(first!.d).toBe('2026-03-04');
        expect(typeof first!.t).toBe('string');
      }
      // A timestamp and JSON written through one handle read back the same through another.
      const at = new Date('2026-03-04T05:06:07.089Z');
      await handles[1]!.db.insert(tenants).values({ name: 'Beta', slug: `beta-${driver}`, email: 'ops@beta.test', createdAt: at, brandingConfig: { color: '#abcdef' } });
      await handles[0]!.close();
      const rows = await handles[2]!.db
        .select({ createdAt: tenants.createdAt, brandingConfig: tenants.brandingConfig })
        .from(tenants)
        .where(eq(tenants.slug, `beta-${driver}`));
      expect(rows).toEqual([{ createdAt: at, brandingConfig: { color: '#abcdef' } }]);
    } finally {
      for (const h of handles.slice(1)) await h.close();
    }
  });
});
