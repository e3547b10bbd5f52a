// verify: the real folder round-trips; a down that forgets something, or a data migration whose
// down does not restore the data, is reported with the differing catalog lines.
import { afterAll, describe, expect, it } from 'vitest';
import { verifyMigrations } from '../../../src/migrations/index.js';
import { fixtureFolder, removeFolder } from './helpers.js';

describe('migrate verify', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach(removeFolder));
  const folderOf = (...args: Parameters<typeof fixtureFolder>) => {
    const f = fixtureFolder(...args);
    folders.push(f);
    return f;
  };

  it('every migration of the package folder goes up, down and up again to the same schema', async () => {
    const result = await verifyMigrations({ bail: false });
    const failing = result.migrations.filter((m) => !m.ok).map((m) => `${m.name}: ${m.problems.slice(0, 5).join('; ')}`);
    expect(failing).toEqual([]);
    expect(result.engine).toBe('server');
    expect(result.migrations.length).toBeGreaterThan(3);
  }, 300_000);

  it('reports a down file that leaves an index, a policy flag or a function behind', async () => {
    const folder = folderOf([
      { name: '0000_t', up: 'create table t (id int primary key, v int);', down: 'drop table t;' },
      {
        name: '0001_idx',
        up: 'create index t_v_idx on t (v);\n--> statement-breakpoint\nalter table t enable row level security;\n--> statement-breakpoint\ncreate function f() returns int language sql as $$ select 1 $$;',
        down: 'alter table t disable row level security;',
      },
    ]);
    const result = await verifyMigrations({ folder });
    expect(result.ok).toBe(false);
    expect(result.migrations.map((m) => [m.name, m.ok])).toEqual([
      ['0000_t', true],
      ['0001_idx', false],
    ]);
    const problems = result.migrations[1]!.problems.join('\n');
    expect(problems).toContain('+ index CREATE INDEX t_v_idx ON public.t USING btree (v)');
    expect(problems).toContain('+ function public.f()');
  });

  it('reports a missing down file and goes on with --no-bail', async () => {
    const folder = folderOf([
      { name: '0000_t', up: 'create table t (id int);' },
      { name: '0001_u', up: 'create table u (id int);', down: 'drop table u;' },
    ]);
    const result = await verifyMigrations({ folder, bail: false });
    expect(result.migrations.map((m) => [m.name, m.ok, m.problems])).toEqual([
      ['0000_t', false, ['no down file']],
      ['0001_u', true, []],
    ]);
  });

  it('checks that a data migration down restores the rows its fixture and up touched', async () => {
    const good = `
export async function fixture(ctx) { await ctx.exec("insert into t values (1, 'a'), (2, 'b')"); }
export async function up(ctx) { await ctx.exec("update t set v = upper(v)"); }
export async function down(ctx) { await ctx.exec("update t set v = lower(v)"); }
`;
    const lossy = good.replace('lower(v)', "'a'");
    const base = { name: '0000_t', up: 'create table t (id int primary key, v text);', down: 'drop table t;' };
    expect((await verifyMigrations({ folder: folderOf([base, { name: '0001_upper', data: good }]) })).ok).toBe(true);
    const bad = await verifyMigrations({ folder: folderOf([base, { name: '0001_upper', data: lossy }]) });
    expect(bad.ok).toBe(false);
    expect(bad.migrations[1]!.problems[0]).toMatch(/^data after down differs from before up: - public\.t rows=2 md5=/);
  });

  it('runs on the embedded PGlite engine too', async () => {
    const folder = folderOf([
      { name: '0000_t', up: 'create table t (id int primary key);', down: 'drop table t;' },
      { name: '0001_c', up: 'alter table t add column c text;', down: 'alter table t drop column c;' },
    ]);
    const result = await verifyMigrations({ folder, embedded: true });
    expect(result).toMatchObject({ ok: true, engine: 'embedded' });
  });
});
