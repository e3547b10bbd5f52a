// postgres.js path of the tenant context: withTenant and the pipelined scoped statement.
import { isConnectionLoss, TenantContextError } from '../../errors.js';
import { CONTEXT_STATEMENT, contextParameters, setLocalStatements, type ContextValues } from './context-statement.js';
import { preparesStatements, type Driverish } from './driver.js';
import { transactionConfig, type AnyPgDatabase, type ContextMode, type WithTenantOptions } from './options.js';
import type { Runner, Scope } from './scope.js';
import { mapContextError } from './status-cache.js';

interface PostgresJsTxClient {
  unsafe(query: string, params?: unknown[], options?: { simple?: boolean; prepare?: boolean }): PromiseLike<unknown> & {
    execute(): unknown;
  };
}

// How long a callback whose connection was lost waits for postgres.js to notice the close itself.
const LOSS_GRACE_MS = 2_000;

/**
 * Guards postgres.js's transaction (postgres.js 3.4, reported upstream): when the connection closes
 * inside `sql.begin`, begin() rejects, but its scope still sends ROLLBACK (or COMMIT) on the closed
 * connection when the callback settles, and a query handed to a closed connection is written from a
 * setImmediate to a null socket: an uncaught TypeError that crashes the process. So after a lost
 * connection the callback settles only if begin() has not (the connection is still open), and the
 * transaction's client refuses every query once the transaction is over (also for a handle that
 * escaped fn: it would run on whichever request next gets that connection).
 */
function guardTransaction(tx: object, tenantId: string, finished: () => boolean): void {
  const session = (tx as { session: { client: object } }).session;
  const target = session.client as Record<string | symbol, unknown>;
  session.client = new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function' || !finished()) return value;
      return () => {
        throw new TenantContextError(
          `The withTenant(${tenantId}) transaction is finished: await every query inside fn, and never keep tx after it returns.`,
        );
      };
    },
  });
}

interface PostgresJsOptionsHolder {
  options?: { shared?: { retries?: number } };
}

/**
 * Resets postgres.js's reconnect backoff once a connection has answered (its BEGIN or reserve()).
 * postgres.js 3.4.10 counts each connection lost with an error in `options.shared.retries` and waits
 * `backoff(retries)` before the next connect (up to 20 s), but resets the count only when a connection
 * opened for a plain query is ready; one opened for begin() or reserve() (every call of this package)
 * skips the reset (reported upstream). Each lost connection made every later reconnect slower, until a
 * pool waited seconds, then 20 s, for each new connection.
 */
function afterConnectionAnswered(client: unknown): void {
  const shared = (client as PostgresJsOptionsHolder).options?.shared;
  if (shared?.retries) shared.retries = 0;
}

/**
 * After a lost connection, fn's promise never settles: settling it would make postgres.js send ROLLBACK
 * on the closed connection, written to its null socket from a setImmediate (the crash above), or, once
 * that connection object has reconnected, into whatever call it now serves. begin()
 * normally rejects as the connection closes; if it has not within the grace period (seen when the
 * connection was reconnecting as the backend died), `abandon` answers the call instead.
 */
function afterLoss(error: unknown, settled: () => boolean, abandon: (error: unknown) => void): Promise<never> {
  const timer = setTimeout(() => (settled() ? undefined : abandon(error)), LOSS_GRACE_MS);
  timer.unref();
  return new Promise<never>(() => undefined);
}

/**
 * The context as postgres.js queries, created unsent. In set_local mode one query per statement: the
 * Citus coordinator replays a SET LOCAL on the workers by the text of the query it arrived in, so
 * `set local role ...; select stocksync_enter_tenant(...)` as one simple query would run the entry on
 * every worker too, where it fails (a distributed query from a shard). postgres.js pipelines them, so
 * this costs no round trip.
 */
function contextQueries<Q>(
  client: { unsafe(query: string, params?: unknown[], options?: { simple?: boolean; prepare?: boolean }): Q },
  ctx: ContextValues,
  mode: ContextMode,
  prepare: boolean,
): Q[] {
  if (mode === 'set_local') return setLocalStatements(ctx).map((text) => client.unsafe(text, [], { simple: true }));
  return [client.unsafe(CONTEXT_STATEMENT, contextParameters(ctx), { prepare })];
}

/**
 * postgres.js pipelines: the context statement is sent without awaiting, so it travels with fn's
 * first statement. If the context fails, the pipelined statement fails too (25P02): fail closed.
 * It is a prepared statement (unless the connection says prepare: false): postgres.js's unsafe()
 * defaults to unprepared, and an unprepared parameterized statement waits for a Describe round trip.
 */
export async function withTenantPostgresJs<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  run: Runner<T>,
  options: WithTenantOptions,
): Promise<T> {
  const attempt = { started: false };
  return retryBeforeSending(attempt, () => transactionPostgresJs(db, tenantId, ctx, mode, run, options, attempt));
}

/**
 * Runs `call` again once when it failed with a lost connection before anything of it reached the server.
 * postgres.js keeps the error of a connection that died after an ErrorResponse (57P01 from
 * pg_terminate_backend, a FATAL) and, once that connection reconnects, rejects the FIRST query it then
 * runs with the stale error (postgres.js 3.4.10: closed() does not reset errorResponse; reported
 * upstream). That query is the next call's BEGIN or reserve(): nothing of the call ran, so one retry
 * is safe, and the pool heals instead of failing the next request too.
 */
async function retryBeforeSending<T>(attempt: { started: boolean }, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (attempt.started || !isConnectionLoss(error)) throw error;
    return call();
  }
}

