// Generic validator building blocks: the wire (JSON) schema of any table, row -> wire conversion,
// the paginated list shape, and refinement helpers whose issues name the field they are about.
import { getTableColumns, type Table } from 'drizzle-orm';
import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { MAX_FILE_SIZE_BYTES, type LICENSE_TIERS } from '../schema/tenancy.js';

type LicenseTier = (typeof LICENSE_TIERS)[number];

/**
 * What a JSON API returns for a row: `Date` values become ISO 8601 strings, everything else is
 * unchanged (date columns are already `YYYY-MM-DD` strings, bigints are numbers).
 *
 * @example
 * ```ts
 * import type { Wire } from '@stocksync/db/validators';
 * import type { Project } from '@stocksync/db';
 * type ProjectJson = Wire<Project>; // createdAt: string
 * ```
 */
export type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * A page of a list endpoint (the spec's `<Model>ListResponse`).
 *
 * @example
 * ```ts
 * import type { Paginated, ProjectWire } from '@stocksync/db/validators';
 * const page: Paginated<ProjectWire> = { count: 0, next: null, previous: null, results: [] };
 * ```
 */
export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/**
 * The Zod schema of a {@link Paginated} page of `item`.
 *
 * @example
 * ```ts
 * import { paginatedSchema, projectWireSchema } from '@stocksync/db/validators';
 * const page = paginatedSchema(projectWireSchema).parse(await res.json());
 * ```
 */
export function paginatedSchema<S extends z.ZodType>(item: S) {
  return z.object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });
}

const TIMESTAMP_COLUMN_TYPES = new Set(['PgTimestamp', 'PgTimestampString']);

/**
 * Builds the wire schema of any table from its columns: the select schema, with timestamp columns
 * as ISO 8601 strings (offset allowed). One helper for every table, so a new column is covered.
 *
 * @example
 * ```ts
 * import { wireSchemaOf } from '@stocksync/db/validators';
 * import { tasks } from '@stocksync/db/schema';
 * const taskWire = wireSchemaOf(tasks);
 * taskWire.parse(JSON.parse(JSON.stringify(row)));
 * ```
 */
export function wireSchemaOf<T extends Table>(table: T): z.ZodType<Wire<T['$inferSelect']>> {
  const select = createSelectSchema(table) as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const shape: Record<string, z.ZodType> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (TIMESTAMP_COLUMN_TYPES.has(column.columnType)) {
      const iso = z.iso.datetime({ offset: true });
      shape[key] = column.notNull ? iso : iso.nullable();
    } else {
      shape[key] = select.shape[key]!;
    }
  }
  return z.object(shape) as unknown as z.ZodType<Wire<T['$inferSelect']>>;
}

/**
 * Converts a row to its wire form (Date -> ISO string), what `JSON.stringify` would produce.
 *
 * @example
 * ```ts
 * import { toWire } from '@stocksync/db/validators';
 * res.json(toWire(project));
 * ```
 */
export function toWire<T extends object>(row: T): Wire<T> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out as Wire<T>;
}

/**
 * Adds an issue at `path` when `ok` is false: the building block of the cross-field refinements.
 *
 * @example
 * ```ts
 * import { requireThat } from '@stocksync/db/validators';
 * schema.superRefine((v, ctx) => requireThat(ctx, v.end > v.start, ['endDate'], 'must be after startDate'));
 * ```
 */
export function requireThat(ctx: z.RefinementCtx, ok: boolean, path: PropertyKey[], message: string): void {
  if (!ok) ctx.addIssue({ code: 'custom', path, message });
}

/** Lowercase hex SHA-256 (64 characters), as the database's checksum checks require. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Must be a lowercase hex SHA-256 (64 characters)');

/**
 * File size in bytes, at most the tenant tier's limit (trial/starter 10 MB, professional 100 MB,
 * enterprise 1 GB), as the database's file size trigger enforces.
 *
 * @example
 * ```ts
 * import { fileSizeBytesFor } from '@stocksync/db/validators';
 * fileSizeBytesFor('starter').parse(12 * 1024 * 1024); // throws: over 10 MB
 * ```
 */
export function fileSizeBytesFor(tier: LicenseTier) {
  const max = MAX_FILE_SIZE_BYTES[tier];
  return z
    .number()
    .int()
    .min(0, 'Must not be negative')
    .max(max, `Must be at most ${max} bytes on the ${tier} tier`);
}
