// `tenant`: list and inspect tenants, and their lifecycle (create, suspend, reactivate, delete)
// through @stocksync/db/tenancy.
import { InvalidArgumentError, type Command } from 'commander';
import { ValidationError } from '@stocksync/db';
import { sql } from 'drizzle-orm';
import type { Database } from '@stocksync/db';
import { LICENSE_TIERS, TENANT_ISOLATIONS, TENANT_STATUSES } from '@stocksync/db/schema';
import { domainOfTable } from '@stocksync/db/seed';
import { checkCreateTenantInput, createTenant, exportTenant, importTenant, purgeTenant, reactivateTenant, softDeleteTenant, suspendTenant } from '@stocksync/db/tenancy';
import { rowsOf, withCliDatabase, type GlobalOptions } from '../database.js';
import { color, EXIT, lazyProgress, num, print, printError, printJson, printRows } from '../output.js';
import { distributeSchemasIfCitus } from './citus-schemas.js';
import { choiceOption, countParser } from './options.js';
import { registerTenantDomain } from './tenant-domain.js';
import { registerTenantMove } from './tenant-move.js';
import { findTenant, requireTenant, type TenantRow } from './tenant-ref.js';

/** Row counts of one tenant per table (as the owner: RLS does not filter). */
async function tenantRowCounts(db: Database, tenantId: string): Promise<Record<string, number>> {
  // A schema tenant's rows are in its own schema (the global tables it has rows in stay in public).
  const [where] = rowsOf<{ schema: string }>(
    await db.execute(sql`select case when isolation = 'schema' then stocksync_tenant_schema(id) else 'public' end as schema from tenants where id = ${tenantId}::uuid`),
  );
  const schema = where?.schema ?? 'public';
  const tables = rowsOf<{ name: string; schema: string }>(
    await db.execute(sql`select c.relname as name, n.nspname as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind in ('r', 'p') and (n.nspname = ${schema}
        or (n.nspname = 'public' and not exists (select 1 from pg_class x join pg_namespace y on y.oid = x.relnamespace where y.nspname = ${schema} and x.relname = c.relname)))
      order by 1`),
  );
  if (!tables.length) return {};
  const parts = tables.map(({ name, schema: s }) => sql`select ${name}::text as name, count(*)::bigint as n from ${sql.identifier(s)}.${sql.identifier(name)} where tenant_id = ${tenantId}::uuid`);
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
    .description('List, inspect, create, suspend, reactivate and delete tenants.')
    .addHelpText(
      'after',
      `
Examples:
  $ stocksync-db tenant list
  $ stocksync-db tenant list --status suspended --json
  $ stocksync-db tenant show acme-logistics-1a2b3c
  $ stocksync-db tenant create --name "Acme Inc" --slug acme --email ops@acme.test --owner-email jo@acme.test
  $ stocksync-db tenant suspend acme --reason "unpaid invoices"
  $ stocksync-db tenant delete acme --purge --yes
  $ stocksync-db tenant export acme ./backups/acme
  $ stocksync-db tenant import ./backups/acme --url postgres://localhost/other
  $ stocksync-db tenant domain add acme shop.acme.test
  $ stocksync-db tenant slug acme acme-global
  $ stocksync-db tenant move acme --to schema`,
    );
  registerTenantDomain(tenant);
  registerTenantMove(tenant);

  tenant
    .command('list')
    .description('List tenants with status, tier and user count.')
    .addOption(choiceOption('--status <status>', 'only tenants in this status', TENANT_STATUSES))
    .option('--limit <n>', 'at most this many, 1 to 100,000 (default 100)', countParser(1, 100_000), 100)
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
        const users = row.isolation === 'schema' ? (tables.users ?? 0) : Number(row.users);
        if (opts.json) {
          printJson({ ...row, users, rows: { domains, tables } });
          return;
        }
        printRows(
          [
            ['name', row.name],
            ['slug', row.slug],
            ['id', row.id],
            ['status', row.status],
            ['tier', `${row.license_tier} (${row.seats_total} seats)`],
            ['users', num(users)],
            ['isolation', row.isolation === 'schema' ? `schema (tenant_${row.id.replace(/-/g, '')})` : 'shared'],
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

  tenant
    .command('create')
    .description('Onboard a tenant: tenant row, owner user and membership, settings, primary domain (idempotent by slug).')
    .requiredOption('--name <name>', 'organization name')
    .requiredOption('--slug <slug>', 'URL-safe identifier (lowercase letters, digits, dashes)')
    .requiredOption('--email <email>', 'primary contact email')
    .requiredOption('--owner-email <email>', "the owner user's email")
    .option('--owner-name <first last>', "the owner's name")
    .option('--tier <tier>', `license tier: ${LICENSE_TIERS.join('|')}`, parseTier)
    .option('--seats <n>', 'seats, 1 to 2,147,483,647', countParser(1, 2_147_483_647))
    .option('--base-domain <domain>', 'platform domain: the tenant gets <slug>.<domain> as its primary host')
    .addOption(choiceOption('--isolation <isolation>', 'shared (rows in the public tables, default) or schema (its own schema tenant_<id hex>)', TENANT_ISOLATIONS))
    .addHelpText(
      'after',
      '\nExamples:\n  $ stocksync-db tenant create --name "Acme Inc" --slug acme --email ops@acme.test --owner-email jo@acme.test\n  $ stocksync-db tenant create --name Vault --slug vault --email ops@vault.test --owner-email jo@vault.test --isolation schema\n  $ stocksync-db tenant create --name Beta --slug beta --email b@beta.test --owner-email a@beta.test --tier professional --seats 20 --json',
    )
    .action(async (_o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<
        GlobalOptions & { name: string; slug: string; email: string; ownerEmail: string; ownerName?: string; tier?: (typeof LICENSE_TIERS)[number]; seats?: number; baseDomain?: string; isolation?: (typeof TENANT_ISOLATIONS)[number] }
      >();
      const [firstName, ...rest] = (opts.ownerName ?? '').split(' ').filter(Boolean);
      const input = {
        name: opts.name,
        slug: opts.slug,
        email: opts.email,
        licenseTier: opts.tier,
        seatsTotal: opts.seats,
        owner: { email: opts.ownerEmail, firstName, lastName: rest.join(' ') || undefined },
      };
      checkCreateInput(command, input);
      await withCliDatabase(opts, async (cli) => {
        const result = await createTenant(
          cli.db,
          input,
          { baseDomain: opts.baseDomain, ...(opts.isolation ? { isolation: opts.isolation } : {}) },
        );
        // On Citus the new schema becomes a distributed schema (its shards on one worker), checked shard by shard.
        const schema = `tenant_${result.tenant.id.replace(/-/g, '')}`;
        const citus = result.tenant.isolation === 'schema' ? await distributeSchemasIfCitus(cli, [schema]) : undefined;
        if (opts.json) {
          printJson({ created: result.created, tenant: result.tenant, owner: result.owner ?? null, ...(citus ? { citus: citus.schemas[0] } : {}) });
          return;
        }
        print(
          result.created
            ? `${color.green('Created')} tenant ${result.tenant.slug} (${result.tenant.id}) with owner ${opts.ownerEmail}` +
                (result.tenant.isolation === 'schema' ? `, in its own schema tenant_${result.tenant.id.replace(/-/g, '')}.` : '.')
            : `Tenant ${result.tenant.slug} already exists (${result.tenant.id}); nothing written.`,
        );
        if (citus) print(`Citus: schema ${schema} is a distributed schema on ${citus.schemas[0]?.node ?? '?'}; shards verified.`);
      });
    });

  const statusCommand = (name: 'suspend' | 'reactivate', description: string, run: typeof suspendTenant) =>
    tenant
      .command(name)
      .description(description)
      .argument('<tenant>', 'slug or id')
      .option('--reason <text>', 'why (recorded in the audit log)')
      .addHelpText('after', `\nExamples:\n  $ stocksync-db tenant ${name} acme${name === 'suspend' ? ' --reason "unpaid invoices"' : ''}\n  $ stocksync-db tenant ${name} 0190c5a4-8f5e-7a4b-9c1d-2e3f4a5b6c7d --json`)
      .action(async (ref: string, _o: unknown, command: Command) => {
        const opts = command.optsWithGlobals<GlobalOptions & { reason?: string }>();
        await withCliDatabase(opts, async (cli) => {
          const found = await requireTenant(cli.db, ref);
          if (!found) return;
          const updated = await run(cli.db, found.id, { reason: opts.reason });
          if (opts.json) printJson(updated);
          else print(`Tenant ${updated.slug} is now ${color.bold(updated.status)}.`);
        });
      });
  statusCommand('suspend', 'Suspend an active tenant: every new tenant context for it is refused.', suspendTenant);
  statusCommand('reactivate', 'Reactivate a suspended or soft-deleted tenant.', reactivateTenant);

  tenant
    .command('delete')
    .description('Soft-delete a tenant (reversible with reactivate); --purge then removes every row of it.')
    .argument('<tenant>', 'slug or id')
    .option('--purge', 'also remove every row of the tenant (irreversible: export it first)')
    .option('--reason <text>', 'why (recorded in the audit log)')
    .option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)')
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant delete acme\n  $ stocksync-db tenant delete acme --purge --yes --json')
    .action(async (ref: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions & { purge?: boolean; reason?: string; yes?: boolean }>();
      // Refused before connecting: nothing on a pipe or in a script can answer the question.
      if (!opts.yes && (!process.stdin.isTTY || !process.stdout.isTTY)) {
        command.error(`error: refusing to ${opts.purge ? `delete tenant ${ref} and PURGE all its rows` : `soft-delete tenant ${ref}`} without confirmation: pass --yes.`, {
          exitCode: EXIT.usage,
          code: 'stocksync.usage',
        });
      }
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const what = opts.purge ? `delete tenant ${found.slug} and PURGE all its rows (irreversible)` : `soft-delete tenant ${found.slug}`;
        if (!opts.yes) {
          const { default: confirm } = await import('@inquirer/confirm');
          if (!(await confirm({ message: `Really ${what}?`, default: false }))) {
            print('Nothing changed.');
            return;
          }
        }
        const deleted = found.status === 'deleted' ? undefined : await softDeleteTenant(cli.db, found.id, { reason: opts.reason });
        const purged = opts.purge ? await purgeTenant(cli.db, found.id) : undefined;
        if (opts.json) {
          printJson({ tenantId: found.id, slug: found.slug, status: purged ? 'purged' : 'deleted', purgedRows: purged?.rows ?? null, tenant: deleted ?? null });
          return;
        }
        if (purged) {
          const total = Object.values(purged.rows).reduce((a, b) => a + b, 0);
          print(`${color.red('Purged')} tenant ${found.slug}: ${num(total)} rows in ${Object.keys(purged.rows).length} tables.`);
        } else {
          print(`Tenant ${found.slug} is soft-deleted (\`stocksync-db tenant reactivate ${found.slug}\` undoes it; --purge removes its rows).`);
        }
      });
    });

  tenant
    .command('export')
    .description('Export one tenant to a directory: one NDJSON file per table and a manifest with checksums (one consistent snapshot).')
    .argument('<tenant>', 'slug or id')
    .argument('<dir>', 'directory to write (created if missing)')
    .option('--key <key>', 'sign the manifest (HMAC-SHA256) with this key; default $STOCKSYNC_EXPORT_KEY when set')
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant export acme ./backups/acme\n  $ STOCKSYNC_EXPORT_KEY=... stocksync-db tenant export acme ./backups/acme --url postgres://localhost/prod --json')
    .action(async (ref: string, dir: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions & { key?: string }>();
      const key = exportKey(command, opts.key);
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const progress = lazyProgress('export', 'tables', { json: opts.json });
        const manifest = await exportTenant(cli.db, found.id, dir, {
          ...(key === undefined ? {} : { key }),
          onProgress: (p) => progress.report(p.tablesDone, p.tablesTotal, p.rows),
        }).finally(() => progress.stop());
        if (opts.json) {
          printJson({ dir, ...manifest });
          return;
        }
        const total = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        print(`${color.green('Exported')} tenant ${manifest.slug}: ${num(total)} rows in ${manifest.tables.length} files to ${dir}`);
      });
    });

  tenant
    .command('import')
    .description('Import a tenant export into this database (checksums verified, one transaction, every foreign key checked).')
    .argument('<dir>', 'a directory written by `tenant export`')
    .option('--key <key>', 'refuse an export not signed with this key; default $STOCKSYNC_EXPORT_KEY when set')
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant import ./backups/acme\n  $ STOCKSYNC_EXPORT_KEY=... stocksync-db tenant import ./backups/acme --url postgres://localhost/staging --json')
    .action(async (dir: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions & { key?: string }>();
      const key = exportKey(command, opts.key);
      await withCliDatabase(opts, async (cli) => {
        const progress = lazyProgress('import', 'tables', { json: opts.json });
        const result = await importTenant(cli.db, dir, {
          ...(key === undefined ? {} : { key }),
          onProgress: (p) => progress.report(p.tablesDone, p.tablesTotal, p.rows),
        }).finally(() => progress.stop());
        if (opts.json) {
          printJson(result);
          return;
        }
        const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
        print(`${color.green('Imported')} tenant ${result.tenantId}: ${num(total)} rows in ${Object.keys(result.rows).length} tables.`);
        if (result.unverifiedDomains) {
          print(`${num(result.unverifiedDomains)} custom domain(s) imported unverified (the export is unsigned): verify them again before they resolve.`);
        }
      });
    });
}