async function transactionPostgresJs<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  run: Runner<T>,
  options: WithTenantOptions,
  attempt: { started: boolean },
): Promise<T> {
  let scope: Scope | undefined;
  const prepare = preparesStatements(db, options.prepare);
  let settled = false;
  let finished = false;
  let abandon: (error: unknown) => void = () => undefined;
  const abandoned = new Promise<never>((_, reject) => {
    abandon = reject;
  });
  try {
    const transaction = db.transaction(async (tx) => {
      attempt.started = true;
      afterConnectionAnswered((db as unknown as Driverish).session.client);
      guardTransaction(tx, tenantId, () => finished || settled);
      const client = (tx as unknown as { session: { client: PostgresJsTxClient } }).session.client;
      const queries = contextQueries(client, ctx, mode, prepare);
      for (const query of queries) query.execute();
      const context = Promise.all(queries).then(
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
        finished = true;
        const contextError = await context;
        if (settled || isConnectionLoss(contextError ?? error)) return afterLoss(contextError ?? error, () => settled, abandon);
        throw contextError ?? error;
      }
      scope.open = false;
      finished = true;
      const contextError = await context;
      // The call was already answered (its connection closed while fn ran on): settling now would make
      // postgres.js send COMMIT or ROLLBACK on that connection, which by now is closed (the null-socket
      // crash) or reconnected and serving another call, whose transaction it would end.
      if (settled) return afterLoss(contextError, () => settled, abandon);
      if (contextError) throw contextError;
      return result;
    }, transactionConfig(options));
    return await Promise.race([transaction, abandoned]);
  } finally {
    settled = true;
    finished = true;
    if (scope) scope.open = false;
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

/**
 * postgres.js: on a reserved connection BEGIN, the context, the statement and COMMIT are sent without
 * awaiting in between. The statement is a (cached) prepared statement unless the connection was
 * opened with `prepare: false`: an unprepared parameterized statement needs a Describe round trip
 * first in postgres.js, which would stop the pipeline.
 */
export async function statementPostgresJs<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  begin: string,
  statement: (session: unknown) => Promise<T>,
  prepare: boolean,
): Promise<T> {
  const { session, dialect } = db as unknown as Driverish;
  postgresJsModule ??= import('drizzle-orm/postgres-js');
  const { PostgresJsSession } = await postgresJsModule;
  // reserve() sends nothing of the statement: a stale loss it reports (see retryBeforeSending) is retried.
  const reserved = await retryBeforeSending({ started: false }, () =>
    (session.client as { reserve(): Promise<PostgresJsReserved> }).reserve(),
  );
  afterConnectionAnswered(session.client);
  let lost = false;
  // postgres.js parks the statements a busy reserved connection cannot take yet (after an unprepared
  // parameterized one, which waits for its Describe) in the reservation's own queue, and never settles
  // them when the connection closes (postgres.js 3.4.10, reported upstream). The statement in flight
  // does fail: its loss answers the whole block.
  let reportLoss: (error: unknown) => void = () => undefined;
  const lossSeen = new Promise<unknown>((resolve) => (reportLoss = resolve));
  const send = (query: PostgresJsQuery) => {
    query.execute();
    return query;
  };
  const settle = (query: PostgresJsQuery) =>
    Promise.resolve(query).then(
      () => undefined,
      (error: unknown) => {
        if (isConnectionLoss(error)) reportLoss(error);
        return error ?? new Error('query failed');
      },
    );
  try {
    const begun = settle(send(reserved.unsafe(begin)));
    const contextDone = Promise.all(contextQueries(reserved, ctx, mode, prepare).map((query) => settle(send(query)))).then((errors) =>
      errors.find((error) => error !== undefined),
    );
    let committed: Promise<unknown> | undefined;
    const client = {
      unsafe(query: string, params?: unknown[], options?: Record<string, unknown>) {
        if (committed) throw new TenantContextError('A standalone scoped statement sends one query: group statements with tenantDb(...).transaction(fn).');
        const sent = send(reserved.unsafe(query, params, { ...options, prepare }));
        committed = settle(send(reserved.unsafe('commit')));
        return sent;
      },
    };
    /* eslint-disable-next-line @typescript-eslint/no-explicit-any */
    const outcome = statement(new (PostgresJsSession as any)(client, dialect, session.schema, session.options)).then(
      (value: T) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const lossAnswer = lossSeen.then((error) => ({ ok: false as const, error }));
    const [beginError, contextError] = await Promise.all([begun, contextDone]);
    const result = await Promise.race([outcome, lossAnswer]);
    lost = [beginError, contextError, result.ok ? undefined : result.error].some((error) => error && isConnectionLoss(error));
    // Nothing was sent after the context (a cache hit, or drizzle failed before querying): close the
    // block, unless the connection is gone (a query handed to a closed connection crashes postgres.js).
    // After a loss nothing more settles: a COMMIT still parked would wait forever.
    const commitError = lost ? undefined : committed ? await Promise.race([committed, lossSeen]) : await settle(reserved.unsafe('rollback'));
    lost ||= Boolean(commitError && isConnectionLoss(commitError));
    if (beginError) throw beginError;
    if (contextError) throw mapContextError(tenantId, contextError);
    if (!result.ok) throw result.error;
    if (commitError) throw commitError;
    return result.value;
  } finally {
    // postgres.js already moved a closed connection to its closed queue (it reconnects on demand);
    // release() would put it back among the open ones, where the next query crashes on its null socket.
    if (!lost) reserved.release();
  }
}
