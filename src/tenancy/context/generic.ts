// Portable path of the tenant context (PGlite and any other drizzle Postgres driver): plain drizzle transaction.
import { sql } from 'drizzle-orm';
import { contextSql, setLocalStatements, type ContextValues } from './context-statement.js';
import { transactionConfig, type AnyPgDatabase, type ContextMode, type WithTenantOptions } from './options.js';
import type { Runner, Scope } from './scope.js';
import { mapContextError } from './status-cache.js';

interface ExecClient {
  exec(query: string): Promise<unknown>;
}

/**
 * PGlite runs in-process (no round trips to save) and any other driver gets the portable path.
 */
export async function withTenantGeneric<T>(
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
