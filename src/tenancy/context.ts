// Tenant context: withTenant opens a transaction as the application role with transaction-local
// app.* settings (set in the same round trip as BEGIN or the first statement), visible through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { entityKind, is, sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import {
  ConfigurationError,
  sqlStateOf,
  TenantContextError,
  TenantContextMissingError,
  TenantNotFoundError,
  TenantUnavailableError,
} from '../errors.js';
import { APP_ROLE } from '../schema/_roles.js';
import { USER_ROLES } from '../schema/identity.js';
import { isUuid } from '../uuid.js';
import { runBatch, type BatchStep } from './node-pg-batch.js';

/** A user role inside a tenant, as the role-aware policies read it from `app.user_role`. */
export type ActorRole = (typeof USER_ROLES)[number];

/** Who is acting: recorded by the audit trigger and read by the role-aware policies. */
export interface Actor {
  /** The acting user's id (`app.user_id`). */
  userId?: string | null;
  /** The acting user's role in the tenant (`app.user_role`); absent means trusted service code. */
  role?: ActorRole | null;
  /** Client IP address (`app.ip`), IPv4 or IPv6. */
  ip?: string | null;
  /** Client user agent (`app.user_agent`), truncated to 500 characters. */
  userAgent?: string | null;
  /** Request or job id for correlation (`app.request_id`), at most 200 characters. */
  requestId?: string | null;
}

/**
 * How the context reaches the server: `set_config` (bound parameters, the default) or `set_local`
 * (`SET LOCAL app.tenant_id = '<uuid>'` with validated literals: Citus propagates SET LOCAL to
 * workers when `citus.propagate_set_commands = 'local'`, it never propagates set_config).
 */
export type ContextMode = 'set_config' | 'set_local';

/** Options of {@link withTenant}. */
export interface WithTenantOptions {
  /** The acting user, recorded in audit logs and checked by role-aware policies. */
  actor?: Actor;
  /** `set_config` (default) or `set_local` for Citus. */
  contextMode?: ContextMode;
  /** Role the transaction runs as (default `stocksync_app`). It must not own the tables nor bypass RLS. */
  role?: string;
  /** Isolation level of the transaction (default: the server's, normally read committed). */
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  /** `read only` lets Postgres refuse writes and skip some bookkeeping. */
  accessMode?: 'read only' | 'read write';
}

/** The tenant context visible to code running inside {@link withTenant}. */
export interface TenantContext {
  readonly tenantId: string;
  readonly actor: Readonly<Actor>;
}

/** Anything with a tenant id: a uuid string or a tenant row. */
export type TenantRef = string | { readonly id: string };

/** Any drizzle Postgres database (node-postgres, postgres.js, PGlite), whatever its schema. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, any, any>;

/** The transaction type `fn` receives for a given database type. */
export type TransactionOf<TDb> =
  TDb extends PgDatabase<infer H, infer F, infer S> ? PgTransaction<H, F, S> : never;

interface Scope extends TenantContext {
  readonly root: object;
  readonly tx: object;
  open: boolean;
}

const storage = new AsyncLocalStorage<Scope>();

/** SQLSTATEs raised by `stocksync_check_tenant()` (migration tenancy_rules). */
export const TENANT_NOT_FOUND_SQLSTATE = 'ST404';
/** Raised when the tenant exists but is suspended or deleted. */
export const TENANT_UNAVAILABLE_SQLSTATE = 'ST403';

const SETTINGS = ['app.tenant_id', 'app.user_id', 'app.user_role', 'app.ip', 'app.user_agent', 'app.request_id'] as const;
const ROLE_NAME_RE = /^[a-z_][a-z0-9_$]{0,62}$/;

/**
 * Returns the tenant context of the current async scope, or undefined outside {@link withTenant}.
 *
 * @example
 * ```ts
 * import { currentTenant } from '@stocksync/db/tenancy';
 * const tenantId = currentTenant()?.tenantId;
 * ```
 */
export function currentTenant(): TenantContext | undefined {
  const scope = storage.getStore();
  return scope?.open ? { tenantId: scope.tenantId, actor: scope.actor } : undefined;
}

