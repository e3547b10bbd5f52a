// Lint for up migrations: destructive or long-locking changes on existing tables, each with its
// safe alternative; waivable per file with `-- lint-ignore <rule>: <reason>`.
import { loadMigrations, splitStatements, stripSqlComments, type MigrationFile } from './loader.js';

/** The rules `lintMigrations` knows. */
export type LintRule =
  | 'drop-table'
  | 'drop-column'
  | 'not-null-without-default'
  | 'set-not-null'
  | 'index-not-concurrent'
  | 'column-type-rewrite'
  | 'missing-lock-timeout'
  | 'waiver-without-reason';

/** One problem found in a migration. */
export interface LintFinding {
  migration: string;
  rule: LintRule;
  severity: 'error' | 'warning';
  /** The statement, shortened. */
  statement: string;
  message: string;
  /** What to do instead. */
  fix: string;
}

/** Result of {@link lintMigrations}: findings, and the waived ones with their reasons. */
export interface LintResult {
  findings: LintFinding[];
  waived: Array<LintFinding & { reason: string }>;
  errors: number;
  warnings: number;
}

const IDENT = String.raw`(?:"[^"]+"|[a-z_][a-z0-9_$]*)`;
const NAME = String.raw`((?:${IDENT}\.)?${IDENT})`;
const unquote = (name: string) => name.replace(/"/g, '').replace(/^public\./, '').toLowerCase();

const FIXES: Record<LintRule, [LintFinding['severity'], string]> = {
  'drop-table': [
    'error',
    'Expand/contract: release code that no longer uses the table, rename it (`<table>_deprecated`) in one migration, and drop it in a later one after a backup.',
  ],
  'drop-column': [
    'error',
    'Release code that no longer reads or writes the column first (remove it from the drizzle schema in a release that ignores it), then drop it in a separate migration.',
  ],
  'not-null-without-default': [
    'error',
    'Add the column nullable (or with a constant DEFAULT), backfill it with a batched data migration, then add the NOT NULL constraint.',
  ],
  'set-not-null': [
    'error',
    'Add `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE CONSTRAINT` in a later statement (no write lock), then SET NOT NULL, which Postgres proves from the valid check without a scan.',
  ],
  'index-not-concurrent': [
    'error',
    'Use CREATE INDEX CONCURRENTLY in a migration of its own (the runner runs it outside a transaction); it does not block writes.',
  ],
  'column-type-rewrite': [
    'error',
    'Add a new column of the new type, backfill it in batches (ctx.batch), switch reads and writes, and drop the old column later. Binary-compatible changes (varchar(n) to a longer varchar or to text) do not rewrite: waive them.',
  ],
  'missing-lock-timeout': [
    'warning',
    "Start the file with `SET LOCAL lock_timeout = '5s';` (or run `migrate up --lock-timeout 5s`), so a blocked ALTER fails fast instead of queueing every query behind it.",
  ],
  'waiver-without-reason': ['error', 'Write the reason after the rule: `-- lint-ignore <rule>: <why this is safe here>`.'],
};

// Splits on semicolons outside string literals and dollar-quoted bodies.
function splitOnSemicolons(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") {
      i++;
      while (i < text.length && !(text[i] === "'" && text[i + 1] !== "'")) i += text[i] === "'" ? 2 : 1;
      i++;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? text.length : end + tag.length;
      } else i++;
    } else if (c === ';') {
      parts.push(text.slice(start, i));
      start = ++i;
    } else i++;
  }
  parts.push(text.slice(start));
  return parts;
}

function finding(migration: string, rule: LintRule, statement: string, message: string): LintFinding {
  const [severity, fix] = FIXES[rule];
  const short = statement.replace(/\s+/g, ' ').trim();
  return { migration, rule, severity, statement: short.length > 160 ? `${short.slice(0, 157)}...` : short, message, fix };
}

/**
 * Lints the SQL of one up migration.
 *
 * @example
 * ```ts
 * import { lintSql } from '@stocksync/db/migrations';
 * const { findings } = lintSql('0007_x', 'ALTER TABLE "users" DROP COLUMN "age";');
 * ```
 */
