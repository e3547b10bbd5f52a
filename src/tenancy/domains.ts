// Tenant host names and slug: add, verify (DNS TXT challenge), remove and list a tenant's domains,
// change its slug; every change invalidates the resolution cache so the new name resolves at once.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { DomainVerificationError, NotFoundError, RuleViolationError, TenantNotFoundError, ValidationError, sqlStateOf } from '../errors.js';
import { tenantDomains, tenants, type Tenant, type TenantDomain } from '../schema/tenancy.js';
import { tenantIdOf, tenantStatusCache, type AnyPgDatabase, type TenantRef } from './context/index.js';
import { tenantResolutionCache, type TenantResolutionCache } from './resolve.js';
import { assertValidSlug, RESERVED_SLUGS, slugProblem } from './slug.js';

/** The same rule as the `tenant_domains_hostname_check` constraint: lowercase dot-separated DNS labels. */
const HOSTNAME_PATTERN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Prefix of the DNS name that holds a custom domain's verification record. */
export const DOMAIN_CHALLENGE_PREFIX = '_stocksync-challenge';

/**
 * Looks up the TXT records of a DNS name, as `node:dns/promises` `resolveTxt` does (each record is
 * a list of strings, joined here). Pass your own to use another resolver, or a fake in tests.
 */
export type TxtResolver = (name: string) => Promise<string[][]>;

/** Options shared by the domain and slug functions. */
export interface TenantNameOptions {
  /** The platform's own domains: a host under one of them is a tenant subdomain (verified at once). */
  baseDomains?: readonly string[];
  /** The resolution cache to invalidate (default: the shared {@link tenantResolutionCache}). */
  cache?: TenantResolutionCache;
}

/** Options of {@link verifyTenantDomain}. */
export interface VerifyTenantDomainOptions extends TenantNameOptions {
  /** TXT lookup (default: `resolveTxt` of `node:dns/promises`). */
  resolveTxt?: TxtResolver;
}

/** The DNS record that proves control of a custom domain: publish `TXT recordName "recordValue"`. */
export interface DomainChallenge {
  recordName: string;
  recordValue: string;
}

/** A domain just added, with the record to publish when it still needs verifying. */
export interface AddedTenantDomain {
  domain: TenantDomain;
  /** Null for a subdomain of a base domain (verified when added). */
  challenge: DomainChallenge | null;
}

/** The result of {@link changeTenantSlug}. */
export interface ChangedTenantSlug {
  tenant: Tenant;
  previousSlug: string;
  /** Subdomains `<old>.<base>` renamed to `<new>.<base>`. */
  renamedDomains: TenantDomain[];
}

const bases = (options: TenantNameOptions) => (options.baseDomains ?? []).map((d) => d.toLowerCase().replace(/^\.|\.$/g, ''));

/**
 * Lowercases a host name and drops a trailing dot; throws {@link ValidationError} when it is not a
 * DNS name a tenant can be reached by (IP addresses, `localhost`, single labels, bad characters).
 *
 * @example
 * ```ts
 * import { normalizeHostname } from '@stocksync/db/tenancy';
 * normalizeHostname('Shop.Acme.TEST.'); // 'shop.acme.test'
 * ```
 */
export function normalizeHostname(value: string): string {
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  const refuse = (why: string) => {
    throw new ValidationError(`"${value.slice(0, 100)}" is not a usable host name: ${why}.`, [{ path: ['hostname'], message: why }]);
  };
  if (host.length === 0 || host.length > 253 || !HOSTNAME_PATTERN.test(host)) refuse('use lowercase letters, digits, inner hyphens and dots, at most 253 characters');
  if (!host.includes('.') || /^\d+(\.\d+){3}$/.test(host)) refuse('use a full domain name (not an IP address or a single label)');
  return host;
}

/**
 * The TXT record that proves control of a custom domain, bound to the tenant, the domain row and
 * the host name (another tenant claiming the same host gets another value).
 *
 * @example
 * ```ts
 * import { domainChallenge } from '@stocksync/db/tenancy';
 * const { recordName, recordValue } = domainChallenge(domain);
 * ```
 */