/**
 * Returns the tenant context of the current async scope or throws {@link TenantContextMissingError}.
 *
 * @example
 * ```ts
 * import { requireTenant } from '@stocksync/db/tenancy';
 * const { tenantId } = requireTenant();
 * ```
 */
export function requireTenant(): TenantContext {
  const context = currentTenant();
  if (!context) throw new TenantContextMissingError();
  return context;
}

/**
 * The open transaction of the current tenant scope when it was opened on `db`, else undefined.
 * The scoped builder uses it to join the caller's transaction.
 *
 * @example
 * ```ts
 * import { currentTransaction } from '@stocksync/db/tenancy';
 * const tx = currentTransaction(db);
 * ```
 */
export function currentTransaction<TDb extends AnyPgDatabase>(db: TDb): TransactionOf<TDb> | undefined {
  const scope = storage.getStore();
  if (!scope?.open || (scope.root !== db && scope.tx !== db)) return undefined;
  return scope.tx as TransactionOf<TDb>;
}

/**
 * Extracts and validates a tenant id; throws {@link TenantContextMissingError} or {@link TenantContextError}.
 *
 * @example
 * ```ts
 * import { tenantIdOf } from '@stocksync/db/tenancy';
 * const id = tenantIdOf(req.tenant); // a lowercase uuid, or throws
 * ```
 */
export function tenantIdOf(tenant: TenantRef | null | undefined): string {
  const value = typeof tenant === 'string' ? tenant : tenant?.id;
  if (value === undefined || value === null || value === '') throw new TenantContextMissingError();
  if (!isUuid(value)) {
    throw new TenantContextError(`"${String(value).slice(0, 60)}" is not a tenant id: pass the tenant's uuid.`);
  }
  return value.toLowerCase();
}

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

