// Runs the code blocks of README.md and docs/ that are marked `<!-- snippet: run NAME -->`, as
// written, each against a throwaway database: NAME picks the data it needs and the values of its
// context names (db, tenantId...), and the checks on what it returns. Every block that imports the
// package is marked run or not run (with the reason). Type-checking all blocks: scripts/docs-snippets.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import express from 'express';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/index.js';
import { createSaleOrder, receiveStock } from '../../../src/operations/index.js';
import { billingProducts, buyers, cartItems, carts, inventoryLocations, inventoryProducts, refunds, tenants, users } from '../../../src/schema/index.js';
import { seedTenant } from '../../../src/seed/index.js';
import { createTenant, withTenant } from '../../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';
import { allSnippets, declaredNames, importsPackage, ROOT, type Snippet } from '../../../scripts/docs-snippet-blocks.js';

/** What a run needs: values for the snippet's context names, and checks on the module's exports. */
interface Prepared {
  context: Record<string, unknown>;
  env?: Record<string, string>;
  check?: (exports: Record<string, unknown>) => Promise<void>;
}
type Driver = (t: TestDatabase) => Promise<Prepared>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => Promise<any>;

// A tenant with an owner, written as the superuser.
async function tenantWithOwner(t: TestDatabase, slug: string, id = uuidv7()): Promise<{ tenantId: string; userId: string }> {
  await t.db.execute(sql`insert into tenants (id, name, slug, email) values (${id}, ${slug}, ${slug}, ${`ops@${slug}.test`})`);
  const rows = await t.db.execute(sql`insert into users (tenant_id, email, role) values (${id}, ${`owner@${slug}.test`}, 'owner') returning id::text as id`);
  return { tenantId: id, userId: (rows as unknown as { rows: Array<{ id: string }> }).rows[0]!.id };
}

// A tenant that sells: a location, a buyer and one product (price 250) with 10 units in stock.
async function shop(t: TestDatabase, db: Database) {
  const { tenantId, userId } = await tenantWithOwner(t, 'docs-shop');
  const [location] = await t.db.insert(inventoryLocations).values({ tenantId, code: 'MAIN', name: 'Main' }).returning();
  const [buyer] = await t.db.insert(buyers).values({ tenantId, name: 'Buyer' }).returning();
  const [product] = await t.db.insert(inventoryProducts).values({ tenantId, sku: 'DOC-1', name: 'Doc item', unitPriceCents: 250 }).returning();
  await withTenant(db, tenantId, (tx) => receiveStock(tx, { locationId: location!.id, lines: [{ productId: product!.id, quantity: 10 }] }));
  return { tenantId, userId, buyerId: buyer!.id, locationId: location!.id, productId: product!.id };
}

