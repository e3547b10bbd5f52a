// Column domains: what each Postgres column accepts (int4 range, varchar(n) in characters, numeric(p,s),
// dates Postgres can read, jsonb without NUL) and the insert/update schema builders that enforce it on
// every field, also on fields whose business rule replaces drizzle-zod's schema (`() => cents`).
import type { Column, Table } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { createInsertSchema, createSelectSchema, createUpdateSchema, jsonSchema } from 'drizzle-zod';
import { z } from 'zod';
import { inetFamily } from './_inet.js';

const INT_RANGES: Readonly<Record<string, readonly [number, number, string]>> = {
  PgSmallInt: [-32768, 32767, 'smallint'],
  PgSmallSerial: [-32768, 32767, 'smallint'],
  PgInteger: [-2147483648, 2147483647, 'integer'],
  PgSerial: [-2147483648, 2147483647, 'integer'],
  PgBigInt53: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'bigint (as an exact JavaScript number)'],
  PgBigSerial53: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'bigint (as an exact JavaScript number)'],
};

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LONE_SURROGATE_RE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Years 1-9999: drizzle sends a Date as toISOString(), whose other years (0000, -000001, +010000) Postgres refuses.
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MIN_TIME = -62135596800000; // 0001-01-01T00:00:00.000Z

// A string that can travel as Postgres text: no NUL (no text type holds it) and no lone surrogate
// (the driver would send U+FFFD in its place, a silent change).
function textIssue(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Must not contain a NUL character (\\u0000): Postgres text cannot hold it';
  if (LONE_SURROGATE_RE.test(value)) return 'Must be well-formed Unicode (no lone surrogate)';
  return undefined;
}

function numericIssue(raw: string, precision: number | undefined, scale: number | undefined): string | undefined {
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m) return 'Must be a decimal number such as 12.34 (digits, an optional sign and point; no exponent, NaN or Infinity)';
  if (precision === undefined) return undefined;
  const s = scale ?? 0;
  const intDigits = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = m[2] ?? '';
  if (frac.length > s) return `Must have at most ${s} digits after the point (numeric(${precision}, ${s}))`;
  if ((intDigits === '0' ? 0 : intDigits.length) > precision - s) {
    return `Must be less than 10^${precision - s} in absolute value (numeric(${precision}, ${s}))`;
  }
  return undefined;
}

function dateIssue(value: string): string | undefined {
  const m = DATE_RE.exec(value);
  const message = 'Must be a calendar date YYYY-MM-DD between 0001-01-01 and 9999-12-31';
  if (!m) return message;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (y < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return message;
  return undefined;
}

// What jsonb takes as drizzle sends it (JSON.stringify): finite numbers, well-formed strings without
// NUL (jsonb refuses \u0000 and lone surrogate escapes), arrays and plain objects, no cycles.
function jsonIssue(value: unknown, seen: Set<object> = new Set()): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'Must hold only finite numbers (JSON has no NaN or Infinity)';
  if (typeof value === 'string') return textIssue(value);
  if (typeof value !== 'object') return `Must be JSON: a ${typeof value} is not`;
  if (seen.has(value)) return 'Must be JSON: it refers to itself';
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item === undefined) return 'Must be JSON: an array item is undefined';
        const issue = jsonIssue(item, seen);
        if (issue) return issue;
      }
      return undefined;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'Must be JSON: only plain objects and arrays';
    for (const [key, item] of Object.entries(value)) {
      const issue = textIssue(key) ?? (item === undefined ? undefined : jsonIssue(item, seen));
      if (issue) return issue;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}

/**
 * Why `column` would refuse `value` (as drizzle sends it), or undefined when it takes it; null and
 * undefined are left to the nullable/optional rules.
 *
 * @example
 * ```ts
 * import { columnIssue } from '@stocksync/db/validators';
 * import { inventoryProducts } from '@stocksync/db/schema';
 * columnIssue(inventoryProducts.unitPriceCents, 2 ** 31); // 'Must be a whole number from -2147483648 to 2147483647 (integer)'
 * ```
 */
export function columnIssue(column: Column, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const col = column as Column & { length?: number; precision?: number; scale?: number; enumValues?: readonly string[] };
  const type = column.columnType;
  const range = INT_RANGES[type];
  if (range) {
    const [min, max, name] = range;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? undefined
      : `Must be a whole number from ${min} to ${max} (${name})`;
  }
  if (type === 'PgNumeric' || type === 'PgNumericNumber') {
    const raw = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof raw !== 'string') return 'Must be a decimal number as a string, such as "12.34"';
    return numericIssue(raw, col.precision, col.scale);
  }
  if (type === 'PgBoolean') return typeof value === 'boolean' ? undefined : 'Must be true or false';
  if (type === 'PgJsonb' || type === 'PgJson') return jsonIssue(value);
  if (type === 'PgTimestamp' || type === 'PgDate') {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) return 'Must be a valid Date';
    const t = value.getTime();
    return t >= MIN_TIME && t <= MAX_TIME ? undefined : 'Must be a date between the years 1 and 9999';
  }
  if (typeof value !== 'string') return col.dataType === 'string' ? 'Must be a string' : undefined;
  const text = textIssue(value);
  if (text) return text;
  if (col.enumValues?.length && !col.enumValues.includes(value)) return `Must be one of ${col.enumValues.join(', ')}`;
  switch (type) {
    case 'PgVarchar':
    case 'PgChar': {
      // Postgres counts characters (code points); JavaScript's length counts UTF-16 units.
      return col.length !== undefined && Array.from(value).length > col.length ? `Must be at most ${col.length} characters` : undefined;
    }
    case 'PgUUID':
      return UUID_RE.test(value) ? undefined : 'Must be a UUID';
    case 'PgInet':
      return inetFamily(value, { prefix: true }) ? undefined : 'Must be an IPv4 or IPv6 address (an optional /prefix, no %zone)';
    case 'PgDateString':
      return dateIssue(value);
    default:
      return undefined;
  }
}

