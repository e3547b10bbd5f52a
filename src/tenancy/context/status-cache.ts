// Tenant refusals: the SQLSTATEs of the context statement, their typed errors, and the short cache of refused tenants.
import {
  PrivilegedSessionError,
  sqlStateOf,
  TenantContextError,
  TenantNotFoundError,
  TenantUnavailableError,
} from '../../errors.js';

/** SQLSTATEs raised by `stocksync_enter_tenant()` (migration 0033): the tenant does not exist. */
export const TENANT_NOT_FOUND_SQLSTATE = 'ST404';
/** Raised when the tenant exists but is suspended or deleted. */
export const TENANT_UNAVAILABLE_SQLSTATE = 'ST403';
/** Raised when a context was already entered in the transaction (one transaction, one tenant). */
export const CONTEXT_REENTERED_SQLSTATE = 'ST409';
/** Raised when the session user bypasses RLS and the caller did not accept it by name. */
export const PRIVILEGED_SESSION_SQLSTATE = 'ST401';

/**
 * A short in-process memory of refused tenants, so they are refused again without a round trip.
 *
 * @example
 * ```ts
 * import { TenantStatusCache } from '@stocksync/db/tenancy';
 * const cache = new TenantStatusCache(1_000);
 * ```
 */
export class TenantStatusCache {
  private readonly entries = new Map<string, { status: string; expires: number }>();
  constructor(
    /** How long a refusal is remembered, in milliseconds (0 disables the cache). */
    public ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** The remembered refusal status (`missing`, `suspended`, `deleted`, ...) of a tenant, if fresh. */
  get(tenantId: string): string | undefined {
    const entry = this.entries.get(tenantId);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.entries.delete(tenantId);
      return undefined;
    }
    return entry.status;
  }

  /** Remembers that a tenant was refused. */
  set(tenantId: string, status: string): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tenantId, { status, expires: Date.now() + this.ttlMs });
  }

  /** Forgets one tenant (after reactivation or creation). */
  invalidate(tenantId: string): void {
    this.entries.delete(tenantId);
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The process-wide cache of refused tenants used by {@link withTenant}; lifecycle functions
 * invalidate it. Set `tenantStatusCache.ttlMs = 0` to disable.
 *
 * @example
 * ```ts
 * import { tenantStatusCache } from '@stocksync/db/tenancy';
 * tenantStatusCache.invalidate(tenantId);
 * ```
 */
export const tenantStatusCache = new TenantStatusCache();

/** The typed error for a refused tenant (`missing` or a status such as `suspended`). */
export function refusal(tenantId: string, status: string, cause?: unknown): Error {
  if (status === 'missing') {
    return new TenantNotFoundError(`Tenant ${tenantId} does not exist: check the id or create the tenant first.`, {
      cause,
    });
  }
  return new TenantUnavailableError(
    `Tenant ${tenantId} is ${status}: reactivate it before using it.`,
    status,
    { cause },
  );
}

/**
 * Maps the context statement's failure to the package's tenant errors (and remembers refusals).
 */
export function mapContextError(tenantId: string, error: unknown): unknown {
  const state = sqlStateOf(error);
  if (state === TENANT_NOT_FOUND_SQLSTATE) {
    tenantStatusCache.set(tenantId, 'missing');
    return refusal(tenantId, 'missing', error);
  }
  if (state === TENANT_UNAVAILABLE_SQLSTATE) {
    const status = detailOf(error) ?? 'unavailable';
    tenantStatusCache.set(tenantId, status);
    return refusal(tenantId, status, error);
  }
  if (state === CONTEXT_REENTERED_SQLSTATE) {
    return new TenantContextError(
      'A tenant context was already entered in this transaction: one transaction serves one tenant, start another with withTenant.',
      { cause: error },
    );
  }
  if (state === PRIVILEGED_SESSION_SQLSTATE) {
    return new PrivilegedSessionError(
      'The session user bypasses row-level security (superuser, BYPASSRLS or table owner): connect as stocksync_service, ' +
        "or, for tests and platform tools, accept it by name with { privilegedSession: '<user>' } or allowPrivilegedSession(db, '<user>').",
      { cause: error },
    );
  }
  return error;
}

function detailOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const detail = (current as { detail?: unknown }).detail;
    if (typeof detail === 'string' && detail) return detail;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
