// Request-body schemas from the table schemas: the columns the server sets left out, the business
// rules kept, and Zod's own omit/pick/partial/extend working on the result (rules re-attached).
import { z } from 'zod';

/** Columns a client never sends: the server sets them (tenant, key, timestamps, version, audit). */
export const SERVER_SET_COLUMNS = [
  'tenantId',
  'id',
  'createdAt',
  'updatedAt',
  'deletedAt',
  'version',
  'createdBy',
  'createdById',
  'updatedBy',
  'updatedById',
] as const;

/** A column name in {@link SERVER_SET_COLUMNS}. */
export type ServerSetColumn = (typeof SERVER_SET_COLUMNS)[number];

const SERVER_SET: ReadonlySet<string> = new Set(SERVER_SET_COLUMNS);

/** The shape of a request body: the table schema's shape without the server-set columns. */
export type RequestShape<S extends z.core.$ZodShape> = Omit<S, ServerSetColumn>;

/** A request-body schema: a plain Zod object whose cross-field rules survive omit/pick/partial/extend. */
export type RequestSchema<S extends z.core.$ZodShape> = z.ZodObject<RequestShape<S>, z.core.$strip>;

const COMPOSERS = ['omit', 'pick', 'partial', 'required', 'extend', 'safeExtend', 'merge', 'strict', 'strip', 'passthrough', 'catchall'] as const;

type AnyObject = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

// Zod refuses omit/pick/partial on an object with refinements, so the rules stay off the plain
// object and every composer builds from the plain one and attaches the rules to its result.
function withRules<T extends AnyObject>(plain: T, rules: readonly z.core.$ZodCheck[]): T {
  if (rules.length === 0) return plain;
  const ruled = plain.check(...(rules as unknown as z.core.$ZodCheck<z.output<T>>[])) as T;
  const target = ruled as unknown as Record<string, unknown>;
  for (const name of COMPOSERS) {
    const compose = (plain as unknown as Record<string, unknown>)[name];
    if (typeof compose !== 'function') continue;
    target[name] = (...args: unknown[]) => withRules((compose as (...a: unknown[]) => AnyObject).apply(plain, args), rules);
  }
  return ruled;
}

/**
 * Builds a request-body schema from a table's insert or update schema: the same fields and field
 * rules without the {@link SERVER_SET_COLUMNS} (a `tenantId` in the body is stripped), and the
 * schema's cross-field rules kept, also after `.omit()`, `.pick()`, `.partial()` or `.extend()`.
 *
 * @example
 * ```ts
 * import { requestSchemaOf, inventoryOrderInsertSchema } from '@stocksync/db/validators';
 * const createOrder = requestSchemaOf(inventoryOrderInsertSchema).omit({ notes: true });
 * ```
 */
export function requestSchemaOf<S extends z.core.$ZodShape>(schema: z.ZodObject<S, z.core.$ZodObjectConfig>): RequestSchema<S> {
  if (!(schema instanceof z.ZodObject)) {
    throw new TypeError('requestSchemaOf takes a table schema that is a Zod object (an insert or update schema).');
  }
  const shape: Record<string, z.core.$ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) if (!SERVER_SET.has(key)) shape[key] = field;
  const rules = schema._zod.def.checks ?? [];
  return withRules(z.object(shape), rules) as unknown as RequestSchema<S>;
}
