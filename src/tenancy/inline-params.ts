// Inlines the $n parameters of one statement as escaped literals, exactly as node-postgres binds them
// (untyped text), so a scoped statement can travel with BEGIN, its context and COMMIT in one simple query.

/** A statement split at its `$n` placeholders: `parts[i]` precedes `params[i]` (1-based numbers). */
export interface PlaceholderScan {
  /** Text around the placeholders; `parts.length === params.length + 1`. */
  parts: string[];
  /** The placeholder numbers in order of appearance (`$2` gives 2). */
  params: number[];
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_REST = /[A-Za-z0-9_$\u0080-\uffff]*/y;
const DIGIT = /[0-9]/;

/**
 * Splits SQL text at its `$n` placeholders, skipping quoted strings (`'..'`, `E'..'` with backslash
 * escapes, `U&'..'`), quoted identifiers, dollar-quoted strings, `--` and nested `/* *\/` comments.
 * A single trailing `;` is dropped. Returns undefined whenever inlining could change the meaning or
 * the tokenizer is not sure: several statements (a `;` followed by more text), a NUL, an unterminated quote or comment, or a backslash
 * in a plain string (its meaning depends on `standard_conforming_strings`).
 *
 * @example
 * ```ts
 * import { scanPlaceholders } from '@stocksync/db/tenancy';
 * scanPlaceholders(`select $1, '$2'`); // { parts: ['select ', ", '$2'"], params: [1] }
 * ```
 */
export function scanPlaceholders(text: string): PlaceholderScan | undefined {
  const parts: string[] = [];
  const params: number[] = [];
  let start = 0; // start of the current part
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\u0000') return undefined;
    if (c === ';') {
      // One trailing semicolon (drizzle's $count ends with one) is dropped; anything after it is refused.
      if (text.slice(i + 1).trim() !== '') return undefined;
      parts.push(text.slice(start, i));
      return { parts, params };
    }
    if (c === "'") {
      const end = skipString(text, i + 1, false);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '"') {
      const end = skipQuoted(text, i + 1, '"');
      if (end < 0) return undefined;
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const eol = text.slice(i).search(/[\n\r]/);
      i = eol < 0 ? n : i + eol;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = skipBlockComment(text, i + 2);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '$') {
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 130));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (close < 0) return undefined;
        i = close + tag[0].length;
      } else if (DIGIT.test(text[i + 1] ?? '')) {
        let j = i + 1;
        while (j < n && DIGIT.test(text[j]!)) j++;
        parts.push(text.slice(start, i));
        params.push(Number(text.slice(i + 1, j)));
        start = i = j;
      } else {
        i++;
      }
    } else if (IDENT_START.test(c)) {
      IDENT_REST.lastIndex = i + 1;
      IDENT_REST.test(text);
      let j = IDENT_REST.lastIndex;
      const word = text.slice(i, j);
      if ((word === 'E' || word === 'e') && text[j] === "'") {
        const end = skipString(text, j + 1, true);
        if (end < 0) return undefined;
        j = end;
      } else if ((word === 'U' || word === 'u') && text[j] === '&' && (text[j + 1] === "'" || text[j + 1] === '"')) {
        // Unicode-escape strings and identifiers: backslash is an escape only for UESCAPE decoding,
        // quotes are doubled as usual, so skipping needs no escape handling.
        const end = skipQuoted(text, j + 2, text[j + 1]!);
        if (end < 0) return undefined;
        j = end;
      }
      i = j;
    } else if (DIGIT.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(text[j]!)) j++;
      i = j;
    } else {
      i++;
    }
  }
  parts.push(text.slice(start));
  return { parts, params };
}

// Index after the closing quote of a '...' string, or -1. Plain strings with a backslash are refused.
function skipString(text: string, from: number, escapes: boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\u0000') return -1;
    if (c === '\\') {
      if (!escapes) return -1;
      i++;
    } else if (c === "'") {
      if (text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}

function skipQuoted(text: string, from: number, quote: string): number {
  for (let i = text.indexOf(quote, from); i >= 0; i = text.indexOf(quote, i + 2)) {
    if (text[i + 1] !== quote) return text.slice(from, i).includes('\u0000') ? -1 : i + 1;
  }
  return -1;
}

function skipBlockComment(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** node-postgres's own value preparation and literal quoting (`pg/lib/utils`). */
export interface LiteralEncoder {
  prepareValue(value: unknown): unknown;
  escapeLiteral(value: string): string;
}

/**
 * The literal node-postgres would mean by binding `value` as an untyped parameter: `NULL`, or the
 * escaped text of `prepareValue(value)` (Date in pg's format, arrays as array literals, objects as
 * JSON, Buffers as bytea hex). Returns undefined for text that cannot travel in a literal (NUL).
 *
 * @example
 * ```ts
 * import { literalOf } from '@stocksync/db/tenancy';
 * literalOf(encoder, "it's"); // 'it''s'
 * ```
 */
export function literalOf(encoder: LiteralEncoder, value: unknown): string | undefined {
  const prepared = encoder.prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  // pg sends a Buffer as a binary parameter; its text form for the bytea input function is hex.
  const text = Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : String(prepared);
  if (text.includes('\u0000')) return undefined;
  return encoder.escapeLiteral(text).trim();
}

/**
 * Replaces every `$n` placeholder of `text` (outside quotes and comments) with the literal of
 * `values[n - 1]`. Returns undefined when the statement cannot be inlined safely (see
 * {@link scanPlaceholders}), when the placeholders do not use exactly `$1..$values.length` (the
 * server would refuse the bind), or when a value cannot be a literal: callers then bind as usual.
 *
 * @example
 * ```ts
 * import { inlineParams } from '@stocksync/db/tenancy';
 * inlineParams(encoder, 'select * from t where id = $1', [id]); // "select * from t where id = 'a1...'"
 * ```
 */
export function inlineParams(encoder: LiteralEncoder, text: string, values: readonly unknown[]): string | undefined {
  const scan = scanPlaceholders(text);
  if (!scan) return undefined;
  const used = new Set(scan.params);
  if (used.size !== values.length) return undefined;
  for (let k = 1; k <= values.length; k++) if (!used.has(k)) return undefined;
  const literals: string[] = [];
  for (const value of values) {
    const literal = literalOf(encoder, value);
    if (literal === undefined) return undefined;
    literals.push(literal);
  }
  let out = scan.parts[0]!;
  for (let k = 0; k < scan.params.length; k++) {
    // The leading space keeps a literal a token of its own (after `U&` it would become a U& string).
    out += ` ${literals[scan.params[k]! - 1]!}${scan.parts[k + 1]!}`;
  }
  return out;
}
