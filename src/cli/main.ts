// stocksync-db: parse arguments, call the library, print, set the exit code. Each command file
// under ./commands registers itself on the program.
import { Command, CommanderError } from 'commander';
import { describeError, EXIT, printError } from './output.js';
import { registerCommands } from './commands/index.js';

/**
 * Builds the CLI program (exported for tests and for embedding). With `argv`, only the command
 * group it names is loaded; without, every group.
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('stocksync-db')
    .description('Multi-tenant data layer: migrations, seeds, tenants and checks for @stocksync/db.')
    .option('--url <url>', 'Postgres URL (default: DATABASE_URL, else the embedded database in .stocksync/)')
    .option('--memory', 'use an in-memory embedded database (nothing is kept)')
    .option('--json', 'print machine-readable JSON')
    .option('--verbose', 'print stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Database: --url, else DATABASE_URL, else an embedded PGlite database in .stocksync/ (--memory: in memory).
Output: --json for scripts; colors only on a terminal and never with NO_COLOR.
Exit codes: 0 ok, 1 failure, 2 usage error.

Examples:
  $ npm start                                   # bootstrap: migrate, seed, show isolation
  $ stocksync-db migrate status --url postgres://localhost/app
  $ stocksync-db seed --scale medium --seed demo
  $ stocksync-db tenant list --json
  $ stocksync-db doctor`,
    )
    .exitOverride();
  await registerCommands(program, argv ? argv.slice(2) : undefined);
  return program;
}

/** Runs the CLI with the given argv and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    const verbose = program.opts<{ verbose?: boolean }>().verbose || process.argv.includes('--verbose');
    printError(describeError(error));
    if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}

run(process.argv).then((code) => {
  process.exitCode = code;
});
