// `stocksync-db doctor` reports the server's Postgres major and whether it is a tested one (15 to 18).
// CI runs this file on every major it tests (PG_BIN_DIR), so each one's line is checked on that server.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkServerVersion } from '../../../src/cli/commands/doctor.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { runCli } from './run-cli.js';

describe('doctor: postgres version', () => {
  let t: TestDatabase;
  let versionNum: number;
  let version: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select current_setting('server_version_num') as n, current_setting('server_version') as v`,
      );
      versionNum = Number(rows[0].n);
      version = rows[0].v;
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("reports this server's major, ok inside 15 to 18", async () => {
    const major = Math.floor(versionNum / 10000);
    const result = await runCli(['doctor', '--url', t.url, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const check = JSON.parse(result.stdout).checks.find((c: { name: string }) => c.name === 'postgres version');
    expect(check).toEqual({
      name: 'postgres version',
      status: 'ok',
      detail: `PostgreSQL ${major} (${version}), tested majors 15 to 18`,
    });
  }, 180_000);

  it('warns outside 15 to 18 and says what to do', () => {
    expect(checkServerVersion(140011, '14.11')).toEqual({
      name: 'postgres version',
      status: 'warn',
      detail: 'PostgreSQL 14 (14.11) is older than the tested majors 15 to 18',
      fix: 'Upgrade the server to PostgreSQL 15 to 18.',
    });
    expect(checkServerVersion(190000, '19devel')).toMatchObject({ status: 'warn', detail: 'PostgreSQL 19 (19devel) is newer than the tested majors 15 to 18' });
    expect(checkServerVersion(150000, '15.0').status).toBe('ok');
    expect(checkServerVersion(180004, '18.4').status).toBe('ok');
    expect(checkServerVersion(Number.NaN, '?')).toMatchObject({ status: 'warn', detail: 'unknown (server_version ?)' });
  });
});
