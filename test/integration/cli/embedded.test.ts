// The CLI on the embedded PGlite default: files under .stocksync/ in the working directory,
// idempotent second run, and --memory leaving nothing behind.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('stocksync-db on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stocksync-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bootstrap keeps its database in .stocksync/ and a second run is idempotent', { timeout: 180_000 }, async () => {
    const first = await runCli(['bootstrap', '--scale', 'tiny'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/embedded \(\.stocksync\/pglite\)/);
    expect(first.stdout).toMatch(/Seed +2 tenants created, 0 already present/);
    expect(first.stdout).toMatch(/no tenant +users 0/);
    expect(existsSync(join(dir, '.stocksync', 'pglite', 'PG_VERSION'))).toBe(true);

    const second = await runCli(['bootstrap', '--scale', 'tiny', '--json'], { cwd: dir });
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout);
    expect(report.migrations.applied).toEqual([]);
    expect(report.seed.tenantsCreated).toBe(0);
    expect(report.rows.tables.tenants).toBe(2);
  });

  it('--memory writes nothing to the working directory', { timeout: 120_000 }, async () => {
    const other = mkdtempSync(join(tmpdir(), 'stocksync-cli-mem-'));
    try {
      // An unmigrated in-memory database: doctor fails (exit 1) and says what to do.
      const result = await runCli(['doctor', '--memory'], { cwd: other });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/migrate up/);
      expect(existsSync(join(other, '.stocksync'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
