// status_100_ms: `migrate status` with nothing pending on a folder of 100 migrations (absolute,
// local server): the library call including connect (the CLI end to end: cli-status.bench.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateUp, migrationStatus } from '../src/migrations/index.js';
import { quoteIdent, withDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { stats, time, type Figure } from './lib/measure.js';

export const keys = ['status_100_ms'];

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
    ];
  } finally {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  }
}
