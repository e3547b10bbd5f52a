// `stocksync-db` when things go wrong (issue 15.6): every command that connects says what happened and
// what to do (server unreachable or silent, login refused, database or role missing, the service role
// instead of the owner), bad flag values are refused with exit code 2 before anything connects, no
// stack trace is printed, and a closed stdout (`| head`) ends the run quietly.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, findPostgresBinDir, freePort, startLocalCluster, withDatabase, type LocalCluster, type TestDatabase } from '../../../src/testing/index.js';
import { seedDatabase } from '../../../src/seed/index.js';
import { runCli, type CliResult } from './run-cli.js';
import { redactUrl } from '../../../src/connection.js';

const URL_HINT = 'in --url (or DATABASE_URL)';
const usage = (line: string) => `error: ${line}\n(run with --help for usage)\n`;

// Every command that opens a database (positional arguments filled in; none of them is reached).
const CONNECTING: string[][] = [
  ['bootstrap'],
  ['migrate', 'up'],
  ['migrate', 'down'],
  ['migrate', 'status'],
  ['migrate', 'plan'],
  ['migrate', 'baseline'],
  ['migrate', 'repair'],
  ['seed'],
  ['doctor'],
  ['tenant', 'list'],
  ['tenant', 'show', 'acme'],
  ['tenant', 'create', '--name', 'Acme', '--slug', 'acme', '--email', 'ops@acme.test', '--owner-email', 'jo@acme.test'],
  ['tenant', 'suspend', 'acme'],
  ['tenant', 'reactivate', 'acme'],
  ['tenant', 'delete', 'acme', '--yes'],
  ['tenant', 'export', 'acme', join(tmpdir(), 'stocksync-never-written')],
  ['tenant', 'import', join(tmpdir(), 'stocksync-never-read')],
  ['tenant', 'domain', 'add', 'acme', 'shop.acme.test'],
  ['tenant', 'domain', 'verify', 'acme', 'shop.acme.test'],
  ['tenant', 'domain', 'remove', 'acme', 'shop.acme.test'],
  ['tenant', 'domain', 'list', 'acme'],
  ['tenant', 'slug', 'acme', 'acme-two'],
  ['citus', 'distribute'],
];

// Runs the commands four at a time (each is a tsx process) and returns their results in order.
async function runAll(commands: string[][], extra: string[], env?: Record<string, string>): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (let i = 0; i < commands.length; i += 4) {
    results.push(...(await Promise.all(commands.slice(i, i + 4).map((c) => runCli([...c, ...extra], { env })))));
  }
  return results;
}