const DRIVERS: Record<string, Driver> = {
  'test-database': async () => ({ context: {} }),
  'service-boot': async (t) => {
    // The block's tenant id is a literal: the tenant exists, with no projects.
    await tenantWithOwner(t, 'docs-boot', '0190f1a2-7c3e-7d4b-9a1e-2f3c4d5e6f70');
    return { context: {}, env: { DATABASE_URL: t.serviceUrl } };
  },
  seed: async (t) => ({
    context: { db: t.db },
    check: async () => {
      const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(tenants);
      expect(row!.n).toBeGreaterThan(1);
    },
  }),
  'migrate-up': async (t) => ({ context: {}, env: { DATABASE_URL: t.url } }),
  'sale-order-lifecycle': async (t) => {
    const db = await t.serviceDb();
    const s = await shop(t, db);
    return {
      context: {},
      check: async (exports) => {
        const delivered = await (exports.sell as Fn)(db, s.tenantId, s);
        expect(delivered).toMatchObject({ status: 'delivered', totalCents: 2 * 250 });
        const { order } = await withTenant(db, s.tenantId, (tx) =>
          createSaleOrder(tx, { orderNumber: 'SO-2', buyerId: s.buyerId, locationId: s.locationId, lines: [{ productId: s.productId, quantity: 1 }] }));
        const cancelled = await (exports.cancel as Fn)(db, s.tenantId, order.id);
        expect(cancelled.order.status).toBe('cancelled');
      },
    };
  },
  'sale-order-payment': async (t) => {
    const db = await t.serviceDb();
    const s = await shop(t, db);
    const draft = () =>
      withTenant(db, s.tenantId, (tx) =>
        createSaleOrder(tx, { orderNumber: `PAY-${uuidv7()}`.slice(0, 50), buyerId: s.buyerId, locationId: s.locationId, lines: [{ productId: s.productId, quantity: 2 }] }));
    return {
      context: {},
      check: async (exports) => {
        const { order } = await draft();
        expect(await (exports.payAndShip as Fn)(db, s.tenantId, order.id, s.productId)).toEqual({ paid: 500, refunded: 250 });
        expect(await (exports.refundTooMuch as Fn)(db, s.tenantId, order.id)).toBe('inventory_orders_refunded_cents_check');
      },
    };
  },
  'sale-order-from-cart': async (t) => {
    const db = await t.serviceDb();
    const s = await shop(t, db);
    const [catalogItem] = await t.db.insert(billingProducts).values({ sku: 'DOC-1', name: 'Doc item', priceCents: 300 }).returning();
    const [cart] = await t.db.insert(carts).values({ tenantId: s.tenantId, userId: s.userId }).returning();
    await t.db.insert(cartItems).values({ tenantId: s.tenantId, cartId: cart!.id, productId: catalogItem!.id, quantity: 2, unitPriceCents: 300 });
    return {
      context: {},
      check: async (exports) => {
        const ids = { cartId: cart!.id, buyerId: s.buyerId, locationId: s.locationId };
        const first = await (exports.orderCart as Fn)(db, s.tenantId, ids);
        expect(first).toMatchObject({ cartStatus: 'checked_out' });
        expect(await (exports.orderCart as Fn)(db, s.tenantId, ids)).toEqual({ refused: 'carts_status_check' });
      },
    };
  },
  'hono-service': async (t) => {
    const { tenant } = await createTenant(t.db, { name: 'Hono', slug: 'docs-hono', email: 'ops@hono.test', owner: { email: 'jo@hono.test' } }, { baseDomain: 'example.com' });
    return {
      context: { db: await t.serviceDb() },
      check: async (exports) => {
        const api = exports.default as Hono;
        const post = (body: unknown) =>
          api.request('http://docs-hono.example.com/products', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const created = await post({ sku: 'HONO-1', name: 'Served', tenantId: uuidv7() });
        expect(created.status).toBe(201);
        expect(await created.json()).toMatchObject({ sku: 'HONO-1', tenantId: tenant.id });
        const invalid = await post({ sku: '', name: 'No SKU' });
        expect(invalid.status).toBe(422);
        expect(invalid.headers.get('content-type')).toMatch(/application\/problem\+json/);
        const unknown = await api.request('http://nobody.example.com/products', { method: 'POST', body: '{}' });
        expect(unknown.status).toBe(404);
      },
    };
  },
  'express-error-handler': async () => ({ context: {} }),
  'actor-context': async (t) => {
    const { tenantId, userId } = await tenantWithOwner(t, 'docs-actor');
    const req = { ip: '203.0.113.7', get: (name: string) => (name.toLowerCase() === 'user-agent' ? 'docs-test' : undefined) };
    return { context: { db: await t.serviceDb(), tenantId, userId, req, requestId: 'req-1' } };
  },
  'scoped-builder': async (t) => {
    const { tenantId, userId } = await tenantWithOwner(t, 'docs-builder');
    const db = await t.serviceDb();
    return {
      context: { db, tenantId, userId, id: uuidv7() },
      check: async () => {
        const rows = await t.db.execute(sql`select name from projects where tenant_id = ${tenantId}`);
        expect((rows as unknown as { rows: unknown[] }).rows).toEqual([{ name: 'Roadmap' }]);
      },
    };
  },
  resolution: async (t) => {
    // A tenant made as the docs make one: with its subdomain under the base domain.
    await createTenant(t.db, { name: 'Docs', slug: 'docs-resolve', email: 'ops@docs.test', owner: { email: 'jo@docs.test' } }, { baseDomain: 'example.com' });
    const req = { headers: { host: 'docs-resolve.example.com' } };
    return { context: { db: await t.serviceDb(), req, app: express(), hono: new Hono() } };
  },
  'tenant-lifecycle': async (t) => ({
    context: { db: t.db },
    check: async () => {
      const [row] = await t.db.select({ slug: tenants.slug, status: tenants.status }).from(tenants).where(eq(tenants.slug, 'acme'));
      expect(row).toEqual({ slug: 'acme', status: 'active' });
    },
  }),
  'tenant-export': async (t) => {
    const { tenantId } = await tenantWithOwner(t, 'docs-export');
    const other = await createTestDatabase();
    // A fresh path: the export creates the directory.
    const dir = join(mkdtempSync(join(tmpdir(), 'stocksync-docs-export-')), 'acme');
    cleanups.push(async () => {
      await other.drop();
      rmSync(dirname(dir), { recursive: true, force: true });
    });
    return {
      context: { db: t.db, otherDb: other.db, tenantId, key: 'docs-snippet-signing-key-0123456789', dir },
      check: async () => {
        const [row] = await other.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, tenantId));
        expect(row).toEqual({ slug: 'docs-export' });
      },
    };
  },
  'isolation-check': async (t) => {
    // As the docs say: two seeded tenants, one of them with refunds (not every seed writes some), a cart each.
    // Seeding is deterministic: the loop stops at the same index every run.
    const ids: string[] = [];
    let withRefunds: string | undefined;
    for (let index = 0; !withRefunds || ids.length < 2; index++) {
      if (index === 12) throw new Error('No seeded tenant among 12 has refunds: the seeder changed, update the docs.');
      ids.push((await seedTenant(t.db, { seed: 'isolation', index })).tenantId);
      const [row] = await t.db.select({ tenantId: refunds.tenantId }).from(refunds).limit(1);
      withRefunds = row?.tenantId;
    }
    const tenantA = withRefunds!;
    const tenantB = ids.find((id) => id !== tenantA)!;
    const [product] = await t.db.select().from(billingProducts).limit(1);
    for (const tenant of [tenantA, tenantB]) {
      const [user] = await t.db.select().from(users).where(eq(users.tenantId, tenant)).limit(1);
      const [cart] = await t.db.insert(carts).values({ tenantId: tenant, userId: user!.id }).returning();
      await t.db.insert(cartItems).values({ tenantId: tenant, cartId: cart!.id, productId: product!.id, unitPriceCents: product!.priceCents });
    }
    return { context: { db: t.db, tenantA, tenantB } };
  },
};

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const where = (s: Snippet) => `${s.doc}:${s.line}`;
const snippets = allSnippets();
const runs = snippets.filter((s) => s.mark && 'run' in s.mark);
const outDir = join(ROOT, '.cache', 'docs-snippets-run');

