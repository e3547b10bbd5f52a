// Registers every command of the CLI, one file per command group.
import type { Command } from 'commander';
import { registerBootstrap } from './bootstrap.js';
import { registerMigrate } from './migrate.js';
import { registerSeed } from './seed.js';
import { registerDoctor } from './doctor.js';
import { registerTenant } from './tenant.js';
import { registerErd } from './erd.js';
import { registerCitus } from './citus.js';

/** Adds every command group to the program. */
export function registerCommands(program: Command): void {
  registerBootstrap(program);
  registerMigrate(program);
  registerSeed(program);
  registerDoctor(program);
  registerTenant(program);
  registerErd(program);
  registerCitus(program);
}
