// Reads drizzle-kit's migrations folder: the journal order, each up file, its `.down.sql`, data
// migrations (`.data.ts`, loaded with tsx at run time), hashes and the transaction directive.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MigrationPlanError } from '../errors.js';
import type { DataMigration } from './data.js';

/** The comment that marks a journal entry's `.sql` as the placeholder of a data migration. */
export const DATA_MIGRATION_MARKER = '-- stocksync:data-migration';

/** One migration of the folder, in journal order. */
export interface MigrationFile {
  /** The journal tag, e.g. `0003_inventory`; history rows match on it. */
  name: string;
  /** Position in the journal. */
  index: number;
  /** The journal's `when` (drizzle records it as `created_at`). */
  when: number;
  kind: 'sql' | 'data';
  upPath: string;
  downPath?: string;
  dataPath?: string;
  /** Data migrations: whether the source defines a `down` (read from the text, without loading it). */
  dataReversible?: boolean;
  /** Up SQL text (for data migrations: the marker file). */
  upSql: string;
  downSql?: string;
  /** What the history records: sha256 of the up file, or of the `.data.ts` for data migrations. */
  sha256: string;
  /** sha256 of the `.sql` file exactly as drizzle-orm's migrator computes it. */
  drizzleHash: string;
  /** Whether the up file runs in a transaction (`-- no-transaction` or CONCURRENTLY turn it off). */
  upTransaction: boolean;
  /** Whether the down file runs in a transaction. */
  downTransaction: boolean;
  /** Why a file runs outside a transaction, when it does. */
  noTransactionReason?: string;
}

interface Journal {
  entries: Array<{ idx: number; when: number; tag: string; breakpoints?: boolean }>;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Statements that Postgres refuses to run inside a transaction block. */
const NON_TRANSACTIONAL = [
  /\bcreate\s+(unique\s+)?index\s+concurrently\b/i,
  /\bdrop\s+index\s+concurrently\b/i,
  /\breindex\b[^;]*\bconcurrently\b/i,
  /\brefresh\s+materialized\s+view\s+concurrently\b/i,
  /\bdetach\s+partition\b[^;]*\bconcurrently\b/i,
  /\bvacuum\b/i,
  /\bcreate\s+database\b/i,
  /\balter\s+system\b/i,
];

/**
 * Removes `--` line comments and block comments (string literals and dollar quotes are kept as they are).
 *
 * @example
 * ```ts
 * import { stripSqlComments } from '@stocksync/db/migrations';
 * stripSqlComments('select 1 -- one'); // 'select 1 '
 * ```
 */
export function stripSqlComments(text: string): string {
  // Copies the code between comments as whole slices: building the result one character at a time
  // (and slicing the rest of the text at each `$`) made loading a folder of PL/pgSQL files slow.
  const dollarTag = /\$[A-Za-z_]*\$/y;
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === 45 /* - */ && next === 45) {
      out += text.slice(kept, i);
      const end = text.indexOf('\n', i);
      i = kept = end < 0 ? text.length : end;
    } else if (c === 47 /* / */ && next === 42 /* * */) {
      out += text.slice(kept, i);
      const end = text.indexOf('*/', i + 2);
      i = kept = end < 0 ? text.length : end + 2;
    } else if (c === 39 /* ' */) {
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      i++;
    } else if (c === 36 /* $ */) {
      dollarTag.lastIndex = i;
      const tag = dollarTag.exec(text)?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? text.length : end + tag.length;
      } else {
        i++;
      }
    } else {
      i++;
    }
  }
  return out + text.slice(kept, Math.min(i, text.length));
}

/**
 * Splits a migration file on drizzle's `--> statement-breakpoint` lines, dropping chunks that
 * hold only comments.
 *
 * @example
 * ```ts
 * import { splitStatements } from '@stocksync/db/migrations';
 * splitStatements('select 1;\n--> statement-breakpoint\nselect 2;'); // ['select 1;', 'select 2;']
 * ```
 */
export function splitStatements(text: string): string[] {
  return text
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => stripSqlComments(s).trim().length > 0);
}

/**
 * Decides whether SQL runs in a transaction: not when it starts with a `-- no-transaction`
 * line, nor when it holds a statement Postgres refuses inside one (CREATE INDEX CONCURRENTLY...).
 *
 * @example
 * ```ts
 * import { transactionMode } from '@stocksync/db/migrations';
 * transactionMode('create index concurrently i on t (a);'); // { transaction: false, reason: ... }
 * ```
 */
export function transactionMode(text: string): { transaction: boolean; reason?: string } {
  if (/^\s*--\s*no-transaction\b/im.test(text)) return { transaction: false, reason: 'the file has a -- no-transaction directive' };
  const code = stripSqlComments(text).replace(/'(?:[^']|'')*'/g, "''");
  for (const pattern of NON_TRANSACTIONAL) {
    const found = pattern.exec(code);
    if (found) return { transaction: false, reason: `"${found[0].replace(/\s+/g, ' ')}" cannot run inside a transaction` };
  }
  return { transaction: true };
}

/**
 * Loads the migrations of a drizzle-kit folder in journal order and checks the folder is coherent
 * (every `.sql`, `.down.sql` and `.data.ts` belongs to a journal entry).
 *
 * @example
 * ```ts
 * import { loadMigrations, defaultMigrationsFolder } from '@stocksync/db/migrations';
 * const files = loadMigrations(defaultMigrationsFolder());
 * ```
 */