/**
 * Adds the column's domain to a field schema (the rule of a refinement may have replaced drizzle-zod's
 * own); it speaks only when the field's own rules passed, so a value gets one message, not two.
 */
function bounded<S extends z.ZodType>(column: Column, schema: S): S {
  return schema.refine((value) => columnIssue(column, value) === undefined, {
    error: (issue) => columnIssue(column, issue.input) ?? 'Invalid value for the column',
    when: (payload) => payload.issues.length === 0,
  }) as S;
}

// The base schema of the column types whose drizzle-zod mapping is looser than the column (or counts
// varchar length in UTF-16 units); other types keep drizzle-zod's, which already matches.
function baseSchemaOf(column: Column): z.ZodType | undefined {
  const col = column as Column & { enumValues?: readonly string[] };
  switch (column.columnType) {
    case 'PgVarchar':
    case 'PgText':
      return col.enumValues?.length ? undefined : bounded(column, z.string());
    case 'PgNumeric':
    case 'PgInet':
    case 'PgDateString':
      return bounded(column, z.string());
    case 'PgTimestamp':
      return bounded(column, z.date());
    case 'PgJsonb':
      return bounded(column, jsonSchema);
    default:
      return undefined;
  }
}

type Refinements = Record<string, unknown>;

// The refinements drizzle-zod receives: each column's base schema, a caller's rule applied to it, and the
// column's domain added after a rule (which may return a schema of its own).
function withColumnDomains(table: Table, refine: Refinements = {}): Refinements {
  const out: Refinements = {};
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, Column>)) {
    const base = baseSchemaOf(column);
    const rule = refine[key];
    if (rule === undefined) {
      // A function: drizzle-zod makes its result nullable/optional as the column is (a schema it keeps as given).
      if (base) out[key] = () => base;
    } else if (typeof rule === 'function') {
      const apply = rule as (s: z.ZodType) => z.ZodType;
      out[key] = (drizzleBase: z.ZodType) => bounded(column, apply(base ?? drizzleBase));
    } else {
      out[key] = bounded(column, rule as z.ZodType);
    }
  }
  return out;
}

/**
 * drizzle-zod's `createInsertSchema` with every field held to its column's domain: integer ranges,
 * varchar(n) in characters, numeric(p, s), dates Postgres reads, inet without a zone, jsonb without NUL;
 * a refinement (function or schema) narrows it further and cannot widen it.
 *
 * @example
 * ```ts
 * import { insertSchemaOf } from '@stocksync/db/validators';
 * import { inventoryProducts } from '@stocksync/db/schema';
 * const schema = insertSchemaOf(inventoryProducts, { sku: (s) => s.trim().min(1) });
 * ```
 */
export const insertSchemaOf: typeof createInsertSchema = ((table: Table, refine?: Refinements) =>
  createInsertSchema(table, withColumnDomains(table, refine) as never)) as unknown as typeof createInsertSchema;

/**
 * drizzle-zod's `createUpdateSchema` with every field held to its column's domain (see {@link insertSchemaOf}).
 *
 * @example
 * ```ts
 * import { updateSchemaOf } from '@stocksync/db/validators';
 * import { projects } from '@stocksync/db/schema';
 * const patch = updateSchemaOf(projects).parse({ name: 'Roadmap' });
 * ```
 */
export const updateSchemaOf: typeof createUpdateSchema = ((table: Table, refine?: Refinements) =>
  createUpdateSchema(table, withColumnDomains(table, refine) as never)) as unknown as typeof createUpdateSchema;

/**
 * The column mapping of a table: for each column, the Zod schema of exactly what the column takes (no
 * business rule, every column present, nullable columns nullable).
 *
 * @example
 * ```ts
 * import { columnSchemasOf } from '@stocksync/db/validators';
 * import { tasks } from '@stocksync/db/schema';
 * columnSchemasOf(tasks).storyPoints.safeParse(2 ** 31).success; // false: the column is integer
 * ```
 */
export function columnSchemasOf<T extends Table>(table: T): { [K in keyof T['_']['columns']]: z.ZodType } {
  // Declared, not inferred: the inferred type names drizzle-zod's internal type parameters, which the
  // bundled .d.ts cannot resolve (the consumer project compiles with skipLibCheck false).
  return createSelectSchema(table, withColumnDomains(table) as never).shape as never;
}
