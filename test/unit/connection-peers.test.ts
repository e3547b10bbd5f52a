// A missing optional driver says what to install: @electric-sql/pglite for the embedded database.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function openEmbedded(hide: string) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './test/fixtures/hide-packages.mjs', 'test/fixtures/open-embedded.ts'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, HIDE_PACKAGES: hide }, timeout: 90_000 },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no result (exit ${run.status}): ${run.stderr}`);
  return JSON.parse(line) as { ok: boolean; name?: string; code?: string; message?: string };
}

describe('openDatabase without @electric-sql/pglite', () => {
  it('throws a ConfigurationError that says to install @electric-sql/pglite', () => {
    expect(openEmbedded('@electric-sql/pglite')).toEqual({
      ok: false,
      name: 'ConfigurationError',
      code: 'CONFIGURATION',
      message:
        'The embedded database (no URL) needs @electric-sql/pglite, which is not installed: install @electric-sql/pglite (npm i @electric-sql/pglite).',
    });
  }, 120_000);

  it('opens the embedded database when it is installed (the same run, nothing hidden)', () => {
    expect(openEmbedded('')).toEqual({ ok: true });
  }, 120_000);

  it('leaves other load failures alone (a module loaded after the driver is missing)', () => {
    // drizzle-orm/pglite loads right after the driver: its failure is not "pglite is not installed".
    const result = openEmbedded('drizzle-orm/pglite');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Cannot find package 'drizzle-orm'/);
    expect(result.name).not.toBe('ConfigurationError');
  }, 120_000);
});
