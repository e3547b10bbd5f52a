// Tenant domains and slug: add, verify through an injected TXT resolver, remove, list, change the
// slug; each change invalidates the resolution cache (misses cached for a minute here, so a test
// that passes proves the invalidation, not an expiry).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainVerificationError, NotFoundError, RuleViolationError, TenantNotFoundError, ValidationError } from '../../../src/errors.js';
import { tenantDomains, tenants } from '../../../src/schema/index.js';
import {
  addTenantDomain,
  changeTenantSlug,
  domainChallenge,
  listTenantDomains,
  removeTenantDomain,
  verifyTenantDomain,
  type TxtResolver,
} from '../../../src/tenancy/domains.js';
import { resolveTenant, TenantResolutionCache, type ResolvableRequest } from '../../../src/tenancy/resolve.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { uuidv7 } from '../../../src/uuid.js';

const ACME = uuidv7();
const BETA = uuidv7();
const baseDomains = ['example.com'];
const byHost = (host: string) => ({ headers: { host }, url: '/' });
const bySlug = (slug: string) => ({ headers: { 'x-tenant-id': slug }, url: '/' });

/** A DNS zone in memory: name -> TXT values; `fail` makes every lookup fail like a timed-out server. */
function fakeDns(zone: Record<string, string[]>, fail?: string): { resolveTxt: TxtResolver; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolveTxt: async (name) => {
      asked.push(name);
      if (fail) throw Object.assign(new Error(`queryTxt ${fail} ${name}`), { code: fail });
      const values = zone[name];
      if (!values) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return values.map((v) => [v.slice(0, 10), v.slice(10)]); // long records arrive in chunks
    },
  };
}

