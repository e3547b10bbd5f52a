// `migrate`: up, down, status, plan, verify, baseline, repair (lint, generate, down-file and create
// live in migrate-authoring.ts). Thin: parse arguments, call @stocksync/db/migrations, print, exit code.
import { InvalidArgumentError, type Command } from 'commander';
import {
  baselineMigrations,
  migrateDown,
  migrateUp,
  migrationStatus,
  planMigrations,
  repairMigrations,
  verifyMigrations,
  type MigrationStatus,
} from '@stocksync/db/migrations';
import { openCheckedConnection, resolveTarget, withCliDatabase } from '../database.js';
import { color, EXIT, print, printJson } from '../output.js';
import { registerMigrateAuthoring } from './migrate-authoring.js';
import { printReport, reporter } from './migrate-report.js';
import { folderOf, guarded, runnerOptions, type MigrateOptions } from './migrate-shared.js';
import { countParser } from './options.js';
import type { TransactionRunner } from '@stocksync/db/tenant-schemas';
import { laggingSchemas, migrateSchemaFleet, printLaggingSchemas, runnerOnConnection } from './migrate-tenant-schemas.js';

// A server URL is read over one plain connection (no drizzle handle, no schema); the embedded
// database needs the full handle.
async function statusOf<T>(o: MigrateOptions, fn: (status: MigrationStatus, display: string, db: TransactionRunner) => Promise<T> | T): Promise<T> {
  const target = resolveTarget(o);
  if (target.kind === 'server') {
    // One session for the check and the status: a second connect would cost as much as the status.
    const conn = await openCheckedConnection(target.url);
    try {
      return await fn(await migrationStatus(conn, runnerOptions(o)), target.display, runnerOnConnection(conn));
    } finally {
      await conn.release();
    }
  }
  return withCliDatabase(o, async (cli) => fn(await migrationStatus(cli.handle, runnerOptions(o)), cli.target.display, cli.db as unknown as TransactionRunner));
}

// --wait: seconds, up to a day.
function parseSeconds(value: string): string {
  if (!/^\d{1,6}(\.\d{1,3})?$/.test(value) || Number(value) > 86_400) throw new InvalidArgumentError('expected seconds from 0 to 86,400, e.g. 60.');
  return value;
}

// --lock-timeout: a Postgres duration (a bare number means milliseconds, as lock_timeout reads it).
function parseDuration(value: string): string {
  if (!/^\d{1,9}\s*(ms|s|min|h|d)?$/.test(value)) throw new InvalidArgumentError('expected a duration such as 5s, 500ms or 1min.');
  return value;
}

const parseSteps = countParser(1, 100_000);

