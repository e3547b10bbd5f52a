// Turns an error raised by a driver (node-postgres, postgres.js, PGlite, or drizzle's wrapper around
// them) into the package's typed errors. Messages are built from names (constraint, table, column,
// type) and the package's own trigger messages: never from the statement's parameters or the
// server's DETAIL, which both carry the values that were written.
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import {
  CheckViolationError,
  ConflictError,
  DatabaseError,
  ForeignKeyError,
  InvalidValueError,
  PermissionDeniedError,
  RuleViolationError,
  StocksyncError,
  TenantNotFoundError,
  TenantUnavailableError,
  TransactionConflictError,
  type ConstraintTarget,
} from './errors.js';
import * as tables from './schema/_tables.js';

/** The fields of a server error the mapping reads (node-postgres / PGlite names, postgres.js names). */
export interface ServerError {
  code: string;
  message?: string;
  detail?: string;
  constraint?: string;
  constraint_name?: string;
  table?: string;
  table_name?: string;
  column?: string;
  column_name?: string;
}

const TRANSACTION_CONFLICT = new Set(['40001', '40P01', '55P03']);

/**
 * Finds the server error (the object with a 5-character SQLSTATE `code`) in `error`'s cause chain.
 *
 * @example
 * ```ts
 * import { serverErrorOf } from '@stocksync/db';
 * serverErrorOf(err)?.code; // '23505'
 * ```
 */
export function serverErrorOf(error: unknown): ServerError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return current as ServerError;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What the schema says about one named constraint: its table, columns (TS names) and the referenced table. */
interface ConstraintInfo {
  table: string;
  columns: string[];
  foreignTable?: string;
}

let catalog: Map<string, ConstraintInfo> | undefined;

// Unique keys and foreign keys by name, from the package schema: Postgres leaves DETAIL out (where
// the key columns would be) whenever row-level security applies to the table, so names are the source.
function constraintCatalog(): Map<string, ConstraintInfo> {
  if (catalog) return catalog;
  catalog = new Map();
  for (const table of Object.values(tables)) {
    if (!is(table, PgTable)) continue;
    const config = getTableConfig(table);
    const keyOf = new Map<PgColumn, string>(Object.entries(getTableColumns(table)).map(([k, c]) => [c as PgColumn, k]));
    const names = (columns: PgColumn[]) => columns.map((c) => keyOf.get(c) ?? c.name);
    for (const index of config.indexes) {
      if (index.config.unique && index.config.name) {
        catalog.set(index.config.name, { table: config.name, columns: names(index.config.columns as PgColumn[]) });
      }
    }
    for (const unique of config.uniqueConstraints) {
      const name = unique.getName();
      if (name) catalog.set(name, { table: config.name, columns: names(unique.columns) });
    }
    for (const fk of config.foreignKeys) {
      const reference = fk.reference();
      catalog.set(fk.getName(), {
        table: config.name,
        columns: names(reference.columns),
        foreignTable: getTableConfig(reference.foreignTable).name,
      });
    }
  }
  return catalog;
}

// Citus reports the shard's names: `users_tenant_id_email_key_102008` on `users_102008`, and often no
// constraint field at all (only the message). The logical name is the shard name without its shard id.
const SHARD_SUFFIX = /_[0-9]+$/;
const CONSTRAINT_IN_MESSAGE = /violates (?:unique|foreign key|check|exclusion) constraint "([^"]+)"/;

function logicalConstraint(server: ServerError): string | undefined {
  const name = server.constraint ?? server.constraint_name ?? CONSTRAINT_IN_MESSAGE.exec(server.message ?? '')?.[1];
  if (!name || constraintCatalog().has(name)) return name;
  const stripped = name.replace(SHARD_SUFFIX, '');
  return constraintCatalog().has(stripped) ? stripped : name;
}

