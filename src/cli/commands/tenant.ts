// `tenant`: list and inspect tenants (lifecycle subcommands call @stocksync/db/tenancy).
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { isUuid, type Database } from '@stocksync/db';
import { domainOfTable } from '@stocksync/db/seed';
import { rowsOf, withCliDatabase, type GlobalOptions } from '../database.js';
import { color, EXIT, num, print, printError, printJson, printRows } from '../output.js';
import { parseCount } from './options.js';

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  license_tier: string;
  seats_total: number;
  created_at: string | Date;
  users: string | number;
}

/** Finds a tenant by id or slug. */
export async function findTenant(db: Database, ref: string): Promise<TenantRow | undefined> {
  const where = isUuid(ref) ? sql`t.id = ${ref}::uuid` : sql`t.slug = ${ref}`;
  const [row] = rowsOf<TenantRow>(
    await db.execute(sql`select t.id, t.slug, t.name, t.status, t.license_tier, t.seats_total, t.created_at,
      (select count(*) from users u where u.tenant_id = t.id) as users from tenants t where ${where}`),
  );
  return row;
}

/** Row counts of one tenant per table (as the owner: RLS does not filter). */
async function tenantRowCounts(db: Database, tenantId: string): Promise<Record<string, number>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`),
  );
  if (!tables.length) return {};
  const parts = tables.map(({ name }) => sql`select ${name}::text as name, count(*)::bigint as n from ${sql.identifier(name)} where tenant_id = ${tenantId}::uuid`);
  const counted = rowsOf<{ name: string; n: string | number }>(await db.execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(counted.map((r) => [r.name, Number(r.n)]));
}

function iso(value: string | Date): string {
  return (value instanceof Date ? value : new Date(value)).toISOString().slice(0, 10);
}

/** Registers `tenant` and its subcommands. */
export function registerTenant(program: Command): void {
  const tenant = program
    .command('tenant')
    .description('List and inspect tenants.')
    .addHelpText(
      'after',
      `
Examples:
  $ stocksync-db tenant list
  $ stocksync-db tenant list --status suspended --json
  $ stocksync-db tenant show acme-logistics-1a2b3c`,
    );

  tenant
    .command('list')
    .description('List tenants with status, tier and user count.')
    .option('--status <status>', 'only tenants in this status (active, suspended, deleted)')
    .option('--limit <n>', 'at most this many (default 100)', parseCount, 100)
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant list\n  $ stocksync-db tenant list --status active --limit 10 --json')
    .action(async (_o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions & { status?: string; limit: number }>();
      await withCliDatabase(opts, async (cli) => {
        const filter = opts.status ? sql`where t.status = ${opts.status}` : sql``;
        const rows = rowsOf<TenantRow>(
          await cli.db.execute(sql`select t.id, t.slug, t.name, t.status, t.license_tier, t.seats_total, t.created_at,
            (select count(*) from users u where u.tenant_id = t.id) as users
            from tenants t ${filter} order by t.created_at, t.id limit ${opts.limit}`),
        );
        if (opts.json) {
          printJson(rows.map((r) => ({ ...r, users: Number(r.users) })));
          return;
        }
        if (!rows.length) {
          print(color.dim('No tenants. Seed some with `stocksync-db seed`.'));
          return;
        }
        const widths = [Math.max(4, ...rows.map((r) => r.slug.length)), 9, 12];
        print(color.bold(`${'slug'.padEnd(widths[0]!)}  ${'status'.padEnd(widths[1]!)}  ${'tier'.padEnd(widths[2]!)}  users  created     name`));
        for (const r of rows) {
          const status = r.status === 'active' ? r.status : color.yellow(r.status);
          print(
            `${r.slug.padEnd(widths[0]!)}  ${status}${' '.repeat(Math.max(0, widths[1]! - r.status.length))}  ${r.license_tier.padEnd(widths[2]!)}  ${String(r.users).padStart(5)}  ${iso(r.created_at)}  ${r.name}`,
          );
        }
      });
    });

  tenant
    .command('show')
    .description("Show one tenant (by slug or id) with its rows per domain.")
    .argument('<tenant>', 'slug or id')
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant show acme-logistics-1a2b3c\n  $ stocksync-db tenant show 0190c5a4-8f5e-7a4b-9c1d-2e3f4a5b6c7d --json')
    .action(async (ref: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions>();
      await withCliDatabase(opts, async (cli) => {
        const row = await findTenant(cli.db, ref);
        if (!row) {
          printError(`No tenant "${ref}". List them with \`stocksync-db tenant list\`.`);
          process.exitCode = EXIT.failure;
          return;
        }
        const tables = await tenantRowCounts(cli.db, row.id);
        const domains: Record<string, number> = {};
        for (const [t, n] of Object.entries(tables)) domains[domainOfTable(t)] = (domains[domainOfTable(t)] ?? 0) + n;
        if (opts.json) {
          printJson({ ...row, users: Number(row.users), rows: { domains, tables } });
          return;
        }
        printRows(
          [
            ['name', row.name],
            ['slug', row.slug],
            ['id', row.id],
            ['status', row.status],
            ['tier', `${row.license_tier} (${row.seats_total} seats)`],
            ['users', num(Number(row.users))],
            ['created', iso(row.created_at)],
          ],
          '',
        );
        print(color.bold('Rows'));
        printRows(
          Object.entries(domains)
            .filter(([, n]) => n > 0)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([d, n]) => [d, num(n)]),
        );
      });
    });
}
