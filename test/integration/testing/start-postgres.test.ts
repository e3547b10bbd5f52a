// startPostgres picks TEST_DATABASE_URL, a container, or a local cluster, and explains itself
// when none works; databases left by a killed test process are swept.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresUnavailableError } from '../../../src/errors.js';
import { createTestDatabase, probeContainerRuntime, startPostgres } from '../../../src/testing/index.js';

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

  it('throws an error naming all three fixes when nothing works', async () => {
    const attempt = startPostgres({ env: {}, prefer: ['env'] });
    await expect(attempt).rejects.toBeInstanceOf(PostgresUnavailableError);
    await expect(attempt).rejects.toThrow(/TEST_DATABASE_URL.*Docker engine.*apt-get install postgresql/s);
  });

  it.skipIf(probe.available)(
    `falls back from testcontainers with a message when no Docker engine answers (skipped: a Docker engine is reachable)`,
    async () => {
      const logs: string[] = [];
      const server = await startPostgres({ env: {}, prefer: ['container', 'local'], log: (m) => logs.push(m) });
      try {
        expect(server.source).toBe('local');
        expect(logs[0]).toMatch(/^Docker not reachable \(/);
      } finally {
        await server.stop();
      }
    },
  );

  it.skipIf(!probe.available)(
    `starts a Postgres container through testcontainers (skipped: no Docker engine here: ${dockerReason})`,
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
