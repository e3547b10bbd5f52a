// `migrate lint`, `generate`, `down-file` and `create`: the commands that read or write migration
// files (drizzle-kit for the up SQL, the package for down files and data migration templates).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { DATA_MIGRATION_MARKER, MigrationPlanError, lintMigrations, loadMigrations, writeDownFile } from '@stocksync/db/migrations';
import { color, EXIT, print, printJson } from '../output.js';
import { folderOf, guarded, type MigrateOptions } from './migrate-shared.js';

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

/** Registers lint, generate, down-file and create under `migrate`. */
export function registerMigrateAuthoring(migrate: Command): void {
  const opts = (command: Command) => command.optsWithGlobals<MigrateOptions>();

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