function refusal(tenantId: string, status: string, cause?: unknown): Error {
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

// Maps the context statement's failure to the package's tenant errors (and remembers refusals).
function mapContextError(tenantId: string, error: unknown): unknown {
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

interface ContextValues {
  role: string;
  values: [tenantId: string, userId: string, userRole: string, ip: string, userAgent: string, requestId: string];
}

function contextValues(tenantId: string, options: WithTenantOptions): ContextValues {
  const actor = options.actor ?? {};
  const role = options.role ?? APP_ROLE;
  if (!ROLE_NAME_RE.test(role)) throw new ConfigurationError(`"${role}" is not a valid role name.`);
  if (actor.userId != null && !isUuid(actor.userId)) {
    throw new TenantContextError(`actor.userId "${String(actor.userId).slice(0, 60)}" is not a uuid.`);
  }
  if (actor.role != null && !(USER_ROLES as readonly string[]).includes(actor.role)) {
    throw new TenantContextError(`actor.role "${String(actor.role)}" is not one of ${USER_ROLES.join(', ')}.`);
  }
  if (actor.ip != null && actor.ip !== '' && isIP(actor.ip) === 0) {
    throw new TenantContextError(`actor.ip "${String(actor.ip).slice(0, 60)}" is not an IP address.`);
  }
  const text = (value: string | null | undefined, max: number) => clean(value ?? '').slice(0, max);
  return {
    role,
    values: [
      tenantId,
      actor.userId?.toLowerCase() ?? '',
      actor.role ?? '',
      actor.ip ?? '',
      text(actor.userAgent, 500),
      text(actor.requestId, 200),
    ],
  };
}

// NUL cannot travel in a text parameter or literal; other control characters are dropped for log hygiene.
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * Quotes a string as an SQL literal that means the same whatever standard_conforming_strings is.
 *
 * @example
 * ```ts
 * import { quoteLiteral } from '@stocksync/db/tenancy';
 * quoteLiteral("it's"); // 'it''s'
 * ```
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new TenantContextError('A context value contains a NUL character.');
  const body = value.replace(/\\/g, '\\\\').replace(/'/g, "''");
  return value.includes('\\') ? `E'${body}'` : `'${body}'`;
}

/** The parameterized context statement (set_config mode): role, every app.* setting, the status check. */
function contextStatement(): string {
  const sets = SETTINGS.map((name, i) => `set_config('${name}', $${i + 2}, true)`).join(', ');
  return `select set_config('role', $1, true), ${sets}, stocksync_check_tenant($2::uuid)`;
}
const CONTEXT_STATEMENT = contextStatement();
// node-postgres prepares it once per connection; the name changes with the text.
const CONTEXT_STATEMENT_NAME = `stocksync_context_${createHash('sha1').update(CONTEXT_STATEMENT).digest('hex').slice(0, 12)}`;

/** The context as batch steps: the prepared statement (set_config) or the validated literal statements (set_local). */
function contextSteps(ctx: ContextValues, mode: ContextMode): BatchStep[] {
  if (mode === 'set_local') return setLocalStatements(ctx).map((text) => ({ text }));
  return [{ name: CONTEXT_STATEMENT_NAME, text: CONTEXT_STATEMENT, values: [ctx.role, ...ctx.values] }];
}

/** The context as SET LOCAL statements with validated literals (set_local mode: SET cannot take parameters). */
function setLocalStatements(ctx: ContextValues): string[] {
  const sets = SETTINGS.map((name, i) => `set local ${name} = ${quoteLiteral(ctx.values[i]!)}`);
  return [`set local role ${ctx.role}`, ...sets, `select stocksync_check_tenant(${quoteLiteral(ctx.values[0])}::uuid)`];
}

/**
 * The SQL that sets a tenant context inside an already open transaction (for callers that manage
 * their own transaction, such as migrations or tests). Prefer {@link withTenant}.
 *
 * @example
 * ```ts
 * import { tenantContextSql } from '@stocksync/db/tenancy';
 * await tx.execute(tenantContextSql(tenantId, { actor: { role: 'admin' } }));
 * ```
 */
export function tenantContextSql(tenant: TenantRef, options: WithTenantOptions = {}): SQL {
  return contextSql(contextValues(tenantIdOf(tenant), options));
}

function contextSql(ctx: ContextValues): SQL {
  const [tenantId, userId, userRole, ip, userAgent, requestId] = ctx.values;
  return sql`select set_config('role', ${ctx.role}, true), set_config('app.tenant_id', ${tenantId}, true),
    set_config('app.user_id', ${userId}, true), set_config('app.user_role', ${userRole}, true),
    set_config('app.ip', ${ip}, true), set_config('app.user_agent', ${userAgent}, true),
    set_config('app.request_id', ${requestId}, true), stocksync_check_tenant(${tenantId}::uuid)`;
}

type Driverish = { session: { client: unknown; schema: unknown; options: unknown; constructor: unknown }; dialect: unknown };

function driverOf(db: AnyPgDatabase): 'pg' | 'postgres' | 'pglite' | 'other' {
  const kind = (db as unknown as Driverish).session?.constructor as { [entityKind]?: string } | undefined;
  switch (kind?.[entityKind]) {
    case 'NodePgSession':
      return 'pg';
    case 'PostgresJsSession':
      return 'postgres';
    case 'PgliteSession':
      return 'pglite';
    default:
      return 'other';
  }
}

/**
 * Runs `fn` in a transaction scoped to one tenant: the role is the application role, and
 * `app.tenant_id`, `app.user_id`, `app.user_role`, `app.ip`, `app.user_agent`, `app.request_id`
 * are transaction-local (safe with pools and PgBouncer in transaction mode). The context is set in
 * the round trip of BEGIN (node-postgres), pipelined with the first statement (postgres.js), or
 * in-process (PGlite). A suspended, deleted or unknown tenant is refused. Nested calls for the
 * same tenant reuse the open transaction; a nested call for another tenant throws.
 *
 * @example
 * ```ts
 * import { withTenant } from '@stocksync/db/tenancy';
 * const rows = await withTenant(db, tenantId, (tx) => tx.select().from(projects), {
 *   actor: { userId, role: 'admin', ip: req.ip, requestId },
 * });
 * ```
 */
export async function withTenant<TDb extends AnyPgDatabase, T>(
  db: TDb,
  tenant: TenantRef,
  fn: (tx: TransactionOf<TDb>) => Promise<T> | T,
  options: WithTenantOptions = {},
): Promise<T> {
  const tenantId = tenantIdOf(tenant);
  const outer = storage.getStore();
  if (outer?.open) {
    if (outer.tenantId !== tenantId) {
      throw new TenantContextError(
        `withTenant(${tenantId}) was called inside the context of tenant ${outer.tenantId}: ` +
          'finish the outer call first; one transaction never serves two tenants.',
      );
    }
    if (outer.root !== db && outer.tx !== db) {
      throw new TenantContextError(
        'withTenant was nested with a different database handle: pass the same db (or the transaction) so the call joins the open transaction.',
      );
    }
    return fn(outer.tx as TransactionOf<TDb>);
  }
  if (is(db, PgTransaction)) {
    throw new TenantContextError(
      'withTenant needs the database handle, not a transaction: it opens the transaction itself.',
    );
  }
  const refused = tenantStatusCache.get(tenantId);
  if (refused) throw refusal(tenantId, refused);
  const ctx = contextValues(tenantId, options);
  beginStatement(options); // validates isolationLevel and accessMode before anything runs
  const mode = options.contextMode ?? 'set_config';
  const actor = Object.freeze({ ...(options.actor ?? {}) });
  const run = (tx: object) => {
    const scope: Scope = { tenantId, actor, root: db, tx, open: true };
    return {
      scope,
      result: storage.run(scope, () => Promise.resolve().then(() => fn(tx as TransactionOf<TDb>))),
    };
  };

  switch (driverOf(db)) {
    case 'pg':
      return withTenantNodePg(db, tenantId, ctx, mode, run, options);
    case 'postgres':
      return withTenantPostgresJs(db, tenantId, ctx, mode, run, options);
    default:
      return withTenantGeneric(db, tenantId, ctx, mode, run, options);
  }
}

function transactionConfig(options: WithTenantOptions) {
  const config: { isolationLevel?: WithTenantOptions['isolationLevel']; accessMode?: WithTenantOptions['accessMode'] } = {};
  if (options.isolationLevel) config.isolationLevel = options.isolationLevel;
  if (options.accessMode) config.accessMode = options.accessMode;
  return Object.keys(config).length ? config : undefined;
}

const ISOLATION_LEVELS = new Set(['read committed', 'repeatable read', 'serializable']);

// BEGIN with the requested characteristics; values are checked against fixed lists (they are written into the SQL).
function beginStatement(options: WithTenantOptions): string {
  const parts = ['begin'];
  if (options.isolationLevel) {
    if (!ISOLATION_LEVELS.has(options.isolationLevel)) throw new ConfigurationError(`Unknown isolation level "${options.isolationLevel}".`);
    parts.push(`isolation level ${options.isolationLevel}`);
  }
  if (options.accessMode) {
    if (options.accessMode !== 'read only' && options.accessMode !== 'read write') {
      throw new ConfigurationError(`Unknown access mode "${options.accessMode}".`);
    }
    parts.push(options.accessMode);
  }
  return parts.join(' ');
}

type Runner<T> = (tx: object) => { scope: Scope; result: Promise<T> };

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}
interface PgPoolClient extends PgQueryable {
  release(error?: Error | boolean): void;
}

let nodePgModule: Promise<typeof import('drizzle-orm/node-postgres')> | undefined;

// node-postgres does not pipeline, so BEGIN and the context travel as one extended-protocol batch (the
// context a statement prepared once per connection); the transaction is then driven by drizzle's own
// NodePgTransaction class.
async function withTenantNodePg<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  run: Runner<T>,
  options: WithTenantOptions,
): Promise<T> {
  const { session, dialect } = db as unknown as Driverish;
  const source = session.client as PgQueryable & { connect?: () => Promise<PgPoolClient>; release?: unknown };
  const isPool = typeof source.connect === 'function' && isPoolLike(source);
  const client: PgQueryable = isPool ? await source.connect!() : source;
  nodePgModule ??= import('drizzle-orm/node-postgres');
  const { NodePgSession, NodePgTransaction } = await nodePgModule;
  let open = true;
  // Queries that escape fn (a forgotten await) must not run on a connection that now serves someone else.
  const guarded: PgQueryable = {
    query: (...args: Parameters<PgQueryable['query']>) => {
      if (!open) {
        return Promise.reject(
          new TenantContextError(`The withTenant(${tenantId}) transaction is finished: await every query inside fn.`),
        );
      }
      return client.query(...args);
    },
  };
  let broken: Error | undefined;
  let scope: Scope | undefined;
  try {
    try {
      await runBatch(client, [{ text: beginStatement(options) }, ...contextSteps(ctx, mode)], { resultIndex: -1 });
    } catch (error) {
      await rollbackQuietly(client).catch((e: Error) => (broken = e));
      throw mapContextError(tenantId, error);
    }
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const txSession = new (NodePgSession as any)(guarded, dialect, session.schema, session.options);
    const tx = new (NodePgTransaction as any)(dialect, txSession, session.schema);
    /* eslint-enable @typescript-eslint/no-explicit-any */
    let result: T;
    try {
      const started = run(tx);
      scope = started.scope;
      result = await started.result;
    } catch (error) {
      if (scope) scope.open = false;
      await rollbackQuietly(client).catch((e: Error) => (broken = e));
      throw error;
    }
    scope.open = false;
    await client.query('commit');
    return result;
  } finally {
    open = false;
    if (scope) scope.open = false;
    if (isPool) (client as PgPoolClient).release(broken ?? false);
  }
}

