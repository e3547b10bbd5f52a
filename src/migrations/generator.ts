// Down files from drizzle-kit snapshots: diff the migration's snapshot back to the previous one
// (`drizzle-kit/api` generateMigration, reversed), then reorder so the result runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationPlanError } from '../errors.js';
import { loadMigrations } from './loader.js';

type Snapshot = {
  tables?: Record<string, { name: string; schema?: string; foreignKeys?: Record<string, { tableTo: string; schemaTo?: string }> }>;
  [key: string]: unknown;
};

const EMPTY_SNAPSHOT = {
  id: '00000000-0000-0000-0000-000000000000',
  prevId: '',
  version: '7',
  dialect: 'postgresql',
  tables: {},
  enums: {},
  schemas: {},
  sequences: {},
  roles: {},
  policies: {},
  views: {},
  _meta: { columns: {}, schemas: {}, tables: {} },
};

// Lower runs first. Drops go from the outside in (policies, constraints, indexes, columns, tables,
// types, schemas), creations from the inside out; creating roles first and dropping them last.
const ORDER: Array<[RegExp, number]> = [
  [/^create\s+role\b/i, 0],
  [/^(drop|alter)\s+policy\b/i, 1],
  [/^alter\s+table\b.*\bdisable\s+row\s+level\s+security/i, 2],
  [/^alter\s+table\b.*\bdrop\s+constraint\b/i, 3],
  [/^drop\s+index\b/i, 4],
  [/^drop\s+(materialized\s+)?view\b/i, 5],
  [/^alter\s+table\b.*\bdrop\s+column\b/i, 6],
  [/^drop\s+table\b/i, 7],
  [/^drop\s+(type|sequence)\b/i, 8],
  [/^drop\s+schema\b/i, 9],
  [/^create\s+schema\b/i, 10],
  [/^(create|alter)\s+(type|sequence)\b/i, 11],
  [/^create\s+table\b/i, 12],
  [/^alter\s+table\b.*\badd\s+constraint\b/i, 15],
  [/^alter\s+table\b.*\benable\s+row\s+level\s+security/i, 16],
  [/^alter\s+table\b/i, 13],
  [/^create\s+(unique\s+)?index\b/i, 14],
  [/^create\s+(materialized\s+)?view\b/i, 15],
  [/^create\s+policy\b/i, 17],
  [/^(drop|alter)\s+role\b/i, 18],
];

function rank(statement: string): number {
  const text = statement.trim();
  for (const [pattern, value] of ORDER) if (pattern.test(text)) return value;
  return 13;
}