export function domainChallenge(domain: Pick<TenantDomain, 'tenantId' | 'id' | 'hostname'>): DomainChallenge {
  const token = createHash('sha256').update(`${domain.tenantId}:${domain.id}:${domain.hostname}`).digest('hex').slice(0, 40);
  return { recordName: `${DOMAIN_CHALLENGE_PREFIX}.${domain.hostname}`, recordValue: `stocksync-verification=${token}` };
}

// The kind of a host: a subdomain of a base domain (its label must be a usable slug) or custom.
function kindOf(host: string, options: TenantNameOptions): 'subdomain' | 'custom' {
  const list = bases(options);
  if (list.includes(host)) {
    throw new ValidationError(`"${host}" is the platform's own domain: give a tenant a subdomain of it or a custom domain.`, [{ path: ['hostname'], message: 'base domain' }]);
  }
  const base = list.find((d) => host.endsWith(`.${d}`));
  if (!base) return 'custom';
  const label = host.slice(0, -(base.length + 1));
  if (label.includes('.') || slugProblem(label)) {
    throw new ValidationError(
      `"${host}" is not a usable tenant subdomain: the part before .${base} must be one label that is not reserved (${[...RESERVED_SLUGS].slice(0, 4).join(', ')}, ...).`,
      [{ path: ['hostname'], message: 'subdomain label' }],
    );
  }
  return 'subdomain';
}

// Locks the tenant row (domain and slug changes of one tenant run one at a time).
async function lockTenant(tx: AnyPgDatabase, tenantId: string): Promise<Tenant> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).for('update');
  if (!row) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist: list tenants with \`stocksync-db tenant list\`.`);
  return row;
}

async function findDomain(tx: AnyPgDatabase, tenantId: string, hostname: string): Promise<TenantDomain> {
  const [row] = await tx
    .select()
    .from(tenantDomains)
    .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.hostname, hostname)))
    .for('update');
  if (!row) throw noDomain(tenantId, hostname);
  return row;
}

function noDomain(tenantId: string, hostname: string): NotFoundError {
  return new NotFoundError(`Tenant ${tenantId} has no domain ${hostname}: list its domains with \`stocksync-db tenant domain list\`.`, 'tenant_domains', hostname);
}

// A unique violation becomes a RuleViolationError naming the constraint (never the statement's values).
function conflict(error: unknown, what: string): unknown {
  if (sqlStateOf(error) !== '23505') return error;
  let constraint: string | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as { constraint?: string; constraint_name?: string; cause?: unknown };
    constraint ??= e.constraint ?? e.constraint_name;
    current = e.cause;
  }
  return new RuleViolationError(`${what} is already taken by a tenant: choose another.`, constraint, { cause: error });
}

// After a change commits: drop the tenant's cached lookups and any cached miss of the new names.
function invalidate(options: TenantNameOptions, tenantId: string, names: string[]): void {
  const cache = options.cache ?? tenantResolutionCache;
  cache.invalidate(tenantId);
  cache.forget(...names);
  tenantStatusCache.invalidate(tenantId);
}

/**
 * Lists a tenant's host names, the primary first.
 *
 * @example
 * ```ts
 * import { listTenantDomains } from '@stocksync/db/tenancy';
 * const domains = await listTenantDomains(db, tenantId);
 * ```
 */
export async function listTenantDomains(db: AnyPgDatabase, tenant: TenantRef): Promise<TenantDomain[]> {
  const tenantId = tenantIdOf(tenant);
  return db
    .select()
    .from(tenantDomains)
    .where(eq(tenantDomains.tenantId, tenantId))
    .orderBy(desc(tenantDomains.isPrimary), asc(tenantDomains.hostname));
}

