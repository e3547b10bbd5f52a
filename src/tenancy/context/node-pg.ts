// node-postgres path of the tenant context: withTenant and the one-round-trip scoped statement.
import { isConnectionLoss, sqlStateOf, TenantContextError } from '../../errors.js';
import { runBatch, type BatchStep } from '../node-pg-batch.js';
import { contextSteps, type ContextValues } from './context-statement.js';
import { preparesStatements, type Driverish } from './driver.js';
import { beginStatement, type AnyPgDatabase, type ContextMode, type WithTenantOptions } from './options.js';
import type { Runner, Scope } from './scope.js';
import { mapContextError } from './status-cache.js';

interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}
interface PgPoolClient extends PgQueryable {
  release(error?: Error | boolean): void;
}

/**
 * While a pool client is checked out, node-postgres emits a connection failure that no query is
 * waiting for (the backend terminated while `fn` awaits something else) as an `error` event, and
 * pg-pool listens only to idle clients: without a listener the process crashes. The listener keeps
 * the error, so the client is released as broken and the pool replaces it.
 */
function watchErrors(client: object): { readonly error: Error | undefined; stop(): void } {
  const emitter = client as { on?: (event: 'error', fn: (error: Error) => void) => void; removeListener?: (event: 'error', fn: (error: Error) => void) => void };
  const state: { error: Error | undefined; stop(): void } = {
    error: undefined,
    stop: () => emitter.removeListener?.('error', listener),
  };
  const listener = (error: Error) => (state.error ??= error);
  emitter.on?.('error', listener);
  return state;
}

let nodePgModule: Promise<typeof import('drizzle-orm/node-postgres')> | undefined;

/**
 * node-postgres does not pipeline, so BEGIN and the context travel as one extended-protocol batch (the
 * context a statement prepared once per connection); the transaction is then driven by drizzle's own
 * NodePgTransaction class.
 */
export async function withTenantNodePg<T>(
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
  const watch = isPool ? watchErrors(client) : undefined;
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
      await runBatch(client, [{ text: beginStatement(options) }, ...contextSteps(ctx, mode)], {
        resultIndex: -1,
        prepare: preparesStatements(db, options.prepare),
      });
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
    watch?.stop();
    if (isPool) (client as PgPoolClient).release(broken ?? watch?.error ?? false);
  }
}

function isPoolLike(client: object): boolean {
  const name = Object.getPrototypeOf(client)?.constructor?.name ?? '';
  return name.includes('Pool') || 'idleCount' in client;
}

async function rollbackQuietly(client: PgQueryable): Promise<void> {
  await client.query('rollback');
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

/**
 * node-postgres: one extended-protocol batch — [BEGIN], the context, the statement with its bound
 * parameters exactly as drizzle binds them, [COMMIT] — answered in one round trip; its result goes back
 * to drizzle's own mapping. The statement is prepared on the connection (a cache of the most recently
 * used texts), so a repeated statement skips parsing and planning.
 */
export async function statementNodePg<T>(
  db: AnyPgDatabase,
  tenantId: string,
  ctx: ContextValues,
  mode: ContextMode,
  begin: string,
  statement: (session: unknown) => Promise<T>,
  viaTransaction: () => Promise<T>,
  prepare: boolean,
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
      const watch = isPool ? watchErrors(client) : undefined;
      const progress = { completed: 0 };
      let broken: Error | undefined;
      try {
        return await runBatch(client, steps, { resultIndex: statementIndex, rowMode: query.rowMode, types: query.types, progress, prepare });
      } catch (error) {
        // A broken connection (no server error, or the backend was terminated: 57P01 arrives as a
        // server error before the socket closes): the pool must discard this client.
        if (!sqlStateOf(error) || isConnectionLoss(error)) broken = error instanceof Error ? error : new Error(String(error));
        // An explicit BEGIN leaves an aborted block open unless COMMIT was reached.
        else if (explicit) await rollbackQuietly(client).catch((e: Error) => (broken = e));
        if (progress.completed < statementIndex) contextError = mapContextError(tenantId, error);
        else if (!values?.length && isMultiStatementRefusal(error)) refused = true;
        throw error;
      } finally {
        watch?.stop();
        if (isPool) (client as PgPoolClient).release(broken ?? watch?.error ?? false);
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
