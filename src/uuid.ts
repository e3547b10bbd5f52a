// Time-ordered UUID v7 generation (RFC 9562), so new rows land at the right edge of the index.
import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(16 * 256);
let poolOffset = pool.length;
let lastMs = 0;
let sequence = 0;

/**
 * Returns a new UUID v7 string: 48-bit Unix milliseconds, then random bits; monotonic within a process.
 *
 * @example
 * ```ts
 * import { uuidv7 } from '@stocksync/db';
 * const id = uuidv7();
 * ```
 */
export function uuidv7(): string {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  let ms = Date.now();
  // A 12-bit counter in rand_a keeps ids generated in the same millisecond ordered.
  if (ms <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    sequence = bytes[6]! & 0x7; // random start, leaves room to count up
  }
  const hex = ms.toString(16).padStart(12, '0');
  const b6 = 0x70 | ((sequence >> 8) & 0x0f);
  const b7 = sequence & 0xff;
  const b8 = (bytes[8]! & 0x3f) | 0x80;
  const h = (n: number) => n.toString(16).padStart(2, '0');
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${h(b6)}${h(b7)}-${h(b8)}${h(bytes[9]!)}-` +
    `${h(bytes[10]!)}${h(bytes[11]!)}${h(bytes[12]!)}${h(bytes[13]!)}${h(bytes[14]!)}${h(bytes[15]!)}`
  );
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `value` is a canonical UUID string (any version).
 *
 * @example
 * ```ts
 * import { isUuid } from '@stocksync/db';
 * isUuid('0190c5a4-8f5e-7a4b-9c1d-2e3f4a5b6c7d'); // true
 * ```
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}
