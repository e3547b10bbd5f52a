// `citus distribute [--plan]`: distributes the schema on a Citus coordinator (or prints the SQL it would run).
import type { Command } from 'commander';
import { CitusDistributionError, distributeOnCitus } from '@stocksync/db/citus';
import { distributeSchemasIfCitus } from './citus-schemas.js';
import { ConfigurationError } from '@stocksync/db';
import { preflight, type GlobalOptions } from '../database.js';
import { color, EXIT, print, printError, printJson } from '../output.js';

interface DistributeCliOptions extends GlobalOptions {
  plan?: boolean;
}

/** Registers `citus distribute`. */
export function registerCitus(program: Command): void {
  const citus = program.command('citus').description('Run the schema on a Citus cluster.');
  citus
    .command('distribute')
    .description(
      'Make the coordinator hold the schema distributed: reference tables, tenant tables distributed by tenant_id and colocated, foreign keys, grants and policies as on plain Postgres (verified on every shard). Idempotent; resumes after a failure.',
    )
    .option('--plan', 'print the SQL it would run, change nothing')
    .addHelpText(
      'after',
      `
Needs --url (or DATABASE_URL) pointing at the coordinator, as the owner of the tables (superuser or
the migrating role), with the workers added (citus_add_node). See docs/scaling.md.

Examples:
  $ stocksync-db citus distribute --plan --url postgres://postgres@coordinator/app
  $ stocksync-db citus distribute --url postgres://postgres@coordinator/app`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<DistributeCliOptions>();
      const url = opts.url ?? process.env.DATABASE_URL;
      if (!url) {
        printError('citus distribute needs the coordinator: pass --url or set DATABASE_URL.');
        process.exitCode = EXIT.usage;
        return;
      }
      await preflight(url);
      try {
        const result = await distributeOnCitus(
          { url },
          {
            planOnly: Boolean(opts.plan),
            onStep: opts.json || opts.plan ? undefined : (step) => print(`${color.cyan('->')} ${step.title}`),
          },
        );
        if (opts.json && opts.plan) {
          printJson(result);
          return;
        }
        if (opts.plan) {
          if (!result.plan.steps.length) print('-- nothing to do: every table is placed as wanted');
          for (const step of result.plan.steps) {
            print(`-- ${step.title}`);
            for (const statement of step.sql) print(statement.startsWith('--') ? statement : `${statement};`);
          }
          return;
        }
        // Tenant schemas made before distribution (or whose distribution failed) become distributed schemas.
        const schemas = await distributeSchemasIfCitus({ target: { kind: 'server', url } });
        if (opts.json) {
          printJson({ ...result, tenantSchemas: schemas ?? null });
          return;
        }
        const count = (kind: string) => result.tables.filter((t) => t.current === kind).length;
        print(
          `${color.green('ok')} Citus ${result.citus.version}, ${result.citus.workers} workers: ${count('distributed')} distributed, ` +
            `${count('reference')} reference, ${count('local')} local tables; ${result.foreignKeysRestored} foreign keys re-added, ` +
            `${result.privilegeFixes.length} privileges put back; shards verified.`,
        );
        if (schemas?.schemas.length) print(`${color.green('ok')} ${schemas.schemas.length} tenant schema(s) distributed (${schemas.distributed.length} now), shards verified.`);
      } catch (error) {
        if (!(error instanceof CitusDistributionError || error instanceof ConfigurationError)) throw error;
        printError(error.message);
        if (error instanceof CitusDistributionError) for (const m of error.mismatches.slice(0, 20)) print(`  ${m.table} ${m.placement} ${m.what}: shard "${m.shard}" vs coordinator "${m.coordinator}"`);
        process.exitCode = EXIT.failure;
      }
    });
}
