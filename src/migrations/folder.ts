// Finds the package's own drizzle/ folder from src or dist.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../errors.js';

/**
 * The package's own `drizzle/` folder, found by walking up from this module (works from src and dist).
 *
 * @example
 * ```ts
 * import { defaultMigrationsFolder } from '@stocksync/db/migrations';
 * ```
 */
export function defaultMigrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = resolve(dir, '..');
  }
  throw new ConfigurationError('The package migrations folder (drizzle/) was not found next to @stocksync/db.');
}
