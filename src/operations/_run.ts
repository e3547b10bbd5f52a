// How every operation runs: in its own transaction (a savepoint inside the caller's tenant
// transaction), with the tenant id read from the context the RLS policies use, and database rule
// violations turned into RuleViolationError.
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { mapDatabaseError } from '../database-error.js';
import { RuleViolationError, TenantContextMissingError } from '../errors.js';
import { currentTransaction } from '../tenancy/context/index.js';

/**
 * The database handle an operation accepts: normally the tenant-scoped transaction `withTenant`
 * passes to its callback (any driver).
 *
 * @example
 * ```ts
 * import type { OperationDatabase } from '@stocksync/db/operations';
 * async function restock(tx: OperationDatabase) { ... }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationDatabase = PgDatabase<PgQueryResultHKT, any, any>;
/** The transaction (savepoint) an operation body runs in. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OperationTransaction = PgTransaction<PgQueryResultHKT, any, any>;

/**
 * Rows of a `db.execute` result, whatever the driver (node-postgres/PGlite `{ rows }`, postgres.js array).
 *
 * @example
 * ```ts
 * import { rowsOf } from '@stocksync/db/operations';
 * const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select 1 as n`));
 * ```
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

function mapError(error: unknown, label: string): unknown {
  const mapped = mapDatabaseError(error);
  if (mapped !== error && mapped instanceof RuleViolationError) {
    // Name the operation in the message; the typed error (and its constraint) stays as it is.
    mapped.message = `${label} refused: ${mapped.message}`;
  }
  return mapped;
}

/**
 * Runs `fn` in a transaction of its own (a savepoint when `db` is already a transaction), after
 * reading the tenant id from `app.tenant_id`. Anything `fn` wrote is rolled back if it throws;
 * database errors become the package's typed errors (rule SQLSTATEs 23xxx and 55000 a {@link RuleViolationError} subclass). The building block of every operation.
 *
 * @example
 * ```ts
 * import { runOperation } from '@stocksync/db/operations';
 * const touch = (tx) => runOperation(tx, 'touch', async (inner, tenantId) => inner.execute(sql`select ${tenantId}`));
 * ```
 */
export async function runOperation<T>(
  db: OperationDatabase,
  label: string,
  fn: (tx: OperationTransaction, tenantId: string) => Promise<T>,
): Promise<T> {
  const handle: OperationDatabase = (currentTransaction(db) as OperationDatabase | undefined) ?? db;
  try {
    return await handle.transaction(async (tx) => {
      const result = await tx.execute(sql`select stocksync_ctx_tenant()::text as tenant_id`);
      const tenantId = rowsOf<{ tenant_id: string | null }>(result)[0]?.tenant_id;
      if (!tenantId) {
        throw new TenantContextMissingError(
          `${label} needs a tenant context: call it with the transaction withTenant(db, tenantId, (tx) => ${label}(tx, ...)) passes you.`,
        );
      }
      return fn(tx as OperationTransaction, tenantId);
    });
  } catch (error) {
    throw mapError(error, label);
  }
}
