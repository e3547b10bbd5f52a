// Runs every bench/*.bench.ts against one throwaway Postgres, prints a table, writes
// bench/RESULTS.md. `--quick` runs a short version; `--json` prints one JSON object of ratios.
// Usage: npm run bench [-- --quick] [-- --json] [-- --only key,key] [-- --backfill-scale]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import type { Figure, Stats } from './lib/measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

const fmt = (s: Stats, unit: string) =>
  `${s.min.toFixed(unit === 'ms' ? 2 : 0)} / ${s.median.toFixed(unit === 'ms' ? 2 : 0)} / ${s.max.toFixed(unit === 'ms' ? 2 : 0)} ${unit}`;

async function main() {
  const server = await startPostgres({ log });
  const figures: Figure[] = [];
  let pgVersion = '';
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    pgVersion = (await client.query('show server_version')).rows[0].server_version;
    await client.end();
    const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
    for (const file of files) {
      const key = file.replace(/\.bench\.ts$/, '');
      const mod = (await import(join(here, file))) as { run(ctx: BenchContext): Promise<Figure[]>; keys?: string[] };
      if (only && !(mod.keys ?? [key.replace(/-/g, '_')]).some((k) => only.has(k))) continue;
      log(`running ${file}`);
      const ctx: BenchContext = { serverUrl: server.url, quick, args, log };
      try {
        figures.push(...(await mod.run(ctx)));
      } catch (error) {
        log(`${file} failed: ${(error as Error).stack ?? error}`);
        process.exitCode = 1;
      }
    }
  } finally {
    await server.stop();
  }

  const rows = figures.map((f) => ({
    key: f.key,
    subject: fmt(f.subject, f.unit),
    baseline: f.baseline ? `${fmt(f.baseline, f.unit)} (${f.baseline.label})` : '(absolute)',
    ratio: f.ratio.toFixed(3),
    target: f.target ?? 'reported',
    met: f.met === undefined ? '-' : f.met ? 'yes' : 'NO',
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, Number(f.ratio.toFixed(4))])))}\n`);
  } else {
    for (const r of rows) {
      process.stdout.write(`${r.key.padEnd(24)} ratio ${r.ratio.padStart(8)}  target ${r.target}  met ${r.met}\n`);
      process.stdout.write(`${''.padEnd(24)} subject  ${r.subject}\n${''.padEnd(24)} baseline ${r.baseline}\n`);
    }
  }
  if (!quick) writeResults(figures, pgVersion);
}

// Figures are kept in bench/results.json by key, so `--only` updates its figures and keeps the rest.
function writeResults(figures: Figure[], pgVersion: string) {
  const pkg = JSON.parse(readFileSync(join(here, '../package.json'), 'utf8'));
  const version = (name: string) => {
    try {
      return JSON.parse(readFileSync(join(here, '../node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'n/a';
    }
  };
  const store = join(here, 'results.json');
  type Stored = Figure & { measuredAt: string; environment: string };
  const previous: Record<string, Stored> = existsSync(store) ? JSON.parse(readFileSync(store, 'utf8')) : {};
  const environment =
    `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}; ` +
    `node ${process.versions.node}, PostgreSQL ${pgVersion}; ${pkg.name} ${pkg.version}, drizzle-orm ${version('drizzle-orm')}, ` +
    `pg ${version('pg')}, postgres ${version('postgres')}`;
  const measuredAt = new Date().toISOString();
  for (const f of figures) previous[f.key] = { ...f, measuredAt, environment };
  writeFileSync(store, `${JSON.stringify(previous, null, 2)}\n`);
  const all = Object.values(previous);
  const environments = [...new Set(all.map((f) => f.environment))];
  // What a run's conditions were (load, cluster), written by hand in bench/run-notes.md: kept across runs.
  const notesFile = join(here, 'run-notes.md');
  const runNotes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').split('\n').filter((line) => line.startsWith('- ')) : [];
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (figures of partial runs with `--only` are merged by key). Each figure is',
    'min / median / max over interleaved rounds; the ratio is subject median / baseline median, both',
    'measured side by side in the same run. Absolute figures (no baseline) show the median as the ratio.',
    '',
    ...environments.map((e) => `- environment: ${e}`),
    ...runNotes,
    '',
    '| key | what | subject (min / median / max) | baseline | ratio | target | met | measured |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...all.map(
      (f) =>
        `| \`${f.key}\` | ${f.what} | ${fmt(f.subject, f.unit)} | ${f.baseline ? `${fmt(f.baseline, f.unit)}: ${f.baseline.label}` : 'absolute'} | ${f.ratio.toFixed(3)} | ${f.target ?? 'reported'} | ${f.met === undefined ? '-' : f.met ? 'yes' : 'no'} | ${f.measuredAt.slice(0, 16)} |`,
    ),
    '',
    ...all.filter((f) => f.note).map((f) => `- \`${f.key}\`: ${f.note}`),
    '',
  ];
  writeFileSync(join(here, 'RESULTS.md'), lines.join('\n'));
  log('wrote bench/RESULTS.md');
}

main().catch((error) => {
  log(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
