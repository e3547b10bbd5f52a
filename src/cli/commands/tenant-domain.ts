// `tenant domain add|verify|remove|list` and `tenant slug`: a tenant's host names and slug through
// @stocksync/db/tenancy. Thin: parse, call the library, print.
import type { Command } from 'commander';
import { addTenantDomain, changeTenantSlug, listTenantDomains, removeTenantDomain, verifyTenantDomain } from '@stocksync/db/tenancy';
import { withCliDatabase, type GlobalOptions } from '../database.js';
import { color, print, printJson } from '../output.js';
import { requireTenant } from './tenant-ref.js';

type BaseOptions = GlobalOptions & { baseDomain?: string[] };

const collect = (value: string, previous: string[] = []) => [...previous, value];
const baseDomains = (opts: BaseOptions) => ({ baseDomains: opts.baseDomain ?? [] });

/** Registers `domain` (add, verify, remove, list) and `slug` under `tenant`. */
export function registerTenantDomain(tenant: Command): void {
  const domain = tenant
    .command('domain')
    .description("Manage a tenant's host names: add, verify (DNS TXT record), remove, list.")
    .addHelpText(
      'after',
      `
Examples:
  $ stocksync-db tenant domain add acme shop.acme.test
  $ stocksync-db tenant domain verify acme shop.acme.test
  $ stocksync-db tenant domain add acme acme.example.com --base-domain example.com --primary
  $ stocksync-db tenant domain list acme --json
  $ stocksync-db tenant domain remove acme old.acme.test`,
    );

  domain
    .command('add')
    .description('Add a host name: a subdomain of --base-domain is verified at once, a custom domain prints the TXT record to publish.')
    .argument('<tenant>', 'slug or id')
    .argument('<hostname>', 'host name, e.g. shop.acme.test')
    .option('--primary', 'make it the primary host name')
    .option('--base-domain <domain>', "the platform's domain (repeatable)", collect)
    .action(async (ref: string, hostname: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<BaseOptions & { primary?: boolean }>();
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const added = await addTenantDomain(cli.db, found.id, { hostname, primary: opts.primary }, baseDomains(opts));
        if (opts.json) return printJson(added);
        print(`${color.green('Added')} ${added.domain.hostname} (${added.domain.kind}${added.domain.isPrimary ? ', primary' : ''}) to ${found.slug}.`);
        if (added.challenge) {
          print(`Publish this DNS record, then run \`stocksync-db tenant domain verify ${found.slug} ${added.domain.hostname}\`:`);
          print(`  ${added.challenge.recordName}  TXT  "${added.challenge.recordValue}"`);
        }
      });
    });

  // verify and remove: one tenant, one host name, one library call, one line printed.
  const hostCommand = (name: string, description: string, run: typeof verifyTenantDomain, done: string) =>
    domain
      .command(name)
      .description(description)
      .argument('<tenant>', 'slug or id')
      .argument('<hostname>', 'the host name')
      .action(async (ref: string, hostname: string, _o: unknown, command: Command) => {
        const opts = command.optsWithGlobals<GlobalOptions>();
        await withCliDatabase(opts, async (cli) => {
          const found = await requireTenant(cli.db, ref);
          if (!found) return;
          const row = await run(cli.db, found.id, hostname);
          if (opts.json) return printJson(row);
          print(`${color.green(done)} ${row.hostname} ${done === 'Removed' ? 'from' : 'for'} ${found.slug}.`);
        });
      });
  hostCommand('verify', 'Verify a custom domain by its DNS TXT record; once verified, requests to it resolve to the tenant.', verifyTenantDomain, 'Verified');
  hostCommand('remove', 'Remove a host name; it stops resolving to the tenant.', removeTenantDomain, 'Removed');

  domain
    .command('list')
    .description("List a tenant's host names, the primary first.")
    .argument('<tenant>', 'slug or id')
    .action(async (ref: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<GlobalOptions>();
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const rows = await listTenantDomains(cli.db, found.id);
        if (opts.json) return printJson(rows);
        if (!rows.length) return print(color.dim(`${found.slug} has no host names. Add one with \`stocksync-db tenant domain add ${found.slug} <hostname>\`.`));
        const width = Math.max(8, ...rows.map((r) => r.hostname.length));
        print(color.bold(`${'hostname'.padEnd(width)}  kind       primary  verified`));
        for (const r of rows) {
          const verified = r.verifiedAt ? r.verifiedAt.toISOString().slice(0, 10) : color.yellow('no');
          print(`${r.hostname.padEnd(width)}  ${r.kind.padEnd(9)}  ${(r.isPrimary ? 'yes' : '').padEnd(7)}  ${verified}`);
        }
      });
    });

  tenant
    .command('slug')
    .description('Change a tenant slug; its subdomains <old>.<base> become <new>.<base> for each --base-domain.')
    .argument('<tenant>', 'slug or id')
    .argument('<new-slug>', 'the new slug')
    .option('--base-domain <domain>', "the platform's domain (repeatable)", collect)
    .addHelpText('after', '\nExamples:\n  $ stocksync-db tenant slug acme acme-global --base-domain example.com')
    .action(async (ref: string, slug: string, _o: unknown, command: Command) => {
      const opts = command.optsWithGlobals<BaseOptions>();
      await withCliDatabase(opts, async (cli) => {
        const found = await requireTenant(cli.db, ref);
        if (!found) return;
        const changed = await changeTenantSlug(cli.db, found.id, slug, baseDomains(opts));
        if (opts.json) return printJson(changed);
        print(`Tenant ${changed.previousSlug} is now ${color.bold(changed.tenant.slug)}.`);
        for (const d of changed.renamedDomains) print(`  subdomain renamed to ${d.hostname}`);
      });
    });
}
