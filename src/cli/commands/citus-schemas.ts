// Schema tenants on a Citus coordinator, for the commands that make or migrate tenant schemas
// (`tenant create --isolation schema`, `tenant move --to schema`, `migrate up/down`, `citus distribute`):
// the schema is made by @stocksync/db/tenant-schemas, then distributed here (schema-based sharding).
// Nothing happens on plain Postgres or an embedded database.
import { distributeTenantSchemas, tenantSchemaDdlSettings, type SchemaDistributionResult } from '@stocksync/db/citus';
import { openCheckedConnection, type CliDatabase } from '../database.js';

/** Distributes the named tenant schemas (all when none are named) when the database is a Citus coordinator. */
export async function distributeSchemasIfCitus(cli: CliDatabase | { target: { kind: 'server'; url: string } }, schemas?: string[]): Promise<SchemaDistributionResult | undefined> {
  if (cli.target.kind !== 'server') return undefined;
  const conn = await openCheckedConnection(cli.target.url);
  try {
    const result = await distributeTenantSchemas(conn, schemas ? { schemas } : {});
    return result.citus ? result : undefined;
  } finally {
    await conn.release();
  }
}

/** The fleet's per-schema settings on Citus (trigger DDL allowed on distributed schemas); none elsewhere. */
export async function schemaDdlSettings(cli: CliDatabase): Promise<string[]> {
  if (cli.target.kind !== 'server') return [];
  const conn = await openCheckedConnection(cli.target.url);
  try {
    return await tenantSchemaDdlSettings(conn);
  } finally {
    await conn.release();
  }
}
