// startPostgres picks TEST_DATABASE_URL, a container, or a local cluster, and explains itself
// when none works; databases left by a killed test process are swept.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresUnavailableError } from '../../../src/errors.js';
import { backendOrder, createTestDatabase, probeContainerRuntime, startPostgres } from '../../../src/testing/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const probe = await probeContainerRuntime();
const dockerReason = probe.available ? '' : probe.reason;

describe('startPostgres', () => {
  it('uses TEST_DATABASE_URL first and stop() leaves that server alone', async () => {
    const url = process.env.STOCKSYNC_TEST_SERVER_URL!;
    const logs: string[] = [];
    const server = await startPostgres({ env: { TEST_DATABASE_URL: url }, log: (m) => logs.push(m) });
    expect(server.source).toBe('env');
    expect(server.url).toBe(url);
    await server.stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query('select 1 as one')).rows[0].one).toBe(1);
    await client.end();
    expect(logs).toEqual(['Using TEST_DATABASE_URL.']);
  });

  it('STOCKSYNC_TEST_BACKEND picks one source, no fallback; a wrong value says which values work', async () => {
    expect(backendOrder({})).toEqual(['env', 'local', 'container']);
    expect(backendOrder({ STOCKSYNC_TEST_BACKEND: 'container' })).toEqual(['container']);
    expect(backendOrder({ STOCKSYNC_TEST_BACKEND: 'local' })).toEqual(['local']);
    expect(() => backendOrder({ STOCKSYNC_TEST_BACKEND: 'docker' })).toThrow(
      'STOCKSYNC_TEST_BACKEND is "docker": set it to env (TEST_DATABASE_URL), local (a throwaway cluster from the Postgres binaries) or container (testcontainers), or unset it to try them in that order.',
    );
    // Asked for env alone, a missing TEST_DATABASE_URL is an error, not a fallback to a local cluster.
    const url = process.env.STOCKSYNC_TEST_SERVER_URL!;
    await expect(startPostgres({ env: { STOCKSYNC_TEST_BACKEND: 'env' } })).rejects.toThrow(/Tried: TEST_DATABASE_URL is not set$/);
    const chosen = await startPostgres({ env: { STOCKSYNC_TEST_BACKEND: 'env', TEST_DATABASE_URL: url } });
    expect(chosen).toMatchObject({ source: 'env', url });
  });

  it('throws an error naming all three fixes when nothing works', async () => {
    const attempt = startPostgres({ env: {}, prefer: ['env'] });
    await expect(attempt).rejects.toBeInstanceOf(PostgresUnavailableError);
    await expect(attempt).rejects.toThrow(/TEST_DATABASE_URL.*Docker engine.*apt-get install postgresql/s);
  });

  // A title names its skip reason only when the test is skipped.
  it.skipIf(probe.available)(
    `falls back from testcontainers to a local cluster, saying why, when no Docker engine answers${probe.available ? ' (skipped: a Docker engine is reachable here)' : ''}`,
    async () => {
      const logs: string[] = [];
      const server = await startPostgres({ env: {}, prefer: ['container', 'local'], log: (m) => logs.push(m) });
      try {
        expect(server.source).toBe('local');
        expect(logs[0]).toMatch(/^Docker not reachable \(.*\); falling back\.$/);
      } finally {
        await server.stop();
      }
    },
  );

  it.skipIf(!probe.available)(
    `starts a Postgres container through testcontainers${probe.available ? '' : ` (skipped: no Docker engine here: ${dockerReason})`}`,
    async () => {
      const server = await startPostgres({ env: {}, prefer: ['container'] });
      try {
        expect(server.source).toBe('container');
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        expect((await client.query('select 1 as one')).rows[0].one).toBe(1);
        await client.end();
      } finally {
        await server.stop();
      }
    },
  );
});

describe('createTestDatabase after a killed test process', () => {
  it('drops the databases the dead process left behind', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fixtures/create-test-database-and-die.ts')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: process.env,
    });
    const name = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += String(d);
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line).name);
      });
      child.on('exit', (code) => reject(new Error(`fixture exited early with ${code}`)));
    });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const admin = new pg.Client({ connectionString: process.env.STOCKSYNC_TEST_SERVER_URL });
    await admin.connect();
    try {
      const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
      expect(await exists()).toBe(1);
      const next = await createTestDatabase();
      await next.drop();
      expect(await exists()).toBe(0);
    } finally {
      await admin.end();
    }
  });
});
