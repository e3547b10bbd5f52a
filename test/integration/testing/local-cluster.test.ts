// The throwaway local cluster: starts, serves, and leaves no process or directory behind, also
// when its owner crashes or is SIGKILLed (the reaper cleans up).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinDir, startLocalCluster } from '../../../src/testing/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const hasBinaries = Boolean(findPostgresBinDir());

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(predicate: () => boolean, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return predicate();
}

function startFixture(mode: 'hang' | 'throw') {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/fixtures/start-cluster-and-die.ts'), mode], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const info = new Promise<{ pid: number; dataDir: string; port: number }>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => (out.includes('{') ? undefined : reject(new Error(`fixture exited ${code}: ${err}`))));
  });
  return { child, info };
}

describe.skipIf(!hasBinaries)('startLocalCluster (skipped: no Postgres server binaries on this machine)', () => {
  it('serves queries and stop() removes the process and the data directory', async () => {
    const cluster = await startLocalCluster();
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query(`select current_setting('fsync') as fsync`);
    await client.end();
    expect(rows[0].fsync).toBe('off');
    expect(alive(cluster.pid)).toBe(true);
    await cluster.stop();
    expect(await waitUntil(() => !alive(cluster.pid))).toBe(true);
    expect(existsSync(cluster.dataDir)).toBe(false);
  });

  it('is cleaned up when the owning process is SIGKILLed', async () => {
    const { child, info } = startFixture('hang');
    const { pid, dataDir } = await info;
    expect(alive(pid)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntil(() => !alive(pid))).toBe(true);
    expect(await waitUntil(() => !existsSync(dataDir))).toBe(true);
  });

  it('is cleaned up when the owning process crashes with an uncaught error', async () => {
    const { info } = startFixture('throw');
    const { pid, dataDir } = await info;
    expect(await waitUntil(() => !alive(pid))).toBe(true);
    expect(await waitUntil(() => !existsSync(dataDir))).toBe(true);
  });
});
