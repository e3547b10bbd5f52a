// Per-tenant backup and move: export one tenant to NDJSON (one file per table, streamed, manifest
// with checksums) from one consistent snapshot, and import it into another database, verified.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { ConfigurationError, sqlStateOf, TenantLifecycleError, TenantNotFoundError, ValidationError } from '../errors.js';
import { tenantIdOf, tenantStatusCache, type AnyPgDatabase, type TenantRef } from './context/index.js';
import { tenantTablesInDatabase } from './catalog.js';
import { tenantResolutionCache } from './resolve.js';

/** The manifest format written by {@link exportTenant}. */
export const EXPORT_FORMAT = 'stocksync.tenant-export';

/** One table of an export. */
export interface ExportedTable {
  table: string;
  file: string;
  rows: number;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  /** Columns present in the rows (generated columns included; import skips them). */
  columns: string[];
}

/** `manifest.json` of an export. */
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: 1;
  tenantId: string;
  slug: string;
  exportedAt: string;
  /** The `tenants` row first, then tenant tables, parents before children. */
  tables: ExportedTable[];
}

/** Options of {@link exportTenant}. */
export interface ExportTenantOptions {
  /** Rows fetched per query (default 2,000). */
  batchSize?: number;
  /** Called after each table is written (the CLI draws a progress bar from it). */
  onProgress?: (progress: TenantTransferProgress) => void;
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

function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function columnsOf(db: Pick<AnyPgDatabase, 'execute'>, table: string) {
  return rowsOf<{ name: string; generated: boolean }>(
    await db.execute(sql`select a.attname as name, a.attgenerated <> '' as generated from pg_attribute a
      where a.attrelid = to_regclass(${q(table)}) and a.attnum > 0 and not a.attisdropped order by a.attnum`),
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
      const [root] = rowsOf<{ slug: string; j: string }>(
        await tx.execute(sql`select slug, to_jsonb(t)::text as j from tenants t where id = ${tenantId}::uuid`),
      );
      if (!root) throw new TenantNotFoundError(`Tenant ${tenantId} does not exist: nothing to export.`);
      const tables: ExportedTable[] = [];
      tables.push(await writeTable(dir, 'tenants', await columnsOf(tx, 'tenants'), async function* () {
        yield [root.j];
      }));
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
        const T = sql.raw(q(table));
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

async function readManifest(dir: string): Promise<ExportManifest> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== 1) {
    throw new ValidationError(`${dir} is not a tenant export (format ${String(manifest.format)}).`, [
      { path: ['format'], message: 'unknown format' },
    ]);
  }
  return manifest;
}

async function* lines(path: string): AsyncGenerator<string> {
  const reader = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of reader) if (line) yield line;
}

/**
 * Checks an export against its manifest (every file's SHA-256 and row count) without touching a database.
 *
 * @example
 * ```ts
 * import { verifyTenantExport } from '@stocksync/db/tenancy';
 * const manifest = await verifyTenantExport('./backups/acme-2026-11-22');
 * ```
 */
export async function verifyTenantExport(dir: string): Promise<ExportManifest> {
  const manifest = await readManifest(dir);
  for (const entry of manifest.tables) {
    if (!/^[a-z_][a-z0-9_]*\.ndjson$/.test(entry.file)) {
      throw new ValidationError(`Unexpected file name ${entry.file} in the manifest.`, [{ path: ['tables'], message: 'bad file' }]);
    }
    const hash = createHash('sha256');
    let rows = 0;
    for await (const chunk of createReadStream(join(dir, entry.file))) {
      hash.update(chunk as Buffer);
      rows += (chunk as Buffer).toString('latin1').split('\n').length - 1;
    }
    const sha256 = hash.digest('hex');
    if (sha256 !== entry.sha256 || rows !== entry.rows) {
      throw new ValidationError(`${entry.file} does not match the manifest (checksum or row count): the export is damaged.`, [
        { path: ['tables', entry.table], message: 'checksum mismatch' },
      ]);
    }
  }
  return manifest;
}

/** Options of {@link importTenant}. */
export interface ImportTenantOptions {
  /** Rows per INSERT (default 500). */
  batchSize?: number;
  /** Called after each table is inserted (the CLI draws a progress bar from it). */
  onProgress?: (progress: TenantTransferProgress) => void;
}

/**
 * Imports an export into `db` (another database with the same migrations and global reference
 * data): verifies the checksums first, refuses a tenant id or slug that already exists, then inserts
 * every table in one transaction with triggers off (`session_replication_role = replica`, so rows
 * come back exactly, with no new audit entries) and finally checks every foreign key of the imported
 * rows, rolling back on any dangling reference. Needs a superuser (or equivalent) connection.
 *
 * @example
 * ```ts
 * import { importTenant } from '@stocksync/db/tenancy';
 * const { tenantId, rows } = await importTenant(otherDb, './backups/acme-2026-11-22');
 * ```
 */
