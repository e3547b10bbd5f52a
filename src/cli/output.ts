// CLI output: colors only on a TTY without NO_COLOR, JSON mode for scripts, and the exit codes.
import pc from 'picocolors';

/** Exit codes: 0 ok, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const useColor = () => Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';

/** Colors that turn into identity functions when colors are off. */
export const color = {
  bold: (s: string) => (useColor() ? pc.bold(s) : s),
  dim: (s: string) => (useColor() ? pc.dim(s) : s),
  green: (s: string) => (useColor() ? pc.green(s) : s),
  red: (s: string) => (useColor() ? pc.red(s) : s),
  yellow: (s: string) => (useColor() ? pc.yellow(s) : s),
  cyan: (s: string) => (useColor() ? pc.cyan(s) : s),
};

/** Prints one line to stdout. */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints a value as JSON to stdout (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error line to stderr. */
export function printError(line: string): void {
  process.stderr.write(`${color.red('error')} ${line}\n`);
}
