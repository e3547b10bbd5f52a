// clone_vs_migrate: a new test database from createTestDatabase() (template clone, ready drizzle
// handle), against creating an empty database and migrating it from scratch. The bare CREATE
// DATABASE ... TEMPLATE statement is timed in the same rounds, to show the server's share.
import pg from 'pg';
import { openDatabase } from '../src/connection.js';
import { migrateToLatest } from '../src/migrations/index.js';
import { createTestDatabase, ensureTemplate, quoteIdent, withDatabase, type TestDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, stats, time, type Figure } from './lib/measure.js';

export const keys = ['clone_vs_migrate'];

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const template = await ensureTemplate(ctx.serverUrl);
  const admin = new pg.Client({ connectionString: ctx.serverUrl });
  await admin.connect();
  let n = 0;
  const created: string[] = [];
  const clones: TestDatabase[] = [];
  try {
    const clone = async () => {
      clones.push(await createTestDatabase({ serverUrl: ctx.serverUrl }));
    };
    const statement = async () => {
      const name = `bench_clone_${process.pid}_${++n}`;
      created.push(name);
      await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)} strategy file_copy`);
    };
    const migrate = async () => {
      const name = `bench_migrate_${process.pid}_${++n}`;
      created.push(name);
      await admin.query(`create database ${quoteIdent(name)}`);
      const url = withDatabase(ctx.serverUrl, name);
      await migrateToLatest({ url });
      await (await openDatabase({ url, driver: 'pg', max: 5 })).close();
    };
    const rounds = ctx.quick ? 6 : 20;
    ctx.log(`clone_vs_migrate: ${rounds} rounds each`);
    // One untimed round, then rounds of migrate, clone, statement and migrate, statement, clone in
    // turn: the clone and the bare statement each follow the migration (whose dirty buffers the
    // clone's checkpoint writes out) in half of the rounds, and each other in the other half.
    await migrate();
    await clone();
    await statement();
    const series: Record<'clone' | 'statement' | 'migrate', number[]> = { clone: [], statement: [], migrate: [] };
    const steps = { clone, statement, migrate };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? (['migrate', 'clone', 'statement'] as const) : (['migrate', 'statement', 'clone'] as const);
      for (const which of order) series[which].push(await time(steps[which]));
    }
    const figure = ratioFigure(
      'clone_vs_migrate',
      'new test database: createTestDatabase() (template clone and a drizzle handle)',
      { subject: series.clone, baseline: series.migrate },
      'creating an empty database and migrating it from scratch',
      { max: 0.2, text: '<= 0.2, and clone median <= 30 ms' },
    );
    figure.met = figure.met === true && figure.subject.median <= 30;
    const bare = stats(series.statement);
    figure.note =
      `The bare CREATE DATABASE ... TEMPLATE ... STRATEGY FILE_COPY statement, timed in the same rounds: ` +
      `${bare.min.toFixed(1)} / ${bare.median.toFixed(1)} / ${bare.max.toFixed(1)} ms (min / median / max); ` +
      'the rest is the drizzle handle and the template check.';
    return [figure];
  } finally {
    for (const database of clones) await database.drop();
    for (const name of created) await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.end();
  }
}