// The signing key: --key, else STOCKSYNC_EXPORT_KEY (keeps the key out of the process list).
function exportKey(command: Command, option: string | undefined): string | undefined {
  const key = option ?? process.env.STOCKSYNC_EXPORT_KEY;
  if (key === '') {
    const source = option === undefined ? 'STOCKSYNC_EXPORT_KEY' : "option '--key <key>'";
    command.error(`error: ${source} is empty: pass the signing key, or leave it unset.`, { exitCode: EXIT.usage, code: 'stocksync.usage' });
  }
  return key;
}

// The flag behind each field createTenant checks, to name it in a usage error.
const CREATE_FLAGS: Record<string, string> = { name: '--name', slug: '--slug', email: '--email', 'owner.email': '--owner-email', 'owner.firstName': '--owner-name', 'owner.lastName': '--owner-name' };

// createTenant's own input checks, before connecting: a refused value is a usage error naming its flag.
function checkCreateInput(command: Command, input: Parameters<typeof checkCreateTenantInput>[0]): void {
  try {
    checkCreateTenantInput(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = error.issues.map((i) => {
      const flag = CREATE_FLAGS[i.path.map(String).join('.')] ?? i.path.map(String).join('.');
      return flag === '--slug' && error.issues.length === 1 ? error.message : `${flag}: ${i.message}`;
    });
    command.error(`error: ${problems.join('; ')}`, { exitCode: EXIT.usage, code: 'stocksync.usage' });
  }
}

function parseTier(value: string): (typeof LICENSE_TIERS)[number] {
  if (!(LICENSE_TIERS as readonly string[]).includes(value)) throw new InvalidArgumentError(`use one of ${LICENSE_TIERS.join(', ')}.`);
  return value as (typeof LICENSE_TIERS)[number];
}
