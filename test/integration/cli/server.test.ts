// The CLI against a server (--url): bootstrap, seed, doctor, exit codes, JSON, help and plain output.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog } from '../../../src/seed/index.js';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { runCli } from './run-cli.js';

const ANSI = /\u001b\[/;

describe('stocksync-db on a server', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('bootstrap migrates, seeds, and shows isolation; a second run adds nothing', async () => {
    const first = await runCli(['bootstrap', '--url', t.url, '--scale', 'tiny', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.migrations.applied).toEqual([]); // the test database is cloned from a migrated template
    expect(report.seed).toMatchObject({ tenantsCreated: 2, tenantsSkipped: 0 });
    expect(report.rows.domains.projects).toBeGreaterThan(0);
    const [a, b, none] = report.isolation.views;
    expect(a.rows.users).toBeGreaterThan(0);
    expect(b.rows.users).toBeGreaterThan(0);
    expect(a.rows.users + b.rows.users).toBeLessThanOrEqual(report.isolation.owner.users);
    expect(none).toMatchObject({ as: 'no tenant', tenantId: null });
    expect(Object.values(none.rows).every((n) => n === 0)).toBe(true);

    const second = await runCli(['bootstrap', '--url', t.url, '--scale', 'tiny', '--json']);
    expect(second.code).toBe(0);
    const again = JSON.parse(second.stdout);
    expect(again.seed).toMatchObject({ tenantsCreated: 0, tenantsSkipped: 2, totalRows: 0 });
    expect(again.rows.total).toBe(report.rows.total);
  });

  it('seed --append adds tenants after the existing ones and prints plain text without colors', async () => {
    const result = await runCli(['seed', '--url', t.url, '--tenants', '1', '--append']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Seeded 1 tenants \(positions 2-2\)/);
    expect(result.stdout).not.toMatch(ANSI);
  });

  it('tenant list and show read the seeded tenants; an unknown tenant exits 1', async () => {
    const list = await runCli(['tenant', 'list', '--url', t.url, '--json']);
    expect(list.code).toBe(0);
    const tenants = JSON.parse(list.stdout) as Array<{ slug: string; users: number }>;
    expect(tenants.length).toBe(3);
    const show = await runCli(['tenant', 'show', tenants[0]!.slug, '--url', t.url, '--json']);
    expect(show.code).toBe(0);
    const shown = JSON.parse(show.stdout);
    expect(shown.rows.tables.users).toBe(tenants[0]!.users);
    expect(shown.rows.domains.projects).toBeGreaterThan(0);
    const missing = await runCli(['tenant', 'show', 'no-such-tenant', '--url', t.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/tenant list/);
  });

  it('tenant create, suspend, reactivate and delete go through the lifecycle; delete wants --yes off a terminal', async () => {
    const url = ['--url', t.url];
    const created = await runCli(['tenant', 'create', '--name', 'Acme Inc', '--slug', 'acme-cli', '--email', 'ops@acme.test', '--owner-email', 'jo@acme.test', '--json', ...url]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ created: true, tenant: { slug: 'acme-cli', status: 'active' } });
    const suspended = await runCli(['tenant', 'suspend', 'acme-cli', '--reason', 'test', '--json', ...url]);
    expect(JSON.parse(suspended.stdout)).toMatchObject({ status: 'suspended' });
    const reactivated = await runCli(['tenant', 'reactivate', 'acme-cli', '--json', ...url]);
    expect(JSON.parse(reactivated.stdout)).toMatchObject({ status: 'active' });
    const unconfirmed = await runCli(['tenant', 'delete', 'acme-cli', ...url]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--yes/);
    const purged = await runCli(['tenant', 'delete', 'acme-cli', '--purge', '--yes', '--json', ...url]);
    expect(purged.stderr).toBe('');
    expect(purged.code).toBe(0);
    expect(JSON.parse(purged.stdout)).toMatchObject({ status: 'purged', purgedRows: { users: 1 } });
    const gone = await runCli(['tenant', 'show', 'acme-cli', ...url]);
    expect(gone.code).toBe(1);
  });

  it('tenant export writes files that tenant import loads into another database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stocksync-export-'));
    const other = await createTestDatabase();
    try {
      const [first] = JSON.parse((await runCli(['tenant', 'list', '--url', t.url, '--json'])).stdout) as Array<{ slug: string }>;
      const exported = await runCli(['tenant', 'export', first!.slug, dir, '--url', t.url, '--json']);
      expect(exported.code).toBe(0);
      const manifest = JSON.parse(exported.stdout) as { tables: Array<{ table: string; rows: number }> };
      expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
      // The target needs the global reference data (billing catalog) the tenant's rows point at.
      await ensureCatalog(other.db);
      const imported = await runCli(['tenant', 'import', dir, '--url', other.url, '--json']);
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const result = JSON.parse(imported.stdout) as { rows: Record<string, number> };
      const tasks = manifest.tables.find((x) => x.table === 'tasks')!.rows;
      expect(tasks).toBeGreaterThan(0);
      expect(result.rows.tasks).toBe(tasks);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await other.drop();
    }
  });

  it('doctor passes on a migrated database and reports JSON', async () => {
    const result = await runCli(['doctor', '--url', t.url, '--json']);
    const report = JSON.parse(result.stdout);
    const failed = report.checks.filter((c: { status: string }) => c.status === 'fail');
    expect(failed).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['row-level security', 'schema drift', 'migrations', 'role stocksync_app']),
    );
  });

  it('exits 2 on usage errors and 1 on failures, without a stack trace unless --verbose', async () => {
    const usage = await runCli(['seed', '--scale', 'huge', '--url', t.url]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/use one of tiny, small, medium, large/);

    const down = await runCli(['doctor', '--url', 'postgres://nobody@127.0.0.1:1/none']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^error /);
    expect(down.stderr).not.toMatch(/\n\s+at /);
    const verbose = await runCli(['doctor', '--url', 'postgres://nobody@127.0.0.1:1/none', '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });

  it('every command has --help with examples', async () => {
    for (const command of ['bootstrap', 'seed', 'doctor', 'tenant', 'tenant list', 'tenant show']) {
      const help = await runCli([...command.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:/);
    }
  });
});