export function loadMigrations(folder: string): MigrationFile[] {
  const journalPath = join(folder, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new MigrationPlanError(`No drizzle-kit journal at ${journalPath}: point --folder at a drizzle-kit migrations folder.`);
  }
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  const tags = new Set(entries.map((e) => e.tag));
  for (const file of readdirSync(folder)) {
    const tag = file.replace(/(\.down\.sql|\.data\.ts|\.sql)$/, '');
    if (tag === file || tags.has(tag)) continue;
    throw new MigrationPlanError(
      `${file} belongs to no entry of meta/_journal.json. Create migrations with drizzle-kit generate ` +
        `(data migrations: drizzle-kit generate --custom --name <name>, then add <tag>.data.ts).`,
    );
  }
  return entries.map((entry) => {
    const upPath = join(folder, `${entry.tag}.sql`);
    if (!existsSync(upPath)) throw new MigrationPlanError(`The journal lists ${entry.tag} but ${upPath} is missing.`);
    const upSql = readFileSync(upPath, 'utf8');
    const drizzleHash = sha256(upSql);
    const dataPath = join(folder, `${entry.tag}.data.ts`);
    const isData = upSql.includes(DATA_MIGRATION_MARKER) || existsSync(dataPath);
    if (isData) {
      if (!existsSync(dataPath)) {
        throw new MigrationPlanError(`${entry.tag}.sql is a data-migration marker but ${entry.tag}.data.ts is missing.`);
      }
      if (splitStatements(upSql).length > 0 || !upSql.includes(DATA_MIGRATION_MARKER)) {
        throw new MigrationPlanError(
          `${entry.tag}.sql must hold only the marker comment "${DATA_MIGRATION_MARKER} ${entry.tag}.data.ts" ` +
            'because its data migration is in the .data.ts file.',
        );
      }
      const dataSource = readFileSync(dataPath, 'utf8');
      return {
        name: entry.tag,
        index: entry.idx,
        when: entry.when,
        kind: 'data' as const,
        upPath,
        dataPath,
        upSql,
        sha256: sha256(dataSource),
        dataReversible: dataMigrationLooksReversible(dataSource),
        drizzleHash,
        upTransaction: true,
        downTransaction: true,
      };
    }
    const downPath = join(folder, `${entry.tag}.down.sql`);
    const downSql = existsSync(downPath) ? readFileSync(downPath, 'utf8') : undefined;
    // Read on first use: `migrate status` never needs it, and scanning every file for
    // CONCURRENTLY and the like was a fifth of its run time.
    let modes: { up: boolean; down: boolean; reason?: string } | undefined;
    const modesOf = () => {
      if (modes) return modes;
      const up = transactionMode(upSql);
      const down = downSql === undefined ? { transaction: true } : transactionMode(downSql);
      const reason = up.reason ?? down.reason;
      return (modes = { up: up.transaction, down: down.transaction, ...(reason ? { reason } : {}) });
    };
    return {
      name: entry.tag,
      index: entry.idx,
      when: entry.when,
      kind: 'sql' as const,
      upPath,
      ...(downSql === undefined ? {} : { downPath, downSql }),
      upSql,
      sha256: drizzleHash,
      drizzleHash,
      get upTransaction() {
        return modesOf().up;
      },
      get downTransaction() {
        return modesOf().down;
      },
      get noTransactionReason() {
        return modesOf().reason;
      },
    };
  });
}

/**
 * Whether a data migration's source defines `down` and does not declare itself `irreversible`, read
 * from its text so that `migrate status` needs no TypeScript loader. Running it (up or down) loads
 * the module and checks the real exports.
 *
 * @example
 * ```ts
 * import { dataMigrationLooksReversible } from '@stocksync/db/migrations';
 * dataMigrationLooksReversible('export async function up() {}\nexport async function down() {}'); // true
 * ```
 */
export function dataMigrationLooksReversible(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
  const down = /\bexport\s+(async\s+)?function\s+down\b|\bexport\s+(const|let|var)\s+down\b|[{,]\s*down\s*[:,}(]|\basync\s+down\s*\(/.test(code);
  const irreversible = /\birreversible\s*[:=]/.test(code);
  return down && !irreversible;
}

/**
 * Imports a `.data.ts` migration with tsx and checks its shape.
 *
 * @example
 * ```ts
 * import { loadDataMigration } from '@stocksync/db/migrations';
 * const m = await loadDataMigration('drizzle/0007_import.data.ts');
 * ```
 */
export async function loadDataMigration(path: string): Promise<DataMigration> {
  const { tsImport } = await import('tsx/esm/api');
  const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
  const candidate = (mod.default && typeof mod.default === 'object' && 'up' in (mod.default as object) ? mod.default : mod) as Partial<DataMigration>;
  if (typeof candidate.up !== 'function') {
    throw new MigrationPlanError(`${path} must export an up(ctx) function.`);
  }
  if (typeof candidate.down !== 'function' && typeof candidate.irreversible !== 'string') {
    throw new MigrationPlanError(`${path} must export down(ctx), or irreversible: '<reason>' when it cannot be undone.`);
  }
  return candidate as DataMigration;
}
