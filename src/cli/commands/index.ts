// Registers every command of the CLI, one file per command group.
import type { Command } from 'commander';

/** Adds every command group to the program. */
export function registerCommands(program: Command): void {
  void program;
}
