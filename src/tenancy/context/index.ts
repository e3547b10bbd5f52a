// Tenant context: withTenant opens a transaction as the application role with transaction-local
// app.* settings (set in the same round trip as BEGIN or the first statement), visible through AsyncLocalStorage.
// This file is the public API; each driver path lives in its own file beside it.
import { is, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { ConfigurationError, ConnectionLostError, isConnectionLoss, StocksyncError, TenantContextError } from '../../errors.js';
import { checkActor } from './actor.js';
import { contextForMode, contextSql, contextValues } from './context-statement.js';
import { driverOf, preparesStatements } from './driver.js';
import { withTenantGeneric } from './generic.js';
import { statementNodePg, withTenantNodePg } from './node-pg.js';
import { beginStatement, tenantIdOf, type AnyPgDatabase, type TenantRef, type TransactionOf, type WithTenantOptions } from './options.js';
import { statementPostgresJs, withTenantPostgresJs } from './postgres-js.js';
import { storage, type Scope } from './scope.js';
import { refusal, tenantStatusCache } from './status-cache.js';
import { contextModeOf } from './context-mode.js';

export {
  tenantIdOf,
  type Actor,
  type ActorRole,
  type AnyPgDatabase,
  type ContextMode,
  type TenantContext,
  type TenantRef,
  type TransactionOf,
  type WithTenantOptions,
} from './options.js';
export { currentTenant, requireTenant, currentTransaction } from './scope.js';
export { allowPrivilegedSession } from './privileged.js';
export {
  TENANT_NOT_FOUND_SQLSTATE,
  TENANT_UNAVAILABLE_SQLSTATE,
  CONTEXT_REENTERED_SQLSTATE,
  PRIVILEGED_SESSION_SQLSTATE,
  TenantStatusCache,
  tenantStatusCache,
} from './status-cache.js';
export { quoteLiteral } from './context-statement.js';
export { checkActor, MAX_REQUEST_ID_LENGTH, MAX_USER_AGENT_LENGTH } from './actor.js';

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
  const values = contextValues(tenantId, options, db);
  beginStatement(options); // validates isolationLevel and accessMode before anything runs
  const mode = await contextModeOf(db, options.contextMode);
  const ctx = contextForMode(values, options, mode);
  const actor = checkActor(options.actor);
  const run = (tx: object) => {
    const scope: Scope = { tenantId, actor, root: db, tx, open: true };
    return {
      scope,
      result: storage.run(scope, () => Promise.resolve().then(() => fn(tx as TransactionOf<TDb>))),
    };
  };

  switch (driverOf(db)) {
    case 'pg':
      return withTenantNodePg(db, tenantId, ctx, mode, run, options).catch(rethrowLoss);
    case 'postgres':
      return withTenantPostgresJs(db, tenantId, ctx, mode, run, options).catch(rethrowLoss);
    default:
      return withTenantGeneric(db, tenantId, ctx, mode, run, options).catch(rethrowLoss);
  }
}

// A lost connection surfaces as ConnectionLostError whatever the driver said (57P01, a closed socket,
// PgBouncer's 08P01); the package's own errors and every other server error pass unchanged.
function rethrowLoss(error: unknown): never {
  if (error instanceof StocksyncError) throw error;
  const refusedRole = remoteLoginRefusal(error);
  if (refusedRole) {
    throw new ConfigurationError(
      `The Citus coordinator connects to the workers as the transaction's role "${refusedRole}", which may not log in there. ` +
        'Leave the `role` and `contextMode` options unset on Citus (the service role is then used), or pass a LOGIN member of stocksync_app as `role` (docs/scaling.md).',
      { cause: error },
    );
  }
  if (!isConnectionLoss(error)) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new ConnectionLostError(
    `Lost the database connection during the call (${message}). The pool replaces the connection: retry ` +
      'the call if it is idempotent; a write whose COMMIT was in flight may or may not have been applied.',
    { cause: error },
  );
}

// Citus reports a worker that refused the current role as a failed connection (08xxx): not a lost one.
function remoteLoginRefusal(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const message = (current as { message?: unknown }).message;
    const match = typeof message === 'string' ? /remote node ([^@\s]+)@\S+ failed.*is not permitted to log in/s.exec(message) : null;
    if (match) return match[1];
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
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
  const values = contextValues(tenantId, options, db);
  const begin = beginStatement(options);
  const mode = await contextModeOf(db, options.contextMode);
  const ctx = contextForMode(values, options, mode);
  switch (driverOf(db)) {
    case 'pg':
      return statementNodePg(db, tenantId, ctx, mode, begin, statement, viaTransaction, preparesStatements(db, options.prepare)).catch(
        rethrowLoss,
      );
    case 'postgres':
      return statementPostgresJs(db, tenantId, ctx, mode, begin, statement, preparesStatements(db, options.prepare)).catch(rethrowLoss);
    default:
      return viaTransaction();
  }
}
