// The open tenant scope of the current async context (AsyncLocalStorage) and its public readers.
import { AsyncLocalStorage } from 'node:async_hooks';
import { TenantContextMissingError } from '../../errors.js';
import type { AnyPgDatabase, TenantContext, TransactionOf } from './options.js';

/** The scope withTenant opens: the tenant, the actor, and the handles a nested call may join. */
export interface Scope extends TenantContext {
  readonly root: object;
  readonly tx: object;
  open: boolean;
}

/** Holds the open scope of the current async context. */
export const storage = new AsyncLocalStorage<Scope>();

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

/** Starts `fn` inside a new scope on the given transaction; the driver path closes the scope. */
export type Runner<T> = (tx: object) => { scope: Scope; result: Promise<T> };