function isPoolLike(client: object): boolean {
  const name = Object.getPrototypeOf(client)?.constructor?.name ?? '';
  return name.includes('Pool') || 'idleCount' in client;
}

async function rollbackQuietly(client: PgQueryable): Promise<void> {
  await client.query('rollback');
}

interface PostgresJsTxClient {
  unsafe(query: string, params?: unknown[], options?: { simple?: boolean; prepare?: boolean }): PromiseLike<unknown> & {
    execute(): unknown;
  };
}

// postgres.js pipelines: the context statement is sent without awaiting, so it travels with fn's
// first statement. If the context fails, the pipelined statement fails too (25P02): fail closed.
// It is a prepared statement (unless the connection says prepare: false): postgres.js's unsafe()
// defaults to unprepared, and an unprepared parameterized statement waits for a Describe round trip.
async function withTenantPostgresJs<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  run: Runner<T>,
  options: WithTenantOptions,
): Promise<T> {
  let scope: Scope | undefined;
  try {
    return await db.transaction(async (tx) => {
      const client = (tx as unknown as { session: { client: PostgresJsTxClient } }).session.client;
      const query =
        mode === 'set_local'
          ? client.unsafe(setLocalStatements(ctx).join('; '), [], { simple: true })
          : client.unsafe(CONTEXT_STATEMENT, [ctx.role, ...ctx.values], { prepare: true });
      query.execute();
      const context = Promise.resolve(query).then(
        () => undefined,
        (error: unknown) => mapContextError(tenantId, error),
      );
      let result: T;
      try {
        const started = run(tx);
        scope = started.scope;
        result = await started.result;
      } catch (error) {
        if (scope) scope.open = false;
        const contextError = await context;
        throw contextError ?? error;
      }
      scope.open = false;
      const contextError = await context;
      if (contextError) throw contextError;
      return result;
    }, transactionConfig(options));
  } finally {
    if (scope) scope.open = false;
  }
}

