// `seed`: deterministic sample data at a preset scale; idempotent unless --append or --force.
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_SEED, DOMAIN_SEEDERS, SCALES, seedDatabase, tableChecksums, type DomainName, type ScaleName, type WriteMethod } from '@stocksync/db/seed';
import { withCliDatabase, type GlobalOptions } from '../database.js';
import { color, num, print, printJson, printRows, secs, startProgress } from '../output.js';
import { parseTenantCount } from './options.js';
import { parseScale } from './scale-option.js';

interface SeedCommandOptions extends GlobalOptions {
  scale: ScaleName;
  tenants?: number;
  seed: string;
  append?: boolean;
  force?: boolean;
  method?: WriteMethod;
  domains?: DomainName[];
  checksum?: boolean;
}

function parseMethod(value: string): WriteMethod {
  if (value !== 'copy' && value !== 'insert') throw new InvalidArgumentError('use copy or insert.');
  return value;
}

function parseDomains(value: string): DomainName[] {
  const known = Object.keys(DOMAIN_SEEDERS);
  const list = value.split(',').map((d) => d.trim()).filter(Boolean);
  const bad = list.filter((d) => !known.includes(d));
  if (bad.length) throw new InvalidArgumentError(`unknown domain ${bad.join(', ')}; use any of ${known.join(', ')}.`);
  return list as DomainName[];
}

/** Registers `seed`. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('Seed deterministic sample tenants with data in every domain (same --seed, same rows).')
    .option('--scale <scale>', `size: ${Object.entries(SCALES).map(([k, v]) => `${k} (${v} tenants)`).join(', ')}`, parseScale, 'small' as ScaleName)
    .option('--tenants <n>', 'number of tenants, 0 to 100,000 (overrides --scale)', parseTenantCount)
    .option('--seed <seed>', 'seed of the generated data', DEFAULT_SEED)
    .option('--append', 'add --tenants/--scale more tenants after the ones this seed already created')
    .option('--force', "delete this seed's tenants (and all their rows) and seed them again")
    .option('--method <method>', 'bulk load: copy (default) or insert (multi-row INSERT)', parseMethod)
    .option('--domains <list>', `only these domains besides tenants and users (such tenants count as seeded; --force redoes them): ${Object.keys(DOMAIN_SEEDERS).join(',')}`, parseDomains)
    .option('--checksum', 'print an md5 checksum of every table afterwards (to compare two databases)')
    .addHelpText(
      'after',
      `
Seeding is idempotent: tenants this seed already created are skipped, so running the same command
twice adds nothing. Tenant N of a seed is the same at every scale, so --scale medium after
--scale small adds tenants 10-99.

Examples:
  $ stocksync-db seed                                  # 10 tenants into .stocksync/
  $ stocksync-db seed --scale large --url postgres://localhost/dev
  $ stocksync-db seed --tenants 3 --seed demo --append
  $ stocksync-db seed --scale tiny --memory --checksum --json`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<SeedCommandOptions>();
      if (opts.append && opts.force) command.error('error: --append and --force cannot be combined.', { exitCode: 2 });
      await withCliDatabase(opts, async (cli) => {
        const total = opts.tenants ?? SCALES[opts.scale];
        const progress = await startProgress('Seeding', total, opts);
        let report;
        try {
          report = await seedDatabase(cli.db, {
            scale: opts.scale,
            tenants: opts.tenants,
            seed: opts.seed,
            mode: opts.force ? 'force' : opts.append ? 'append' : 'missing',
            method: opts.method,
            domains: opts.domains,
            onProgress: (p) => progress.update(p.done, { rows: p.rows, unit: 'tenants' }),
          });
        } finally {
          progress.stop();
        }
        const checksums = opts.checksum ? await tableChecksums(cli.db) : undefined;
        if (opts.json) {
          printJson({ target: cli.target.display, ...report, ...(checksums ? { checksums } : {}) });
          return;
        }
        print(
          `${color.bold('Seeded')} ${report.tenantsCreated} tenants (positions ${report.range.from}-${report.range.to - 1}), ` +
            `${report.tenantsSkipped} already present${report.tenantsDeleted ? `, ${report.tenantsDeleted} deleted first` : ''} ` +
            color.dim(`on ${cli.target.display}`),
        );
        print(`${num(report.totalRows)} rows in ${secs(report.ms)} by ${report.method} ${color.dim(`(seed "${report.seed}")`)}`);
        if (report.totalRows) {
          printRows(
            Object.entries(report.rows)
              .sort(([, a], [, b]) => b - a)
              .map(([t, n]) => [t, num(n)]),
          );
        } else {
          print(color.dim('Nothing to add: run with --append for more tenants or --force to seed them again.'));
        }
        if (checksums) {
          print(color.bold('Checksums'));
          printRows(Object.entries(checksums).map(([t, c]) => [t, `${c.md5}  ${num(c.rows)} rows`]));
        }
      });
    });
}
