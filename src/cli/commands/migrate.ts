// `migrate`: up, down, status, plan, verify, baseline, repair, lint, generate, create. Thin: parse
// arguments, call @stocksync/db/migrations, print (progress bar for data migrations), exit code.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  MigrationChecksumError,
  MigrationFailedError,
  MigrationIrreversibleError,
  MigrationLockError,
  MigrationPlanError,
  baselineMigrations,
  DATA_MIGRATION_MARKER,
  defaultMigrationsFolder,
  lintMigrations,
  loadMigrations,
  migrateDown,
  migrateUp,
  migrationStatus,
  planMigrations,
  repairMigrations,
  verifyMigrations,
  writeDownFile,
  type BatchProgress,
  type MigrationEvent,
  type MigrationStatus,
  type MigratorOptions,
} from '@stocksync/db/migrations';
import { resolveTarget, withCliDatabase, type GlobalOptions } from '../database.js';
import { color, EXIT, print, printError, printJson, secs } from '../output.js';
import { parseCount } from './options.js';

// A server URL is read over one plain connection (no drizzle handle, no schema); the embedded
// database needs the full handle.
async function statusOf<T>(o: MigrateOptions, fn: (status: MigrationStatus, display: string) => Promise<T> | T): Promise<T> {
  const target = resolveTarget(o);
  if (target.kind === 'server') return fn(await migrationStatus({ url: target.url }, runnerOptions(o)), target.display);
  return withCliDatabase(o, async (cli) => fn(await migrationStatus(cli.handle, runnerOptions(o)), cli.target.display));
}

interface MigrateOptions extends GlobalOptions {
  folder?: string;
  lockTimeout?: string;
  wait?: string;
  failIfLocked?: boolean;
  allowOutOfOrder?: boolean;
}

const MIGRATION_ERRORS = [MigrationFailedError, MigrationPlanError, MigrationChecksumError, MigrationIrreversibleError, MigrationLockError];

function folderOf(opts: MigrateOptions): string {
  return opts.folder ? resolve(opts.folder) : defaultMigrationsFolder();
}

function runnerOptions(opts: MigrateOptions, onEvent?: (e: MigrationEvent) => void): MigratorOptions {
  return {
    folder: folderOf(opts),
    ...(opts.lockTimeout ? { lockTimeout: opts.lockTimeout } : {}),
    lock: { mode: opts.failIfLocked ? 'fail' : 'wait', timeoutMs: opts.wait ? Number(opts.wait) * 1000 : 60_000 },
    ...(opts.allowOutOfOrder ? { allowOutOfOrder: true } : {}),
    ...(onEvent ? { onEvent } : {}),
  };
}

// Migration errors carry their own recovery message: print it (and the failing statement) cleanly.
async function guarded(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (!MIGRATION_ERRORS.some((E) => error instanceof E)) throw error;
    printError((error as Error).message);
    const statement = error instanceof MigrationFailedError ? error.statement : undefined;
    if (statement) process.stderr.write(`${color.dim(`  statement: ${statement.length > 400 ? `${statement.slice(0, 400)}…` : statement}`)}\n`);
    process.exitCode = EXIT.failure;
  }
}

