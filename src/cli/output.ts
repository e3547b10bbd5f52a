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

/** A progress display: a cli-progress bar on an interactive stderr, nothing otherwise. */
export interface Progress {
  update(value: number, payload?: Record<string, unknown>): void;
  stop(): void;
}

/** Starts a progress bar for `total` steps (silent when stderr is not a TTY or in JSON mode). */
export async function startProgress(label: string, total: number, options: { json?: boolean } = {}): Promise<Progress> {
  if (options.json || !process.stderr.isTTY || total <= 1) return { update: () => {}, stop: () => {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {unit} | {rows} rows | {duration_formatted}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rows: 0, unit: 'tenants' });
  return { update: (value, payload) => bar.update(value, payload), stop: () => bar.stop() };
}

/**
 * A progress bar started on the first report, for work whose total is only known once it runs
 * (tenant export/import report tables done of tables total).
 */
export function lazyProgress(label: string, unit: string, options: { json?: boolean } = {}) {
  let bar: Promise<Progress> | undefined;
  return {
    report(done: number, total: number, rows: number): void {
      bar ??= startProgress(label, total, options);
      void bar.then((b) => b.update(done, { rows: num(rows), unit }));
    },
    async stop(): Promise<void> {
      if (bar) (await bar).stop();
    },
  };
}

/** Formats a number with thousands separators. */
export function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** Formats milliseconds as seconds with one decimal. */
export function secs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Prints an aligned two-column table (`label  value`). */
export function printRows(rows: Array<[string, string]>, indent = '  '): void {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  for (const [k, v] of rows) print(`${indent}${k.padEnd(width)}  ${v}`);
}

/**
 * A one-paragraph description of an error for the terminal: the database's message, detail and
 * SQLSTATE instead of drizzle's full query text (which `--verbose` prints with the stack).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let db: (Error & { code?: string; detail?: string; hint?: string; constraint?: string; table?: string }) | undefined;
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      db = e as typeof db;
      break;
    }
  }
  const head = error.message.startsWith('Failed query:') ? 'A database query failed' : error.message;
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  if (Array.isArray(issues) && issues.length) {
    const lines = issues.slice(0, 10).map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`);
    return [head, ...lines.filter((line) => !head.includes(line))].join('\n  ');
  }
  if (!db || db === error) return head.length > 600 ? `${head.slice(0, 600)}…` : head;
  const parts = [`${head}: ${db.message} (SQLSTATE ${db.code}${db.constraint ? `, constraint ${db.constraint}` : ''})`];
  if (db.detail) parts.push(`detail: ${db.detail}`);
  if (db.hint) parts.push(`hint: ${db.hint}`);
  return parts.join('\n  ');
}
