// resolveTenant and the Express/Hono middleware: header, subdomain, custom domain and path, in a
// configurable order, cached; unknown -> 404, suspended -> 403, never a fallback tenant.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/connection.js';
import { TenantNotFoundError, TenantNotIdentifiedError, TenantUnavailableError } from '../../../src/errors.js';
import { teams, tenantDomains, tenants } from '../../../src/schema/index.js';
import { expressTenantMiddleware } from '../../../src/tenancy/middleware/express.js';
import { honoTenantMiddleware, type TenantVariables } from '../../../src/tenancy/middleware/hono.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { resolveTenant, TenantResolutionCache, tenantResolutionCache } from '../../../src/tenancy/resolve.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';

const ACME = uuidv7();
const SUS = uuidv7();
const base = { baseDomains: ['example.com'] };
const req = (headers: Record<string, string>, url = '/') => ({ headers, url });

describe('resolveTenant', () => {
  let t: TestDatabase;
  let app: { db: Database; close(): Promise<void> };

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insert(tenants).values([
      { id: ACME, name: 'Acme', slug: 'acme', email: 'a@acme.test' },
      { id: SUS, name: 'Sus', slug: 'sus', email: 's@sus.test', status: 'suspended' },
    ]);
    await t.db.insert(tenantDomains).values([
      { tenantId: ACME, hostname: 'acme.example.com', kind: 'subdomain', isPrimary: true },
      { tenantId: ACME, hostname: 'shop.acme-corp.test', kind: 'custom', verifiedAt: new Date() },
      { tenantId: ACME, hostname: 'unverified.test', kind: 'custom' },
      { tenantId: SUS, hostname: 'sus.example.com', kind: 'subdomain' },
    ]);
    await t.db.insert(teams).values({ tenantId: ACME, name: 'Core' });
    // The service role connecting directly: it sees no tenant_domains row, the lookup still works.
    app = await openDatabase({ url: t.serviceUrl, max: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
  beforeEach(() => tenantResolutionCache.clear());

  it('reads the header as an id or a slug', async () => {
    expect(await resolveTenant(t.db, req({ 'x-tenant-id': ACME }))).toMatchObject({ id: ACME, slug: 'acme', source: 'header' });
    expect(await resolveTenant(t.db, req({ 'x-tenant-id': 'ACME' }))).toMatchObject({ id: ACME, source: 'header' });
    await expect(resolveTenant(t.db, req({ 'x-tenant-id': 'nobody' }))).rejects.toBeInstanceOf(TenantNotFoundError);
    await expect(resolveTenant(t.db, req({ 'x-tenant-id': uuidv7() }))).rejects.toBeInstanceOf(TenantNotFoundError);
  });

  it('reads tenant subdomains and verified custom domains through tenant_domains', async () => {
    expect(await resolveTenant(t.db, req({ host: 'ACME.example.com:8443' }), base)).toMatchObject({
      id: ACME,
      source: 'subdomain',
      value: 'acme.example.com',
    });
    expect(await resolveTenant(t.db, req({ host: 'shop.acme-corp.test.' }), base)).toMatchObject({ id: ACME, source: 'domain' });
    await expect(resolveTenant(t.db, req({ host: 'unverified.test' }), base)).rejects.toBeInstanceOf(TenantNotFoundError);
    await expect(resolveTenant(t.db, req({ host: 'ghost.example.com' }), base)).rejects.toBeInstanceOf(TenantNotFoundError);
    // Platform hosts name no tenant, and nothing falls back to some default tenant.
    await expect(resolveTenant(t.db, req({ host: 'www.example.com' }), base)).rejects.toBeInstanceOf(TenantNotIdentifiedError);
    await expect(resolveTenant(t.db, req({ host: 'example.com' }), base)).rejects.toBeInstanceOf(TenantNotIdentifiedError);
  });

  it('reads the /t/<slug>/ path prefix', async () => {
    expect(await resolveTenant(t.db, req({ host: 'app.example.com' }, '/t/acme/projects?x=1'), base)).toMatchObject({
      id: ACME,
      source: 'path',
    });
    expect(await resolveTenant(t.db, { headers: new Headers(), url: 'https://app.example.com/t/acme/' }, base)).toMatchObject({
      id: ACME,
    });
  });

  it('tries the strategies in the configured order; the first candidate decides', async () => {
    const r = req({ 'x-tenant-id': 'sus', host: 'acme.example.com' }, '/t/acme/');
    await expect(resolveTenant(t.db, r, base)).rejects.toBeInstanceOf(TenantUnavailableError);
    expect(await resolveTenant(t.db, r, { ...base, order: ['path', 'header'] })).toMatchObject({ source: 'path' });
    expect(await resolveTenant(t.db, r, { ...base, order: ['subdomain'] })).toMatchObject({ source: 'subdomain' });
  });

  it('refuses suspended tenants with their status', async () => {
    const error = await resolveTenant(t.db, req({ host: 'sus.example.com' }), base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TenantUnavailableError);
    expect((error as TenantUnavailableError).status).toBe('suspended');
  });

  it('trusts X-Forwarded-Host only when told to', async () => {
    const r = req({ host: 'lb.internal', 'x-forwarded-host': 'acme.example.com' });
    await expect(resolveTenant(t.db, r, base)).rejects.toBeInstanceOf(TenantNotFoundError);
    expect(await resolveTenant(t.db, r, { ...base, trustForwardedHost: true })).toMatchObject({ id: ACME });
  });

  it('caches lookups briefly, hits and misses, and can be invalidated', async () => {
    const cache = new TenantResolutionCache(60_000, 60_000);
    await resolveTenant(t.db, req({ 'x-tenant-id': 'acme' }), { cache });
    expect(cache.get('slug:acme')).toMatchObject({ id: ACME });
    await resolveTenant(t.db, req({ 'x-tenant-id': 'later' }), { cache }).catch(() => {});
    expect(cache.get('slug:later')).toBeNull();
    cache.invalidate(ACME);
    expect(cache.get('slug:acme')).toBeUndefined();
  });

  it('works for a connection as the application role (SECURITY DEFINER lookup)', async () => {
    expect(await resolveTenant(app.db, req({ host: 'acme.example.com' }), { ...base, cache: false })).toMatchObject({ id: ACME });
    expect(await app.db.select().from(tenantDomains)).toEqual([]);
    // tenants is under RLS too: the lookups still work by id, slug, subdomain, custom domain and path.
    expect(await app.db.select().from(tenants)).toEqual([]);
    const nocache = { ...base, cache: false as const };
    expect(await resolveTenant(app.db, req({ 'x-tenant-id': ACME }), nocache)).toMatchObject({ id: ACME, slug: 'acme' });
    expect(await resolveTenant(app.db, req({ 'x-tenant-id': 'acme' }), nocache)).toMatchObject({ id: ACME });
    expect(await resolveTenant(app.db, req({ host: 'shop.acme-corp.test' }), nocache)).toMatchObject({ id: ACME, source: 'domain' });
    expect(await resolveTenant(app.db, req({}, '/t/acme/x'), nocache)).toMatchObject({ id: ACME, source: 'path' });
    await expect(resolveTenant(app.db, req({ host: 'sus.example.com' }), nocache)).rejects.toBeInstanceOf(TenantUnavailableError);
    await expect(resolveTenant(app.db, req({ 'x-tenant-id': 'nobody' }), nocache)).rejects.toBeInstanceOf(TenantNotFoundError);
    // ...and withTenant's status check as well; inside, only the tenant's own row is visible.
    expect((await withTenant(app.db, ACME, (tx) => tx.select().from(tenants))).map((r) => r.id)).toEqual([ACME]);
    await expect(withTenant(app.db, SUS, () => 1)).rejects.toBeInstanceOf(TenantUnavailableError);
  });

  it('express: attaches req.tenant and req.tenantDb, maps refusals to 404/403', async () => {
    const server = express();
    server.use(expressTenantMiddleware({ db: t.db, ...base }));
    server.get('/teams', async (rq, rs) => {
      const r = rq as typeof rq & Parameters<ReturnType<typeof expressTenantMiddleware>>[0];
      rs.json({ tenant: r.tenant!.slug, teams: (await r.tenantDb!.select().from(teams)).map((x) => x.name) });
    });
    const listening = server.listen(0);
    await new Promise((r) => listening.once('listening', r));
    const port = (listening.address() as AddressInfo).port;
    const get = (host: string, path = '/teams') => fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-tenant-id': host.split('.')[0]! } });
    try {
      const ok = await get('acme.example.com');
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ tenant: 'acme', teams: ['Core'] });
      const missing = await get('ghost.example.com');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: 'TENANT_NOT_FOUND' } });
      const suspended = await get('sus.example.com');
      expect(suspended.status).toBe(403);
      expect(await suspended.json()).toMatchObject({ error: { code: 'TENANT_UNAVAILABLE' } });
    } finally {
      await new Promise((r) => listening.close(r));
    }
  });

  it('hono: sets tenant and tenantDb on the context, maps refusals to 404/403', async () => {
    const server = new Hono<{ Variables: TenantVariables }>();
    server.use(honoTenantMiddleware({ db: t.db, ...base, actor: () => ({ role: 'member' }) }));
    server.get('/teams', async (c) =>
      c.json({ tenant: c.get('tenant').slug, teams: (await c.get('tenantDb').select().from(teams)).map((x) => x.name) }),
    );
    const ok = await server.request('http://acme.example.com/teams');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ tenant: 'acme', teams: ['Core'] });
    expect((await server.request('http://ghost.example.com/teams')).status).toBe(404);
    expect((await server.request('http://sus.example.com/teams')).status).toBe(403);
    expect((await server.request('http://www.example.com/teams')).status).toBe(404);
    const optional = new Hono();
    optional.use(honoTenantMiddleware({ db: t.db, ...base, optional: true }));
    optional.get('/', (c) => c.text('public'));
    expect(await (await optional.request('http://www.example.com/')).text()).toBe('public');
    expect((await optional.request('http://ghost.example.com/')).status).toBe(404);
  });
});
