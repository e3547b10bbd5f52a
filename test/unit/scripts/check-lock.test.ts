// scripts/check-lock.mjs: CI fails when package-lock.json lacks another platform's optional packages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'stocksync-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Lock = { packages: Record<string, { optionalDependencies?: Record<string, string> }> };
const realLock = (): Lock => JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

function checkLock(lock: Lock, name: string) {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(lock));
  return spawnSync(process.execPath, ['scripts/check-lock.mjs', path], { cwd: root, encoding: 'utf8' });
}

describe('check-lock script', () => {
  it("accepts the repository's lock (it holds every platform's optional packages)", () => {
    const result = spawnSync(process.execPath, ['scripts/check-lock.mjs'], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
  });

  it('refuses a lock written on Linux alone (no darwin or win32 entries) and says how to regenerate it', () => {
    const lock = realLock();
    for (const key of Object.keys(lock.packages)) if (/darwin|win32/.test(key)) delete lock.packages[key];
    const result = checkLock(lock, 'linux-only.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('@rollup/rollup-darwin-arm64 (optional dependency of node_modules/rollup)');
    expect(result.stderr).toContain('@esbuild/win32-x64 (optional dependency of node_modules/esbuild)');
    expect(result.stderr).toContain('rm package-lock.json && npm install --package-lock-only');
  });

  it('finds a nested package its optional dependency resolves to higher up, and misses one that is absent', () => {
    const lock: Lock = {
      packages: {
        '': { optionalDependencies: {} },
        'node_modules/a': { optionalDependencies: { shared: '1', absent: '1' } },
        'node_modules/a/node_modules/b': { optionalDependencies: { shared: '1' } },
        'node_modules/shared': {},
      },
    };
    const result = checkLock(lock, 'nested.json');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('lacks 1 optional package(s)');
    expect(result.stderr).toContain('absent (optional dependency of node_modules/a)');
  });
});