/** Progress printer for runs: one line per migration, a bar with rows/s and ETA for batched data migrations. */
function reporter(json: boolean | undefined) {
  let bar: { update(value: number, payload?: object): void; stop(): void; setTotal(n: number): void } | undefined;
  let barStep = '';
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  // Events arrive faster than the module loads: draw them in order on one chain.
  const enabled = !json && Boolean(process.stderr.isTTY);
  const loading = enabled ? import('cli-progress') : undefined;
  let chain = Promise.resolve();
  const progress = (p: BatchProgress) => {
    if (!loading) return;
    chain = chain.then(() => draw(p)).catch(() => {});
  };
  const draw = async (p: BatchProgress) => {
    const key = `${p.migration}:${p.step}`;
    if (!bar || barStep !== key) {
      stopBar();
      const { default: cliProgress } = await loading!;
      const created = new cliProgress.SingleBar(
        {
          format: `  ${p.step} [{bar}] {percentage}% {value}/{total} rows | {rate} rows/s | ETA {eta_text}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
      created.start(p.total, p.done, { rate: 0, eta_text: '…' });
      bar = created as unknown as typeof bar;
      barStep = key;
    }
    bar!.update(p.done, { rate: p.rowsPerSecond.toLocaleString('en-US'), eta_text: p.etaMs === null ? '…' : secs(p.etaMs) });
  };
  const onEvent = (event: MigrationEvent) => {
    if (json) return;
    if (event.type === 'lock-wait') process.stderr.write(color.yellow('waiting for another migration runner to release the lock…\n'));
    else if (event.type === 'start') {
      const mode = event.transaction ? '' : color.yellow(' (outside a transaction)');
      process.stderr.write(color.dim(`${event.direction === 'up' ? '↑' : '↓'} ${event.name} (${event.kind})${mode}\n`));
    } else if (event.type === 'progress') progress(event.progress);
    else if (event.type === 'log') {
      stopBar();
      print(`  ${event.message}`);
    } else if (event.type === 'done') {
      stopBar();
      print(`${color.green(event.direction === 'up' ? '✓ applied ' : '✓ reverted')} ${event.name} ${color.dim(`${event.durationMs} ms`)}`);
    } else if (event.type === 'failed') stopBar();
  };
  return { onEvent, stop: stopBar };
}

// A data migration's report: scalars and counts on one line, a quarantine list one row per line.
function printReport(name: string, report: unknown): void {
  if (!report || typeof report !== 'object') return print(`${color.bold(name)}: ${String(report)}`);
  const { quarantine, ...rest } = report as { quarantine?: Array<Record<string, unknown>> } & Record<string, unknown>;
  print(`${color.bold(name)}: ${JSON.stringify(rest)}`);
  for (const row of quarantine ?? []) {
    print(color.yellow(`  quarantined ${String(row.sourceTable)} #${String(row.legacyId)} (tenant_id ${JSON.stringify(row.tenantRef)}): ${String(row.reason)}`));
  }
}

function parseSeconds(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('expected seconds, e.g. 60.');
  return value;
}

function runDrizzleKit(args: string[], config?: string): void {
  if (config) args = [...args, '--config', config];
  const require = createRequire(import.meta.url);
  // bin.cjs is not in drizzle-kit's export map: find it next to the package entry.
  const bin = join(dirname(require.resolve('drizzle-kit')), 'bin.cjs');
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`drizzle-kit ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
}

const DATA_TEMPLATE = (tag: string) => `// Data migration ${tag}: <say what it changes and why>. Runs with \`stocksync-db migrate up\`
// (drizzle-kit migrate only records its marker file, it does not run it).
import type { DataMigrationContext } from '@stocksync/db/migrations';

/** false: batches commit one by one and a killed run resumes from its checkpoint. */
export const transaction = false;

export async function up(ctx: DataMigrationContext) {
  const result = await ctx.batch({
    step: 'backfill',
    table: 'my_table',
    key: 'id',
    batchSize: 1000,
    run: async ({ keys }) => {
      const rows = await ctx.query('update my_table set new_column = old_column where id = any($1::bigint[]) returning 1', [keys]);
      return rows.length;
    },
  });
  return { updated: result.rows };
}

export async function down(ctx: DataMigrationContext) {
  await ctx.exec('update my_table set new_column = null');
}

// Or, when it cannot be undone, replace down with:
// export const irreversible = 'why this cannot be reverted';
`;

function journalTags(folder: string): string[] {
  if (!existsSync(join(folder, 'meta', '_journal.json'))) return [];
  return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> }).entries.map((e) => e.tag);
}

/** Registers the `migrate` command group. */
export function registerMigrate(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('Run, inspect, verify and write migrations (drizzle-kit folder + down files + data migrations).')
    .option('--folder <dir>', 'migrations folder (default: the package drizzle/)')
    .option('--lock-timeout <duration>', "SET LOCAL lock_timeout for each migration, e.g. '5s'")
    .option('--wait <seconds>', 'wait this long for another runner to finish (default 60)', parseSeconds)
    .option('--fail-if-locked', 'fail at once when another runner holds the lock')
    .option('--allow-out-of-order', 'apply pending migrations older than applied ones (after a branch merge)');

  const opts = (command: Command) => command.optsWithGlobals<MigrateOptions>();

  migrate
    .command('up')
    .description('Apply pending migrations, each in its own transaction.')
    .option('--to <name>', 'stop after this migration (inclusive)')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { to?: string };
      await guarded(() =>
        withCliDatabase(o, async (cli) => {
          const r = reporter(o.json);
          try {
            const result = await migrateUp(cli.handle, { ...runnerOptions(o, r.onEvent), ...(o.to ? { to: o.to } : {}) });
            if (o.json) return printJson(result);
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
    .option('--steps <n>', 'how many to revert', parseCount)
    .option('--to <name>', 'revert down to this migration (it stays applied)')
    .option('--all', 'revert every migration')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { steps?: number; to?: string; all?: boolean };
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
            if (o.json) return printJson(result);
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
        statusOf(o, async (status, display) => {
          if (o.json) return printJson(status);
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
          if (status.needsBaseline) print(color.yellow('drizzle-kit migrate ran here: run `stocksync-db migrate baseline` once to adopt this database.'));
          if (status.migrations.some((m) => m.checksumOk === false || m.state === 'failed' || m.state === 'missing-file')) process.exitCode = EXIT.failure;
        }),
      );
    });

  migrate
    .command('plan')
    .description('Print the SQL that up (or down) would run, without running it.')
    .option('--down', 'plan a down instead of an up')
    .option('--steps <n>', 'with --down: how many', parseCount)
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

  migrate
    .command('lint [names...]')
    .description('Flag destructive or locking changes in up files, with the safe alternative.')
    .option('--since <name>', 'only migrations after this one')
    .option('--strict', 'warnings fail too')
    .action(async (names: string[], _o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { since?: string; strict?: boolean };
      await guarded(async () => {
        const result = lintMigrations(folderOf(o), { only: names, ...(o.since ? { since: o.since } : {}) });
        if (o.json) printJson(result);
        else {
          for (const f of result.findings) {
            const sev = f.severity === 'error' ? color.red('error  ') : color.yellow('warning');
            print(`${sev} ${f.migration} ${color.bold(f.rule)}: ${f.message}`);
            print(color.dim(`        ${f.statement}`));
            print(`        fix: ${f.fix}`);
            print(color.dim(`        waive: -- lint-ignore ${f.rule}: <reason>`));
          }
          for (const w of result.waived) print(color.dim(`waived  ${w.migration} ${w.rule}: ${w.reason}`));
          print(`${result.errors} error(s), ${result.warnings} warning(s), ${result.waived.length} waived.`);
        }
        if (result.errors > 0 || (o.strict && result.warnings > 0)) process.exitCode = EXIT.failure;
      });
    });

  migrate
    .command('generate')
    .description('Run drizzle-kit generate, then write the down file from the snapshots (review both).')
    .requiredOption('--name <name>', 'migration name')
    .option('--custom', 'an empty custom SQL migration (write up and down by hand)')
    .option('--config <path>', 'drizzle-kit config (default: drizzle.config.ts); its `out` must be --folder')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { name: string; custom?: boolean; config?: string };
      await guarded(async () => {
        const folder = folderOf(o);
        const before = new Set(journalTags(folder));
        runDrizzleKit(['generate', '--name', o.name, ...(o.custom ? ['--custom'] : [])], o.config);
        const added = journalTags(folder).filter((t) => !before.has(t));
        if (added.length === 0) return print(`drizzle-kit added nothing to ${folder} (no schema change, or its config writes elsewhere: pass --folder <its out>).`);
        for (const tag of added) {
          if (o.custom) {
            print(`${tag}.sql created: write the SQL and its exact revert in ${tag}.down.sql.`);
            continue;
          }
          const down = await writeDownFile(folder, tag);
          print(down.written ? `${color.green('✓')} ${tag}.sql and ${tag}.down.sql written: review both, then run \`stocksync-db migrate lint\` and \`migrate verify\`.` : `${tag}: ${down.reason}.`);
        }
      });
    });

  migrate
    .command('down-file <name>')
    .description('(Re)write the down file of an existing schema migration from the snapshots.')
    .option('--force', 'overwrite an existing down file')
    .action(async (name: string, _o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { force?: boolean };
      await guarded(async () => {
        const down = await writeDownFile(folderOf(o), name, { overwrite: Boolean(o.force) });
        print(down.written ? `${down.path} written: review it.` : `${name}: ${down.reason}.`);
        if (!down.written) process.exitCode = EXIT.failure;
      });
    });

  migrate
    .command('create')
    .description('Create a data migration: a journal entry (drizzle-kit generate --custom) plus a .data.ts template.')
    .requiredOption('--data <name>', 'data migration name')
    .option('--config <path>', 'drizzle-kit config (default: drizzle.config.ts); its `out` must be --folder')
    .action(async (_o: unknown, command: Command) => {
      const o = opts(command) as MigrateOptions & { data: string; config?: string };
      await guarded(async () => {
        const folder = folderOf(o);
        const before = new Set(journalTags(folder));
        runDrizzleKit(['generate', '--custom', '--name', o.data], o.config);
        const tag = journalTags(folder).find((t) => !before.has(t));
        if (!tag) throw new MigrationPlanError(`drizzle-kit generate --custom added no journal entry to ${folder}: pass --folder <the config's out>.`);
        writeFileSync(join(folder, `${tag}.sql`), `${DATA_MIGRATION_MARKER} ${tag}.data.ts\n-- Run by stocksync-db migrate up; drizzle-kit migrate only records it.\n`);
        writeFileSync(join(folder, `${tag}.data.ts`), DATA_TEMPLATE(tag));
        loadMigrations(folder);
        print(`${color.green('✓')} ${tag}.data.ts written (and its marker ${tag}.sql): fill in up and down, then \`stocksync-db migrate verify\`.`);
      });
    });
}
