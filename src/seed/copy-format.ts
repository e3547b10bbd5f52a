// The COPY text format of seed rows: the COPY statement of a table and the encoder of its rows.
import { getTableColumns, getTableName } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ConfigurationError } from '../errors.js';
import type { SeedRow } from './batch.js';

type AnyRow = SeedRow;

const casing = new CasingCache('snake_case');

/** A table's COPY statement (given the source, `STDIN` or a file) and the text encoder of its rows. */
export interface CopyPlan {
  statement: (source: string) => string;
  encode: (rows: AnyRow[]) => string;
}

/**
 * Builds the COPY statement and the text-format encoder for a table and the keys its rows use.
 *
 * @example
 * ```ts
 * import { copyPlan } from '@stocksync/db/seed';
 * const plan = copyPlan(users, rows);
 * plan.statement('STDIN'); // 'COPY "users" (...) FROM STDIN'
 * ```
 */
export function copyPlan(table: PgTable, rows: AnyRow[]): CopyPlan {
  const byKey = new Map<string, PgColumn>(Object.entries(getTableColumns(table)));
  const used = new Set<string>();
  for (const row of rows) for (const key in row) if (row[key] !== undefined) used.add(key);
  const keys = [...byKey.keys()].filter((k) => used.has(k));
  for (const key of used) {
    if (!byKey.has(key)) throw new ConfigurationError(`Seed row for ${getTableName(table)} has unknown key "${key}".`);
  }
  const cols = keys.map((k) => byKey.get(k)!);
  const names = cols.map((c) => quoteIdent(casing.getColumnCasing(c))).join(', ');
  const target = quoteIdent(getTableName(table));
  // Consecutive timestamps repeat often (created_at = updated_at, rows of one moment): format once.
  let lastTime = NaN;
  let lastText = '';
  const iso = (date: Date) => {
    const time = date.getTime();
    if (time !== lastTime) {
      lastTime = time;
      lastText = date.toISOString();
    }
    return lastText;
  };
  const encoders = cols.map((col) => encoderOf(col, iso));
  const width = cols.length;
  return {
    statement: (source) => `COPY ${target} (${names}) FROM ${source}`,
    encode: (batch) => {
      let out = '';
      for (const row of batch) {
        let line = '';
        for (let i = 0; i < width; i++) {
          let value = row[keys[i]!];
          if (value === undefined) {
            const col = cols[i]!;
            value = col.defaultFn ? col.defaultFn() : null;
          }
          line += (i ? '\t' : '') + (value === null || value === undefined ? '\\N' : encoders[i]!(value));
        }
        out += line + '\n';
      }
      return out;
    },
  };
}

type Encoder = (value: unknown) => string;

const NEEDS_ESCAPE = /[\\\n\r\t]/;

function escapeCopy(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

// Column kinds whose text form never holds a tab, newline or backslash skip the escaping scan.
const PLAIN = new Set(['PgUUID', 'PgInteger', 'PgSmallInt', 'PgBigInt53', 'PgBigInt64', 'PgSerial', 'PgReal', 'PgDoublePrecision', 'PgNumeric', 'PgNumericNumber']);

/** The text-format encoder of one column (values here are never null or undefined). */
function encoderOf(col: PgColumn, iso: (date: Date) => string): Encoder {
  const kind = col.columnType;
  if (PLAIN.has(kind)) return (v) => String(col.mapToDriverValue(v));
  if (kind === 'PgTimestamp' || kind === 'PgDate') return (v) => (v instanceof Date ? iso(v) : escapeCopy(String(v)));
  if (kind === 'PgText' || kind === 'PgVarchar' || kind === 'PgEnumColumn' || kind === 'PgChar') {
    return (v) => escapeCopy(typeof v === 'string' ? v : String(col.mapToDriverValue(v)));
  }
  if (kind === 'PgBoolean') return (v) => (v ? 't' : 'f');
  return (v) => copyText(col, v);
}

function copyText(col: PgColumn, value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let driver: unknown = col.mapToDriverValue(value);
  if (driver instanceof Date) driver = driver.toISOString();
  if (typeof driver === 'boolean') return driver ? 't' : 'f';
  if (typeof driver === 'object' && driver !== null) driver = JSON.stringify(driver);
  return escapeCopy(String(driver));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