const exitOf = (r: CliResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('stocksync-db: connection failures and the wrong role', () => {
  let t: TestDatabase;
  let refusedPort: number;
  let silent: Server;
  const held: Socket[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
    refusedPort = await freePort();
    // Accepts connections and never answers: a server behind a black-holing firewall.
    silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    silent?.close();
    await t?.drop();
  });

  it('a refused connection: every command says where and what to do, exit code 1, no stack', { timeout: 240_000 }, async () => {
    const url = `postgres://postgres@127.0.0.1:${refusedPort}/app`;
    const results = await runAll(CONNECTING, ['--url', url]);
    const expected = `error Cannot connect to ${url}: connection refused at 127.0.0.1:${refusedPort} (no Postgres listens there). Start the server, or fix the host and port ${URL_HINT}.\n`;
    expect(results.map(exitOf)).toEqual(CONNECTING.map(() => ({ code: 1, stdout: '', stderr: expected })));
  });

  it('migrate verify names its own --server', async () => {
    const url = `postgres://postgres@127.0.0.1:${refusedPort}/postgres`;
    const result = await runCli(['migrate', 'verify', '--server', url]);
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error Cannot connect to ${url}: connection refused at 127.0.0.1:${refusedPort} (no Postgres listens there). Start the server, or fix the host and port in --server.\n`,
    });
  });

  it('the service role: every command says it cannot see tenants and to use the owner URL', { timeout: 240_000 }, async () => {
    const results = await runAll(CONNECTING, ['--url', t.serviceUrl]);
    const expected =
      'error Connected as stocksync_service, which cannot see tenants (row-level security filters it): use the owner URL for this command ' +
      '(the role that owns the tables and runs the migrations, or a superuser).\n';
    expect(results.map(exitOf)).toEqual(CONNECTING.map(() => ({ code: 1, stdout: '', stderr: expected })));
  });

  it('the owner still gets through (the probe refuses only roles that row-level security filters)', async () => {
    const list = await runCli(['tenant', 'list', '--url', t.url, '--json']);
    expect(exitOf(list)).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('a host that does not resolve', async () => {
    const url = 'postgres://postgres@stocksync-no-such-host.invalid:5432/app';
    const result = await runCli(['tenant', 'list', '--url', url]);
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error Cannot connect to ${url}: the host "stocksync-no-such-host.invalid" was not found (DNS). Fix the host name ${URL_HINT}.\n`,
    });
  });

  it('a server that never answers: gives up after PGCONNECT_TIMEOUT seconds', async () => {
    const { port } = silent.address() as { port: number };
    const url = `postgres://postgres@127.0.0.1:${port}/app`;
    const started = Date.now();
    const result = await runCli(['doctor', '--url', url], { env: { PGCONNECT_TIMEOUT: '1' } });
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `error Cannot connect to ${url}: the server did not answer in time. Check the host and port ${URL_HINT} and any firewall between; ` +
        'PGCONNECT_TIMEOUT (seconds, default 10) sets how long to wait.\n',
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('a database that does not exist', async () => {
    const url = withDatabase(t.url, 'stocksync_no_such_db');
    const result = await runCli(['doctor', '--url', url]);
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error The database "stocksync_no_such_db" does not exist on ${redactUrl(url)}: create it (createdb stocksync_no_such_db) or fix the database name ${URL_HINT}.\n`,
    });
  });

  // Under password authentication (the container path) Postgres answers a missing role as a failed
  // password (28P01), by design: it does not tell a client which roles exist.
  it('a role that does not exist', async (context) => {
    if (new URL(t.url).password !== '') context.skip('the server asks for passwords: a missing role is answered as 28P01');
    const url = t.url.replace('//postgres@', '//stocksync_no_such_role@');
    expect(url).not.toBe(t.url);
    const result = await runCli(['tenant', 'list', '--url', url]);
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error The role "stocksync_no_such_role" does not exist on ${url}: use an existing role ${URL_HINT}, or create it (CREATE ROLE "stocksync_no_such_role" LOGIN).\n`,
    });
  });

  it('a database that is not migrated', async () => {
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    const name = `${t.name}_empty`;
    try {
      await admin.query(`create database "${name}"`);
      const url = withDatabase(t.url, name);
      const result = await runCli(['tenant', 'list', '--url', url]);
      expect(exitOf(result)).toEqual({
        code: 1,
        stdout: '',
        stderr: `error The database at ${redactUrl(url)} has no table "tenants": it is not migrated. Run \`stocksync-db migrate up\` first, or fix the database name ${URL_HINT}.\n`,
      });
    } finally {
      await admin.query(`drop database if exists "${name}"`);
      await admin.end();
    }
  });

  it('stdout closed by the reader (`| head`): exit 0, nothing on stderr', async () => {
    await seedDatabase(t.db, { tenants: 2, seed: 'pipe', domains: [] });
    const result = await runCli(['tenant', 'list', '--url', t.url], { closeStdout: true });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });
});

