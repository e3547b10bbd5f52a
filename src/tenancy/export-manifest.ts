// The tenant export format: manifest types, strict manifest parsing, the optional HMAC signature,
// bounded NDJSON line reading, and verifyTenantExport (checksums and counts, no database).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TenantImportError } from '../errors.js';
import { isUuid } from '../uuid.js';
import { SLUG_PATTERN } from './slug.js';

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
  /** HMAC-SHA256 (hex) of the manifest's fields, present when the export was made with a key. */
  signature?: string;
}

/**
 * Size bounds of an import; a file over any bound is refused before (or while) it is read.
 * Defaults: 10,000,000 rows, 8 GiB of files, 16 MiB per line.
 */
export interface TenantImportLimits {
  /** Rows over all tables. */
  maxRows?: number;
  /** Bytes over all files. */
  maxBytes?: number;
  /** Bytes of one line (one row). */
  maxLineBytes?: number;
}

/** The limits with their defaults applied. */
export type ResolvedImportLimits = Required<TenantImportLimits>;

/** Applies the defaults of {@link TenantImportLimits}. */
export function importLimits(limits: TenantImportLimits = {}): ResolvedImportLimits {
  return {
    maxRows: limits.maxRows ?? 10_000_000,
    maxBytes: limits.maxBytes ?? 8 * 1024 ** 3,
    maxLineBytes: limits.maxLineBytes ?? 16 * 1024 ** 2,
  };
}

const MANIFEST_FILE = 'manifest.json';
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** A table or column name as the package writes them: lowercase snake_case, at most 63 bytes. */
export const IDENTIFIER_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
const identifier = z.string().regex(IDENTIFIER_PATTERN, 'not a lowercase snake_case identifier');

const manifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  tenantId: z.string().refine(isUuid, 'not a uuid'),
  slug: z.string().regex(SLUG_PATTERN, 'not a tenant slug'),
  exportedAt: z.string().max(40),
  tables: z
    .array(
      z.strictObject({
        table: identifier,
        file: z.string().max(80),
        rows: z.number().int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a hex SHA-256'),
        columns: z.array(identifier).min(1).max(1600),
      }),
    )
    .min(1)
    .max(1000),
  signature: z.string().regex(/^[0-9a-f]{64}$/, 'not a hex HMAC-SHA256').optional(),
});

// The signed text: every field in a fixed order, so the signature does not depend on key order.
function signedText(manifest: ExportManifest): string {
  return JSON.stringify([
    manifest.format,
    manifest.version,
    manifest.tenantId,
    manifest.slug,
    manifest.exportedAt,
    manifest.tables.map((t) => [t.table, t.file, t.rows, t.sha256, t.columns]),
  ]);
}

/**
 * The HMAC-SHA256 (hex) of a manifest under `key`: {@link exportTenant} stores it as `signature`
 * when given a key, and {@link importTenant} with the same key refuses a manifest without it or
 * with another one. Every file's SHA-256 is in the manifest, so the signature covers every row.
 *
 * @example
 * ```ts
 * import { signManifest } from '@stocksync/db/tenancy';
 * const signature = signManifest(manifest, process.env.EXPORT_KEY!);
 * ```
 */
export function signManifest(manifest: ExportManifest, key: string | Buffer): string {
  if (!key.length) throw new TenantImportError('The signing key is empty: pass the key the export was signed with.');
  return createHmac('sha256', key).update(signedText(manifest)).digest('hex');
}

/** Reads and strictly validates `<dir>/manifest.json`; with a key, checks its signature. */
export async function readManifest(dir: string, key?: string | Buffer): Promise<ExportManifest> {
  const where = { file: MANIFEST_FILE };
  const path = join(dir, MANIFEST_FILE);
  const stat = await lstat(path).catch((error: unknown) => {
    throw new TenantImportError(`cannot be read (${(error as Error).message}): is ${dir} a tenant export?`, where, { cause: error });
  });
  if (!stat.isFile()) throw new TenantImportError('is not a regular file (symbolic links are refused).', where);
  if (stat.size > MAX_MANIFEST_BYTES) throw new TenantImportError(`is larger than ${MAX_MANIFEST_BYTES} bytes: not a tenant export manifest.`, where);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new TenantImportError('is not valid JSON: the export is damaged.', where, { cause: error });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TenantImportError(`is not a tenant export manifest: ${issue.path.join('.') || '(root)'}: ${issue.message}.`, where);
  }
  const manifest = parsed.data as ExportManifest;
  if (key !== undefined) {
    if (!manifest.signature) throw new TenantImportError('is not signed, but a key was given: export it again with the key.', where);
    const expected = Buffer.from(signManifest(manifest, key), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(manifest.signature, 'hex'))) {
      throw new TenantImportError('has a signature that does not match the key: the export was altered or signed with another key.', where);
    }
  }
  return manifest;
}

