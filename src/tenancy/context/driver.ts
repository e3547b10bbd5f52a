// Which drizzle driver a database handle runs on, read from its session class.
import { entityKind } from 'drizzle-orm';
import type { AnyPgDatabase } from './options.js';

/** The drizzle internals the driver paths reach: the session's client, schema and options, and the dialect. */
export type Driverish = { session: { client: unknown; schema: unknown; options: unknown; constructor: unknown }; dialect: unknown };

/** The driver of a drizzle database handle. */
export function driverOf(db: AnyPgDatabase): 'pg' | 'postgres' | 'pglite' | 'other' {
  const kind = (db as unknown as Driverish).session?.constructor as { [entityKind]?: string } | undefined;
  switch (kind?.[entityKind]) {
    case 'NodePgSession':
      return 'pg';
    case 'PostgresJsSession':
      return 'postgres';
    case 'PgliteSession':
      return 'pglite';
    default:
      return 'other';
  }
}

/**
 * Whether statements are prepared: the call's `prepare` option, else the driver client's own
 * `prepare` setting (postgres.js's option, or the one openDatabase puts in the node-postgres Pool config).
 */
export function preparesStatements(db: AnyPgDatabase, explicit: boolean | undefined): boolean {
  if (explicit !== undefined) return explicit;
  const client = (db as unknown as Driverish).session?.client as { options?: { prepare?: unknown } } | undefined;
  return client?.options?.prepare !== false;
}
