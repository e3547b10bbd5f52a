// The operations on all three drivers (node-postgres, postgres.js, PGlite): same results, and the
// savepoint keeps the caller's transaction usable after a refused step.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuleViolationError, openLicenseSession, reapZombieSessions, receiveStock, shipStock } from '../../../src/operations/index.js';
import { inventoryLocations, inventoryProducts, licenses } from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/index.js';
import { openDriver, rowsOf, type DriverHandle } from '../tenancy/_drivers.js';

for (const name of ['pg', 'postgres', 'pglite'] as const) {
  describe(`operations on ${name}`, () => {
    let h: DriverHandle;
    let tenantId: string;
    let locationId: string;
    let productId: string;

    beforeAll(async () => {
      h = await openDriver(name);
      const res = await h.admin.execute(sql`insert into tenants (name, slug, email) values ('Drv', ${`drv-${name}`}, 'd@drv.test') returning id`);
      tenantId = rowsOf<{ id: string }>(res)[0]!.id;
      const [l] = await h.admin.insert(inventoryLocations).values({ tenantId, code: 'W1', name: 'W1' }).returning();
      const [p] = await h.admin.insert(inventoryProducts).values({ tenantId, sku: 'S1', name: 'S1' }).returning();
      locationId = l!.id;
      productId = p!.id;
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('receives and ships stock, and a refused shipment leaves the transaction usable', async () => {
      const levels = await withTenant(h.db, tenantId, async (tx) => {
        await receiveStock(tx, { locationId, lines: [{ productId, quantity: 5 }] });
        const err = await shipStock(tx, { locationId, lines: [{ productId, quantity: 9 }] }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(RuleViolationError);
        expect((err as RuleViolationError).sqlState).toBe('23514');
        return (await shipStock(tx, { locationId, lines: [{ productId, quantity: 2 }] })).levels;
      });
      expect(levels.map((l) => l.quantity)).toEqual([3]);
    });

    it('opens license sessions and reaps silent ones', async () => {
      const [license] = await h.admin.insert(licenses).values({ tenantId, licenseKey: `K-${name}`, seatsTotal: 2 }).returning();
      const s = await withTenant(h.db, tenantId, (tx) => openLicenseSession(tx, { licenseId: license!.id, hardwareId: 'hw' }));
      expect(s.startedAt).toBeInstanceOf(Date);
      await h.admin.execute(sql`update license_sessions set last_heartbeat_at = now() - interval '10 minutes' where id = ${s.id}`);
      const reaped = await withTenant(h.db, tenantId, (tx) => reapZombieSessions(tx));
      expect(reaped.map((r) => [r.id, r.status])).toEqual([[s.id, 'zombie']]);
    });
  });
}