/**
 * Adds a host name to a tenant. A subdomain of a base domain is verified at once; a custom domain
 * starts unverified (resolution ignores it) and comes with the TXT record to publish before
 * {@link verifyTenantDomain}. `primary` makes it the tenant's primary host (the previous one stays,
 * not primary). A host name another tenant has is refused (`RuleViolationError`, constraint
 * `tenant_domains_hostname_key`). Runs on a connection that may write every tenant (the CLI's).
 *
 * @example
 * ```ts
 * import { addTenantDomain } from '@stocksync/db/tenancy';
 * const { challenge } = await addTenantDomain(db, tenantId, { hostname: 'shop.acme.test' });
 * ```
 */
export async function addTenantDomain(
  db: AnyPgDatabase,
  tenant: TenantRef,
  input: { hostname: string; primary?: boolean },
  options: TenantNameOptions = {},
): Promise<AddedTenantDomain> {
  const tenantId = tenantIdOf(tenant);
  const hostname = normalizeHostname(input.hostname);
  const kind = kindOf(hostname, options);
  const domain = await db
    .transaction(async (tx) => {
      await lockTenant(tx, tenantId);
      if (input.primary) await tx.update(tenantDomains).set({ isPrimary: false }).where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.isPrimary, true)));
      const [row] = await tx
        .insert(tenantDomains)
        .values({ tenantId, hostname, kind, isPrimary: input.primary ?? false, ...(kind === 'subdomain' ? { verifiedAt: new Date() } : {}) })
        .returning();
      if (input.primary) await tx.update(tenants).set({ domain: hostname }).where(eq(tenants.id, tenantId));
      return row!;
    })
    .catch((error: unknown) => {
      throw conflict(error, `Host name ${hostname}`);
    });
  invalidate(options, tenantId, [hostname]);
  return { domain, challenge: kind === 'custom' ? domainChallenge(domain) : null };
}

async function txtRecords(resolveTxt: TxtResolver | undefined, name: string): Promise<string[]> {
  const lookup = resolveTxt ?? (async (n: string) => (await import('node:dns/promises')).resolveTxt(n));
  try {
    return (await lookup(name)).map((chunks) => chunks.join(''));
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw error;
  }
}

/**
 * Verifies a custom domain: looks up the TXT record {@link domainChallenge} names and, when it
 * holds the expected value, marks the domain verified, so resolution finds the tenant by it at
 * once. A missing or different record throws {@link DomainVerificationError} (saying what to
 * publish) and changes nothing; a DNS failure keeps its cause. Verifying a verified domain returns it.
 *
 * @example
 * ```ts
 * import { verifyTenantDomain } from '@stocksync/db/tenancy';
 * const domain = await verifyTenantDomain(db, tenantId, 'shop.acme.test');
 * ```
 */
export async function verifyTenantDomain(
  db: AnyPgDatabase,
  tenant: TenantRef,
  hostname: string,
  options: VerifyTenantDomainOptions = {},
): Promise<TenantDomain> {
  const tenantId = tenantIdOf(tenant);
  const host = normalizeHostname(hostname);
  const [current] = await db
    .select()
    .from(tenantDomains)
    .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.hostname, host)));
  if (!current) throw noDomain(tenantId, host);
  if (current.verifiedAt) return current;
  const challenge = domainChallenge(current);
  let records: string[];
  try {
    records = await txtRecords(options.resolveTxt, challenge.recordName);
  } catch (error) {
    throw new DomainVerificationError(
      `The DNS lookup of ${challenge.recordName} failed (${(error as { code?: string }).code ?? 'error'}): try again later.`,
      challenge.recordName,
      challenge.recordValue,
      { cause: error },
    );
  }
  if (!records.includes(challenge.recordValue)) {
    throw new DomainVerificationError(
      `${host} is not verified: publish the DNS record TXT ${challenge.recordName} "${challenge.recordValue}" ` +
        `(found ${records.length ? `${records.length} other value(s)` : 'no record'}), wait for it to propagate, then verify again.`,
      challenge.recordName,
      challenge.recordValue,
    );
  }
  const verified = await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const row = await findDomain(tx, tenantId, host);
    // The row may have been removed and added again since the lookup: only the challenged row counts.
    if (row.id !== current.id) throw new NotFoundError(`${host} changed while it was being verified: verify again.`, 'tenant_domains', host);
    const [updated] = await tx
      .update(tenantDomains)
      .set({ verifiedAt: sql`coalesce(${tenantDomains.verifiedAt}, now())` })
      .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.id, row.id)))
      .returning();
    return updated!;
  });
  invalidate(options, tenantId, [host]);
  return verified;
}

