// cli_status_ms, cli_status_vs_pg_script: the built CLI's `migrate status --json` end to end (node
// start, imports, connect, status, print) on this package's migrations with nothing pending,
// interleaved with a plain node-postgres script (node start, import pg, connect, one query) and
// `node -e ''`. Needs `npm run build` first (the runner builds when dist is missing).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrateUp } from '../src/migrations/index.js';
import { quoteIdent, withDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, stats, type Figure } from './lib/measure.js';

export const keys = ['cli_status_ms', 'cli_status_vs_pg_script'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 300;

// What any Node program that asks Postgres one question pays: start, load pg, connect, query, end.
const PG_SCRIPT =
  "const {default:pg}=await import('pg');const c=new pg.Client({connectionString:process.argv[1]});" +
  "await c.connect();const r=await c.query('select count(*)::int as n from drizzle.stocksync_migrations');" +
  'process.stdout.write(JSON.stringify(r.rows[0]));await c.end();';

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function run(ctx: BenchContext): Promise<Figure[]> {
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    ctx.log('cli_status_ms: dist/ missing, running npm run build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const name = `bench_cli_status_${process.pid}`;
  const admin = new pg.Client({ connectionString: ctx.serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)}`);
    const url = withDatabase(ctx.serverUrl, name);
    await migrateUp({ url });
    const cli = () => {
      const out = execFileSync(process.execPath, [join(root, 'dist/cli/main.js'), '--url', url, '--json', 'migrate', 'status'], { cwd: root, encoding: 'utf8' });
      if (JSON.parse(out).pending !== 0) throw new Error('cli_status_ms: something is pending');
    };
    const script = () => {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', PG_SCRIPT, url], { cwd: root, encoding: 'utf8' });
      if (!(JSON.parse(out).n > 0)) throw new Error('cli_status_vs_pg_script: the history is empty');
    };
    const bare = () => execFileSync(process.execPath, ['-e', ''], { cwd: root });
    const rounds = ctx.quick ? 6 : 20;
    const series = { subject: [] as number[], baseline: [] as number[] };
    const node: number[] = [];
    // One untimed round warms the file cache; then each round runs the three in a rotating order.
    cli();
    script();
    bare();
    const steps = [() => series.subject.push(timed(cli)), () => series.baseline.push(timed(script)), () => node.push(timed(bare))];
    for (let i = 0; i < rounds; i++) for (let k = 0; k < steps.length; k++) steps[(i + k) % steps.length]!();
    const ratio = ratioFigure(
      'cli_status_vs_pg_script',
      '`stocksync-db migrate status --json` end to end (node dist/cli/main.js, nothing pending) over a plain node-postgres script',
      series,
      'node script: import pg, connect, one query, end',
    );
    const subject = stats(series.subject);
    const bareStats = stats(node);
    ratio.note =
      `in the same rounds, \`node -e ''\` took a median of ${bareStats.median.toFixed(0)} ms ` +
      `(CLI ${(subject.median / bareStats.median).toFixed(2)}x node's bare start, ${(subject.median - bareStats.median).toFixed(0)} ms above it)`;
    return [
      {
        key: 'cli_status_ms',
        what: '`stocksync-db migrate status --json` end to end (node dist/cli/main.js, this package\'s migrations, nothing pending)',
        unit: 'ms',
        subject,
        ratio: subject.median,
        target: `<= ${TARGET_MS} ms`,
        met: subject.median <= TARGET_MS,
        note: `median ${subject.median.toFixed(0)} ms against the ${TARGET_MS} ms target; node's bare start in the same rounds: ${bareStats.median.toFixed(0)} ms`,
      },
      ratio,
    ];
  } finally {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.end();
  }
}
