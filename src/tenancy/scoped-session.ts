// The drizzle session behind the scoped builder: each statement it prepares runs later in the tenant
// context, inside the open withTenant transaction or standalone in one round trip.
import type { SQL } from 'drizzle-orm';
import { PgDialect, PgPreparedQuery, PgSession } from 'drizzle-orm/pg-core';
import { mapDatabaseError } from '../database-error.js';
import { TenantScopeError } from '../errors.js';
import { runTenantStatement, type AnyPgDatabase, type WithTenantOptions } from './context/index.js';

type PrepareArgs = [
  fields: unknown,
  name: string | undefined,
  isResponseInArrayMode: boolean,
  customResultMapper?: unknown,
  queryMetadata?: unknown,
  cacheConfig?: unknown,
];
type Preparer = {
  prepareQuery(query: unknown, ...args: PrepareArgs): PgPreparedQuery<never> & {
    joinsNotNullableMap?: unknown;
    all(placeholderValues?: Record<string, unknown>): Promise<unknown>;
  };
  count?(query: SQL): Promise<number>;
  execute(query: SQL): Promise<unknown>;
};

/**
 * A session whose statements run later in the tenant context: in the open withTenant transaction, or
 * standalone in one round trip (runTenantStatement).
 */
export class TenantScopedSession extends PgSession {
  constructor(
    private readonly root: AnyPgDatabase,
    private readonly tenantId: string,
    private readonly options: WithTenantOptions,
    dialect: PgDialect,
  ) {
    super(dialect);
  }

  /**
   * Runs `fn` (one statement) with a session in the tenant context: the open withTenant transaction
   * when there is one, else a standalone statement that costs one round trip (see runTenantStatement).
   */
  run<T>(fn: (session: Preparer) => Promise<T>): Promise<T> {
    // Driver errors leave as the package's typed errors (the raw ones carry the statement's values).
    return runTenantStatement(this.root, this.tenantId, (session) => fn(session as Preparer), this.options).catch(
      (error: unknown) => {
        throw mapDatabaseError(error);
      },
    );
  }

  override prepareQuery(query: unknown, ...args: PrepareArgs) {
    return new TenantScopedPreparedQuery(this, query, args) as never;
  }

  override transaction(): Promise<never> {
    return Promise.reject(new TenantScopeError('Use tenantDb(...).transaction(fn) to group statements.'));
  }

  override async count(query: SQL): Promise<number> {
    return this.run(async (session) => {
      if (session.count) return session.count(query);
      const result = (await session.execute(query)) as { rows?: Array<{ count: unknown }> } & Array<{ count: unknown }>;
      return Number((result.rows ?? result)[0]?.count);
    });
  }
}

class TenantScopedPreparedQuery extends PgPreparedQuery<never> {
  joinsNotNullableMap?: unknown;
  constructor(
    private readonly session: TenantScopedSession,
    query: unknown,
    private readonly args: PrepareArgs,
  ) {
    super(query as never, undefined, undefined, undefined);
  }

  private prepared(session: Preparer) {
    const prepared = session.prepareQuery(this.getQuery(), ...this.args);
    prepared.joinsNotNullableMap = this.joinsNotNullableMap;
    return prepared;
  }

  override execute(placeholderValues?: Record<string, unknown>): Promise<never> {
    return this.session.run((session) => this.prepared(session).execute(placeholderValues) as Promise<never>);
  }

  all(placeholderValues?: Record<string, unknown>): Promise<unknown> {
    return this.session.run((session) => this.prepared(session).all(placeholderValues) as Promise<unknown>);
  }

  isResponseInArrayMode(): boolean {
    return this.args[2];
  }
}