function logicalTable(server: ServerError, constraint: string | undefined): string | undefined {
  const name = server.table ?? server.table_name;
  const known = constraint ? constraintCatalog().get(constraint) : undefined;
  if (!name || !known) return name;
  return name.replace(SHARD_SUFFIX, '') === known.table || name.replace(SHARD_SUFFIX, '') === known.foreignTable
    ? name.replace(SHARD_SUFFIX, '')
    : name;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

// The column list of DETAIL's "Key (a, b)=(...)": only the names before "=(", never the values.
function keyColumns(detail: string | undefined): string[] {
  const match = /^Key \(([^()]*)\)=\(/.exec(detail ?? '');
  if (!match) return [];
  return match[1]!.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

function targetOf(server: ServerError, constraint: string | undefined): ConstraintTarget {
  const known = constraint ? constraintCatalog().get(constraint) : undefined;
  const columns = known ? known.columns : keyColumns(server.detail).map(camel);
  return {
    table: known?.table ?? logicalTable(server, constraint),
    fields: columns.filter((c) => c !== 'tenantId'),
  };
}

const quoted = (message: string | undefined, pattern: RegExp) => pattern.exec(message ?? '')?.[1];

/**
 * Maps a database error to the package's typed errors: 23505/23P01 {@link ConflictError}, 23503
 * {@link ForeignKeyError}, 23514/23502 {@link CheckViolationError}, 42501 {@link PermissionDeniedError},
 * 55000/P0001 {@link RuleViolationError}, class 22 {@link InvalidValueError}, 40001/40P01/55P03
 * {@link TransactionConflictError}, anything else with a SQLSTATE {@link DatabaseError}. Errors of
 * the package and errors without a SQLSTATE are returned unchanged. The original stays as `cause`.
 *
 * @example
 * ```ts
 * import { mapDatabaseError } from '@stocksync/db';
 * try { await db.insert(tenants).values(row); } catch (e) { throw mapDatabaseError(e); }
 * ```
 */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof StocksyncError) return error;
  const server = serverErrorOf(error);
  if (!server) return error;
  const state = server.code;
  const constraint = logicalConstraint(server);
  const table = logicalTable(server, constraint);
  const options = { cause: error };
  const on = table ? ` on ${table}` : '';

  if (state === '23505' || state === '23P01') {
    const target = targetOf(server, constraint);
    const key = target.fields.length > 0 ? target.fields.join(', ') : 'key';
    const message =
      state === '23505'
        ? `A row with the same ${key} already exists${on} (${constraint ?? 'unique constraint'}): choose another ${key} or update the existing row.`
        : `The row overlaps an existing one${on} (${constraint ?? 'exclusion constraint'}): change the overlapping ${key}.`;
    return new ConflictError(message, constraint, target, options);
  }
  if (state === '23503' || state === '23001') {
    // The constraint lives on the referencing table; an INSERT/UPDATE there misses its target, an
    // UPDATE/DELETE of the target is refused while rows still refer to it.
    const stillReferenced = /^update or delete on table/.test(server.message ?? '') || state === '23001';
    const target = targetOf(server, constraint);
    const known = constraint ? constraintCatalog().get(constraint) : undefined;
    const written = stillReferenced
      ? (quoted(server.message, /^update or delete on table "([^"]+)"/) ?? known?.foreignTable)
      : target.table;
    const related = stillReferenced ? target.table : (known?.foreignTable ?? quoted(server.detail, /is not present in table "([^"]+)"/));
    const fields = target.fields.join(', ') || 'the reference';
    const message = stillReferenced
      ? `The ${written ?? 'row'} row is still referenced from ${related ?? 'another table'} (${constraint ?? 'foreign key'}): delete or move those rows first.`
      : `The ${written ?? 'row'} row refers to a ${related ?? 'row'} that does not exist in this tenant (${constraint ?? 'foreign key'}): check ${fields}.`;
    return new ForeignKeyError(
      message,
      constraint,
      stillReferenced ? 'still_referenced' : 'missing_reference',
      { table: written, fields: stillReferenced ? [] : target.fields },
      related,
      options,
    );
  }
  if (state === '23514') {
    // A CHECK constraint's message is generic; a rule trigger's is the package's own text.
    const fromCheck = /^new row for relation/.test(server.message ?? '');
    const message = fromCheck
      ? `The row breaks the rule ${constraint ?? 'check'}${on}: fix the value it checks.`
      : `${server.message ?? 'A rule refused the write'} (${constraint ?? 'rule'})`;
    return new CheckViolationError(message, constraint, { table, fields: [] }, options);
  }
  if (state === '23502') {
    const column = server.column ?? server.column_name;
    const field = column ? camel(column) : undefined;
    return new CheckViolationError(
      `${field ?? 'A required column'} is required${on}: send a value for it.`,
      constraint ?? (table && column ? `${table}_${column}_not_null` : 'not_null'),
      { table, fields: field ? [field] : [] },
      options,
    );
  }
  if (state === '42501') {
    const rls = quoted(server.message, /row-level security policy for table "([^"]+)"/);
    const denied = quoted(server.message, /^permission denied for (?:table|relation|sequence|schema|function) (\S+)/);
    const message = rls
      ? `Row-level security refused the write to ${rls}: the row is not in the current tenant, or the actor's role may not write it.`
      : denied
        ? `The database role may not use ${denied}: connect as the application role the migrations grant, or ask for the privilege.`
        : (server.message ?? 'Permission denied');
    return new PermissionDeniedError(message, options);
  }
  if (state === '55000' || state === 'P0001') {
    return new RuleViolationError(`${server.message ?? 'A rule refused the operation'}`, constraint, options);
  }
  if (state === 'ST404') return new TenantNotFoundError('The tenant does not exist: check the id or create the tenant first.', options);
  if (state === 'ST403') {
    const status = server.detail ?? 'unavailable';
    return new TenantUnavailableError(`The tenant is ${status}: reactivate it before using it.`, status, options);
  }
  if (state.startsWith('22')) {
    const type = quoted(server.message, /for type ([\w ]+?)(?::|$)/) ?? quoted(server.message, /type ([\w ]+\(\d+\))/);
    return new InvalidValueError(
      `A value does not fit its column${type ? ` (type ${type})` : ''}${on}: send a value of the right form (SQLSTATE ${state}).`,
      options,
    );
  }
  if (TRANSACTION_CONFLICT.has(state)) {
    return new TransactionConflictError(
      `The transaction conflicted with a concurrent one (SQLSTATE ${state}): retry the whole transaction.`,
      options,
    );
  }
  return new DatabaseError(`The database refused the statement (SQLSTATE ${state}): ${server.message ?? 'no message'}`, options);
}