export async function importTenant(
  db: AnyPgDatabase,
  dir: string,
  options: ImportTenantOptions = {},
): Promise<{ tenantId: string; rows: Record<string, number> }> {
  const manifest = await verifyTenantExport(dir);
  const batchSize = options.batchSize ?? 500;
  const rows: Record<string, number> = {};
  await db.transaction(async (tx) => {
    try {
      await tx.execute(sql`set local session_replication_role = replica`);
    } catch (error) {
      if (sqlStateOf(error) === '42501') {
        throw new ConfigurationError(
          'importTenant needs a connection allowed to set session_replication_role (a superuser or your provider equivalent).',
          { cause: error },
        );
      }
      throw error;
    }
    const [exists] = rowsOf<{ n: number }>(
      await tx.execute(
        sql`select count(*)::int as n from tenants where id = ${manifest.tenantId}::uuid or slug = ${manifest.slug}`,
      ),
    );
    if (exists!.n > 0) {
      throw new TenantLifecycleError(
        `Tenant ${manifest.slug} (${manifest.tenantId}) already exists in the target database: purge it there first.`,
      );
    }
    for (const entry of manifest.tables) {
      const target = await columnsOf(tx, entry.table);
      if (!target.length) throw new ConfigurationError(`Table ${entry.table} does not exist in the target: migrate it first.`);
      const missing = entry.columns.filter((c) => !target.some((t) => t.name === c));
      if (missing.length) {
        throw new ConfigurationError(`Table ${entry.table} lacks columns ${missing.join(', ')} in the target: migrate it first.`);
      }
      const insertable = target.filter((c) => !c.generated && entry.columns.includes(c.name)).map((c) => q(c.name));
      const list = sql.raw(insertable.join(', '));
      const T = sql.raw(q(entry.table));
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await tx.execute(
          sql`insert into ${T} (${list}) select ${list} from jsonb_populate_recordset(null::${T}, ${`[${batch.join(',')}]`}::jsonb)`,
        );
        batch = [];
      };
      let count = 0;
      for await (const line of lines(join(dir, entry.file))) {
        batch.push(line);
        count++;
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      rows[entry.table] = count;
      options.onProgress?.({
        table: entry.table,
        tablesDone: Object.keys(rows).length,
        tablesTotal: manifest.tables.length,
        rows: Object.values(rows).reduce((a, b) => a + b, 0),
      });
    }
    await tx.execute(sql`set local session_replication_role = origin`);
    const dangling = await danglingReferences(tx, manifest.tenantId, manifest.tables.map((t) => t.table));
    if (dangling.length) {
      throw new ValidationError(`The import references rows missing in the target: ${dangling.join('; ')}.`, dangling.map((d) => ({
        path: [d.split(' ')[0]!],
        message: d,
      })));
    }
  });
  tenantStatusCache.invalidate(manifest.tenantId);
  tenantResolutionCache.invalidate(manifest.tenantId);
  return { tenantId: manifest.tenantId, rows };
}

// Every foreign key of the imported tables, checked with an anti-join on the tenant's rows.
async function danglingReferences(db: Pick<AnyPgDatabase, 'execute'>, tenantId: string, tables: string[]): Promise<string[]> {
  const keys = rowsOf<{ name: string; table: string; columns: string[]; target: string; target_columns: string[] }>(
    await db.execute(sql`select k.conname as name, c.relname as table, r.relname as target,
        array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
        array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as target_columns
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
      where k.contype = 'f'
        and c.relname::text in (select jsonb_array_elements_text(${JSON.stringify(tables)}::jsonb))`),
  );
  const problems: string[] = [];
  for (const key of keys) {
    const T = sql.raw(q(key.table));
    const R = sql.raw(q(key.target));
    const notNull = sql.raw(key.columns.map((c) => `t.${q(c)} is not null`).join(' and '));
    const join = sql.raw(key.columns.map((c, i) => `r.${q(key.target_columns[i]!)} = t.${q(c)}`).join(' and '));
    const scope = key.table === 'tenants' ? sql`t.id = ${tenantId}::uuid` : sql`t.tenant_id = ${tenantId}::uuid`;
    const [row] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${T} t where ${scope} and ${notNull} and not exists (select 1 from ${R} r where ${join})`,
      ),
    );
    if (row!.n > 0) problems.push(`${key.table} ${key.name}: ${row!.n} row(s)`);
  }
  return problems;
}