// The block as a module: context names it does not declare are bound to the prepared values.
async function runSnippet(snippet: Snippet, n: number, prepared: Prepared): Promise<Record<string, unknown>> {
  const declared = declaredNames(snippet.code);
  const names = Object.keys(prepared.context).filter((name) => !declared.has(name));
  const prelude = names.map((name) => `const ${name} = (globalThis as never as { __docsSnippet: Record<string, never> }).__docsSnippet.${name};`);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `snippet-${n}-${Date.now()}.ts`);
  writeFileSync(file, `${prelude.join('\n')}\n${snippet.code}\nexport {};\n`);
  const saved = Object.fromEntries(Object.keys(prepared.env ?? {}).map((k) => [k, process.env[k]]));
  Object.assign(process.env, prepared.env ?? {});
  (globalThis as { __docsSnippet?: unknown }).__docsSnippet = prepared.context;
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } finally {
    delete (globalThis as { __docsSnippet?: unknown }).__docsSnippet;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(file, { force: true });
  }
}

describe('docs snippets', () => {
  it('marks every block that imports the package as run or not run (with a reason)', () => {
    const unmarked = snippets.filter((s) => importsPackage(s.code) && !s.mark).map(where);
    expect(unmarked).toEqual([]);
    expect(runs.length).toBeGreaterThan(0);
  });

  it('names a known set-up in every run mark, and uses every set-up', () => {
    const names = runs.map((s) => (s.mark as { run: string }).run);
    expect(names.filter((name) => !DRIVERS[name]).map((name) => `unknown set-up ${name}`)).toEqual([]);
    expect(Object.keys(DRIVERS).filter((name) => !names.includes(name))).toEqual([]);
  });

  for (const [n, snippet] of runs.entries()) {
    const name = (snippet.mark as { run: string }).run;
    it(`runs ${where(snippet)} (${name}) as written`, async () => {
      const driver = DRIVERS[name];
      if (!driver) throw new Error(`No set-up named ${name} for ${where(snippet)}: add it to DRIVERS.`);
      const t = await createTestDatabase();
      try {
        const prepared = await driver(t);
        const exports = await runSnippet(snippet, n, prepared);
        await prepared.check?.(exports);
      } finally {
        await t.drop();
      }
    });
  }
});
