// assertDeploymentSafe / checkDeployment on a live database: passes as the service role, fails for a
// privileged connection, and names each weakened setting a deployment can drift into.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeploymentUnsafeError } from '../../src/errors.js';
import { openDatabase } from '../../src/connection.js';
import { assertDeploymentSafe, checkDeployment } from '../../src/tenancy/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

describe('deployment checks', () => {
  let test: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    test = await createTestDatabase();
    admin = new pg.Client({ connectionString: test.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await test?.drop();
  });

  const statuses = (findings: Awaited<ReturnType<typeof checkDeployment>>) =>
    Object.fromEntries(findings.map((f) => [f.check, f.status]));

  it('passes for the service role, forgery attempt included', async () => {
    const findings = await assertDeploymentSafe(await test.serviceDb());
    expect(statuses(findings)).toEqual({
      'connecting role': 'ok',
      'role stocksync_app': 'ok',
      'role stocksync_service': 'ok',
      'service privileges': 'ok',
      'row-level security': 'ok',
      'forged context': 'ok',
    });
  });

  it('refuses a superuser connection as a service, and checks it as an operator', async () => {
    await expect(assertDeploymentSafe(test.db)).rejects.toBeInstanceOf(DeploymentUnsafeError);
    const asOperator = statuses(await checkDeployment(test.db, { as: 'operator' }));
    expect(asOperator['connecting role']).toBeUndefined();
    expect(asOperator['forged context']).toBe('ok');
  });

  it('runs on a fresh connection of the service role opened from its URL', async () => {
    const handle = await openDatabase({ url: test.serviceUrl, driver: 'postgres', max: 1 });
    try {
      expect((await checkDeployment(handle.db)).filter((f) => f.status === 'fail')).toEqual([]);
    } finally {
      await handle.close();
    }
  });
  // Last: it leaves the database weakened.
  it('names TEMP granted back, a restrictive policy, a dropped policy and role settings', async () => {
    await admin.query(`grant temporary on database "${test.name}" to public`);
    await admin.query(`create policy teams_guard on teams as restrictive for all to stocksync_app using (true)`);
    await admin.query(`drop policy users_delete on users`);
    await admin.query(`alter role stocksync_service in database "${test.name}" set statement_timeout = '1s'`);
    try {
      const findings = await checkDeployment(await test.serviceDb());
      const s = statuses(findings);
      expect(s['service privileges']).toBe('fail');
      expect(s['row-level security']).toBe('fail');
      expect(s['role stocksync_service settings']).toBe('warn');
      expect(findings.find((f) => f.check === 'row-level security')!.detail).toMatch(/teams.*users|users.*teams/);
      await expect(assertDeploymentSafe(await test.serviceDb())).rejects.toBeInstanceOf(DeploymentUnsafeError);
    } finally {
      await admin.query(`alter role stocksync_service in database "${test.name}" reset all`);
    }
  });

});
