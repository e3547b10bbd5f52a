// Shared column builders every table uses: time-ordered UUID ids, tenant_id, timestamps, soft delete.
import { sql } from 'drizzle-orm';
import { check, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { uuidv7 } from '../uuid.js';

/**
 * A UUID primary-key column: v7 generated in TypeScript, and by the database default
 * `stocksync_uuidv7()` for raw SQL inserts.
 *
 * @example
 * ```ts
 * import { id } from '@stocksync/db/schema';
 * ```
 */
export const id = () =>
  uuid()
    .notNull()
    .default(sql`stocksync_uuidv7()`)
    .$defaultFn(uuidv7);

/** The `tenant_id uuid not null` column of every tenant table. */
export const tenantId = () => uuid().notNull();

/** `created_at` / `updated_at` (kept by the `stocksync_touch_updated_at` trigger). */
export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** `created_at` only, for append-only tables such as audit logs and ledgers. */
export const createdAt = () => ({
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** `deleted_at`: soft delete; unique constraints and hot indexes are partial on `deleted_at is null`. */
export const softDelete = () => ({
  deletedAt: timestamp({ withTimezone: true, mode: 'date' }),
});

/**
 * A check constraint `<table>_<column>_check` that keeps a varchar "enum" column inside its
 * TypeScript tuple, so raw SQL cannot store a value the validators would reject.
 *
 * @example
 * ```ts
 * import { enumCheck } from '@stocksync/db/schema';
 * // inside a table's extra config: enumCheck('tasks', t.status, TASK_STATUSES)
 * ```
 */
export function enumCheck(table: string, column: AnyPgColumn, values: readonly string[]) {
  const list = sql.join(
    values.map((v) => sql.raw(`'${v.replace(/'/g, "''")}'`)),
    sql.raw(', '),
  );
  return check(`${table}_${snakeName(column.name)}_check`, sql`${column} in (${list})`);
}

/** Lowercase hex SHA-256: 64 characters (documents, versions, attachments, reports). */
export const SHA256_PATTERN = '^[0-9a-f]{64}$';

/**
 * A check constraint `<table>_<column>_check` requiring a 64-character lowercase hex SHA-256.
 *
 * @example
 * ```ts
 * import { checksumCheck } from '@stocksync/db/schema';
 * // inside a table's extra config: checksumCheck('documents', t.checksum)
 * ```
 */
export function checksumCheck(table: string, column: AnyPgColumn) {
  return check(`${table}_${snakeName(column.name)}_check`, sql`${column} ~ ${sql.raw(`'${SHA256_PATTERN}'`)}`);
}

function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