/** Registers the `migrate` command group. */
export function registerMigrate(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('Run, inspect, verify and write migrations (drizzle-kit folder + down files + data migrations).')
    .option('--folder <dir>', 'migrations folder (default: the package drizzle/)')
    .option('--lock-timeout <duration>', "SET LOCAL lock_timeout for each migration, e.g. '5s'", parseDuration)
    .option('--wait <seconds>', 'wait this long for another runner to finish (default 60)', parseSeconds)
    .option('--fail-if-locked', 'fail at once when another runner holds the lock')
    .option('--allow-out-of-order', 'apply pending migrations older than applied ones (after a branch merge)');

  const opts = (command: Command) => command.optsWithGlobals<MigrateOptions>();

  migrate
    .command('up')
    .description('Apply pending migrations, each in its own transaction.')
    .option('--to <name>', 'stop after this migration (inclusive)')
    .option('--concurrency <n>', 'tenant schemas migrated at once (default 4)', countParser(1, 64))
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { to?: string; concurrency?: number };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const r = reporter(o.json);
          try {
            const result = await migrateUp(cli.handle, { ...runnerOptions(o, r.onEvent), ...(o.to ? { to: o.to } : {}) });
            r.stop();
            const schemas = await migrateSchemaFleet(cli, o);
            if (o.json) return printJson({ ...result, tenantSchemas: schemas });
            for (const m of result.migrations) if (m.report !== undefined) printReport(m.name, m.report);
            print(result.migrations.length ? `${result.migrations.length} migration(s) applied to ${cli.target.display}.` : `Already up to date (${cli.target.display}).`);
          } finally {
            r.stop();
          }
        }),
      );
    });

  migrate
    .command('down')
    .description('Revert applied migrations, newest first (one by default).')
    .option('--steps <n>', 'how many to revert, 1 or more', parseSteps)
    .option('--to <name>', 'revert down to this migration (it stays applied)')
    .option('--all', 'revert every migration')
    .option('--concurrency <n>', 'tenant schemas migrated at once (default 4)', countParser(1, 64))
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { steps?: number; to?: string; all?: boolean; concurrency?: number };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const r = reporter(o.json);
          try {
            const result = await migrateDown(cli.handle, {
              ...runnerOptions(o, r.onEvent),
              ...(o.steps !== undefined ? { steps: o.steps } : {}),
              ...(o.to ? { to: o.to } : {}),
              ...(o.all ? { all: true } : {}),
            });
            r.stop();
            const schemas = await migrateSchemaFleet(cli, o);
            if (o.json) return printJson({ ...result, tenantSchemas: schemas });
            print(result.migrations.length ? `${result.migrations.length} migration(s) reverted.` : 'Nothing to revert.');
          } finally {
            r.stop();
          }
        }),
      );
    });

  migrate
    .command('status')
    .description('Applied, pending, failed and changed migrations.')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command);
      await guarded(() =>
        statusOf(o, async (status, display, db) => {
          const lagging = await laggingSchemas(db);
          if (o.json) return printJson(lagging === undefined ? status : { ...status, tenantSchemas: lagging });
          print(`${color.bold('Database')} ${display}`);
          for (const m of status.migrations) {
            const state =
              m.state === 'applied' ? color.green('applied    ') : m.state === 'pending' ? color.yellow('pending    ') : color.red(m.state.padEnd(11));
            const flags = [
              m.kind === 'data' ? 'data' : '',
              m.checksumOk === false ? color.red('CHANGED since applied') : '',
              m.outOfOrder ? color.red('out of order') : '',
              m.reversible ? '' : color.yellow('no down'),
              m.lastError && m.state !== 'applied' ? color.red(m.lastError.split('. ')[0]!) : '',
            ].filter(Boolean);
            const at = m.appliedAt ? color.dim(m.appliedAt.toISOString().replace('T', ' ').slice(0, 19)) : ''.padEnd(19);
            print(`  ${state} ${m.name.padEnd(48)} ${at} ${flags.join(', ')}`);
          }
          print(`${status.applied} applied, ${status.pending} pending.`);
          printLaggingSchemas(lagging);
          if (status.needsBaseline) print(color.yellow('drizzle-kit migrate ran here: run `stocksync-db migrate baseline` once to adopt this database.'));
          if (status.migrations.some((m) => m.checksumOk === false || m.state === 'failed' || m.state === 'missing-file')) process.exitCode = EXIT.failure;
        }),
      );
    });

  migrate
    .command('plan')
    .description('Print the SQL that up (or down) would run, without running it.')
    .option('--down', 'plan a down instead of an up')
    .option('--steps <n>', 'with --down: how many, 1 or more', parseSteps)
    .option('--to <name>', 'stop at this migration')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { down?: boolean; steps?: number; to?: string };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const plan = await planMigrations(cli.handle, {
            ...runnerOptions(o),
            direction: o.down ? 'down' : 'up',
            ...(o.steps !== undefined ? { steps: o.steps } : {}),
            ...(o.to ? { to: o.to } : {}),
          });
          if (o.json) return printJson(plan);
          if (plan.length === 0) return print('-- nothing to run');
          for (const m of plan) {
            const mode = m.transaction ? 'in a transaction' : `outside a transaction: ${m.noTransactionReason ?? 'data migration with batches'}`;
            print(color.bold(`-- ${m.name} (${m.direction}, ${m.kind}, ${mode})`));
            if (m.kind === 'data') print(`-- runs ${m.direction}(ctx) of ${m.dataPath}`);
            for (const s of m.statements) print(`${s}\n`);
          }
        }),
      );
    });

  migrate
    .command('verify')
    .description('On a throwaway database: every migration up, down, up again; down must restore the schema and data.')
    .option('--server <url>', 'superuser URL of the server for the throwaway database (default: TEST_DATABASE_URL, else a local cluster)')
    .option('--embedded', 'verify on an in-memory PGlite instead of a server')
    .option('--from <name>', 'report from this migration on')
    .option('--no-bail', 'keep going after the first failure')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { server?: string; embedded?: boolean; from?: string; bail?: boolean };
      await guarded(async () => {
        const result = await verifyMigrations({
          folder: folderOf(o),
          ...(o.server ? { serverUrl: o.server } : {}),
          ...(o.embedded ? { embedded: true } : {}),
          ...(o.from ? { from: o.from } : {}),
          startServer: async () => (await import('@stocksync/db/testing')).startPostgres(),
          bail: o.bail !== false,
          onMigration: (m) => {
            if (o.json) return;
            const tag = m.ok ? color.green('ok  ') : color.red('FAIL');
            print(`${tag} ${m.name} ${color.dim(`${m.durationMs} ms`)}${m.skipped ? color.yellow(` (down skipped: ${m.skipped})`) : ''}`);
            for (const p of m.problems.slice(0, 20)) print(`       ${p}`);
            if (m.problems.length > 20) print(`       … ${m.problems.length - 20} more`);
          },
        });
        if (o.json) printJson(result);
        else print(result.ok ? `All ${result.migrations.length} migration(s) verified (${result.engine}).` : color.red('Verification failed.'));
        if (!result.ok) process.exitCode = EXIT.failure;
      });
    });

  migrate
    .command('baseline')
    .description('Adopt a database migrated by drizzle-kit migrate (or mark migrations up to --to as applied).')
    .option('--to <name>', 'for a schema created another way: the last migration it already contains')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { to?: string };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const result = await baselineMigrations(cli.handle, { ...runnerOptions(o), ...(o.to ? { to: o.to } : {}) });
          if (o.json) return printJson(result);
          print(`Baselined ${result.baselined.length} migration(s).`);
          if (result.skippedData.length) {
            print(color.yellow(`drizzle-kit recorded data migration(s) ${result.skippedData.join(', ')} without running them: run \`stocksync-db migrate up --allow-out-of-order\`.`));
          }
        }),
      );
    });

  migrate
    .command('repair')
    .description('After review: re-record hashes of changed applied files; mark migrations applied/reverted by hand.')
    .option('--mark-applied <names...>', 'record these as applied (their changes were completed by hand)')
    .option('--mark-reverted <names...>', 'record these as reverted (their changes were undone by hand)')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { markApplied?: string[]; markReverted?: string[] };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const result = await repairMigrations(cli.handle, {
            ...runnerOptions(o),
            ...(o.markApplied ? { markApplied: o.markApplied } : {}),
            ...(o.markReverted ? { markReverted: o.markReverted } : {}),
          });
          if (o.json) return printJson(result);
          print(`Re-recorded ${result.rehashed.length} hash(es)${result.rehashed.length ? `: ${result.rehashed.join(', ')}` : ''}.`);
          if (result.markedApplied.length) print(`Marked applied: ${result.markedApplied.join(', ')}.`);
          if (result.markedReverted.length) print(`Marked reverted: ${result.markedReverted.join(', ')}.`);
        }),
      );
    });


  registerMigrateAuthoring(migrate);
}
