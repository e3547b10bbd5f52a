// The actor is checked once where the request enters: an IPv6 zone id is stripped (inet cannot hold it)
// so audited writes go through, and a request id longer than the audit column is refused, not cut.
// On node-postgres, postgres.js and PGlite, in both context modes.
import { and, eq, sql } from 'drizzle-orm';
import express from 'express';
import fc from 'fast-check';
import { Hono } from 'hono';
import { isIP, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorContextError, TenantContextError } from '../../../src/errors.js';
import { auditLogs, teams, tenants, users } from '../../../src/schema/index.js';
import { expressErrorHandler, honoErrorHandler } from '../../../src/problem.js';
import { checkActor, MAX_REQUEST_ID_LENGTH, withTenant } from '../../../src/tenancy/context/index.js';
import { expressTenantMiddleware } from '../../../src/tenancy/middleware/express.js';
import { honoTenantMiddleware, type HonoLikeContext, type TenantVariables } from '../../../src/tenancy/middleware/hono.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, rowsOf, type DriverHandle } from './_drivers.js';

describe.each(['pg', 'postgres', 'pglite'] as const)('the actor on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const alice = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: `actor-${driver}`, email: 'a@a.test' });
    await h.admin.insert(users).values({ tenantId: A, id: alice, email: 'alice@a.test', role: 'admin' });
  });
  afterAll(() => h?.close());

  const logsFor = (resourceId: string) =>
    h.admin
      .select({ ip: auditLogs.ipAddress, requestId: auditLogs.requestId, userId: auditLogs.userId })
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, A), eq(auditLogs.resourceId, resourceId)));

  it.each(['set_config', 'set_local'] as const)('an IPv6 address with a zone id is recorded without it (%s)', async (contextMode) => {
    const actor = { userId: alice, role: 'admin' as const, ip: 'fe80::1%eth0', requestId: `zone-${contextMode}` };
    const [team] = await tenantDb(h.db, A, { actor, contextMode }).insert(teams).values({ name: `zone ${contextMode}` }).returning();
    // The setting the audit trigger casts to inet.
    const inside = await withTenant(h.db, A, async (tx) => rowsOf<{ ip: string }>(await tx.execute(sql`select current_setting('app.ip') as ip`))[0]!.ip, {
      actor,
      contextMode,
    });
    expect(inside).toBe('fe80::1');
    expect(await logsFor(team!.id)).toEqual([{ ip: 'fe80::1', requestId: `zone-${contextMode}`, userId: alice }]);
  });

  it('a request id of the documented 100 characters is recorded whole', async () => {
    const requestId = 'r'.repeat(98) + '😀é';
    expect(Array.from(requestId)).toHaveLength(MAX_REQUEST_ID_LENGTH);
    const [team] = await tenantDb(h.db, A, { actor: { userId: alice, requestId } }).insert(teams).values({ name: 'rid 100' }).returning();
    expect(await logsFor(team!.id)).toEqual([{ ip: null, requestId, userId: alice }]);
  });

  it('a longer request id is refused before the database is touched, with what to do', async () => {
    const before = await h.admin.$count(auditLogs, eq(auditLogs.tenantId, A));
    const requestId = 'r'.repeat(101);
    const refused = await withTenant(h.db, A, (tx) => tx.insert(teams).values({ tenantId: A, name: 'rid 101' }), {
      actor: { requestId },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActorContextError);
    expect(refused).toBeInstanceOf(TenantContextError);
    expect(refused).toMatchObject({
      code: 'TENANT_CONTEXT_INVALID',
      field: 'requestId',
      message: 'actor.requestId is 101 characters; the audit log keeps at most 100: pass a shorter id (a UUID or a W3C trace id fits) or leave it out.',
    });
    // tenantDb refuses it where the request enters, not at the first statement.
    expect(() => tenantDb(h.db, A, { actor: { requestId } })).toThrow(ActorContextError);
    expect(() => tenantDb(h.db, A, { actor: { requestId: 'a\u001fb' } })).toThrow(/holds a control character/);
    expect(await h.admin.$count(auditLogs, eq(auditLogs.tenantId, A))).toBe(before);
    expect(await h.admin.$count(teams, eq(teams.name, 'rid 101'))).toBe(0);
  });

  it('a malformed ip, user id or role is refused with the field it is about', () => {
    expect(() => tenantDb(h.db, A, { actor: { ip: '1.2.3.4/24' } })).toThrow(expect.objectContaining({ field: 'ip' }));
    expect(() => tenantDb(h.db, A, { actor: { ip: 'fe80::1%' } })).toThrow(expect.objectContaining({ field: 'ip' }));
    expect(() => tenantDb(h.db, A, { actor: { userId: 'nope' } })).toThrow(expect.objectContaining({ field: 'userId' }));
    expect(() => tenantDb(h.db, A, { actor: { role: 'root' as never } })).toThrow(expect.objectContaining({ field: 'role' }));
  });
});

