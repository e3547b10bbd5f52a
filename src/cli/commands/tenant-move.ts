// `tenant move`: moves a tenant between the shared tables and its own schema (@stocksync/db/tenant-schemas).
import type { Command } from 'commander';
import { TENANT_ISOLATIONS } from '@stocksync/db/schema';
import { moveTenant, type MoveReport, type MoveSession } from '@stocksync/db/tenant-schemas';
import { withCliDatabase, type CliDatabase, type GlobalOptions } from '../database.js';
import { color, num, print, printJson, printRows, secs } from '../output.js';
import { distributeSchemasIfCitus } from './citus-schemas.js';
import { choiceOption } from './options.js';
import { requireTenant } from './tenant-ref.js';

/** One dedicated connection for the move (its lock lives as long as the session); PGlite has only one. */
async function moveSession(cli: CliDatabase): Promise<MoveSession> {
  if (cli.target.kind !== 'server') return Object.assign(cli.db as unknown as MoveSession, { release: async () => {} });
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const client = new pg.Client({ connectionString: cli.target.url, application_name: 'stocksync-db tenant move' });
  await client.connect();
  return Object.assign(drizzle(client) as unknown as MoveSession, { release: () => client.end() });
}

function printMove(report: MoveReport, slug: string): void {
  if (!report.moved && report.tables.length === 0) return print(report.steps[0]!);
  print(`${report.moved ? color.green('Moved') : color.bold('Plan:')} tenant ${slug} from ${report.from} to ${report.to}${report.moved ? ` in ${secs(report.ms)}` : ''}.`);
  if (!report.moved) report.steps.forEach((s, i) => print(`  ${i + 1}. ${s}`));
  const rows = report.tables.filter((t) => t.rows > 0);
  printRows(rows.map((t) => [t.table, `${num(t.rows)} rows`]));
  print(`${num(report.tables.reduce((a, t) => a + t.rows, 0))} rows in ${rows.length} tables${report.moved ? ', counts and checksums equal' : ''}.`);
}

/** Registers `tenant move`. */
export function registerTenantMove(tenant: Command): void {
  tenant
    .command('move')
    .description("Move a tenant between the shared tables and its own schema, both ways: rows copied and checksummed, one transaction; the tenant's requests wait meanwhile.")
    .argument('<tenant>', 'slug or id')
    .addOption(choiceOption('--to <isolation>', 'shared or schema', TENANT_ISOLATIONS).makeOptionMandatory())
    .option('--plan', 'print what it would do and the rows per table, change nothing')
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant move acme --to schema --plan\n  $ stocksync-db tenant move acme --to schema\n  $ stocksync-db tenant move acme --to shared --json')
    .action(async (ref: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions & { to: (typeof TENANT_ISOLATIONS)[number]; plan?: boolean }>();
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const session = await moveSession(cli);
        try {
          const report = await moveTenant(session, found.id, opts.to, { plan: !!opts.plan });
          // On Citus the tenant's new schema becomes a distributed schema (its shards on one worker).
          const citus = report.moved && opts.to === 'schema' ? await distributeSchemasIfCitus(cli, [`tenant_${found.id.replace(/-/g, '')}`]) : undefined;
          if (opts.json) return printJson({ ...report, ...(citus ? { citus: citus.schemas[0] } : {}) });
          printMove(report, found.slug);
          if (citus) print(`Citus: its schema is a distributed schema on ${citus.schemas[0]?.node ?? '?'}; shards verified.`);
        } finally {
          await session.release();
        }
      });
    });
}