interface ExecClient {
  exec(query: string): Promise<unknown>;
}

// PGlite runs in-process (no round trips to save) and any other driver gets the portable path.
async function withTenantGeneric<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  run: Runner<T>,
  options: WithTenantOptions,
): Promise<T> {
  let scope: Scope | undefined;
  try {
    return await db.transaction(async (tx) => {
      try {
        const client = (tx as unknown as { session: { client: Partial<ExecClient> } }).session.client;
        if (mode === 'set_local' && typeof client.exec === 'function') {
          await client.exec(setLocalStatements(ctx).join('; '));
        } else if (mode === 'set_local') {
          for (const statement of setLocalStatements(ctx)) await tx.execute(sql.raw(statement));
        } else {
          await tx.execute(contextSql(ctx));
        }
      } catch (error) {
        throw mapContextError(tenantId, error);
      }
      const started = run(tx);
      scope = started.scope;
      try {
        return await started.result;
      } finally {
        scope.open = false;
      }
    }, transactionConfig(options));
  } finally {
    if (scope) scope.open = false;
  }
}


/**
 * Runs ONE statement of the scoped builder in a tenant context, in one network round trip where the
 * driver allows: on node-postgres the context (a statement prepared once per connection) and the
 * statement with its bound parameters as one extended-protocol batch, which runs as one implicit
 * transaction (`BEGIN ... COMMIT` around it when isolationLevel, accessMode or set_local mode is
 * given); on postgres.js BEGIN, the context, the statement and COMMIT pipelined on a reserved
 * connection. Inside an open {@link withTenant} scope (or on PGlite, or for raw SQL holding several
 * statements, which cannot be prepared) it runs through withTenant. `statement` receives the drizzle session to
 * prepare and execute the statement on, and must send exactly one query.
 *
 * @example
 * ```ts
 * import { runTenantStatement } from '@stocksync/db/tenancy';
 * const rows = await runTenantStatement(db, tenantId, (session) => session.execute(sql`select 1`));
 * ```
 */
