// createGlobalSetup, used the way a service uses it: test/fixtures/vitest-service is a small
// project whose only Postgres wiring is the three-line global setup. Run by its own vitest, its
// files must share one server per run, get a database per file or per test, respect
// TEST_DATABASE_URL, and leave nothing behind.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = join(root, 'test/fixtures/vitest-service');
const dir = mkdtempSync(join(tmpdir(), 'stocksync-global-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Entry = { file: string; server?: string; database: string; tenants?: number; kept?: boolean; leftover?: boolean };

async function runFixture(name: string, extraEnv: Record<string, string>) {
  const reportFile = join(dir, `${name}.jsonl`);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key.startsWith('VITEST') || key === 'TEST_DATABASE_URL' || key.startsWith('STOCKSYNC_TEST_')) continue;
    env[key] = value;
  }
  Object.assign(env, extraEnv, { FIXTURE_REPORT: reportFile });
  const child = spawn(join(root, 'node_modules/.bin/vitest'), ['run', '--root', fixture, '--config', join(fixture, 'vitest.config.ts')], {
    cwd: fixture,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const entries = readFileSync(reportFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Entry);
  return { code, output, entries };
}

async function databasesNamed(url: string, names: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>('select datname from pg_database where datname = any($1)', [names])).rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

function checkLayout(entries: Entry[]) {
  const perFile = entries.filter((e) => e.file === 'per-file');
  const perTest = entries.filter((e) => e.file === 'per-test');
  expect(perFile).toHaveLength(2);
  expect(perFile[0]).toMatchObject({ tenants: 0 });
  expect(perFile[1]).toMatchObject({ kept: true, database: perFile[0]!.database });
  expect(perTest.map((e) => e.leftover)).toEqual([false, false]);
  expect(new Set(perTest.map((e) => e.database)).size).toBe(2);
  expect(perTest.map((e) => e.database)).not.toContain(perFile[0]!.database);
  return [...new Set(entries.map((e) => e.database))];
}

describe('createGlobalSetup in a service project', () => {
  it('uses TEST_DATABASE_URL: every file on that server, a database per file or per test, all dropped after', async () => {
    const server = process.env.STOCKSYNC_TEST_SERVER_URL!;
    const run = await runFixture('env', { TEST_DATABASE_URL: server });
    expect(run.code, run.output).toBe(0);
    expect(new Set(run.entries.filter((e) => e.server).map((e) => e.server))).toEqual(new Set([server]));
    const databases = checkLayout(run.entries);
    expect(databases).toHaveLength(3);
    expect(await databasesNamed(server, databases)).toEqual([]);
  }, 300_000);

  it('without TEST_DATABASE_URL starts one server for the whole run and stops it at the end', async () => {
    const run = await runFixture('local', { STOCKSYNC_TEST_BACKEND: 'local' });
    expect(run.code, run.output).toBe(0);
    const servers = new Set(run.entries.filter((e) => e.server).map((e) => e.server));
    expect(servers.size).toBe(1);
    const [server] = [...servers] as string[];
    expect(server).not.toBe(process.env.STOCKSYNC_TEST_SERVER_URL);
    checkLayout(run.entries);
    const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED/);
  }, 300_000);
});
