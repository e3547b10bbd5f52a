// Per-tenant restore: imports an export into another database trusting nothing in the files: only
// the package's tenant tables, only the manifest's tenant, bounded sizes, every key checked, one transaction.
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { ConfigurationError, sqlStateOf, TenantImportError, TenantLifecycleError } from '../errors.js';
import { quoteIdent } from '../migrations/sql.js';
import { isUuid } from '../uuid.js';
import { tenantStatusCache, type AnyPgDatabase } from './context/index.js';
import { columnsOf, type TenantTransferProgress } from './export.js';
import { importLimits, ndjsonLines, verifyTenantExport, type ExportedTable, type TenantImportLimits } from './export-manifest.js';
import { brokenReferences, importableTables, qualified } from './import-checks.js';
import { tenantResolutionCache } from './resolve.js';

/** Options of {@link importTenant}. */
export interface ImportTenantOptions {
  /** Rows per INSERT (default 500). */
  batchSize?: number;
  /** Called after each table is inserted (the CLI draws a progress bar from it). */
  onProgress?: (progress: TenantTransferProgress) => void;
  /** The key the export was signed with: an unsigned or differently signed manifest is refused. */
  key?: string | Buffer;
  /** Size bounds (rows, bytes, line length). */
  limits?: TenantImportLimits;
}

