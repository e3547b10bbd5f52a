// `erd`: prints (or writes) the Mermaid ER diagram of every schema domain, from the drizzle tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderErd, schemaDomains } from '@stocksync/db/schema';
import { EXIT, print, printJson } from '../output.js';

/** Registers `erd`. */
export function registerErd(program: Command): void {
  program
    .command('erd')
    .description('Print the Mermaid ER diagram of each schema domain (no database needed).')
    .option('--domain <name>', 'only this domain (e.g. projects)')
    .option('--out <dir>', 'write <dir>/<domain>.md files instead of printing')
    .addHelpText(
      'after',
      `
Examples:
  stocksync-db erd --domain projects          print one domain's diagram
  stocksync-db erd --out docs/erd             write one Markdown file per domain
  stocksync-db --json erd                     { "<domain>": "<markdown>", ... }`,
    )
    .action((options: { domain?: string; out?: string }, command: Command) => {
      const json = Boolean(command.optsWithGlobals<{ json?: boolean }>().json);
      const domains = schemaDomains();
      if (options.domain && !(options.domain in domains)) {
        command.error(`error: unknown domain "${options.domain}": use one of ${Object.keys(domains).join(', ')}.`, {
          exitCode: EXIT.usage,
          code: 'stocksync.usage',
        });
      }
      const selected = Object.entries(domains).filter(([d]) => !options.domain || d === options.domain);
      const documents = selected.map(([domain, tables]) => ({ domain, markdown: renderErd(domain, tables) }));
      if (options.out) {
        mkdirSync(options.out, { recursive: true });
        for (const doc of documents) writeFileSync(join(options.out, `${doc.domain}.md`), doc.markdown);
      }
      if (json) printJson(Object.fromEntries(documents.map((d) => [d.domain, d.markdown])));
      else if (options.out) for (const d of documents) print(`wrote ${join(options.out, `${d.domain}.md`)}`);
      else for (const d of documents) print(d.markdown);
      process.exitCode = EXIT.ok;
    });
}
