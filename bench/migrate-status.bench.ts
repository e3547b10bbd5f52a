// status_100_ms: `migrate status` with nothing pending on a folder of 100 migrations (absolute,
// local server): the library call including connect, and the CLI end to end as a note.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateUp, migrationStatus } from '../src/migrations/index.js';
import { quoteIdent, withDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { stats, time, type Figure } from './lib/measure.js';

export const keys = ['status_100_ms', 'cli_status_ms'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function writeFolder(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'stocksync-bench-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const entries = [];
  for (let i = 0; i < count; i++) {
    const tag = `${String(i).padStart(4, '0')}_step_${i}`;
    writeFileSync(join(folder, `${tag}.sql`), `CREATE TABLE "bench_${i}" ("id" integer PRIMARY KEY, "note" text);\n`);
    writeFileSync(join(folder, `${tag}.down.sql`), `DROP TABLE "bench_${i}";\n`);
    entries.push({ idx: i, version: '7', when: 1_700_000_000_000 + i * 1000, tag, breakpoints: true });
  }
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2));
  return folder;
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const folder = writeFolder(100);
  const name = `bench_status_${process.pid}`;
  const admin = new pg.Client({ connectionString: ctx.serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)}`);
    const url = withDatabase(ctx.serverUrl, name);
    await migrateUp({ url }, { folder });
    const rounds = ctx.quick ? 10 : 40;
    const samples: number[] = [];
    await migrationStatus({ url }, { folder }); // warm the file cache
    for (let i = 0; i < rounds; i++) {
      samples.push(
        await time(async () => {
          const status = await migrationStatus({ url }, { folder });
          if (status.pending !== 0 || status.applied !== 100) throw new Error('status_100_ms: something is pending');
        }),
      );
    }
    const subject = stats(samples);
    // The built CLI as users run it (node, no TypeScript loader), on this package's own migrations
    // folder (data migrations included) against a database where nothing is pending.
    if (!existsSync(join(root, 'dist/cli/main.js'))) {
      ctx.log('cli_status_ms: dist/ missing, running npm run build');
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
    }
    const own = `bench_status_own_${process.pid}`;
    await admin.query(`create database ${quoteIdent(own)}`);
    const ownUrl = withDatabase(ctx.serverUrl, own);
    await migrateUp({ url: ownUrl });
    const cliRuns = ctx.quick ? 4 : 10;
    const cli: number[] = [];
    try {
      for (let i = 0; i < cliRuns + 1; i++) {
        const start = performance.now();
        const out = execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), '--url', ownUrl, '--json', 'migrate', 'status'], { cwd: root, encoding: 'utf8' });
        const ms = performance.now() - start;
        if (JSON.parse(out).pending !== 0) throw new Error('cli_status_ms: something is pending');
        if (i > 0) cli.push(ms); // the first run warms the file cache
      }
    } finally {
      await admin.query(`drop database if exists ${quoteIdent(own)} with (force)`);
    }
    const cliStats = stats(cli);
    return [
      {
        key: 'status_100_ms',
        what: 'migrationStatus() with nothing pending, 100 migrations, including connect',
        unit: 'ms',
        subject,
        ratio: subject.median,
        target: '<= 100 ms',
        met: subject.median <= 100,
      },
      {
        key: 'cli_status_ms',
        what: '`stocksync-db migrate status --json` end to end (node dist/cli/main.js, this package\'s migrations, nothing pending)',
        unit: 'ms',
        subject: cliStats,
        ratio: cliStats.median,
        target: '<= 300 ms',
        met: cliStats.median <= 300,
      },
    ];
  } finally {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  }
}
