// Onboarding, settings, suspend/reactivate/soft delete/purge on a real database.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PermissionDeniedError,
  TenantLifecycleError,
  TenantUnavailableError,
  ValidationError,
  VersionConflictError,
} from '../../../src/errors.js';
import { auditLogs, memberships, tenantDomains, tenantSettings, tenants, users } from '../../../src/schema/index.js';
import { seedTenant } from '../../../src/seed/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import {
  createTenant,
  purgeTenant,
  reactivateTenant,
  softDeleteTenant,
  suspendTenant,
} from '../../../src/tenancy/lifecycle.js';
import { tenantTablesInDatabase } from '../../../src/tenancy/catalog.js';
import { resolveTenant } from '../../../src/tenancy/resolve.js';
import { defaultTenantSettings, getTenantSettings, updateTenantSettings } from '../../../src/tenancy/settings.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { rowsOf } from './_drivers.js';

describe('tenant lifecycle', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  const input = (slug: string) => ({
    name: `Org ${slug}`,
    slug,
    email: `ops@${slug}.test`,
    owner: { email: `owner@${slug}.test`, firstName: 'Ada' },
    settings: { features: { inventory: true } },
  });

  it('onboards a tenant in one transaction: owner, membership, settings, primary domain, audit', async () => {
    const { tenant, owner, created } = await createTenant(t.db, input('acme'), { baseDomain: 'example.com' });
    expect(created).toBe(true);
    expect(owner).toMatchObject({ tenantId: tenant.id, role: 'owner', email: 'owner@acme.test' });
    expect(await t.db.select().from(memberships).where(eq(memberships.tenantId, tenant.id))).toHaveLength(1);
    const [domain] = await t.db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, tenant.id));
    expect(domain).toMatchObject({ hostname: 'acme.example.com', kind: 'subdomain', isPrimary: true });
    expect(domain!.verifiedAt).not.toBeNull();
    const { settings, version } = await getTenantSettings(t.db, tenant.id);
    expect(version).toBe(1);
    expect(settings).toEqual({ ...defaultTenantSettings(), features: { ...defaultTenantSettings().features, inventory: true } });
    const actions = (await t.db.select().from(auditLogs).where(eq(auditLogs.tenantId, tenant.id))).map((a) => a.action);
    expect(actions).toContain('tenant.create');
    expect(actions).toContain('users.insert');
    expect(await resolveTenant(t.db, { headers: { host: 'acme.example.com' } }, { baseDomains: ['example.com'] })).toMatchObject({
      id: tenant.id,
    });
  });

  it('is idempotent by slug, also under concurrent calls', async () => {
    const results = await Promise.all([1, 2, 3].map(() => createTenant(t.db, input('twice'))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.tenant.id)).size).toBe(1);
    const again = await createTenant(t.db, input('twice'));
    expect(again).toMatchObject({ created: false, owner: undefined });
    expect(await t.db.$count(users, eq(users.tenantId, again.tenant.id))).toBe(1);
  });

  it('refuses reserved and malformed slugs and invalid settings before writing', async () => {
    for (const slug of ['www', 'api', 'Acme', '-x', 'a_b', 'x'.repeat(64)]) {
      await expect(createTenant(t.db, input(slug))).rejects.toBeInstanceOf(ValidationError);
    }
    const bad = await createTenant(t.db, { ...input('badsettings'), settings: { security: { sessionTimeoutMinutes: 1 } } }).catch(
      (e: unknown) => e,
    );
    expect((bad as ValidationError).issues[0]!.path).toEqual(['security', 'sessionTimeoutMinutes']);
    expect(await t.db.$count(tenants, eq(tenants.slug, 'badsettings'))).toBe(0);
  });

  it('settings: partial updates validated, merged, versioned; owners and admins only', async () => {
    const { tenant, owner } = await createTenant(t.db, input('settings'));
    const admin = { userId: owner!.id, role: 'admin' as const };
    const v2 = await updateTenantSettings(t.db, tenant.id, { branding: { primaryColor: '#ff0000' } }, { actor: admin });
    expect(v2.version).toBe(2);
    expect(v2.settings.features.inventory).toBe(true); // earlier override kept
    expect(v2.settings.branding).toEqual({ primaryColor: '#ff0000', logoUrl: null });
    await expect(
      updateTenantSettings(t.db, tenant.id, { locale: 'fr' }, { actor: admin, expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const v3 = await updateTenantSettings(t.db, tenant.id, { locale: 'fr' }, { actor: admin, expectedVersion: 2 });
    expect(v3).toMatchObject({ version: 3, settings: { locale: 'fr' } });
    const invalid = await updateTenantSettings(t.db, tenant.id, { security: { ipAllowlist: ['10.0.0.0/33'] } }).catch((e: unknown) => e);
    expect((invalid as ValidationError).issues[0]!.path).toEqual(['security', 'ipAllowlist', 0]);
    const unknown = await updateTenantSettings(t.db, tenant.id, { colour: 'red' } as never).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
    await expect(
      updateTenantSettings(t.db, tenant.id, { locale: 'de' }, { actor: { role: 'member' } }),
    ).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await getTenantSettings(t.db, tenant.id)).version).toBe(3);
  });

  it('suspend, reactivate and soft delete change what withTenant and resolution allow, with audit entries', async () => {
    const { tenant } = await createTenant(t.db, input('cycle'));
    await suspendTenant(t.db, tenant.id, { reason: 'unpaid' });
    await expect(withTenant(t.db, tenant.id, () => 1)).rejects.toBeInstanceOf(TenantUnavailableError);
    await expect(resolveTenant(t.db, { headers: { 'x-tenant-id': 'cycle' } })).rejects.toBeInstanceOf(TenantUnavailableError);
    await reactivateTenant(t.db, tenant.id);
    expect(await withTenant(t.db, tenant.id, () => 'ok')).toBe('ok');
    await softDeleteTenant(t.db, tenant.id);
    const error = await withTenant(t.db, tenant.id, () => 1).catch((e: unknown) => e);
    expect((error as TenantUnavailableError).status).toBe('deleted');
    const actions = (
      await t.db.select().from(auditLogs).where(eq(auditLogs.tenantId, tenant.id)).orderBy(auditLogs.createdAt)
    )
      .map((a) => a.action)
      .filter((a) => a.startsWith('tenant.'));
    expect(actions).toEqual(['tenant.create', 'tenant.suspend', 'tenant.reactivate', 'tenant.delete']);
    await expect(suspendTenant(t.db, tenant.id)).rejects.toBeInstanceOf(TenantLifecycleError);
  });

  it('every legal transition works from every status, audited with its actor; illegal ones raise TenantLifecycleError', async () => {
    const { tenant, owner } = await createTenant(t.db, input('transitions'));
    const actor = { userId: owner!.id, role: 'owner' as const, ip: '203.0.113.9', requestId: 'req-life' };
    const status = async () => (await t.db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]!.status;
    // suspend -> delete is the reported failure (the audit entry was written under a refused context).
    expect((await suspendTenant(t.db, tenant.id, { actor, reason: 'unpaid' })).status).toBe('suspended');
    expect((await softDeleteTenant(t.db, tenant.id, { actor, reason: 'closed' })).status).toBe('deleted');
    const illegal = await suspendTenant(t.db, tenant.id, { actor }).catch((e: unknown) => e);
    expect(illegal).toBeInstanceOf(TenantLifecycleError);
    expect((illegal as Error).message).toMatch(/is deleted: it cannot become suspended .*reactivateTenant/);
    expect(await status()).toBe('deleted');
    expect((await reactivateTenant(t.db, tenant.id, { actor })).status).toBe('active'); // delete -> reactivate
    expect((await softDeleteTenant(t.db, tenant.id, { actor })).status).toBe('deleted'); // active -> delete
    expect((await reactivateTenant(t.db, tenant.id, { actor })).status).toBe('active');
    expect((await suspendTenant(t.db, tenant.id, { actor })).status).toBe('suspended');
    expect((await suspendTenant(t.db, tenant.id, { actor })).status).toBe('suspended'); // no-op, not audited
    expect((await reactivateTenant(t.db, tenant.id, { actor })).status).toBe('active'); // suspend -> reactivate
    expect(await withTenant(t.db, tenant.id, () => 'ok')).toBe('ok');
    const entries = (
      await t.db.select().from(auditLogs).where(eq(auditLogs.tenantId, tenant.id)).orderBy(auditLogs.createdAt, auditLogs.id)
    ).filter((a) => a.action.startsWith('tenant.') && a.action !== 'tenant.create');
    expect(entries.map((a) => [a.action, (a.changes as { before: { status: string } }).before.status, (a.changes as { after: { status: string } }).after.status])).toEqual([
      ['tenant.suspend', 'active', 'suspended'],
      ['tenant.delete', 'suspended', 'deleted'],
      ['tenant.reactivate', 'deleted', 'active'],
      ['tenant.delete', 'active', 'deleted'],
      ['tenant.reactivate', 'deleted', 'active'],
      ['tenant.suspend', 'active', 'suspended'],
      ['tenant.reactivate', 'suspended', 'active'],
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ userId: owner!.id, resourceType: 'tenants', resourceId: tenant.id });
    expect(entries[1]!.metadata).toMatchObject({ reason: 'closed' });
    // A suspended tenant can be purged after its soft delete.
    await suspendTenant(t.db, tenant.id);
    await softDeleteTenant(t.db, tenant.id);
    await purgeTenant(t.db, tenant.id);
    expect(await t.db.$count(tenants, eq(tenants.id, tenant.id))).toBe(0);
  });

  it('purge removes every row of a soft-deleted tenant and nothing of the others', async () => {
    const victim = (await seedTenant(t.db, { seed: 'purge', index: 0 })).tenantId;
    const bystander = (await seedTenant(t.db, { seed: 'purge', index: 1 })).tenantId;
    const count = async (id: string) => {
      const tables = (await tenantTablesInDatabase(t.db)).map((x) => x.table);
      const rows = rowsOf<{ n: number }>(
        await t.db.execute(
          sql.join(tables.map((x) => sql`select count(*)::int as n from ${sql.raw(`"${x}"`)} where tenant_id = ${id}::uuid`), sql` union all `),
        ),
      );
      return rows.reduce((a, r) => a + r.n, 0);
    };
    const before = await count(bystander);
    await expect(purgeTenant(t.db, victim)).rejects.toBeInstanceOf(TenantLifecycleError);
    await softDeleteTenant(t.db, victim);
    await expect(purgeTenant(t.db, victim, { olderThanMs: 3_600_000 })).rejects.toBeInstanceOf(TenantLifecycleError);
    const report = await purgeTenant(t.db, victim);
    expect(Object.keys(report.rows).length).toBeGreaterThan(20);
    expect(await count(victim)).toBe(0);
    expect(await t.db.$count(tenants, eq(tenants.id, victim))).toBe(0);
    expect(await count(bystander)).toBe(before);
    expect(await t.db.$count(tenantSettings)).toBeGreaterThan(0);
  });
});
