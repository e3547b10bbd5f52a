// `stocksync-db tenant` lifecycle paths straight from a suspended tenant: delete, reactivate, purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { runCli } from './run-cli.js';

describe('stocksync-db tenant lifecycle from a suspended tenant', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('deletes a suspended tenant directly, reactivates it, and purges it after suspend + delete', async () => {
    const url = ['--url', t.url];
    const created = await runCli(['tenant', 'create', '--name', 'Susp', '--slug', 'susp-cli', '--email', 'ops@susp.test', '--owner-email', 'jo@susp.test', '--json', ...url]);
    expect(created.code).toBe(0);
    const suspended = await runCli(['tenant', 'suspend', 'susp-cli', '--reason', 'unpaid', '--json', ...url]);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ status: 'suspended' });

    const deleted = await runCli(['tenant', 'delete', 'susp-cli', '--reason', 'closed', '--yes', '--json', ...url]);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    expect(JSON.parse(deleted.stdout)).toMatchObject({ status: 'deleted', tenant: { status: 'deleted' } });

    const illegal = await runCli(['tenant', 'suspend', 'susp-cli', ...url]);
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/is deleted: it cannot become suspended/);

    const reactivated = await runCli(['tenant', 'reactivate', 'susp-cli', '--json', ...url]);
    expect(JSON.parse(reactivated.stdout)).toMatchObject({ status: 'active' });

    await runCli(['tenant', 'suspend', 'susp-cli', ...url]);
    const purged = await runCli(['tenant', 'delete', 'susp-cli', '--purge', '--yes', '--json', ...url]);
    expect(purged.stderr).toBe('');
    expect(purged.code).toBe(0);
    expect(JSON.parse(purged.stdout)).toMatchObject({ status: 'purged', purgedRows: { users: 1 } });
    const gone = await runCli(['tenant', 'show', 'susp-cli', ...url]);
    expect(gone.code).toBe(1);
  });
});
