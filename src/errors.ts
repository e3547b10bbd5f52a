// One error hierarchy for the whole package: every error has a literal `code`, a message that
// says what to do next, and keeps its `cause` (with the Postgres SQLSTATE when there is one).

/** Options accepted by every {@link StocksyncError}. */
export interface StocksyncErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every error this package throws.
 *
 * @example
 * ```ts
 * import { StocksyncError } from '@stocksync/db';
 * try { await run(); } catch (e) { if (e instanceof StocksyncError) console.error(e.code); }
 * ```
 */
export class StocksyncError extends Error {
  readonly code: string = 'STOCKSYNC_ERROR';

  constructor(message: string, options: StocksyncErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }

  /** The Postgres SQLSTATE of the underlying database error, if any. */
  get sqlState(): string | undefined {
    return sqlStateOf(this.cause);
  }
}

/**
 * Thrown before touching the database when a tenant-scoped operation runs without a tenant.
 *
 * @example
 * ```ts
 * import { TenantContextMissingError } from '@stocksync/db/tenancy';
 * ```
 */
export class TenantContextMissingError extends StocksyncError {
  override readonly code = 'TENANT_CONTEXT_MISSING';
  constructor(message = 'No tenant context: wrap the call in withTenant(db, tenantId, fn) or use tenantDb(db, tenantId).') {
    super(message);
  }
}

/** A nested tenant context tried to switch to a different tenant, or a tenant id is malformed. */
export class TenantContextError extends StocksyncError {
  override readonly code = 'TENANT_CONTEXT_INVALID';
}

/** The scoped builder refused an operation: a write to a global table, or moving a row to another tenant. */
export class TenantScopeError extends StocksyncError {
  override readonly code = 'TENANT_SCOPE';
}

/** An optimistic update lost a race: the row's version is not the one the caller read. */
export class VersionConflictError extends StocksyncError {
  override readonly code = 'VERSION_CONFLICT';
  constructor(
    message: string,
    readonly expected: number,
    readonly actual: number | undefined,
  ) {
    super(message);
  }
}

/** The acting user's role may not do this (row-level security refused it). */
export class PermissionDeniedError extends StocksyncError {
  override readonly code = 'PERMISSION_DENIED';
}

/** A tenant lifecycle step is not allowed from the tenant's current state (e.g. purge before soft delete). */
export class TenantLifecycleError extends StocksyncError {
  override readonly code = 'TENANT_LIFECYCLE';
}

/** assertTenantIsolation found a leak (or could not exercise a table); `failures` lists each finding. */
export class TenantIsolationError extends StocksyncError {
  override readonly code = 'TENANT_ISOLATION';
  constructor(
    message: string,
    readonly failures: readonly string[],
  ) {
    super(message);
  }
}

/** The tenant does not exist (or was purged). Middleware maps it to 404. */
export class TenantNotFoundError extends StocksyncError {
  override readonly code = 'TENANT_NOT_FOUND';
}

/** The request names no tenant at all (no header, tenant host or path). Middleware maps it to 404, or lets it through when optional. */
export class TenantNotIdentifiedError extends TenantNotFoundError {}

