// SQL text helpers of the loader: comments, breakpoints, the transaction directive and CONCURRENTLY detection.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MigrationPlanError } from '../../../src/errors.js';
import { loadMigrations, splitStatements, stripSqlComments, transactionMode } from '../../../src/migrations/index.js';
import { fixtureFolder } from '../../integration/migrations/helpers.js';

// The plain character-by-character definition of stripSqlComments, as the oracle for the fast one.
function stripSqlCommentsReference(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "'") {
      const start = i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      const stop = tag ? (text.indexOf(tag, i + tag.length) < 0 ? text.length : text.indexOf(tag, i + tag.length) + tag.length) : i + 1;
      out += text.slice(i, stop);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

describe('loader helpers', () => {
  it('strips comments exactly as the character-by-character definition does (random SQL-ish text, and every migration file)', () => {
    const token = fc.constantFrom('-', '--', '/', '/*', '*/', '*', "'", "''", '$', '$$', '$a$', '$tag$', '$1', 'a', '_', '\n', ' ', ';');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(stripSqlComments(text)).toBe(stripSqlCommentsReference(text));
      }),
      { numRuns: 5000 },
    );
    const folder = join(fileURLToPath(new URL('../../../drizzle/', import.meta.url)));
    const files = readdirSync(folder).filter((f) => f.endsWith('.sql'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      expect(stripSqlComments(text), file).toBe(stripSqlCommentsReference(text));
    }
  });

  it('strips comments but keeps strings and dollar-quoted bodies intact', () => {
    expect(stripSqlComments("select '--not a comment' -- a comment\n/* block */ from t")).toBe("select '--not a comment' \n from t");
    expect(stripSqlComments('do $$ begin -- inside\n end $$;')).toBe('do $$ begin -- inside\n end $$;');
    expect(stripSqlComments("select 'it''s' -- x")).toBe("select 'it''s' ");
  });

  it('splits on statement breakpoints and drops comment-only chunks', () => {
    expect(splitStatements('create table a (id int);\n--> statement-breakpoint\n-- only a comment\n--> statement-breakpoint\nselect 1;')).toEqual([
      'create table a (id int);',
      'select 1;',
    ]);
    expect(splitStatements('-- stocksync:data-migration 0001_x.data.ts\n')).toEqual([]);
  });

  it('runs outside a transaction for the directive and for statements Postgres refuses in one', () => {
    expect(transactionMode('create index a_idx on a (id);')).toEqual({ transaction: true });
    expect(transactionMode('CREATE UNIQUE INDEX CONCURRENTLY a_idx ON a (id);').transaction).toBe(false);
    expect(transactionMode('drop index concurrently a_idx;').transaction).toBe(false);
    expect(transactionMode('-- no-transaction\nupdate a set x = 1;')).toEqual({ transaction: false, reason: 'the file has a -- no-transaction directive' });
    expect(transactionMode('-- we never use create index concurrently here\nselect 1;').transaction).toBe(true);
    expect(transactionMode("select 'create index concurrently';").transaction).toBe(true);
  });

  it('rejects files that belong to no journal entry, and data markers without their module', () => {
    const folder = fixtureFolder([{ name: '0000_a', up: 'select 1;' }]);
    writeFileSync(join(folder, '0001_stray.sql'), 'select 2;');
    expect(() => loadMigrations(folder)).toThrow(MigrationPlanError);
    const data = fixtureFolder([{ name: '0000_a', up: '-- stocksync:data-migration 0000_a.data.ts\n' }]);
    expect(() => loadMigrations(data)).toThrow(/0000_a.data.ts is missing/);
    const empty = mkdtempSync(join(tmpdir(), 'stocksync-empty-'));
    expect(() => loadMigrations(empty)).toThrow(/No drizzle-kit journal/);
  });

  it('hashes up files exactly as drizzle-orm does and data migrations by their module', () => {
    const folder = fixtureFolder([
      { name: '0000_a', up: 'select 1;', down: 'select 0;' },
      { name: '0001_d', data: 'export async function up() {}\nexport const irreversible = "x";\n' },
    ]);
    const [a, d] = loadMigrations(folder);
    expect(a!.sha256).toBe(a!.drizzleHash);
    expect(a!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d!.kind).toBe('data');
    expect(d!.sha256).not.toBe(d!.drizzleHash);
  });
});

describe('dataMigrationLooksReversible (status reads the source, loads no TypeScript)', () => {
  it('sees down in every export form, and irreversible or a missing down as not reversible', async () => {
    const { dataMigrationLooksReversible: looks } = await import('../../../src/migrations/loader.js');
    expect(looks('export async function up(ctx) {}\nexport async function down(ctx) {}\n')).toBe(true);
    expect(looks('export const up = async () => {};\nexport const down = async () => {};\n')).toBe(true);
    expect(looks('export default defineDataMigration({ up, down });\n')).toBe(true);
    expect(looks('export default defineDataMigration({ async up(ctx) {}, async down(ctx) {} });\n')).toBe(true);
    expect(looks('export async function up(ctx) {}\n')).toBe(false);
    expect(looks('export async function up(ctx) {}\n// export async function down(ctx) {}\n')).toBe(false);
    expect(looks('export const irreversible = "drops rows";\nexport async function up(ctx) {}\n')).toBe(false);
    expect(looks('export default defineDataMigration({ up, irreversible: "drops a column" });\n')).toBe(false);
  });
});
