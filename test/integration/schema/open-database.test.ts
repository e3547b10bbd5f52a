// openDatabase on node-postgres builds its handles from one relational config per process: each
// handle still has its own pool, and the relational query API works on every one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../../src/connection.js';
import { tenants } from '../../../src/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';

describe('openDatabase (node-postgres)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(tenants).values({ name: 'Acme', slug: 'acme', email: 'ops@acme.test' });
  });
  afterAll(() => database.drop());

  it('gives every handle its own pool and a working relational API', async () => {
    const handles: DatabaseHandle[] = [];
    try {
      for (let i = 0; i < 3; i++) handles.push(await openDatabase({ url: database.url, driver: 'pg', max: 2 }));
      expect(new Set(handles.map((h) => h.client)).size).toBe(3);
      for (const h of handles) {
        expect((h.db as unknown as { $client: unknown }).$client).toBe(h.client);
        const found = await h.db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, 'acme'), with: { domains: true } });
        expect(found?.name).toBe('Acme');
        expect(found?.domains).toEqual([]);
      }
      await handles[0]!.close();
      const rows = await handles[1]!.db.select({ slug: tenants.slug }).from(tenants);
      expect(rows).toEqual([{ slug: 'acme' }]);
    } finally {
      for (const h of handles.slice(1)) await h.close();
    }
  });
});
