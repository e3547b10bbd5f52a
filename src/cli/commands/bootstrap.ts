// `bootstrap` (the main job, `npm start`): migrate to latest, seed, and show tenant isolation at work.
import { sql } from 'drizzle-orm';
import type { Command } from 'commander';
import { APP_ROLE, type Database } from '@stocksync/db';
import { countRowsByDomain, DEFAULT_SEED, seedDatabase, SCALES, type ScaleName } from '@stocksync/db/seed';
import { withTenant } from '@stocksync/db/tenancy';
import { migrateCliDatabase, rowsOf, withCliDatabase, type GlobalOptions } from '../database.js';
import { color, num, print, printJson, printRows, secs, startProgress } from '../output.js';
import { parseTenantCount } from './options.js';
import { parseScale } from './scale-option.js';

/** One tenant's view (or no tenant's) of the demonstration query. */
export interface IsolationView {
  as: string;
  tenantId: string | null;
  rows: Record<string, number>;
}

/** Tables the isolation demonstration counts, when they exist. */
const DEMO_TABLES = ['users', 'projects', 'tasks', 'documents', 'products'];

/**
 * Runs `select count(*)` on a few tenant tables as the application role: under two tenants (through
 * `withTenant`) and under no tenant. RLS shows each tenant only its rows and no tenant nothing.
 */
export async function isolationDemo(db: Database): Promise<{ role: string; tables: string[]; owner: Record<string, number>; views: IsolationView[] }> {
  const existing = new Set(
    rowsOf<{ name: string }>(
      await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'`),
    ).map((r) => r.name),
  );
  const tables = DEMO_TABLES.filter((t) => existing.has(t)).slice(0, 3);
  const picked = rowsOf<{ id: string; slug: string }>(
    await db.execute(sql`select id, slug from tenants where status = 'active' order by created_at, id limit 2`),
  );
  const countIn = async (tx: Pick<Database, 'execute'>) => {
    const out: Record<string, number> = {};
    for (const table of tables) {
      const [row] = rowsOf<{ n: string | number }>(await tx.execute(sql`select count(*) as n from ${sql.identifier(table)}`));
      out[table] = Number(row?.n ?? 0);
    }
    return out;
  };
  // Under a tenant: the library's own entry point (application role + signed tenant context, one transaction).
  // The CLI connects as the owner, a platform tool: it accepts its own session user by name.
  const [{ user } = { user: '' }] = rowsOf<{ user: string }>(await db.execute(sql`select session_user::text as user`));
  const underTenant = (tenantId: string) =>
    withTenant(db, tenantId, (tx) => countIn(tx as unknown as Database), { privilegedSession: user });
  // Under no tenant: the application role with no tenant setting; as the owner: RLS bypassed.
  const untenanted = (asApp: boolean) =>
    db.transaction(async (tx) => {
      if (asApp) await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return countIn(tx as unknown as Database);
    });
  const views: IsolationView[] = [];
  for (const t of picked) views.push({ as: `tenant ${t.slug}`, tenantId: t.id, rows: await underTenant(t.id) });
  views.push({ as: 'no tenant', tenantId: null, rows: await untenanted(true) });
  return { role: APP_ROLE, tables, owner: await untenanted(false), views };
}

interface BootstrapOptions extends GlobalOptions {
  scale: ScaleName;
  tenants?: number;
  seed: string;
  skipSeed?: boolean;
}

/** Registers `bootstrap`. */
export function registerBootstrap(program: Command): void {
  program
    .command('bootstrap')
    .description('The main job: migrate to the latest schema, seed sample tenants, and demonstrate tenant isolation.')
    .option('--scale <scale>', `seed size: ${Object.keys(SCALES).join('|')}`, parseScale, 'small' as ScaleName)
    .option('--tenants <n>', 'number of tenants, 0 to 100,000 (overrides --scale)', parseTenantCount)
    .option('--seed <seed>', 'seed for the generated data (same seed, same rows)', DEFAULT_SEED)
    .option('--skip-seed', 'only migrate and report')
    .addHelpText(
      'after',
      `
Examples:
  $ npm start                                   # embedded database in .stocksync/
  $ stocksync-db bootstrap --memory             # throwaway in-memory database
  $ stocksync-db bootstrap --url postgres://localhost/stocksync --scale tiny
  $ DATABASE_URL=postgres://... stocksync-db bootstrap --json

Running it again is safe: applied migrations and seeded tenants are skipped.`,
    )
    .action(async (_opts: unknown, command: Command) => {
      const opts = command.optsWithGlobals<BootstrapOptions>();
      const started = Date.now();
      await withCliDatabase(opts, async (cli) => {
        if (!opts.json) print(`${color.bold('stocksync-db bootstrap')} ${color.dim(`on ${cli.target.display}`)}`);
        const migrations = await migrateCliDatabase(cli);
        if (!opts.json) {
          const a = migrations.applied;
          const list = a.length === 0 ? '' : a.length <= 3 ? ` (${a.join(', ')})` : ` (${a[0]} … ${a[a.length - 1]})`;
          print(`${color.cyan('Migrations')}  ${migrations.applied.length} applied${list}; ${migrations.total} of ${migrations.total} in place`);
        }
        let seed: Awaited<ReturnType<typeof seedDatabase>> | null = null;
        if (!opts.skipSeed) {
          const total = opts.tenants ?? SCALES[opts.scale];
          const progress = await startProgress('Seeding', total, opts);
          try {
            seed = await seedDatabase(cli.db, {
              scale: opts.scale,
              tenants: opts.tenants,
              seed: opts.seed,
              onProgress: (p) => progress.update(p.done, { rows: p.rows, unit: 'tenants' }),
            });
          } finally {
            progress.stop();
          }
          if (!opts.json) {
            print(
              `${color.cyan('Seed')}        ${seed.tenantsCreated} tenants created, ${seed.tenantsSkipped} already present ` +
                color.dim(`(seed "${seed.seed}", ${num(seed.totalRows)} rows in ${secs(seed.ms)} by ${seed.method})`),
            );
          }
        }
        const counts = await countRowsByDomain(cli.db);
        const demo = await isolationDemo(cli.db);
        const ms = Date.now() - started;
        if (opts.json) {
          printJson({ target: cli.target.display, migrations, seed, rows: counts, isolation: demo, ms });
          return;
        }
        print(`${color.cyan('Rows')}        ${num(counts.total)} in ${Object.keys(counts.tables).length} tables`);
        printRows(
          Object.entries(counts.domains)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([d, n]) => [d, num(n)]),
          '              ',
        );
        const query = demo.tables.map((t) => `count(*) from ${t}`).join(', ');
        print(`${color.cyan('Isolation')}   as role ${demo.role}: select ${query}`);
        const rows: Array<[string, string]> = demo.views.map((v) => [v.as, demo.tables.map((t) => `${t} ${num(v.rows[t] ?? 0)}`).join('  ')]);
        rows.push([color.dim('owner (no RLS)'), color.dim(demo.tables.map((t) => `${t} ${num(demo.owner[t] ?? 0)}`).join('  '))]);
        printRows(rows, '              ');
        print(color.green(`Done in ${secs(ms)}.`) + color.dim(' Next: `stocksync-db tenant list`, `stocksync-db doctor`, or `--help`.'));
      });
    });
}
