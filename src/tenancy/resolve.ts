// Tenant resolution: finds the tenant a request is for (header, subdomain, custom domain, path
// prefix, in a configurable order) through one SECURITY DEFINER lookup, with a small TTL cache.
import { sql } from 'drizzle-orm';
import { TenantNotFoundError, TenantNotIdentifiedError, TenantUnavailableError } from '../errors.js';
import { isUuid } from '../uuid.js';
import type { AnyPgDatabase } from './context/index.js';
import { RESERVED_SLUGS, SLUG_PATTERN } from './slug.js';

/** Where a tenant can be read from in a request. */
export type ResolutionStrategy = 'header' | 'subdomain' | 'domain' | 'path';

/** Headers as Node (`IncomingMessage.headers`) or the Fetch API (`Headers`) give them. */
export type HeadersLike =
  | { get(name: string): string | null | undefined }
  | Record<string, string | string[] | undefined>;

/** The parts of a request resolution reads (Express, Node http, Fetch `Request` and Hono all fit). */
export interface ResolvableRequest {
  headers: HeadersLike;
  /** Path with query (`/t/acme/x?y`) or an absolute URL (Fetch). */
  url?: string;
  /** Express's `originalUrl`, preferred over `url` when present (routers rewrite `url`). */
  originalUrl?: string;
}

/** Options of {@link resolveTenant}. */
export interface ResolveTenantOptions {
  /** Strategies in the order they are tried (default header, subdomain, domain, path). The first one that finds a candidate decides. */
  order?: readonly ResolutionStrategy[];
  /** Header carrying a tenant id or slug (default `x-tenant-id`). */
  header?: string;
  /** The platform's own domains (`example.com`): `acme.example.com` is a subdomain, other hosts are custom domains. */
  baseDomains?: readonly string[];
  /** Path prefix before the slug (default `/t/`). */
  pathPrefix?: string;
  /** Read the host from `X-Forwarded-Host` (only behind a proxy you trust). Default false. */
  trustForwardedHost?: boolean;
  /** Cache of lookups (default: the shared {@link tenantResolutionCache}); `false` disables it. */
  cache?: TenantResolutionCache | false;
}

/** The tenant a request resolved to. */
export interface ResolvedTenant {
  id: string;
  slug: string;
  status: 'active';
  /** The strategy that found it, and the value it read. */
  source: ResolutionStrategy;
  value: string;
}

type LookupBy = 'id' | 'slug' | 'subdomain' | 'domain';
interface LookupRow {
  id: string;
  slug: string;
  status: string;
}

/**
 * A small TTL cache of tenant lookups (positive and negative), shared by default.
 *
 * @example
 * ```ts
 * import { resolveTenant, TenantResolutionCache } from '@stocksync/db/tenancy';
 * const cache = new TenantResolutionCache(30_000);
 * await resolveTenant(db, req, { cache });
 * ```
 */
export class TenantResolutionCache {
  private readonly entries = new Map<string, { row: LookupRow | null; expires: number }>();
  constructor(
    /** Lifetime of a found tenant, in milliseconds. */
    public ttlMs = 10_000,
    /** Lifetime of a miss, in milliseconds (short, so a new tenant appears quickly). */
    public negativeTtlMs = 2_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached lookup, `null` for a cached miss, `undefined` when absent or expired. */
  get(key: string): LookupRow | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.row;
  }

  /** Stores a lookup result. */
  set(key: string, row: LookupRow | null): void {
    const ttl = row ? this.ttlMs : this.negativeTtlMs;
    if (ttl <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { row, expires: Date.now() + ttl });
  }

  /** Forgets every entry of one tenant (after a status, slug or domain change). */
  invalidate(tenantId: string): void {
    for (const [key, entry] of this.entries) if (entry.row?.id === tenantId) this.entries.delete(key);
  }

  /**
   * Forgets every entry, found or missed, that looked up one of these values (slugs, host names):
   * after a domain or slug change, so a new name resolves at once instead of after the miss TTL.
   */
  forget(...values: string[]): void {
    const wanted = new Set(values.map((v) => v.toLowerCase()));
    for (const key of this.entries.keys()) if (wanted.has(key.slice(key.indexOf(':') + 1))) this.entries.delete(key);
  }