export function lintSql(migration: string, sql: string): Omit<LintResult, 'errors' | 'warnings'> {
  const raw: LintFinding[] = [];
  const created = new Set<string>();
  let strongLock: string | undefined;
  const hasLockTimeout = /\bset\s+(local\s+)?lock_timeout\b/i.test(stripSqlComments(sql));
  for (const statement of splitStatements(sql)) {
    for (const part of splitOnSemicolons(stripSqlComments(statement))) {
      const s = part.trim();
      if (!s) continue;
      let m = new RegExp(String.raw`^create\s+(?:unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?${NAME}`, 'i').exec(s);
      if (m) {
        created.add(unquote(m[1]!));
        continue;
      }
      m = new RegExp(String.raw`^drop\s+table\s+(?:if\s+exists\s+)?${NAME}`, 'i').exec(s);
      if (m && !created.has(unquote(m[1]!))) {
        raw.push(finding(migration, 'drop-table', s, `Drops table ${unquote(m[1]!)} and its data; running code that still uses it breaks.`));
        continue;
      }
      m = new RegExp(String.raw`^create\s+(unique\s+)?index\s+(?!concurrently\b)(?:if\s+not\s+exists\s+)?(?:${IDENT}\s+)?on\s+(?:only\s+)?${NAME}`, 'i').exec(s);
      if (m) {
        const table = unquote(m[2]!);
        if (!created.has(table)) {
          raw.push(finding(migration, 'index-not-concurrent', s, `Builds an index on existing table ${table} while blocking its writes.`));
          strongLock ??= s;
        }
        continue;
      }
      m = new RegExp(String.raw`^alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?${NAME}\s+([\s\S]*)$`, 'i').exec(s);
      if (m) {
        const table = unquote(m[1]!);
        if (created.has(table)) continue;
        strongLock ??= s;
        const body = m[2]!;
        for (const action of body.split(/,(?![^(]*\))/)) {
          const a = action.trim();
          if (/^drop\s+column\b/i.test(a)) {
            raw.push(finding(migration, 'drop-column', s, `Drops a column of ${table}; running code that still selects it breaks.`));
          } else if (/^add\s+(column\s+)?/i.test(a) && !/^add\s+(constraint|primary|unique|foreign|check)\b/i.test(a)) {
            if (/\bnot\s+null\b/i.test(a) && !/\bdefault\b/i.test(a) && !/\bgenerated\b/i.test(a)) {
              raw.push(finding(migration, 'not-null-without-default', s, `Adds a NOT NULL column without a default to ${table}: it fails as soon as the table has rows.`));
            }
          } else if (/^alter\s+(column\s+)?\S+\s+set\s+not\s+null\b/i.test(a)) {
            raw.push(finding(migration, 'set-not-null', s, `SET NOT NULL scans all of ${table} under an ACCESS EXCLUSIVE lock.`));
          } else if (/^alter\s+(column\s+)?\S+\s+(set\s+data\s+)?type\b/i.test(a)) {
            raw.push(finding(migration, 'column-type-rewrite', s, `Changing a column type of ${table} can rewrite the table under an ACCESS EXCLUSIVE lock.`));
          }
        }
        continue;
      }
      if (/^(create|drop)\s+trigger\b|^create\s+policy\b|^drop\s+policy\b|^alter\s+policy\b/i.test(s)) {
        const on = /\bon\s+(?:only\s+)?((?:(?:"[^"]+"|\w+)\.)?(?:"[^"]+"|\w+))/i.exec(s);
        if (on && !created.has(unquote(on[1]!))) strongLock ??= s;
      }
    }
  }
  if (strongLock && !hasLockTimeout) {
    raw.push(finding(migration, 'missing-lock-timeout', strongLock, 'Takes a strong lock on an existing table without a lock_timeout.'));
  }
  // Waivers: `-- lint-ignore <rule>: <reason>` anywhere in the file.
  const waivers = new Map<string, string>();
  for (const w of sql.matchAll(/--\s*lint-ignore\s+([a-z-]+)\s*(?::\s*(.*))?$/gim)) {
    const reason = (w[2] ?? '').trim();
    if (reason) waivers.set(w[1]!, reason);
    else raw.push(finding(migration, 'waiver-without-reason', w[0], `The waiver of ${w[1]} gives no reason.`));
  }
  const findings: LintFinding[] = [];
  const waived: Array<LintFinding & { reason: string }> = [];
  for (const f of raw) {
    const reason = waivers.get(f.rule);
    if (reason && f.rule !== 'waiver-without-reason') waived.push({ ...f, reason });
    else findings.push(f);
  }
  return { findings, waived };
}

/**
 * Lints the up files of a folder (data migrations are TypeScript and skipped), all or the named ones.
 *
 * @example
 * ```ts
 * import { lintMigrations } from '@stocksync/db/migrations';
 * const { errors, findings } = lintMigrations('drizzle');
 * ```
 */
export function lintMigrations(folder: string, options: { only?: string[]; since?: string } = {}): LintResult {
  let files: MigrationFile[] = loadMigrations(folder).filter((f) => f.kind === 'sql');
  if (options.only?.length) files = files.filter((f) => options.only!.some((o) => f.name === o || f.name.startsWith(`${o}_`) || f.upPath.endsWith(o)));
  if (options.since) {
    const all = loadMigrations(folder);
    const start = all.find((f) => f.name === options.since)?.index ?? -1;
    files = files.filter((f) => f.index > start);
  }
  const findings: LintFinding[] = [];
  const waived: LintResult['waived'] = [];
  for (const file of files) {
    const result = lintSql(file.name, file.upSql);
    findings.push(...result.findings);
    waived.push(...result.waived);
  }
  return {
    findings,
    waived,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
