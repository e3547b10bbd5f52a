// stocksync-db: parse arguments, call the library, print, set the exit code. Each command file
// under ./commands registers itself on the program.
import { Command, CommanderError } from 'commander';
import { EXIT, printError } from './output.js';
import { cliErrorMessage } from './error-message.js';
import { registerCommands } from './commands/index.js';

// Options holding a server URL: checked before any command runs (usage error, nothing connects).
const URL_OPTIONS = { url: '--url', server: '--server' } as const;
const POSTGRES_URL = /^postgres(ql)?:\/\/./;

// The command whose action ran (or was about to), to say which server an error is about.
let actionCommand: Command | undefined;

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
    .exitOverride()
    .hook('preAction', (_program, action) => {
      actionCommand = action;
      const opts = action.optsWithGlobals<Record<string, unknown>>();
      for (const [key, flag] of Object.entries(URL_OPTIONS)) {
        const value = opts[key];
        if (typeof value === 'string' && !POSTGRES_URL.test(value)) {
          // The value is not echoed: a URL may carry a password.
          action.error(`error: option '${flag} <url>' is not a Postgres URL: use postgres://user:password@host:port/database.`, {
            exitCode: EXIT.usage,
            code: 'stocksync.usage',
          });
        }
      }
    });
  await registerCommands(program, argv ? argv.slice(2) : undefined);
  return program;
}

// The redacted URL of the server the failed command talked to, when it names one, and its source.
async function serverOf(program: Command | undefined): Promise<{ where?: string; hint?: string }> {
  const opts = (actionCommand ?? program)?.optsWithGlobals<{ url?: string; server?: string; memory?: boolean }>() ?? {};
  // `migrate verify` works on its own server (--server, else a throwaway one), not on --url.
  const ownServer = actionCommand?.options.some((o) => o.long === '--server');
  const url = ownServer ? opts.server : (opts.url ?? (opts.memory ? undefined : process.env.DATABASE_URL));
  const hint = ownServer ? 'in --server' : undefined;
  if (!url) return { hint };
  const { redactUrl } = await import('@stocksync/db/migrations');
  return { where: redactUrl(url), hint };
}

const verbose = () => process.argv.includes('--verbose');

// Prints an error the way every command does: one message, the stack trace only with --verbose.
async function report(error: unknown, program?: Command): Promise<void> {
  const { where, hint } = await serverOf(program).catch(() => ({ where: undefined, hint: undefined }));
  printError(cliErrorMessage(error, where, hint));
  if (verbose() && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

/** Runs the CLI with the given argv and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  let program: Command | undefined;
  try {
    program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    await report(error, program);
    return EXIT.failure;
  }
}

// A reader that stops early (`stocksync-db tenant list | head -1`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    throw error;
  });
}
// Whatever escapes a command (a rejected background promise, a driver's socket error) is reported
// like any other error, never as a stack trace.
for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
  process.on(event, (error: unknown) => {
    void report(error).finally(() => process.exit(EXIT.failure));
  });
}

run(process.argv).then((code) => {
  process.exitCode = code;
});
