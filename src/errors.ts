// One error hierarchy for the whole package: every error has a literal `code`, a message that
// says what to do next, and keeps its `cause` (with the Postgres SQLSTATE when there is one).
// Over 400 lines on purpose: the house layout keeps the one hierarchy in one file (STYLE.md), so a
// class is always read beside its siblings and callers import every error from one place.

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

/**
 * A field of the actor (`userId`, `role`, `ip`, `userAgent`, `requestId`) cannot be recorded as given; thrown
 * by withTenant, tenantDb and the middleware before the database is touched. HTTP 400.
 *
 * @example
 * ```ts
 * import { ActorContextError } from '@stocksync/db';
 * try { await withTenant(db, id, fn, { actor }); } catch (e) { if (e instanceof ActorContextError) console.error(e.field); }
 * ```
 */
export class ActorContextError extends TenantContextError {
  constructor(
    readonly field: 'userId' | 'role' | 'ip' | 'userAgent' | 'requestId',
    message: string,
  ) {
    super(message);
  }
}

/**
 * withTenant was called on a session whose user bypasses row-level security (superuser, BYPASSRLS or
 * the tables' owner) without accepting it by name: SQL in the request could RESET ROLE to it.
 * Connect as `stocksync_service`.
 */
export class PrivilegedSessionError extends StocksyncError {
  override readonly code = 'PRIVILEGED_SESSION';
}

/** One finding of a deployment check (`checkDeployment`). */
export interface DeploymentFinding {
  check: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about it (warn and fail). */
  fix?: string;
}

/** The deployment is not safe to serve tenants; `findings` lists every failed check with its fix. */
export class DeploymentUnsafeError extends StocksyncError {
  override readonly code = 'DEPLOYMENT_UNSAFE';
  constructor(readonly findings: DeploymentFinding[]) {
    super(`The deployment is not safe to serve tenants:\n${findings.map((f) => `- ${f.check}: ${f.detail}. ${f.fix ?? ''}`).join('\n')}`);
  }
}

/**
 * The connection's role lacks what an operator command needs: it is subject to row-level security
 * (the service role sees no tenant without a tenant context), so lists would come back empty and
 * checks would report missing rows. `role` is the connected role; connect as the tables' owner.
 *
 * @example
 * ```ts
 * import { WrongRoleError } from '@stocksync/db';
 * if (e instanceof WrongRoleError) console.error(`reconnect: ${e.role} is not the owner`);
 * ```
 */
