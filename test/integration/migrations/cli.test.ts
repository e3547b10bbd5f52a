// The `migrate` command group end to end: a child process per command, exit codes and output.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyDatabase, fixtureFolder, query, removeFolder } from './helpers.js';

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], cwd = root): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { cwd, timeout: 120_000, env: { ...process.env, NO_COLOR: '1', TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('stocksync-db migrate', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('up, status --json, plan, down and a failing up with its recovery message and exit code 1', async () => {
    const db = await emptyDatabase();
    cleanups.push(db.drop);
    const folder = fixtureFolder([
      { name: '0000_a', up: 'create table a (id int primary key);', down: 'drop table a;' },
      { name: '0001_b', up: 'create table b (id int);', down: 'drop table b;' },
    ]);
    cleanups.push(() => removeFolder(folder));
    const base = ['--url', db.url, 'migrate', '--folder', folder];

    const up = await cli([...base, 'up']);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('✓ applied  0000_a');
    expect(up.stdout).toContain('2 migration(s) applied');

    const status = await cli(['--json', ...base, 'status']);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { applied: number; pending: number; migrations: Array<{ name: string; state: string }> };
    expect([parsed.applied, parsed.pending]).toEqual([2, 0]);

    const plan = await cli([...base, 'plan', '--down', '--steps', '2']);
    expect(plan.stdout).toContain('-- 0001_b (down, sql, in a transaction)');
    expect(plan.stdout.indexOf('drop table b;')).toBeLessThan(plan.stdout.indexOf('drop table a;'));

    const down = await cli([...base, 'down']);
    expect(down.code).toBe(0);
    expect(await query(db.url, `select to_regclass('public.b') as b`)).toEqual([{ b: null }]);

    const broken = fixtureFolder([
      { name: '0000_a', up: 'create table a (id int primary key);', down: 'drop table a;' },
      { name: '0001_b', up: 'create table b (id int);', down: 'drop table b;' },
      { name: '0002_bad', up: 'insert into missing_table values (1);', down: 'select 1;' },
    ]);
    cleanups.push(() => removeFolder(broken));
    const failed = await cli(['--url', db.url, 'migrate', '--folder', broken, 'up']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Migration 0002_bad failed (up)');
    expect(failed.stderr).toContain('42P01');
    expect(failed.stderr).toContain('stocksync-db migrate up');
    const statusAfter = await cli(['--url', db.url, 'migrate', '--folder', broken, 'status']);
    expect(statusAfter.stdout).toMatch(/failed\s+0002_bad/);
    expect(statusAfter.code).toBe(1);
  }, 180_000);

  it('lint exits 1 on errors, prints the fix, and can lint one migration', async () => {
    const folder = fixtureFolder([
      { name: '0000_a', up: 'create table a (id int primary key, age int);', down: 'drop table a;' },
      { name: '0001_drop', up: 'ALTER TABLE a DROP COLUMN age;', down: 'alter table a add column age int;' },
    ]);
    cleanups.push(() => removeFolder(folder));
    const lint = await cli(['migrate', '--folder', folder, 'lint']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('0001_drop drop-column');
    expect(lint.stdout).toContain('fix: Release code that no longer reads');
    const one = await cli(['migrate', '--folder', folder, 'lint', '0000_a']);
    expect(one.code).toBe(0);
  }, 120_000);

  it('generate writes the up file with drizzle-kit and the down file from the snapshots; create --data writes a marker and a template', async () => {
    // A scratch project: its own drizzle.config.ts, schema and (linked) node_modules.
    const project = mkdtempSync(join(tmpdir(), 'stocksync-gen-'));
    cleanups.push(() => removeFolder(project));
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    writeFileSync(
      join(project, 'drizzle.config.ts'),
      "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './schema.ts', out: './drizzle', casing: 'snake_case' });\n",
    );
    const schema = (extra: string) =>
      `import { pgTable, integer, text } from 'drizzle-orm/pg-core';\nexport const parents = pgTable('parents', { id: integer().primaryKey() });\n${extra}`;
    writeFileSync(join(project, 'schema.ts'), schema(''));
    const inProject = (args: string[]) => cli(['migrate', '--folder', join(project, 'drizzle'), ...args], project);
    const first = await inProject(['generate', '--name', 'parents']);
    expect(first.code).toBe(0);
    writeFileSync(
      join(project, 'schema.ts'),
      schema("export const children = pgTable('children', { id: integer().primaryKey(), parentId: integer().references(() => parents.id), note: text() });\n"),
    );
    const second = await inProject(['generate', '--name', 'children']);
    expect(second.code).toBe(0);
    const files = readdirSync(join(project, 'drizzle')).sort();
    expect(files).toEqual(['0000_parents.down.sql', '0000_parents.sql', '0001_children.down.sql', '0001_children.sql', 'meta']);
    expect(readFileSync(join(project, 'drizzle', '0001_children.down.sql'), 'utf8')).toContain('DROP TABLE "children";');

    const created = await inProject(['create', '--data', 'backfill_notes']);
    expect(created.code).toBe(0);
    expect(readFileSync(join(project, 'drizzle', '0002_backfill_notes.sql'), 'utf8')).toMatch(/^-- stocksync:data-migration 0002_backfill_notes\.data\.ts/);
    expect(readFileSync(join(project, 'drizzle', '0002_backfill_notes.data.ts'), 'utf8')).toContain('export async function down');

    // The generated pair round-trips on a real database (verify), the data template aside.
    const verify = await inProject(['verify', '--from', '0000_parents']);
    expect(verify.stdout).toContain('ok   0001_children');
  }, 180_000);
});