/**
 * Checks an export against its manifest without touching a database: the manifest's shape (and
 * its signature when `key` is given), every file a regular file named `<table>.ndjson` within the
 * size bounds, its SHA-256 and row count.
 *
 * @example
 * ```ts
 * import { verifyTenantExport } from '@stocksync/db/tenancy';
 * const manifest = await verifyTenantExport('./backups/acme-2026-11-22');
 * ```
 */
export async function verifyTenantExport(
  dir: string,
  options: { key?: string | Buffer; limits?: TenantImportLimits } = {},
): Promise<ExportManifest> {
  const manifest = await readManifest(dir, options.key);
  const limits = importLimits(options.limits);
  const seen = new Set<string>();
  let bytes = 0;
  let rows = 0;
  for (const entry of manifest.tables) {
    const where = { file: MANIFEST_FILE, table: entry.table };
    if (seen.has(entry.table)) throw new TenantImportError('lists the table twice.', where);
    seen.add(entry.table);
    if (entry.file !== `${entry.table}.ndjson`) throw new TenantImportError(`names the file "${entry.file.slice(0, 80)}" instead of ${entry.table}.ndjson.`, where);
    rows += entry.rows;
    if (rows > limits.maxRows) throw new TenantImportError(`lists more than ${limits.maxRows} rows (limits.maxRows).`, where);
    const stat = await lstat(join(dir, entry.file)).catch((error: unknown) => {
      throw new TenantImportError(`cannot be read: ${(error as Error).message}.`, { file: entry.file, table: entry.table }, { cause: error });
    });
    if (!stat.isFile()) throw new TenantImportError('is not a regular file (symbolic links are refused).', { file: entry.file, table: entry.table });
    bytes += stat.size;
    if (bytes > limits.maxBytes) throw new TenantImportError(`takes the export over ${limits.maxBytes} bytes (limits.maxBytes).`, { file: entry.file, table: entry.table });
    const hash = createHash('sha256');
    let lines = 0;
    for await (const chunk of createReadStream(join(dir, entry.file))) {
      hash.update(chunk as Buffer);
      for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
    }
    if (hash.digest('hex') !== entry.sha256 || lines !== entry.rows) {
      throw new TenantImportError('does not match the manifest (checksum or row count): the export is damaged.', { file: entry.file, table: entry.table });
    }
  }
  return manifest;
}

/**
 * The lines of an NDJSON file, each with its 1-based number, decoded as strict UTF-8. A line over
 * `maxLineBytes`, an empty line, invalid UTF-8 or a last line without its newline is refused.
 */
export async function* ndjsonLines(
  path: string,
  where: { file: string; table: string },
  maxLineBytes: number,
): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const emit = (bytes: Buffer) => {
    line++;
    if (!bytes.length) throw new TenantImportError('is an empty line: the export is damaged.', { ...where, line });
    try {
      return { text: decoder.decode(bytes), line };
    } catch (error) {
      throw new TenantImportError('is not valid UTF-8: the export is damaged.', { ...where, line }, { cause: error });
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const part = chunk.subarray(start, end);
      if (pendingBytes + part.length > maxLineBytes) {
        throw new TenantImportError(`is longer than ${maxLineBytes} bytes (limits.maxLineBytes).`, { ...where, line: line + 1 });
      }
      const bytes = pending.length ? Buffer.concat([...pending, part]) : part;
      pending = [];
      pendingBytes = 0;
      yield emit(bytes);
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > maxLineBytes) {
      throw new TenantImportError(`is longer than ${maxLineBytes} bytes (limits.maxLineBytes).`, { ...where, line: line + 1 });
    }
    if (rest.length) pending.push(Buffer.from(rest));
  }
  if (pendingBytes) throw new TenantImportError('has no final newline: the export is truncated.', { ...where, line: line + 1 });
}
