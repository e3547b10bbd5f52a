// Tenant slugs: the URL-safe names used in subdomains and path prefixes, and the ones reserved for the platform.
import { ValidationError } from '../errors.js';

/** The slug pattern, the same as the `tenants_slug_check` constraint: lowercase DNS label, 1-63 chars. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Slugs no tenant may take: they name platform hosts and paths (`www.example.com`, `/t/`, `api.`).
 *
 * @example
 * ```ts
 * import { RESERVED_SLUGS } from '@stocksync/db/tenancy';
 * RESERVED_SLUGS.has('www'); // true
 * ```
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'api', 'app', 'assets', 'auth', 'billing', 'blog', 'cdn', 'dashboard', 'dev', 'docs',
  'ftp', 'help', 'imap', 'internal', 'localhost', 'login', 'logout', 'mail', 'ns1', 'ns2', 'null',
  'pop', 'root', 'signup', 'smtp', 'staging', 'static', 'status', 'support', 'system', 't',
  'undefined', 'www',
]);

/**
 * Returns why a slug is not acceptable for a new tenant, or undefined when it is.
 *
 * @example
 * ```ts
 * import { slugProblem } from '@stocksync/db/tenancy';
 * slugProblem('www'); // 'reserved'
 * ```
 */
export function slugProblem(slug: string): 'malformed' | 'reserved' | undefined {
  if (!SLUG_PATTERN.test(slug)) return 'malformed';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return undefined;
}

/**
 * Throws a {@link ValidationError} (path `slug`) when the slug is malformed or reserved.
 *
 * @example
 * ```ts
 * import { assertValidSlug } from '@stocksync/db/tenancy';
 * assertValidSlug('acme');
 * ```
 */
export function assertValidSlug(slug: string): void {
  const problem = slugProblem(slug);
  if (problem === 'malformed') {
    throw new ValidationError(
      `"${slug.slice(0, 80)}" is not a valid slug: use 1-63 lowercase letters, digits and inner hyphens.`,
      [{ path: ['slug'], message: 'malformed' }],
    );
  }
  if (problem === 'reserved') {
    throw new ValidationError(`"${slug}" is reserved for the platform: choose another slug.`, [
      { path: ['slug'], message: 'reserved' },
    ]);
  }
}
