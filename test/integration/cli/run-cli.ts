// Runs the CLI as a subprocess (tsx on the sources, the way `npm start` does) and captures its output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;

/** What a CLI run printed and how it exited. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `stocksync-db <args>` in `cwd` with a clean environment (no DATABASE_URL, no TTY). */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; /** Close our end of stdout at once, as `| head -0` does. */ closeStdout?: boolean } = {},
): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--tsconfig', `${root}tsconfig.json`, `${root}src/cli/main.ts`, ...args], {
      cwd: options.cwd ?? root,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
