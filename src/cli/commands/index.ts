// Registers the CLI's command groups, one file per group. A group's file is imported only when the
// command line names it (or asks for the root help), so `migrate status` loads no seeder, tenancy
// or schema code.
import type { Command } from 'commander';

type Register = (program: Command) => void;

/** Each command group and how to load its registration. */
const GROUPS: Record<string, () => Promise<Register>> = {
  bootstrap: async () => (await import('./bootstrap.js')).registerBootstrap,
  migrate: async () => (await import('./migrate.js')).registerMigrate,
  seed: async () => (await import('./seed.js')).registerSeed,
  doctor: async () => (await import('./doctor.js')).registerDoctor,
  tenant: async () => (await import('./tenant.js')).registerTenant,
  erd: async () => (await import('./erd.js')).registerErd,
  citus: async () => (await import('./citus.js')).registerCitus,
};

// Global options that take a value, so the group name is the first word that is not one of them.
const VALUE_OPTIONS = new Set(['--url']);

/** The command group named on the command line (after node and the script), if any. */
export function commandGroupOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (VALUE_OPTIONS.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return arg;
  }
  return undefined;
}

/** Adds the command group the arguments name, or every group (root help, unknown command). */
export async function registerCommands(program: Command, args: readonly string[] = []): Promise<void> {
  const group = commandGroupOf(args);
  const names = group && GROUPS[group] ? [group] : Object.keys(GROUPS);
  for (const name of names) (await GROUPS[name]!())(program);
}
