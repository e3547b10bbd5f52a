// Test helper: a real PgBouncer (the binary on PATH or in /usr/sbin) in transaction mode in front of
// the test server, started per test file with its own config, port and directory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
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
}

/** The pgbouncer binary, or undefined when it is not installed. */
export function findPgBouncer(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'].filter(Boolean);
  return dirs.map((dir) => join(dir, 'pgbouncer')).find((path) => existsSync(path));
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
  const binary = findPgBouncer();
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
