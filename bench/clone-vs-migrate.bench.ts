// clone_vs_migrate: a new test database cloned from the migrated template, against creating an
// empty database and migrating it from scratch.
import pg from 'pg';
import { migrateToLatest } from '../src/migrations/index.js';
import { ensureTemplate, quoteIdent, withDatabase } from '../src/testing/index.js';
import type { BenchContext } from './lib/context.js';
import { ratioFigure, sideBySide, type Figure } from './lib/measure.js';

export async function run(ctx: BenchContext): Promise<Figure[]> {
  const template = await ensureTemplate(ctx.serverUrl);
  const admin = new pg.Client({ connectionString: ctx.serverUrl });
  await admin.connect();
  let n = 0;
  const created: string[] = [];
  try {
    const clone = async () => {
      const name = `bench_clone_${process.pid}_${++n}`;
      created.push(name);
      await admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)} strategy file_copy`);
    };
    const migrate = async () => {
      const name = `bench_migrate_${process.pid}_${++n}`;
      created.push(name);
      await admin.query(`create database ${quoteIdent(name)}`);
      await migrateToLatest({ url: withDatabase(ctx.serverUrl, name) });
    };
    const rounds = ctx.quick ? 6 : 20;
    ctx.log(`clone_vs_migrate: ${rounds} rounds each`);
    const series = await sideBySide(clone, migrate, rounds, 1);
    const figure = ratioFigure(
      'clone_vs_migrate',
      'new test database by template clone',
      series,
      'migrating an empty database from scratch',
      { max: 0.2, text: '<= 0.2, and clone median <= 30 ms' },
    );
    figure.met = figure.met === true && figure.subject.median <= 30;
    return [figure];
  } finally {
    for (const name of created) await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.end();
  }
}