/** The result of {@link importTenant}. */
export interface ImportTenantResult {
  tenantId: string;
  /** Rows inserted, by table. */
  rows: Record<string, number>;
  /** Custom domains imported unverified (an unsigned export cannot vouch for a domain's ownership). */
  unverifiedDomains: number;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

/**
 * Imports an export into `db` (another database with the same migrations and global reference data),
 * treating the files as hostile. Before anything is written: the manifest is parsed strictly (and
 * its HMAC checked when `key` is given), every file's checksum, row count and size bounds. Then, in
 * one transaction with triggers off (`session_replication_role = replica`, so rows come back exactly,
 * without new audit entries): only the `tenants` row of the manifest's tenant and the package's own
 * tenant tables (confirmed in the catalog) are written, schema-qualified; every line must be a JSON
 * object with known columns, its `tenant_id` the manifest's tenant and a unique uuid `id`; an id that
 * collides with an existing row is refused; finally every foreign key of every imported row must
 * point at a row that exists and belongs to the same tenant (or at global reference data). Without a
 * key, custom domains come in unverified. Any refusal is a {@link TenantImportError} naming the
 * file, table and line, and nothing is written. Needs a connection allowed to set
 * `session_replication_role` (a superuser or the provider's equivalent).
 *
 * @example
 * ```ts
 * import { importTenant } from '@stocksync/db/tenancy';
 * const { tenantId, rows } = await importTenant(otherDb, './backups/acme-2026-11-22', { key: process.env.EXPORT_KEY });
 * ```
 */
export async function importTenant(db: AnyPgDatabase, dir: string, options: ImportTenantOptions = {}): Promise<ImportTenantResult> {
  const limits = importLimits(options.limits);
  const manifest = await verifyTenantExport(dir, { key: options.key, limits });
  const { tenantId } = manifest;
  const batchSize = options.batchSize ?? 500;
  const rows: Record<string, number> = {};
  let unverifiedDomains = 0;
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
    const allowed = await importableTables(tx);
    checkTables(manifest.tables, allowed.tables);
    const [exists] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from ${sql.raw(qualified(allowed.schema, 'tenants'))}
        where id = ${tenantId}::uuid or slug = ${manifest.slug}`),
    );
    if (exists!.n > 0) {
      throw new TenantLifecycleError(`Tenant ${manifest.slug} (${tenantId}) already exists in the target database: purge it there first.`);
    }
    for (const entry of manifest.tables) {
      rows[entry.table] = await importTable(tx, dir, allowed.schema, entry, manifest.slug, tenantId, batchSize, limits.maxLineBytes);
      options.onProgress?.({
        table: entry.table,
        tablesDone: Object.keys(rows).length,
        tablesTotal: manifest.tables.length,
        rows: Object.values(rows).reduce((a, b) => a + b, 0),
      });
    }
    // An export of a schema tenant says so in its tenants row; here its rows went into the shared tables,
    // so it comes in shared (`tenant move --to schema` puts it in a schema of its own again).
    await tx.execute(sql`update ${sql.raw(qualified(allowed.schema, 'tenants'))} set isolation = 'shared', moving_to = null
      where id = ${tenantId}::uuid and (isolation <> 'shared' or moving_to is not null)`);
    // Still with triggers off: the import writes no audit entries of its own.
    if (options.key === undefined && rows['tenant_domains']) {
      const [row] = rowsOf<{ n: number }>(
        await tx.execute(sql`with u as (update ${sql.raw(qualified(allowed.schema, 'tenant_domains'))} set verified_at = null
          where tenant_id = ${tenantId}::uuid and kind = 'custom' and verified_at is not null returning 1) select count(*)::int as n from u`),
      );
      unverifiedDomains = row!.n;
    }
    await tx.execute(sql`set local session_replication_role = origin`);
    await checkDomains(tx, dir, allowed.schema, manifest.slug, tenantId);
    const broken = await brokenReferences(tx, allowed.schema, tenantId, manifest.tables.map((t) => t.table));
    if (broken.length) {
      const first = broken[0]!;
      const line = await lineOfId(dir, first.table, first.firstId);
      throw new TenantImportError(
        `references rows that are missing in the target or belong to another tenant (${broken
          .map((b) => `${b.table} ${b.constraint}: ${b.rows} row(s)`)
          .join('; ')}): import the global reference data first, or fix the export.`,
        { file: `${first.table}.ndjson`, table: first.table, line },
      );
    }
  });
  tenantStatusCache.invalidate(tenantId);
  tenantResolutionCache.invalidate(tenantId);
  return { tenantId, rows, unverifiedDomains };
}

// The manifest may list the tenants row first and then only importable tables, each once.
function checkTables(tables: readonly ExportedTable[], allowed: ReadonlySet<string>) {
  const [root, ...rest] = tables;
  if (root!.table !== 'tenants' || root!.rows !== 1) {
    throw new TenantImportError('must list tenants.ndjson first, with exactly one row.', { file: 'manifest.json', table: root!.table });
  }
  for (const entry of rest) {
    if (!allowed.has(entry.table)) {
      throw new TenantImportError(
        'is not a tenant table of @stocksync/db in this database: an export only holds the tenants row and the package tenant tables.',
        { file: 'manifest.json', table: entry.table },
      );
    }
  }
}

async function importTable(
  tx: AnyPgDatabase,
  dir: string,
  schemaName: string,
  entry: ExportedTable,
  slug: string,
  tenantId: string,
  batchSize: number,
  maxLineBytes: number,
): Promise<number> {
  const where = { file: entry.file, table: entry.table };
  const isRoot = entry.table === 'tenants';
  const target = await columnsOf(tx, entry.table);
  const missing = entry.columns.filter((c) => !target.some((t) => t.name === c));
  if (missing.length) throw new TenantImportError(`has columns the target lacks (${missing.join(', ')}): migrate the target first.`, where);
  for (const required of isRoot ? ['id'] : ['tenant_id', 'id']) {
    if (!entry.columns.includes(required)) throw new TenantImportError(`lists no ${required} column in the manifest.`, where);
  }
  const known = new Set(entry.columns);
  const list = sql.raw(target.filter((c) => !c.generated && known.has(c.name)).map((c) => quoteIdent(c.name)).join(', '));
  const T = sql.raw(qualified(schemaName, entry.table));
  // Rows whose tenant differs are filtered out by the statement too, so a parser disagreement
  // between JSON.parse and jsonb (duplicate keys) shows up as a count mismatch, never as a row elsewhere.
  const owner = isRoot ? sql`r.id = ${tenantId}::uuid` : sql`r.tenant_id = ${tenantId}::uuid`;
  const ids = new Set<string>();
  let batch: Array<{ text: string; line: number }> = [];
  const insert = async (lines: typeof batch) => {
    const [row] = rowsOf<{ n: number }>(
      await tx.execute(sql`with ins as (insert into ${T} (${list}) select ${list} from jsonb_populate_recordset(null::${T}, ${`[${lines
        .map((l) => l.text)
        .join(',')}]`}::jsonb) r where ${owner} returning 1) select count(*)::int as n from ins`),
    );
    if (row!.n !== lines.length) {
      throw new TenantImportError(`holds a row the database reads with another tenant (lines ${lines[0]!.line}-${lines.at(-1)!.line}; duplicate keys?).`, where);
    }
  };
  const flush = async () => {
    if (!batch.length) return;
    const lines = batch;
    batch = [];
    await tx.execute(sql`savepoint stocksync_import_batch`);
    try {
      await insert(lines);
    } catch (error) {
      if (error instanceof TenantImportError) throw error;
      // Find the exact line: replay the batch row by row after rolling the batch back.
      await tx.execute(sql`rollback to savepoint stocksync_import_batch`);
      for (const line of lines) {
        try {
          await insert([line]);
        } catch (rowError) {
          throw refusal(rowError, { ...where, line: line.line });
        }
      }
      throw refusal(error, { ...where, line: lines[0]!.line });
    }
  };
  let count = 0;
  for await (const line of ndjsonLines(join(dir, entry.file), where, maxLineBytes)) {
    checkRow(line, known, isRoot, slug, tenantId, ids, where);
    batch.push(line);
    count++;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  if (count !== entry.rows) throw new TenantImportError(`holds ${count} rows, the manifest says ${entry.rows}.`, where);
  return count;
}

// One line: a JSON object of known columns, this tenant's, with a uuid id not seen before in the file.
function checkRow(
  line: { text: string; line: number },
  known: ReadonlySet<string>,
  isRoot: boolean,
  slug: string,
  tenantId: string,
  ids: Set<string>,
  where: { file: string; table: string },
) {
  const at = { ...where, line: line.line };
  let row: unknown;
  try {
    row = JSON.parse(line.text);
  } catch (error) {
    throw new TenantImportError('is not valid JSON: the export is damaged.', at, { cause: error });
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new TenantImportError('is not a JSON object.', at);
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!known.has(key)) throw new TenantImportError(`has the column ${JSON.stringify(key.slice(0, 63))}, which the manifest does not list.`, at);
  }
  const id = record['id'];
  if (typeof id !== 'string' || !isUuid(id)) throw new TenantImportError('has no uuid id.', at);
  if (ids.has(id.toLowerCase())) throw new TenantImportError(`repeats the id ${id} of an earlier line.`, at);
  ids.add(id.toLowerCase());
  const owner = isRoot ? id : record['tenant_id'];
  if (typeof owner !== 'string' || owner.toLowerCase() !== tenantId.toLowerCase()) {
    throw new TenantImportError(`belongs to tenant ${JSON.stringify(String(owner).slice(0, 40))}, not the manifest's tenant ${tenantId}.`, at);
  }
  if (isRoot && record['slug'] !== slug) throw new TenantImportError(`has a slug other than the manifest's "${slug}".`, at);
}

