// Shared column builders every table uses: time-ordered UUID ids, tenant_id, timestamps, soft delete.
import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
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
