// Test helper: a real PgBouncer (the binary on PATH or in /usr/sbin) in transaction mode in front of
// the test server, started per test file with its own config, port and directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../../src/testing/index.js';

/** A running PgBouncer. */
export interface PgBouncer {
  /** Version line, e.g. "PgBouncer 1.18.0". */
  version: string;
  port: number;
  /** The URL of `database` through the pooler, as `user`. */
  url(user: string, database: string): string;
  /** The pooler's log so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

/** Options of {@link startPgBouncer}. */
export interface PgBouncerOptions {
  /** Superuser URL of the Postgres server behind the pooler. */
  serverUrl: string;
  /** Users the pooler accepts (trust auth, as the test server). */
  users: string[];
  /** Server connections per (database, user) pair. */
  poolSize: number;
  /** Run `DISCARD ALL` after every transaction (server_reset_query_always). */
  discardAll: boolean;
  /** The binary to run (default: {@link findPgBouncer}). */
  binary?: string;
  /** `max_prepared_statements` (PgBouncer >= 1.21; left out of the config when undefined). */
  maxPreparedStatements?: number;
}

/** The pgbouncer binary, or undefined when it is not installed. */
export function findPgBouncer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].filter(Boolean);
  return dirs.map((dir) => join(dir, 'pgbouncer')).find((path) => existsSync(path));
}

/** First PgBouncer version that tracks named prepared statements in transaction mode. */
export const TRACKING_VERSION = [1, 21] as const;

function versionOf(binary: string): number[] | undefined {
  const out = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /PgBouncer (\d+)\.(\d+)(?:\.(\d+))?/.exec(out.stdout ?? '');
  return match ? match.slice(1).map((part) => Number(part ?? 0)) : undefined;
}

function tracksPreparedStatements(binary: string): boolean {
  const version = versionOf(binary);
  if (!version) return false;
  const [major, minor] = version as [number, number];
  return major > TRACKING_VERSION[0] || (major === TRACKING_VERSION[0] && minor >= TRACKING_VERSION[1]);
}

/**
 * A PgBouncer >= 1.21 (prepared-statement tracking), or undefined: $PGBOUNCER_TRACKING_BIN, else the
 * newest build of scripts/pgbouncer/build.sh under the repository's .cache/pgbouncer/, else the
 * installed one when it is recent enough.
 */
export function findTrackingPgBouncer(): string | undefined {
  const fromEnv = process.env.PGBOUNCER_TRACKING_BIN;
  if (fromEnv) return existsSync(fromEnv) && tracksPreparedStatements(fromEnv) ? fromEnv : undefined;
  const cache = fileURLToPath(new URL('../../../.cache/pgbouncer/', import.meta.url));
  const built = existsSync(cache)
    ? readdirSync(cache)
        .map((version) => join(cache, version, 'pgbouncer'))
        .filter((path) => existsSync(path))
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
        .reverse()
    : [];
  const installed = findPgBouncer();
  return [...built, ...(installed ? [installed] : [])].find(tracksPreparedStatements);
}

/**
 * Why the prepared-statement tracking configs cannot run here, or undefined when they can. Not in CI:
 * a clean CI machine has no source for PgBouncer >= 1.21 (Debian bookworm and bookworm-backports ship
 * 1.18), so these configs skip there too instead of failing.
 */
export function trackingPgBouncerSkipReason(): string | undefined {
  if (findTrackingPgBouncer()) return undefined;
  return (
    'no PgBouncer >= 1.21 (prepared-statement tracking): build one with scripts/pgbouncer/build.sh or set ' +
    'PGBOUNCER_TRACKING_BIN; Debian bookworm ships 1.18, so CI has none'
  );
}

/** Why the PgBouncer tests cannot run here, or undefined when they can. CI installs pgbouncer (.ci/parts/40-pgbouncer.sh). */
export function pgBouncerSkipReason(): string | undefined {
  // In CI the tests must run: without pgbouncer they fail (startPgBouncer throws) instead of skipping.
  if (findPgBouncer() || process.env.CI) return undefined;
  return 'pgbouncer is not installed (apt-get install pgbouncer); CI installs it in .ci/parts/40-pgbouncer.sh';
}

// pgbouncer refuses to run as root: run it as the postgres user, as the test cluster is.
function runAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) throw new Error('Running as root and there is no "postgres" user to run pgbouncer as.');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function waitForPort(port: number, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        reject(new Error(`pgbouncer exited (${child.exitCode}): ${existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''}`));
        return;
      }
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`pgbouncer did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Starts PgBouncer in transaction mode in front of `serverUrl`. */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const binary = options.binary ?? findPgBouncer();
  if (!binary) throw new Error('pgbouncer is not installed: apt-get install pgbouncer (CI: .ci/parts/40-pgbouncer.sh).');
  const server = new URL(options.serverUrl);
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'stocksync-pgbouncer-'));
  const logPath = join(work, 'pgbouncer.log');
  const users = options.users.map((user) => `"${user}" ""`).join('\n');
  writeFileSync(join(work, 'users.txt'), `${users}\n`);
  writeFileSync(
    join(work, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(work, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize}`,
      'max_client_conn = 500',
      'max_db_connections = 0',
      `server_reset_query = ${options.discardAll ? 'DISCARD ALL' : ''}`,
      `server_reset_query_always = ${options.discardAll ? 1 : 0}`,
      'server_check_delay = 0',
      'ignore_startup_parameters = extra_float_digits,options',
      ...(options.maxPreparedStatements === undefined ? [] : [`max_prepared_statements = ${options.maxPreparedStatements}`]),
      `logfile = ${logPath}`,
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  const owner = runAs();
  if (owner) {
    for (const file of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(work, file), owner.uid, owner.gid);
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]!.trim();
  const child = spawn(binary, [join(work, 'pgbouncer.ini')], { stdio: 'ignore', ...(owner ?? {}) });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  await waitForPort(port, child, logPath);
  return {
    version,
    port,
    url: (user, database) => `postgres://${user}@127.0.0.1:${port}/${database}`,
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        if (child.exitCode === null) kill();
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