describe.skipIf(!findPostgresBinDir())('stocksync-db: a refused password (skipped: no Postgres server binaries)', () => {
  let cluster: LocalCluster;
  let hbaDir: string;
  beforeAll(async () => {
    // Passwords for every role but the superuser, which the harness uses to create the user.
    hbaDir = mkdtempSync(join(tmpdir(), 'stocksync-hba-'));
    chmodSync(hbaDir, 0o755);
    const hba = join(hbaDir, 'pg_hba.conf');
    writeFileSync(hba, 'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n', { mode: 0o644 });
    cluster = await startLocalCluster({ settings: { hba_file: hba } });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create role stocksync_pw_user login password 'the-right-one'`);
    await admin.end();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
    if (hbaDir) rmSync(hbaDir, { recursive: true, force: true });
  });

  it('says authentication failed for that user, without printing the password', async () => {
    const url = `postgres://stocksync_pw_user:not-the-password@127.0.0.1:${cluster.port}/postgres`;
    const shown = `postgres://stocksync_pw_user:***@127.0.0.1:${cluster.port}/postgres`;
    const result = await runCli(['doctor', '--url', url]);
    expect(exitOf(result)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error Authentication failed for user "stocksync_pw_user" on ${shown}: check the user name and password ${URL_HINT}.\n`,
    });
  });
});

describe('stocksync-db: bad flags are usage errors (exit 2) before anything connects', () => {
  // Each case points at a port where nothing listens: a command that connected would print the
  // connection error (exit 1) instead of the usage error.
  let url: string;
  beforeAll(async () => {
    url = `postgres://postgres@127.0.0.1:${await freePort()}/app`;
  });
  const invalid = (flag: string, value: string, accepted: string) => usage(`option '${flag}' argument '${value}' is invalid. ${accepted}`);
  const TENANTS = 'expected a whole number from 0 to 100,000.';
  const CASES: Array<[string[], string]> = [
    [['tenant', 'list', '--status', 'hacked'], invalid('--status <status>', 'hacked', 'Allowed choices are active, suspended, deleted.')],
    [['tenant', 'list', '--limit', '0'], invalid('--limit <n>', '0', 'expected a whole number from 1 to 100,000.')],
    [['tenant', 'list', '--limit', 'ten'], invalid('--limit <n>', 'ten', 'expected a whole number from 1 to 100,000.')],
    [['tenant', 'list', '--limit'], usage("option '--limit <n>' argument missing")],
    [['tenant', 'list', '--bogus'], usage("unknown option '--bogus'")],
    [['seed', '--tenants', '1e21'], invalid('--tenants <n>', '1e21', TENANTS)],
    [['seed', '--tenants', '-1'], invalid('--tenants <n>', '-1', TENANTS)],
    [['seed', '--tenants', '2.5'], invalid('--tenants <n>', '2.5', TENANTS)],
    [['seed', '--tenants', '100001'], invalid('--tenants <n>', '100001', TENANTS)],
    [['seed', '--tenants', '0x10'], invalid('--tenants <n>', '0x10', TENANTS)],
    [['seed', '--scale', 'huge'], invalid('--scale <scale>', 'huge', 'use one of tiny, small, medium, large.')],
    [['seed', '--method', 'fast'], invalid('--method <method>', 'fast', 'use copy or insert.')],
    [['seed', '--append', '--force'], usage('--append and --force cannot be combined.')],
    [['bootstrap', '--tenants', '1e21'], invalid('--tenants <n>', '1e21', TENANTS)],
    [['bootstrap', '--scale', 'huge'], invalid('--scale <scale>', 'huge', 'use one of tiny, small, medium, large.')],
    [['doctor', '--bogus'], usage("unknown option '--bogus'")],
    [['migrate', 'down', '--steps', '0'], invalid('--steps <n>', '0', 'expected a whole number from 1 to 100,000.')],
    [['migrate', 'plan', '--down', '--steps', '1.5'], invalid('--steps <n>', '1.5', 'expected a whole number from 1 to 100,000.')],
    [['migrate', 'up', '--wait', 'forever'], invalid('--wait <seconds>', 'forever', 'expected seconds from 0 to 86,400, e.g. 60.')],
    [['migrate', 'up', '--wait', '90000'], invalid('--wait <seconds>', '90000', 'expected seconds from 0 to 86,400, e.g. 60.')],
    [['migrate', 'up', '--lock-timeout', 'soon'], invalid('--lock-timeout <duration>', 'soon', 'expected a duration such as 5s, 500ms or 1min.')],
    [['migrate', 'status', '--url', 'mysql://root:hunter2@db/app'], usage("option '--url <url>' is not a Postgres URL: use postgres://user:password@host:port/database.")],
    [['migrate', 'verify', '--server', 'http://db'], usage("option '--server <url>' is not a Postgres URL: use postgres://user:password@host:port/database.")],
    [
      ['tenant', 'create', '--name', 'A', '--slug', 'a', '--email', 'a@a.test', '--owner-email', 'o@a.test', '--seats', '-3'],
      invalid('--seats <n>', '-3', 'expected a whole number from 1 to 2,147,483,647.'),
    ],
    [
      ['tenant', 'create', '--name', 'A', '--slug', 'a', '--email', 'a@a.test', '--owner-email', 'o@a.test', '--seats', '0'],
      invalid('--seats <n>', '0', 'expected a whole number from 1 to 2,147,483,647.'),
    ],
    [
      ['tenant', 'create', '--name', 'A', '--slug', 'a', '--email', 'nope', '--owner-email', 'also-nope'],
      usage('--email: Invalid email address; --owner-email: Invalid email address'),
    ],
    [
      ['tenant', 'create', '--name', 'A', '--slug', 'Bad Slug', '--email', 'a@a.test', '--owner-email', 'o@a.test'],
      usage('"Bad Slug" is not a valid slug: use 1-63 lowercase letters, digits and inner hyphens.'),
    ],
    [
      ['tenant', 'create', '--name', 'A', '--slug', 'a', '--email', 'a@a.test', '--owner-email', 'o@a.test', '--tier', 'gold'],
      invalid('--tier <tier>', 'gold', 'use one of trial, starter, professional, enterprise.'),
    ],
    [['tenant', 'create', '--name', 'A'], usage("required option '--slug <slug>' not specified")],
    [['tenant', 'delete', 'acme'], usage('refusing to soft-delete tenant acme without confirmation: pass --yes.')],
    [['tenant', 'delete', 'acme', '--purge'], usage('refusing to delete tenant acme and PURGE all its rows without confirmation: pass --yes.')],
    [['tenant', 'export', 'acme', join(tmpdir(), 'x'), '--key='], usage("option '--key <key>' is empty: pass the signing key, or leave it unset.")],
    [['tenant', 'show'], usage("missing required argument 'tenant'")],
    [
      ['erd', '--domain', 'nope'],
      usage('unknown domain "nope": use one of audit, billing, contacts, documents, identity, inventory, legacy, licenses, messaging, projects, tenancy, workflows, workstations.'),
    ],
  ];

  it('names the flag and the accepted values, exit code 2, nothing on stdout', { timeout: 240_000 }, async () => {
    const results: CliResult[] = [];
    for (let i = 0; i < CASES.length; i += 4) {
      results.push(...(await Promise.all(CASES.slice(i, i + 4).map(([args]) => runCli(args.includes('--url') ? args : [...args, '--url', url])))));
    }
    expect(results.map(exitOf)).toEqual(CASES.map(([, stderr]) => ({ code: 2, stdout: '', stderr })));
  });

  it('an empty STOCKSYNC_EXPORT_KEY is a usage error too', async () => {
    const result = await runCli(['tenant', 'import', join(tmpdir(), 'x'), '--url', url], { env: { STOCKSYNC_EXPORT_KEY: '' } });
    expect(exitOf(result)).toEqual({ code: 2, stdout: '', stderr: usage('STOCKSYNC_EXPORT_KEY is empty: pass the signing key, or leave it unset.') });
  });
});