/** The tenant exists but is suspended or deleted. Middleware maps it to 403. */
export class TenantUnavailableError extends StocksyncError {
  override readonly code = 'TENANT_UNAVAILABLE';
  constructor(
    message: string,
    readonly status: string,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** Input failed validation; `issues` holds the Zod issues with their field paths. */
export class ValidationError extends StocksyncError {
  override readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}

/**
 * A tenant export was refused by {@link importTenant} or {@link verifyTenantExport}: `file`, `table`
 * and `line` (1-based, when one line is at fault) say where; nothing was written.
 *
 * @example
 * ```ts
 * import { TenantImportError } from '@stocksync/db';
 * try { await importTenant(db, dir); } catch (e) { if (e instanceof TenantImportError) console.error(e.file, e.line); }
 * ```
 */
export class TenantImportError extends StocksyncError {
  override readonly code = 'TENANT_IMPORT';
  constructor(
    message: string,
    readonly where: { file?: string; table?: string; line?: number } = {},
    options: StocksyncErrorOptions = {},
  ) {
    const at = where.file ? `${where.file}${where.line ? `:${where.line}` : ''}${where.table ? ` (table ${where.table})` : ''}: ` : '';
    super(`${at}${message}`, options);
    this.file = where.file;
    this.table = where.table;
    this.line = where.line;
  }
  readonly file: string | undefined;
  readonly table: string | undefined;
  readonly line: number | undefined;
}

/**
 * The database refused an operation because of a business rule (stock, seats, paid order, cart
 * expiry, dependencies...). `sqlState` (e.g. 23514, 55000, 23505) and `constraint` say which.
 *
 * @example
 * ```ts
 * import { RuleViolationError } from '@stocksync/db';
 * try { await shipStock(tx, input); } catch (e) { if (e instanceof RuleViolationError) console.error(e.constraint); }
 * ```
 */
export class RuleViolationError extends StocksyncError {
  override readonly code = 'RULE_VIOLATION';
  constructor(
    message: string,
    readonly constraint: string | undefined,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** A row the operation needs does not exist in the current tenant (or is not visible to it). */
export class NotFoundError extends StocksyncError {
  override readonly code = 'NOT_FOUND';
  constructor(
    message: string,
    readonly entity: string,
    readonly id: string,
  ) {
    super(message);
  }
}

/** Another migration runner holds the lock (fail mode) or the wait timed out. */
export class MigrationLockError extends StocksyncError {
  override readonly code = 'MIGRATION_LOCK';
}

/** An applied migration file changed on disk after it was applied. */
export class MigrationChecksumError extends StocksyncError {
  override readonly code = 'MIGRATION_CHECKSUM';
  constructor(
    message: string,
    readonly migration: string,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** The migrations folder and the history disagree (out-of-order file, missing file, bad name). */
export class MigrationPlanError extends StocksyncError {
  override readonly code = 'MIGRATION_PLAN';
}

/** A migration failed while running; the history records the failure. */
export class MigrationFailedError extends StocksyncError {
  override readonly code = 'MIGRATION_FAILED';
  constructor(
    message: string,
    readonly migration: string,
    readonly direction: 'up' | 'down',
    options: StocksyncErrorOptions & { statement?: string } = {},
  ) {
    super(message, options);
    this.statement = options.statement;
  }
  readonly statement: string | undefined;
}

/** A down migration was requested past a migration marked irreversible. */
export class MigrationIrreversibleError extends StocksyncError {
  override readonly code = 'MIGRATION_IRREVERSIBLE';
  constructor(
    message: string,
    readonly migration: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** No usable Postgres could be found or started for tests. */
export class PostgresUnavailableError extends StocksyncError {
  override readonly code = 'POSTGRES_UNAVAILABLE';
}

/** Configuration or usage problem (bad URL, bad option). */
export class ConfigurationError extends StocksyncError {
  override readonly code = 'CONFIGURATION';
}

/**
 * A trusted bulk load (triggers and foreign-key checks off) failed the set-based verification of
 * what those rules enforce; the load was rolled back. `failures` lists each check and its count.
 *
 * @example
 * ```ts
 * import { SeedVerificationError } from '@stocksync/db';
 * try { await seedDatabase(db); } catch (e) { if (e instanceof SeedVerificationError) console.error(e.failures); }
 * ```
 */
export class SeedVerificationError extends StocksyncError {
  override readonly code = 'SEED_VERIFICATION';

  constructor(
    readonly failures: Array<{ check: string; rows: number }>,
    options: StocksyncErrorOptions = {},
  ) {
    super(
      `Seed verification failed, the batch was rolled back: ${failures.map((f) => `${f.check} (${f.rows} rows)`).join('; ')}. ` +
        `Seed with method 'insert' to see which database rule the generated rows break.`,
      options,
    );
  }
}

/**
 * Returns the Postgres SQLSTATE carried by an error or any error in its `cause` chain.
 *
 * @example
 * ```ts
 * import { sqlStateOf } from '@stocksync/db';
 * if (sqlStateOf(err) === '23505') { /* unique violation *\/ }
 * ```
 */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth++) {
    if (typeof current === 'object') {
      const code = (current as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
      current = (current as { cause?: unknown }).cause;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A custom domain could not be verified: its DNS TXT record is missing or holds another value.
 * `recordName` and `expected` say what to publish.
 *
 * @example
 * ```ts
 * import { DomainVerificationError } from '@stocksync/db';
 * try { await verifyTenantDomain(db, tenantId, 'shop.acme.test'); } catch (e) { if (e instanceof DomainVerificationError) console.error(e.recordName, e.expected); }
 * ```
 */
export class DomainVerificationError extends StocksyncError {
  override readonly code = 'DOMAIN_VERIFICATION';
  constructor(
    message: string,
    readonly recordName: string,
    readonly expected: string,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}
