// postgres.js path of the tenant context: withTenant and the pipelined scoped statement.
import { TenantContextError } from '../../errors.js';
import { CONTEXT_STATEMENT, setLocalStatements, type ContextValues } from './context-statement.js';
import type { Driverish } from './driver.js';
import { transactionConfig, type AnyPgDatabase, type ContextMode, type WithTenantOptions } from './options.js';
import type { Runner, Scope } from './scope.js';
import { mapContextError } from './status-cache.js';

interface PostgresJsTxClient {
  unsafe(query: string, params?: unknown[], options?: { simple?: boolean; prepare?: boolean }): PromiseLike<unknown> & {
    execute(): unknown;
  };
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