export async function runTenantStatement<TDb extends AnyPgDatabase, T>(
  db: TDb,
  tenant: TenantRef,
  statement: (session: unknown) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  const tenantId = tenantIdOf(tenant);
  const viaTransaction = () =>
    withTenant(db, tenantId, (tx) => statement((tx as unknown as { session: unknown }).session), options);
  if (storage.getStore()?.open || is(db, PgTransaction)) return viaTransaction();
  const refused = tenantStatusCache.get(tenantId);
  if (refused) throw refusal(tenantId, refused);
  const ctx = contextValues(tenantId, options);
  const begin = beginStatement(options);
  const mode = options.contextMode ?? 'set_config';
  switch (driverOf(db)) {
    case 'pg':
      return statementNodePg(db, tenantId, ctx, mode, begin, statement, viaTransaction);
    case 'postgres':
      return statementPostgresJs(db, tenantId, ctx, mode, begin, statement);
    default:
      return viaTransaction();
  }
}

interface PgQueryConfig {
  text: string;
  name?: string;
  rowMode?: 'array';
  types?: unknown;
}

// Parse refuses several statements in one prepared statement (42601): such raw SQL runs in withTenant.
function isMultiStatementRefusal(error: unknown): boolean {
  return sqlStateOf(error) === '42601' && /multiple commands/i.test(String((error as Error)?.message ?? ''));
}

// node-postgres: one extended-protocol batch — [BEGIN], the context, the statement with its bound
// parameters exactly as drizzle binds them, [COMMIT] — answered in one round trip; its result goes back
// to drizzle's own mapping. The statement is prepared on the connection (a cache of the most recently
// used texts), so a repeated statement skips parsing and planning.
async function statementNodePg<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  begin: string,
  statement: (session: unknown) => Promise<T>,
  viaTransaction: () => Promise<T>,
): Promise<T> {
  const { session, dialect } = db as unknown as Driverish;
  const source = session.client as PgQueryable & { connect?: () => Promise<PgPoolClient> };
  const isPool = typeof source.connect === 'function' && isPoolLike(source);
  nodePgModule ??= import('drizzle-orm/node-postgres');
  const { NodePgSession } = await nodePgModule;
  // Without BEGIN the batch is one implicit transaction that ends at its Sync: the context is local to
  // it and an error rolls everything back. An explicit BEGIN ... COMMIT carries isolation level or
  // access mode, and is needed for SET LOCAL (outside a transaction block it only warns).
  const explicit = begin !== 'begin' || mode === 'set_local';
  const head: BatchStep[] = [...(explicit ? [{ text: begin }] : []), ...contextSteps(ctx, mode)];
  const statementIndex = head.length;
  let used = false;
  let refused = false;
  let contextError: unknown;
  const oneShot = {
    async query(config: string | PgQueryConfig, values?: unknown[]): Promise<unknown> {
      if (used) throw new TenantContextError('A standalone scoped statement sends one query: group statements with tenantDb(...).transaction(fn).');
      used = true;
      const query = typeof config === 'string' ? { text: config } : config;
      // Prepared per connection (as postgres.js does by default): repeated statements skip parse and plan.
      const steps: BatchStep[] = [...head, { text: query.text, values: values ?? [], name: query.name, prepare: !query.name }];
      if (explicit) steps.push({ text: 'commit' });
      const client: PgQueryable = isPool ? await source.connect!() : source;
      const progress = { completed: 0 };
      let broken: Error | undefined;
      try {
        return await runBatch(client, steps, { resultIndex: statementIndex, rowMode: query.rowMode, types: query.types, progress });
      } catch (error) {
        // Not a server error (a broken connection): the pool must discard this client.
        if (!sqlStateOf(error)) broken = error instanceof Error ? error : new Error(String(error));
        // An explicit BEGIN leaves an aborted block open unless COMMIT was reached.
        else if (explicit) await rollbackQuietly(client).catch((e: Error) => (broken = e));
        if (progress.completed < statementIndex) contextError = mapContextError(tenantId, error);
        else if (!values?.length && isMultiStatementRefusal(error)) refused = true;
        throw error;
      } finally {
        if (isPool) (client as PgPoolClient).release(broken ?? false);
      }
    },
  };
  /* eslint-disable-next-line @typescript-eslint/no-explicit-any */
  const oneShotSession = new (NodePgSession as any)(oneShot, dialect, session.schema, session.options);
  try {
    return await statement(oneShotSession);
  } catch (error) {
    if (contextError) throw contextError;
    if (refused) return viaTransaction();
    throw error;
  }
}

