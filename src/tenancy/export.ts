// Per-tenant backup: one tenant to NDJSON (one file per table, streamed) with a manifest of counts
// and checksums, optionally signed, all read from one consistent snapshot.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { ConfigurationError, TenantNotFoundError } from '../errors.js';
import { quoteIdent } from '../migrations/sql.js';
import { tenantIdOf, type AnyPgDatabase, type TenantRef } from './context/index.js';
import { tenantTablesInDatabase } from './catalog.js';
import { EXPORT_FORMAT, signManifest, type ExportedTable, type ExportManifest } from './export-manifest.js';

/** Options of {@link exportTenant}. */
export interface ExportTenantOptions {
  /** Rows fetched per query (default 2,000). */
  batchSize?: number;
  /** Called after each table is written (the CLI draws a progress bar from it). */
  onProgress?: (progress: TenantTransferProgress) => void;
  /** Signs the manifest (HMAC-SHA256) so that importTenant with the same key can tell it was not altered. */
  key?: string | Buffer;
}

/** Progress of {@link exportTenant} and {@link importTenant}, reported after each table. */
export interface TenantTransferProgress {
  table: string;
  tablesDone: number;
  tablesTotal: number;
  /** Rows written (export) or inserted (import) so far, all tables. */
  rows: number;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/** The columns of a table of the current schema, in order (empty when there is no such table). */
export async function columnsOf(db: Pick<AnyPgDatabase, 'execute'>, table: string) {
  return rowsOf<{ name: string; generated: boolean }>(
    await db.execute(sql`select a.attname as name, a.attgenerated <> '' as generated
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname = ${table} and c.relkind in ('r', 'p')
        and a.attnum > 0 and not a.attisdropped order by a.attnum`),
  );
}

/**
 * Exports one tenant to `dir`: `tenants.ndjson` (its row), one `<table>.ndjson` per tenant table
 * (rows as JSON objects keyed by column, in id order, streamed in batches), and `manifest.json`
 * with row counts and SHA-256 checksums. Everything is read in one REPEATABLE READ, READ ONLY
 * transaction, so the files are one consistent snapshot. Works for suspended and soft-deleted
 * tenants too (backup before purge); run it with the owner connection (it reads past RLS).
 *
 * @example
 * ```ts
 * import { exportTenant } from '@stocksync/db/tenancy';
 * const manifest = await exportTenant(db, tenantId, './backups/acme-2026-11-22');
 * ```
 */
export async function exportTenant(
  db: AnyPgDatabase,
  tenant: TenantRef,
  dir: string,
  options: ExportTenantOptions = {},
): Promise<ExportManifest> {
  const tenantId = tenantIdOf(tenant);
  const batchSize = options.batchSize ?? 2_000;
  await mkdir(dir, { recursive: true });
  return db.transaction(
    async (tx) => {
      const [root] = rowsOf<{ slug: string; j: string; schema: string | null }>(
        await tx.execute(sql`select slug, to_jsonb(t)::text as j, case when t.isolation = 'schema' then stocksync_tenant_schema(t.id) end as schema
          from public.tenants t where id = ${tenantId}::uuid`),
      );
      if (!root) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist: nothing to export.`);
      const tables: ExportedTable[] = [];
      tables.push(await writeTable(dir, 'tenants', await columnsOf(tx, 'tenants'), async function* () {
        yield [root.j];
      }));
      // A schema tenant's tables come first for the rest of this transaction: the same unqualified reads reach them.
      if (root.schema) await tx.execute(sql`select set_config('search_path', ${`${root.schema}, public`}, true)`);
      const tenantTables = await tenantTablesInDatabase(tx);
      const report = (table: string) =>
        options.onProgress?.({
          table,
          tablesDone: tables.length,
          tablesTotal: tenantTables.length + 1,
          rows: tables.reduce((sum, t) => sum + t.rows, 0),
        });
      report('tenants');
      for (const { table } of tenantTables) {
        const columns = await columnsOf(tx, table);
        if (!columns.some((c) => c.name === 'id')) {
          throw new ConfigurationError(`Tenant table ${table} has no id column: the export pages by id.`);
        }
        const T = sql.raw(quoteIdent(table));
        tables.push(
          await writeTable(dir, table, columns, async function* () {
            let after: string | null = null;
            for (;;) {
              const page: Array<{ k: string; j: string }> = rowsOf<{ k: string; j: string }>(
                await tx.execute(
                  sql`select id::text as k, to_jsonb(t)::text as j from ${T} t where tenant_id = ${tenantId}::uuid
                    ${after === null ? sql`` : sql`and id > ${after}::uuid`} order by id limit ${batchSize}`,
                ),
              );
              if (!page.length) return;
              yield page.map((r) => r.j);
              after = page[page.length - 1]!.k;
              if (page.length < batchSize) return;
            }
          }),
        );
        report(table);
      }
      const manifest: ExportManifest = {
        format: EXPORT_FORMAT,
        version: 1,
        tenantId,
        slug: root.slug,
        exportedAt: new Date().toISOString(),
        tables,
      };
      if (options.key !== undefined) manifest.signature = signManifest(manifest, options.key);
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      return manifest;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

// Streams batches of JSON lines to <dir>/<table>.ndjson, hashing as it writes.
async function writeTable(
  dir: string,
  table: string,
  columns: Array<{ name: string }>,
  batches: () => AsyncGenerator<string[]>,
): Promise<ExportedTable> {
  const file = `${table}.ndjson`;
  const out = createWriteStream(join(dir, file));
  const hash = createHash('sha256');
  let rows = 0;
  try {
    for await (const batch of batches()) {
      const chunk = batch.map((line) => `${line}\n`).join('');
      hash.update(chunk);
      rows += batch.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { table, file, rows, sha256: hash.digest('hex'), columns: columns.map((c) => c.name) };
}