describe('tenant domains and slug', () => {
  let t: TestDatabase;
  const cache = new TenantResolutionCache(60_000, 60_000);
  const resolve = (request: ResolvableRequest) => resolveTenant(t.db, request, { baseDomains, cache });

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insert(tenants).values([
      { id: ACME, name: 'Acme', slug: 'acme', email: 'a@acme.test' },
      { id: BETA, name: 'Beta', slug: 'beta', email: 'b@beta.test' },
    ]);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('adds a custom domain unverified, refuses a wrong TXT record, verifies the right one, and resolves it at once', async () => {
    await expect(resolve(byHost('shop.acme.test'))).rejects.toBeInstanceOf(TenantNotFoundError); // a cached miss

    const { domain, challenge } = await addTenantDomain(t.db, ACME, { hostname: 'Shop.Acme.TEST.' }, { baseDomains, cache });
    expect(domain).toMatchObject({ tenantId: ACME, hostname: 'shop.acme.test', kind: 'custom', isPrimary: false, verifiedAt: null });
    expect(challenge).toEqual(domainChallenge(domain));
    expect(challenge!.recordName).toBe('_stocksync-challenge.shop.acme.test');
    await expect(resolve(byHost('shop.acme.test'))).rejects.toBeInstanceOf(TenantNotFoundError); // unverified

    const missing = fakeDns({});
    const refused = await verifyTenantDomain(t.db, ACME, 'shop.acme.test', { resolveTxt: missing.resolveTxt, cache }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainVerificationError);
    expect(refused).toMatchObject({ recordName: challenge!.recordName, expected: challenge!.recordValue });
    expect((refused as Error).message).toContain(`TXT ${challenge!.recordName} "${challenge!.recordValue}"`);
    expect(missing.asked).toEqual([challenge!.recordName]);

    // Beta's challenge for its own host, published on Acme's name, proves nothing for Acme.
    const other = await addTenantDomain(t.db, BETA, { hostname: 'beta-shop.test' }, { cache });
    const wrong = fakeDns({ [challenge!.recordName]: [other.challenge!.recordValue, 'v=spf1 -all'] });
    await expect(verifyTenantDomain(t.db, ACME, 'shop.acme.test', { resolveTxt: wrong.resolveTxt, cache })).rejects.toBeInstanceOf(DomainVerificationError);
    const [still] = await t.db.select().from(tenantDomains).where(eq(tenantDomains.hostname, 'shop.acme.test'));
    expect(still!.verifiedAt).toBeNull();

    const right = fakeDns({ [challenge!.recordName]: ['v=spf1 -all', challenge!.recordValue] });
    const verified = await verifyTenantDomain(t.db, ACME, 'shop.acme.test', { resolveTxt: right.resolveTxt, cache });
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect(await resolve(byHost('shop.acme.test'))).toMatchObject({ id: ACME, source: 'domain' });
    // Verifying again is a no-op that asks DNS nothing.
    const again = fakeDns({});
    expect((await verifyTenantDomain(t.db, ACME, 'shop.acme.test', { resolveTxt: again.resolveTxt, cache })).verifiedAt).toEqual(verified.verifiedAt);
    expect(again.asked).toEqual([]);
  });

  it('keeps a DNS failure as the cause and changes nothing', async () => {
    await addTenantDomain(t.db, ACME, { hostname: 'flaky.acme.test' }, { cache });
    const failing = fakeDns({}, 'ETIMEOUT');
    const error = await verifyTenantDomain(t.db, ACME, 'flaky.acme.test', { resolveTxt: failing.resolveTxt, cache }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainVerificationError);
    expect((error as Error).message).toMatch(/failed \(ETIMEOUT\): try again later/);
    expect(((error as Error).cause as { code: string }).code).toBe('ETIMEOUT');
  });

  it('refuses a host name another tenant has, unusable host names and unusable subdomains', async () => {
    const taken = await addTenantDomain(t.db, BETA, { hostname: 'shop.acme.test' }, { cache }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(RuleViolationError);
    expect((taken as RuleViolationError).constraint).toBe('tenant_domains_hostname_key');
    expect((taken as Error).message).toBe('Host name shop.acme.test is already taken by a tenant: choose another.');
    for (const hostname of ['10.0.0.1', 'localhost', 'bad_host.test', 'example.com', 'www.example.com', 'a.b.example.com']) {
      await expect(addTenantDomain(t.db, BETA, { hostname }, { baseDomains, cache }), hostname).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(addTenantDomain(t.db, uuidv7(), { hostname: 'ghost.test' }, { cache })).rejects.toBeInstanceOf(TenantNotFoundError);
    expect(await t.db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, BETA))).toHaveLength(1);
  });

  it('adds a subdomain verified, moves the primary, lists primary first, and removes a host so it stops resolving', async () => {
    await expect(resolve(byHost('acme.example.com'))).rejects.toBeInstanceOf(TenantNotFoundError); // a cached miss
    const first = await addTenantDomain(t.db, ACME, { hostname: 'acme.example.com', primary: true }, { baseDomains, cache });
    expect(first).toMatchObject({ domain: { kind: 'subdomain', isPrimary: true }, challenge: null });
    expect(first.domain.verifiedAt).toBeInstanceOf(Date);
    expect(await resolve(byHost('acme.example.com'))).toMatchObject({ id: ACME, source: 'subdomain' });

    await addTenantDomain(t.db, ACME, { hostname: 'shop2.acme.test', primary: true }, { baseDomains, cache });
    expect((await listTenantDomains(t.db, ACME)).map((d) => [d.hostname, d.isPrimary])).toEqual([
      ['shop2.acme.test', true],
      ['acme.example.com', false],
      ['flaky.acme.test', false],
      ['shop.acme.test', false],
    ]);
    const [row] = await t.db.select({ domain: tenants.domain }).from(tenants).where(eq(tenants.id, ACME));
    expect(row!.domain).toBe('shop2.acme.test');

    expect(await resolve(byHost('shop.acme.test'))).toMatchObject({ id: ACME }); // cached as found
    expect((await removeTenantDomain(t.db, ACME, 'shop.acme.test', { cache })).hostname).toBe('shop.acme.test');
    await expect(resolve(byHost('shop.acme.test'))).rejects.toBeInstanceOf(TenantNotFoundError);
    await expect(removeTenantDomain(t.db, ACME, 'shop.acme.test', { cache })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeTenantDomain(t.db, BETA, 'acme.example.com', { cache })).rejects.toBeInstanceOf(NotFoundError);

    await removeTenantDomain(t.db, ACME, 'shop2.acme.test', { cache });
    const [after] = await t.db.select({ domain: tenants.domain }).from(tenants).where(eq(tenants.id, ACME));
    expect(after!.domain).toBeNull();
  });

  it('changes the slug with its subdomains: the new names resolve at once, the old ones stop', async () => {
    expect(await resolve(bySlug('acme'))).toMatchObject({ id: ACME }); // cached as found
    await expect(resolve(bySlug('acme-global'))).rejects.toBeInstanceOf(TenantNotFoundError); // a cached miss
    await expect(resolve(byHost('acme-global.example.com'))).rejects.toBeInstanceOf(TenantNotFoundError);

    const changed = await changeTenantSlug(t.db, ACME, 'acme-global', { baseDomains, cache });
    expect(changed.previousSlug).toBe('acme');
    expect(changed.tenant.slug).toBe('acme-global');
    expect(changed.renamedDomains.map((d) => d.hostname)).toEqual(['acme-global.example.com']);

    expect(await resolve(bySlug('acme-global'))).toMatchObject({ id: ACME, slug: 'acme-global' });
    expect(await resolve(byHost('acme-global.example.com'))).toMatchObject({ id: ACME, source: 'subdomain' });
    await expect(resolve(bySlug('acme'))).rejects.toBeInstanceOf(TenantNotFoundError);
    await expect(resolve(byHost('acme.example.com'))).rejects.toBeInstanceOf(TenantNotFoundError);

    const taken = await changeTenantSlug(t.db, ACME, 'beta', { cache }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(RuleViolationError);
    expect((taken as RuleViolationError).constraint).toBe('tenants_slug_key');
    await expect(changeTenantSlug(t.db, ACME, 'www', { cache })).rejects.toBeInstanceOf(ValidationError);
    await expect(changeTenantSlug(t.db, ACME, 'Not A Slug', { cache })).rejects.toBeInstanceOf(ValidationError);
    const [row] = await t.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, ACME));
    expect(row!.slug).toBe('acme-global');
  });
});