describe('every address node accepts is one inet stores, or refused at entry', () => {
  let h: DriverHandle;
  const A = uuidv7();
  beforeAll(async () => {
    h = await openDriver('pg');
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: 'actor-ips', email: 'a@a.test' });
  });
  afterAll(() => h?.close());

  it('checks fast-check addresses, zone ids and edge forms against the server', async () => {
    const zones = ['%eth0', '%1', '%en0.1', '%a-b:c'];
    const v6 = fc.sample(fc.ipV6(), { seed: 14, numRuns: 60 });
    const candidates = [
      ...fc.sample(fc.ipV4(), { seed: 14, numRuns: 40 }),
      ...v6,
      ...v6.slice(0, 20).flatMap((ip, i) => [`${ip}${zones[i % zones.length]}`]),
      ...fc.sample(fc.ipV4Extended(), { seed: 14, numRuns: 30 }),
      'fe80::1%eth0', '::ffff:192.0.2.1', '::', '0.0.0.0', '1.2.3.04', '::1%', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
    ];
    const problems: string[] = [];
    let stored = 0;
    for (const ip of candidates) {
      let checked: string | undefined;
      try {
        checked = checkActor({ ip }).ip ?? undefined;
      } catch (error) {
        if (!(error instanceof ActorContextError)) throw error;
        continue;
      }
      // What checkActor lets through, the inet column takes.
      const ok = await h.admin.execute(sql`select ${checked}::inet`).then(() => true, () => false);
      if (!ok) problems.push(`${ip} -> ${checked}`);
      else stored++;
    }
    expect(problems).toEqual([]);
    // Every plain address node's isIP accepts (no zone) passes the check unchanged.
    for (const ip of candidates) if (isIP(ip) && !ip.includes('%')) expect(checkActor({ ip }).ip).toBe(ip);
    expect(stored).toBeGreaterThan(100);
    // One audited write per zone form goes through.
    for (const zone of zones) {
      await tenantDb(h.db, A, { actor: { ip: `fe80::1${zone}` } }).insert(teams).values({ name: `z${zone}` });
    }
    expect(await h.admin.$count(auditLogs, and(eq(auditLogs.tenantId, A), eq(auditLogs.resourceType, 'teams')))).toBe(zones.length);
  });
});

describe('raw SQL that enters the context itself', () => {
  let h: DriverHandle;
  const A = uuidv7();
  beforeAll(async () => {
    h = await openDriver('pg');
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: 'actor-raw', email: 'a@a.test' });
  });
  afterAll(() => h?.close());

  it('gets a request id of 101-200 characters cut to the column (the database function predates the check)', async () => {
    const requestId = 'q'.repeat(150);
    const id = await h.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'stocksync_app', true), stocksync_enter_tenant(${A}::uuid, '', '', '', '', ${requestId}, null)`);
      return rowsOf<{ id: string }>(await tx.execute(sql`insert into teams (tenant_id, name) values (${A}, 'raw') returning id`))[0]!.id;
    });
    expect(await h.admin.select({ requestId: auditLogs.requestId }).from(auditLogs).where(eq(auditLogs.resourceId, id))).toEqual([
      { requestId: 'q'.repeat(100) },
    ]);
  });
});

describe('the middleware checks the actor before any handler runs', () => {
  let h: DriverHandle;
  const A = uuidv7();
  beforeAll(async () => {
    h = await openDriver('pg');
    await h.admin.insert(tenants).values({ id: A, name: 'A', slug: 'actor-mw', email: 'a@a.test' });
  });
  afterAll(() => h?.close());

  const actorOf = (headers: { get(name: string): string | null | undefined }) => ({
    ip: headers.get('x-client-ip') ?? null,
    requestId: headers.get('x-request-id') ?? null,
  });

  it('express: a zone id is stripped and the write audited; an over-long request id is a 400 naming the field', async () => {
    const server = express();
    let handled = 0;
    server.use(expressTenantMiddleware({ db: h.db, actor: (rq: express.Request) => actorOf({ get: (n) => rq.get(n) }) }));
    server.post('/teams', async (rq, rs) => {
      handled++;
      const r = rq as typeof rq & Parameters<ReturnType<typeof expressTenantMiddleware>>[0];
      const [team] = await r.tenantDb!.insert(teams).values({ name: `mw ${handled}` }).returning();
      rs.json({ id: team!.id, ip: r.actor?.ip });
    });
    server.use(expressErrorHandler());
    const listening = server.listen(0);
    await new Promise((r) => listening.once('listening', r));
    const port = (listening.address() as AddressInfo).port;
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${port}/teams`, { method: 'POST', headers: { 'x-tenant-id': A, ...headers } });
    try {
      const ok = await post({ 'x-client-ip': 'fe80::1%eth0', 'x-request-id': 'req-mw' });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { id: string; ip: string };
      expect(body.ip).toBe('fe80::1');
      const logs = await h.admin.select({ ip: auditLogs.ipAddress, requestId: auditLogs.requestId }).from(auditLogs).where(eq(auditLogs.resourceId, body.id));
      expect(logs).toEqual([{ ip: 'fe80::1', requestId: 'req-mw' }]);
      const long = await post({ 'x-request-id': 'x'.repeat(101) });
      expect(long.status).toBe(400);
      expect(await long.json()).toMatchObject({ code: 'TENANT_CONTEXT_INVALID', fields: ['actor.requestId'] });
      expect(handled).toBe(1);
    } finally {
      await new Promise((r) => listening.close(r));
    }
  });

  it('hono: the same check, through honoErrorHandler', async () => {
    const server = new Hono<{ Variables: TenantVariables }>();
    server.use(honoTenantMiddleware({ db: h.db, actor: (c: HonoLikeContext) => actorOf(c.req.raw.headers) }));
    server.post('/teams', async (c) => c.json({ ip: c.get('actor')?.ip, n: (await c.get('tenantDb').insert(teams).values({ name: 'hono' }).returning()).length }));
    server.onError(honoErrorHandler());
    const ok = await server.request('http://x/teams', { method: 'POST', headers: { 'x-tenant-id': A, 'x-client-ip': 'fe80::2%1' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ip: 'fe80::2', n: 1 });
    const bad = await server.request('http://x/teams', { method: 'POST', headers: { 'x-tenant-id': A, 'x-client-ip': '1.2.3.4.5' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'TENANT_CONTEXT_INVALID', fields: ['actor.ip'] });
  });
});
