// The Hono error handler and the Express error middleware answer application/problem+json with the
// status of the mapped error, for errors raised by the scoped builder on a real database.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, TenantUnavailableError, ValidationError } from '../../../src/errors.js';
import { expressErrorHandler, honoErrorHandler, PROBLEM_CONTENT_TYPE } from '../../../src/problem.js';
import { inventoryLocations, inventoryProducts, tenants } from '../../../src/schema/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, type DriverHandle } from '../tenancy/_drivers.js';

const SECRET = 'sk_live_0a1b2c3d4e5f';

describe('problem+json handlers', () => {
  let h: DriverHandle;
  const A = uuidv7();
  const unexpected: unknown[] = [];

  // The same routes for both frameworks: each raises one kind of error.
  const routes: Record<string, () => Promise<unknown>> = {
    duplicate: () => tenantDb(h.db, A).insert(inventoryProducts).values({ sku: SECRET, name: 'again' }),
    'bad-id': () => tenantDb(h.db, A).select().from(inventoryLocations).where(eq(inventoryLocations.id, SECRET)),
    'bad-kind': () => tenantDb(h.db, A).insert(inventoryLocations).values({ code: 'K', name: 'k', kind: 'moon' as 'store' }),
    missing: () => Promise.reject(new NotFoundError('Location x does not exist in this tenant.', 'inventory_locations', 'x')),
    suspended: () => Promise.reject(new TenantUnavailableError('Tenant is suspended: reactivate it.', 'suspended')),
    invalid: () => Promise.reject(new ValidationError('Invalid input', [{ path: ['name'], message: 'Required' }])),
    'no-context': () => Promise.resolve().then(() => tenantDb(h.db).select().from(inventoryLocations)),
    crash: () => Promise.reject(new Error(`internal ${SECRET}`)),
  };
  const expected: Record<string, { status: number; code: string }> = {
    duplicate: { status: 409, code: 'CONFLICT' },
    'bad-id': { status: 422, code: 'INVALID_VALUE' },
    'bad-kind': { status: 422, code: 'CHECK_VIOLATION' },
    missing: { status: 404, code: 'NOT_FOUND' },
    suspended: { status: 403, code: 'TENANT_UNAVAILABLE' },
    invalid: { status: 422, code: 'VALIDATION_FAILED' },
    'no-context': { status: 400, code: 'TENANT_CONTEXT_MISSING' },
    crash: { status: 500, code: 'INTERNAL' },
  };

  let expressUrl: string;
  let close: () => Promise<void>;
  const hono = new Hono();

  beforeAll(async () => {
    h = await openDriver('pg');
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: 'http-a', email: 'a@a.test' });
    await h.admin.insert(inventoryProducts).values({ tenantId: A, sku: SECRET, name: 'Secret' });

    for (const [name, run] of Object.entries(routes)) hono.get(`/${name}`, async (c) => c.json(await run()));
    hono.onError(honoErrorHandler({ onError: (e) => unexpected.push(e) }));

    const app = express();
    for (const [name, run] of Object.entries(routes)) {
      app.get(`/${name}`, (_req, res, next) => {
        run().then((r) => res.json(r), next);
      });
    }
    app.use(expressErrorHandler({ onError: (e) => unexpected.push(e) }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    expressUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
    await h?.close();
  });

  describe.each(['hono', 'express'] as const)('%s', (framework) => {
    it.each(Object.keys(routes))('%s', async (name) => {
      const response = framework === 'hono' ? await hono.request(`/${name}`) : await fetch(`${expressUrl}/${name}`);
      const text = await response.text();
      expect(response.status).toBe(expected[name]!.status);
      expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(body).toMatchObject({ type: 'about:blank', status: expected[name]!.status, code: expected[name]!.code });
      expect(text).not.toContain(SECRET);
      if (name === 'duplicate') expect(body).toMatchObject({ constraint: 'inventory_products_tenant_id_sku_key', fields: ['sku'] });
      if (name === 'bad-kind') expect(body.constraint).toBe('inventory_locations_kind_check');
      if (name === 'invalid') expect(body.issues).toEqual([{ path: ['name'], message: 'Required' }]);
      if (name === 'crash') expect(body.detail).toBe('Internal error: the server logged the details.');
    });
  });

  it('hands only the 500s to onError (once per framework)', () => {
    expect(unexpected.map((e) => (e as Error).message)).toEqual([`internal ${SECRET}`, `internal ${SECRET}`]);
  });
});
