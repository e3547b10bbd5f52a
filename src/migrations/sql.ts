// Small SQL text helpers shared by the runner: identifier quoting and literal settings.

/**
 * Quotes an SQL identifier (doubling embedded quotes).
 *
 * @example
 * ```ts
 * import { quoteIdent } from '@stocksync/db/migrations';
 * quoteIdent('order'); // '"order"'
 * ```
 */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Quotes a string literal, for the few places Postgres takes no parameter (SET lock_timeout).
 *
 * @example
 * ```ts
 * import { quoteLiteral } from '@stocksync/db/migrations';
 * quoteLiteral("5s"); // "'5s'"
 * ```
 */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