interface PostgresJsQuery extends PromiseLike<unknown> {
  execute(): unknown;
}
interface PostgresJsReserved {
  unsafe(query: string, params?: unknown[], options?: Record<string, unknown>): PostgresJsQuery;
  release(): void;
}

let postgresJsModule: Promise<typeof import('drizzle-orm/postgres-js')> | undefined;

// postgres.js: on a reserved connection BEGIN, the context, the statement and COMMIT are sent without
// awaiting in between. The statement is a (cached) prepared statement unless the connection was
// opened with `prepare: false`: an unprepared parameterized statement needs a Describe round trip
// first in postgres.js, which would stop the pipeline.
async function statementPostgresJs<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  begin: string,
  statement: (session: unknown) => Promise<T>,
): Promise<T> {
  const { session, dialect } = db as unknown as Driverish;
  postgresJsModule ??= import('drizzle-orm/postgres-js');
  const { PostgresJsSession } = await postgresJsModule;
  const reserved = await (session.client as { reserve(): Promise<PostgresJsReserved> }).reserve();
  const send = (query: PostgresJsQuery) => {
    query.execute();
    return query;
  };
  const settle = (query: PostgresJsQuery) =>
    Promise.resolve(query).then(
      () => undefined,
      (error: unknown) => error ?? new Error('query failed'),
    );
  try {
    const begun = settle(send(reserved.unsafe(begin)));
    const contextDone = settle(
      send(
        mode === 'set_local'
          ? reserved.unsafe(setLocalStatements(ctx).join('; '), [], { simple: true })
          : reserved.unsafe(CONTEXT_STATEMENT, [ctx.role, ...ctx.values], { prepare: true }),
      ),
    );
    let committed: Promise<unknown> | undefined;
    const client = {
      unsafe(query: string, params?: unknown[], options?: Record<string, unknown>) {
        if (committed) throw new TenantContextError('A standalone scoped statement sends one query: group statements with tenantDb(...).transaction(fn).');
        const sent = send(reserved.unsafe(query, params, { ...options, prepare: true }));
        committed = settle(send(reserved.unsafe('commit')));
        return sent;
      },
    };
    /* eslint-disable-next-line @typescript-eslint/no-explicit-any */
    const outcome = statement(new (PostgresJsSession as any)(client, dialect, session.schema, session.options)).then(
      (value: T) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const [beginError, contextError] = await Promise.all([begun, contextDone]);
    const result = await outcome;
    // Nothing was sent after the context (a cache hit, or drizzle failed before querying): close the block.
    const commitError = committed ? await committed : await settle(reserved.unsafe('rollback'));
    if (beginError) throw beginError;
    if (contextError) throw mapContextError(tenantId, contextError);
    if (!result.ok) throw result.error;
    if (commitError) throw commitError;
    return result.value;
  } finally {
    reserved.release();
  }
}