  /** Forgets everything (misses included). */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The shared resolution cache; lifecycle functions invalidate it. withTenant re-checks the status
 * in the database on every transaction, so a stale entry never grants access to a suspended tenant.
 *
 * @example
 * ```ts
 * import { tenantResolutionCache } from '@stocksync/db/tenancy';
 * tenantResolutionCache.clear();
 * ```
 */
export const tenantResolutionCache = new TenantResolutionCache();

const DEFAULT_ORDER: readonly ResolutionStrategy[] = ['header', 'subdomain', 'domain', 'path'];

function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(n: string): string | null | undefined }).get(name) ?? undefined;
  }
  const value = (headers as Record<string, string | string[] | undefined>)[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The request's host name, lowercased, without port and trailing dot.
 *
 * @example
 * ```ts
 * import { requestHost } from '@stocksync/db/tenancy';
 * requestHost({ headers: { host: 'Acme.example.com:443' } }); // 'acme.example.com'
 * ```
 */
export function requestHost(request: ResolvableRequest, trustForwardedHost = false): string | undefined {
  const forwarded = trustForwardedHost ? header(request.headers, 'x-forwarded-host')?.split(',')[0] : undefined;
  let host = forwarded ?? header(request.headers, 'host');
  if (!host && request.url && /^https?:\/\//i.test(request.url)) host = new URL(request.url).host;
  if (!host) return undefined;
  host = host.trim().toLowerCase();
  if (host.startsWith('[')) return undefined; // an IPv6 literal is never a tenant host
  return host.replace(/:\d+$/, '').replace(/\.$/, '') || undefined;
}

function requestPath(request: ResolvableRequest): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const path = /^https?:\/\//i.test(url) ? new URL(url).pathname : url.split('?')[0]!;
  return path || '/';
}

// One strategy: the lookup it asks for, or undefined when the request carries nothing for it.
function candidate(
  strategy: ResolutionStrategy,
  request: ResolvableRequest,
  options: ResolveTenantOptions,
): { by: LookupBy; value: string } | undefined {
  switch (strategy) {
    case 'header': {
      const value = header(request.headers, options.header ?? 'x-tenant-id')?.trim().toLowerCase();
      if (!value) return undefined;
      return { by: isUuid(value) ? 'id' : 'slug', value };
    }
    case 'subdomain':
    case 'domain': {
      const host = requestHost(request, options.trustForwardedHost);
      if (!host) return undefined;
      const base = (options.baseDomains ?? []).map((d) => d.toLowerCase().replace(/^\.|\.$/g, ''));
      const under = base.find((d) => host.endsWith(`.${d}`));
      if (strategy === 'subdomain') {
        if (!under) return undefined;
        const label = host.slice(0, -(under.length + 1));
        if (label.includes('.') || RESERVED_SLUGS.has(label)) return undefined;
        return { by: 'subdomain', value: host };
      }
      if (under || base.includes(host) || /^\d+\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost') return undefined;
      return { by: 'domain', value: host };
    }
    case 'path': {
      const prefix = options.pathPrefix ?? '/t/';
      const path = requestPath(request);
      if (!path.startsWith(prefix)) return undefined;
      const slug = decodeURIComponent(path.slice(prefix.length).split('/')[0] ?? '').toLowerCase();
      return slug ? { by: 'slug', value: slug } : undefined;
    }
  }
}

async function lookup(db: AnyPgDatabase, by: LookupBy, value: string, cache: TenantResolutionCache | false) {
  const key = `${by}:${value}`;
  const cached = cache ? cache.get(key) : undefined;
  if (cached !== undefined) return cached;
  let row: LookupRow | null = null;
  // Values that cannot match skip the round trip (and never reach a uuid cast).
  const plausible =
    by === 'id' ? isUuid(value) : by === 'slug' ? SLUG_PATTERN.test(value) : value.length <= 253;
  if (plausible) {
    const result = await db.execute(
      sql`select id::text as id, slug, status from stocksync_resolve_tenant(${by}, ${value})`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: LookupRow[] }).rows) as LookupRow[];
    row = rows[0] ?? null;
  }
  if (cache) cache.set(key, row);
  return row;
}

/**
 * Resolves the tenant of a request: the strategies are tried in order and the first one that finds
 * a candidate (a header value, a tenant subdomain of a base domain, a custom domain, a `/t/<slug>/`
 * path) decides. An unknown tenant throws {@link TenantNotFoundError} (also when nothing in the
 * request names one: {@link TenantNotIdentifiedError}, a subclass), a suspended or deleted one {@link TenantUnavailableError}: never a fallback.
 * Custom domains must be verified. Lookups go through `stocksync_resolve_tenant()` (SECURITY DEFINER),
 * so `db` may connect as any role; results are cached briefly.
 *
 * @example
 * ```ts
 * import { resolveTenant } from '@stocksync/db/tenancy';
 * const tenant = await resolveTenant(db, req, { baseDomains: ['example.com'] });
 * ```
 */
export async function resolveTenant(
  db: AnyPgDatabase,
  request: ResolvableRequest,
  options: ResolveTenantOptions = {},
): Promise<ResolvedTenant> {
  const cache = options.cache === undefined ? tenantResolutionCache : options.cache;
  for (const strategy of options.order ?? DEFAULT_ORDER) {
    const found = candidate(strategy, request, options);
    if (!found) continue;
    const row = await lookup(db, found.by, found.value, cache);
    if (!row) {
      throw new TenantNotFoundError(
        `No tenant for ${strategy} "${found.value.slice(0, 100)}": check the ${strategy === 'header' ? 'header value' : strategy === 'path' ? 'URL' : 'host name'}.`,
      );
    }
    if (row.status !== 'active') {
      throw new TenantUnavailableError(`Tenant "${row.slug}" is ${row.status}.`, row.status);
    }
    return { id: row.id, slug: row.slug, status: 'active', source: strategy, value: found.value };
  }
  throw new TenantNotIdentifiedError(
    `The request names no tenant: send ${options.header ?? 'X-Tenant-ID'}, use a tenant host name, or a ${options.pathPrefix ?? '/t/'}<slug>/ path.`,
  );
}
