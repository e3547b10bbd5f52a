// The tenant schemas part of `migrate up`, `down` and `status`: after the shared migrations, every
// lagging tenant schema is brought to the public tables (@stocksync/db/tenant-schemas); status lists
// the lagging ones. Both do nothing (one catalog query) when the database has no tenant schema.
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { MigrationConnection } from '@stocksync/db/migrations';
import {
  listTenantSchemas,
  migrateTenantSchemas,
  tenantSchemaStatus,
  type FleetReport,
  type FleetStatus,
  type TransactionRunner,
} from '@stocksync/db/tenant-schemas';
import type { CliDatabase } from '../database.js';
import { color, EXIT, lazyProgress, print, secs } from '../output.js';
import { distributeSchemasIfCitus, schemaDdlSettings } from './citus-schemas.js';

const dialect = new PgDialect();

/** The tenant-schemas functions over the one session `migrate status` holds. */
export function runnerOnConnection(conn: MigrationConnection): TransactionRunner {
  const execute = async (query: SQL) => {
    const { sql, params } = dialect.sqlToQuery(query);
    return conn.query(sql, params);
  };
  return {
    execute,
    async transaction<T>(fn: (tx: { execute: typeof execute }) => Promise<T>): Promise<T> {
      await conn.query('begin');
      try {
        const result = await fn({ execute });
        await conn.query('commit');
        return result;
      } catch (error) {
        await conn.query('rollback');
        throw error;
      }
    },
  };
}

/** Migrates the lagging tenant schemas after `migrate up`/`down`; prints a summary unless --json. */
export async function migrateSchemaFleet(cli: CliDatabase, o: { json?: boolean; concurrency?: number }): Promise<FleetReport | undefined> {
  const db = cli.db as unknown as TransactionRunner;
  if (!(await listTenantSchemas(db)).length) return undefined;
  // On Citus: trigger DDL allowed in each schema's transaction, and schemas not yet distributed are distributed after.
  const settings = await schemaDdlSettings(cli);
  const progress = lazyProgress('tenant schemas', 'schemas', o.json ? { json: true } : {});
  let report: FleetReport;
  try {
    report = await migrateTenantSchemas(db, {
      ...(o.concurrency ? { concurrency: o.concurrency } : {}),
      ...(settings.length ? { settings } : {}),
      onSchema: (_outcome, done, total) => progress.report(done, total, done),
    });
  } finally {
    await progress.stop();
  }
  const failed = report.outcomes.filter((x) => x.status === 'failed');
  const citus = settings.length ? await distributeSchemasIfCitus(cli) : undefined;
  if (citus?.distributed.length && !o.json) print(`Citus: ${citus.distributed.length} tenant schema(s) distributed (citus_schema_distribute), shards verified.`);
  const locked = report.outcomes.filter((x) => x.status === 'locked');
  const migrated = report.outcomes.filter((x) => x.status === 'migrated');
  if (failed.length) process.exitCode = EXIT.failure;
  if (o.json) return report;
  const rate = migrated.length ? ` (${(migrated.reduce((a, x) => a + x.ms, 0) / migrated.length).toFixed(0)} ms per schema)` : '';
  print(`Tenant schemas: ${migrated.length} migrated${rate}, ${report.upToDate} already up to date, ${locked.length} taken by another runner, ${failed.length} failed, in ${secs(report.ms)}.`);
  for (const f of failed) print(color.red(`  ${f.schema} (tenant ${f.tenantId}): ${f.error}`));
  if (failed.length) print('Fix the cause and run `stocksync-db migrate up` again: it resumes with the schemas that are still behind.');
  return report;
}

/** The tenant schemas against the public tables for `migrate status` (undefined when there is no tenant schema). */
export async function laggingSchemas(db: TransactionRunner): Promise<FleetStatus | undefined> {
  if (!(await listTenantSchemas(db)).length) return undefined;
  return tenantSchemaStatus(db);
}

/** Prints {@link laggingSchemas}' answer. */
export function printLaggingSchemas(status: FleetStatus | undefined): void {
  if (!status) return;
  print(`${color.bold('Tenant schemas')} ${status.schemas}, ${status.lagging.length ? color.yellow(`${status.lagging.length} behind the public tables`) : color.green('all up to date')}`);
  for (const s of status.lagging.slice(0, 20)) print(`  ${color.yellow('behind')}  ${s.schema} (tenant ${s.tenantId})`);
  if (status.lagging.length > 20) print(`  ... and ${status.lagging.length - 20} more (--json lists them all)`);
  if (status.lagging.length) print('Run `stocksync-db migrate up` to bring them to the public tables.');
}