const tableOfDrop = (statement: string) => /^drop\s+table\s+(?:"([^"]+)"\.)?"([^"]+)"/i.exec(statement.trim());

/**
 * Orders reverse-diff statements so they run: policies before roles, constraints before tables,
 * and tables that reference others dropped before what they reference. CASCADE is removed, so a
 * down file fails loudly instead of silently dropping objects it does not name.
 *
 * @example
 * ```ts
 * import { orderDownStatements } from '@stocksync/db/migrations';
 * orderDownStatements(['DROP TABLE "a" CASCADE;', 'DROP POLICY "p" ON "a" CASCADE;'], {});
 * ```
 */
export function orderDownStatements(statements: string[], upSnapshot: Snapshot): string[] {
  const trimmed = statements
    .map((s) => s.trim())
    .map((s) => (/^drop\s+(table|policy|type|schema|view|materialized\s+view|sequence)\b/i.test(s) ? s.replace(/\s+CASCADE\s*;\s*$/i, ';') : s));
  // Disabling RLS on a table the same down drops is noise drizzle-kit emits: leave it out.
  const dropped = new Set(trimmed.map((s) => tableOfDrop(s)).filter((m) => m).map((m) => `${m![1] ?? 'public'}.${m![2]}`));
  const cleaned = trimmed.filter((s) => {
    const m = /^alter\s+table\s+(?:"([^"]+)"\.)?"([^"]+)"\s+disable\s+row\s+level\s+security/i.exec(s);
    return !m || !dropped.has(`${m[1] ?? 'public'}.${m[2]}`);
  });
  // Foreign keys of the up state: which table references which.
  const references = new Map<string, Set<string>>();
  for (const table of Object.values(upSnapshot.tables ?? {})) {
    const key = `${table.schema || 'public'}.${table.name}`;
    const to = new Set<string>();
    for (const fk of Object.values(table.foreignKeys ?? {})) to.add(`${fk.schemaTo || 'public'}.${fk.tableTo}`);
    references.set(key, to);
  }
  const dropTables = cleaned.filter((s) => rank(s) === 7);
  const dropKey = (s: string) => {
    const m = tableOfDrop(s);
    return m ? `${m[1] ?? 'public'}.${m[2]}` : s;
  };
  // Depth-first: a table goes after every dropped table that references it.
  const pending = new Set(dropTables.map(dropKey));
  const ordered: string[] = [];
  const visit = (key: string, stack: Set<string>) => {
    if (!pending.has(key) || stack.has(key)) return;
    stack.add(key);
    for (const [other, to] of references) if (to.has(key) && other !== key) visit(other, stack);
    stack.delete(key);
    if (pending.delete(key)) ordered.push(key);
  };
  for (const key of dropTables.map(dropKey)) visit(key, new Set());
  const tablePosition = new Map(ordered.map((k, i) => [k, i]));
  return cleaned
    .map((statement, i) => ({ statement, i, r: rank(statement), t: rank(statement) === 7 ? (tablePosition.get(dropKey(statement)) ?? i) : 0 }))
    .sort((a, b) => a.r - b.r || a.t - b.t || a.i - b.i)
    .map((x) => x.statement);
}

function snapshotPath(folder: string, tag: string): string {
  return join(folder, 'meta', `${tag.split('_')[0]}_snapshot.json`);
}

/**
 * Generates the down SQL of a schema migration from its snapshot and the previous one. Returns
 * null when the snapshots are equal (a custom migration: write its down by hand).
 *
 * @example
 * ```ts
 * import { generateDownSql } from '@stocksync/db/migrations';
 * const sql = await generateDownSql('drizzle', '0003_inventory');
 * ```
 */
export async function generateDownSql(folder: string, tag: string): Promise<string | null> {
  const files = loadMigrations(folder);
  const position = files.findIndex((f) => f.name === tag);
  if (position < 0) throw new MigrationPlanError(`No migration named ${tag} in ${folder}.`);
  const path = snapshotPath(folder, tag);
  if (!existsSync(path)) throw new MigrationPlanError(`No snapshot for ${tag} (${path}).`);
  const current = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const previousPath = position > 0 ? snapshotPath(folder, files[position - 1]!.name) : undefined;
  const previous = previousPath && existsSync(previousPath) ? (JSON.parse(readFileSync(previousPath, 'utf8')) as Snapshot) : EMPTY_SNAPSHOT;
  const { generateMigration } = await import('drizzle-kit/api');
  const statements = await generateMigration(current as never, previous as never);
  if (statements.length === 0) return null;
  const ordered = orderDownStatements(statements, current);
  return `-- Reverts ${tag} (generated from the drizzle-kit snapshots by stocksync-db migrate generate; review it).\n${ordered.join('\n--> statement-breakpoint\n')}\n`;
}

/**
 * Writes `<tag>.down.sql` next to the up file (refuses to overwrite unless asked).
 *
 * @example
 * ```ts
 * import { writeDownFile } from '@stocksync/db/migrations';
 * const result = await writeDownFile('drizzle', '0003_inventory');
 * ```
 */
export async function writeDownFile(
  folder: string,
  tag: string,
  options: { overwrite?: boolean } = {},
): Promise<{ path: string; written: boolean; reason?: string }> {
  const path = join(folder, `${tag}.down.sql`);
  if (existsSync(path) && !options.overwrite) return { path, written: false, reason: 'a down file exists (pass overwrite to replace it)' };
  const sql = await generateDownSql(folder, tag);
  if (sql === null) return { path, written: false, reason: 'the snapshots are equal (custom migration): write the down file by hand' };
  writeFileSync(path, sql);
  return { path, written: true };
}