// Wraps a database refusal of one row with the file, table and line.
function refusal(error: unknown, at: { file: string; table: string; line: number }): TenantImportError {
  const state = sqlStateOf(error);
  const constraint = (error as { constraint?: string }).constraint ?? (error as { cause?: { constraint?: string } }).cause?.constraint;
  const what =
    state === '23505'
      ? `collides with an existing row${constraint ? ` (${constraint})` : ''}: ids and unique values must be new in the target`
      : `was refused by the database (SQLSTATE ${state ?? 'unknown'}${constraint ? `, ${constraint}` : ''})`;
  return new TenantImportError(`${what}.`, at, { cause: error });
}

// A tenant's subdomain rows must be its own slug's subdomains.
async function checkDomains(tx: AnyPgDatabase, dir: string, schemaName: string, slug: string, tenantId: string) {
  const [row] = rowsOf<{ id: string; hostname: string }>(
    await tx.execute(sql`select id::text as id, hostname from ${sql.raw(qualified(schemaName, 'tenant_domains'))}
      where tenant_id = ${tenantId}::uuid and kind = 'subdomain' and split_part(hostname, '.', 1) <> ${slug} limit 1`),
  );
  if (row) {
    throw new TenantImportError(`claims the subdomain ${row.hostname}, which is not the tenant's slug "${slug}".`, {
      file: 'tenant_domains.ndjson',
      table: 'tenant_domains',
      line: await lineOfId(dir, 'tenant_domains', row.id),
    });
  }
}

// The line of a row, by id (only on the error path: the file is read again).
async function lineOfId(dir: string, table: string, id: string): Promise<number | undefined> {
  const file = `${table}.ndjson`;
  for await (const line of ndjsonLines(join(dir, file), { file, table }, Number.MAX_SAFE_INTEGER)) {
    if ((JSON.parse(line.text) as { id?: string }).id?.toLowerCase() === id.toLowerCase()) return line.line;
  }
  return undefined;
}