export class WrongRoleError extends StocksyncError {
  override readonly code = 'WRONG_ROLE';
  constructor(
    message: string,
    readonly role: string,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
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
  override readonly code: string = 'RULE_VIOLATION';
  constructor(
    message: string,
    readonly constraint: string | undefined,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** Where a constraint error happened: the table and the columns (camelCase), never the values. */
export interface ConstraintTarget {
  /** The table the statement wrote (snake_case, as in the database). */
  table: string | undefined;
  /** The columns of the constraint without `tenantId`, as TypeScript property names. */
  fields: string[];
}

/**
 * A unique or exclusion constraint refused the write (SQLSTATE 23505 / 23P01): a row with the same
 * key exists. `constraint` is the database name (`inventory_products_tenant_id_sku_key`), `fields`
 * the logical key without the tenant (`['sku']`). HTTP 409.
 *
 * @example
 * ```ts
 * import { ConflictError } from '@stocksync/db';
 * try { await t.insert(inventoryProducts).values(body); } catch (e) { if (e instanceof ConflictError) e.fields; }
 * ```
 */
export class ConflictError extends RuleViolationError {
  override readonly code = 'CONFLICT';
  constructor(
    message: string,
    constraint: string | undefined,
    readonly target: ConstraintTarget,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, constraint, options);
  }
  /** The logical key of the constraint (columns without `tenantId`). */
  get fields(): string[] {
    return this.target.fields;
  }
}

/**
 * A foreign key refused the write (SQLSTATE 23503): the referenced row does not exist in this
 * tenant (`reason: 'missing_reference'`, HTTP 422), or rows still refer to the row being deleted
 * (`reason: 'still_referenced'`, HTTP 409).
 *
 * @example
 * ```ts
 * import { ForeignKeyError } from '@stocksync/db';
 * if (e instanceof ForeignKeyError && e.reason === 'missing_reference') console.error(e.relatedTable);
 * ```
 */
export class ForeignKeyError extends RuleViolationError {
  override readonly code = 'FOREIGN_KEY';
  constructor(
    message: string,
    constraint: string | undefined,
    readonly reason: 'missing_reference' | 'still_referenced',
    readonly target: ConstraintTarget,
    /** The other table: the referenced one (missing_reference) or the referencing one (still_referenced). */
    readonly relatedTable: string | undefined,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, constraint, options);
  }
}

/**
 * A check rule refused the write (SQLSTATE 23514 from a CHECK constraint or a rule trigger, 23502 for
 * a missing required column): `rule` names it (`tasks_parent_task_id_cycle_check`). HTTP 422.
 *
 * @example
 * ```ts
 * import { CheckViolationError } from '@stocksync/db';
 * if (e instanceof CheckViolationError) console.error(e.rule);
 * ```
 */
export class CheckViolationError extends RuleViolationError {
  override readonly code = 'CHECK_VIOLATION';
  constructor(
    message: string,
    readonly rule: string | undefined,
    readonly target: ConstraintTarget,
    options: StocksyncErrorOptions = {},
  ) {
    super(message, rule, options);
  }
}

/**
 * A value has the wrong form for its column (SQLSTATE class 22: not a UUID, out of range, too long,
 * bad date). The message names the type, never the value. HTTP 422.
 *
 * @example
 * ```ts
 * import { InvalidValueError } from '@stocksync/db';
 * if (e instanceof InvalidValueError) console.error(e.sqlState);
 * ```
 */
export class InvalidValueError extends StocksyncError {
  override readonly code = 'INVALID_VALUE';
}

/**
 * The transaction lost a race with another one (SQLSTATE 40001 serialization failure, 40P01
 * deadlock, 55P03 lock not available): retry the whole transaction. HTTP 409.
 *
 * @example
 * ```ts
 * import { TransactionConflictError } from '@stocksync/db';
 * if (e instanceof TransactionConflictError) return retry();
 * ```
 */
export class TransactionConflictError extends StocksyncError {
  override readonly code = 'TRANSACTION_CONFLICT';
}

/**
 * Any other database error raised through the package, with its SQLSTATE; the message carries the
 * server's primary message only (never the statement's parameters). HTTP 500.
 *
 * @example
 * ```ts
 * import { DatabaseError } from '@stocksync/db';
 * if (e instanceof DatabaseError) console.error(e.sqlState);
 * ```
 */
export class DatabaseError extends StocksyncError {
  override readonly code = 'DATABASE_ERROR';
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

/**
 * The connection to Postgres was lost while the call ran (the backend was terminated, the server or
 * a pooler went away, the network dropped). Whether a write in flight committed is unknown unless
 * the call ran in a transaction that did not reach COMMIT: retry idempotent work, check the rest.
 *
 * @example
 * ```ts
 * import { ConnectionLostError } from '@stocksync/db';
 * try { await withTenant(db, id, fn); } catch (e) { if (e instanceof ConnectionLostError) retryLater(); }
 * ```
 */
export class ConnectionLostError extends StocksyncError {
  override readonly code = 'CONNECTION_LOST';
}

// Server states meaning the session is gone: terminated by an administrator, crash or shutdown
// (57P01-57P03) and every connection exception (class 08, also what PgBouncer sends when its server
// connection died). Client-side codes of node-postgres/postgres.js and the socket layer.
const LOST_STATES = new Set(['57P01', '57P02', '57P03']);
const LOST_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const LOST_MESSAGE = /connection terminated|terminating connection|server conn crashed|server closed the connection|connection (?:is )?closed|client has encountered a connection error/i;

/**
 * Whether an error (or any error in its cause chain) means the database connection was lost.
 *
 * @example
 * ```ts
 * import { isConnectionLoss } from '@stocksync/db';
 * if (isConnectionLoss(err)) scheduleRetry();
 * ```
 */
export function isConnectionLoss(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    if (current instanceof ConnectionLostError) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (LOST_STATES.has(code) || code.startsWith('08') || LOST_CODES.has(code))) return true;
    if (typeof message === 'string' && LOST_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