/**
 * Removes a host name from a tenant; resolution stops finding the tenant by it at once (in this
 * process; other processes' caches expire by their TTL). Removing the primary host leaves the
 * tenant without one (`tenants.domain` becomes null) until another is added with `primary`.
 *
 * @example
 * ```ts
 * import { removeTenantDomain } from '@stocksync/db/tenancy';
 * await removeTenantDomain(db, tenantId, 'old-shop.acme.test');
 * ```
 */
export async function removeTenantDomain(
  db: AnyPgDatabase,
  tenant: TenantRef,
  hostname: string,
  options: TenantNameOptions = {},
): Promise<TenantDomain> {
  const tenantId = tenantIdOf(tenant);
  const host = normalizeHostname(hostname);
  const removed = await db.transaction(async (tx) => {
    await lockTenant(tx, tenantId);
    const row = await findDomain(tx, tenantId, host);
    await tx.delete(tenantDomains).where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.id, row.id)));
    if (row.isPrimary) await tx.update(tenants).set({ domain: null }).where(eq(tenants.id, tenantId));
    return row;
  });
  invalidate(options, tenantId, [host]);
  return removed;
}

/**
 * Changes a tenant's slug (validated like a new one: malformed or reserved slugs are refused, a
 * taken one is a `RuleViolationError` on `tenants_slug_key`), and renames its subdomains
 * `<old>.<base>` to `<new>.<base>` for each base domain given. The old slug and subdomains stop
 * resolving and the new ones resolve at once.
 *
 * @example
 * ```ts
 * import { changeTenantSlug } from '@stocksync/db/tenancy';
 * await changeTenantSlug(db, tenantId, 'acme-global', { baseDomains: ['example.com'] });
 * ```
 */
export async function changeTenantSlug(
  db: AnyPgDatabase,
  tenant: TenantRef,
  slug: string,
  options: TenantNameOptions = {},
): Promise<ChangedTenantSlug> {
  const tenantId = tenantIdOf(tenant);
  assertValidSlug(slug);
  const result = await db
    .transaction(async (tx) => {
      const row = await lockTenant(tx, tenantId);
      if (row.slug === slug) return { tenant: row, previousSlug: row.slug, renamedDomains: [] };
      const [updated] = await tx.update(tenants).set({ slug }).where(eq(tenants.id, tenantId)).returning();
      const renamedDomains: TenantDomain[] = [];
      for (const base of bases(options)) {
        const [renamed] = await tx
          .update(tenantDomains)
          .set({ hostname: `${slug}.${base}` })
          .where(and(eq(tenantDomains.tenantId, tenantId), eq(tenantDomains.hostname, `${row.slug}.${base}`), eq(tenantDomains.kind, 'subdomain')))
          .returning();
        if (renamed) renamedDomains.push(renamed);
        if (renamed?.isPrimary) await tx.update(tenants).set({ domain: renamed.hostname }).where(eq(tenants.id, tenantId));
      }
      const [final] = await tx.select().from(tenants).where(eq(tenants.id, tenantId));
      return { tenant: final ?? updated!, previousSlug: row.slug, renamedDomains };
    })
    .catch((error: unknown) => {
      throw conflict(error, `Slug ${slug} (or one of its subdomains)`);
    });
  invalidate(options, tenantId, [slug, result.previousSlug, ...bases(options).flatMap((b) => [`${slug}.${b}`, `${result.previousSlug}.${b}`])]);
  return result;
}
