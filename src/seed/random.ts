// A small seeded PRNG (sfc32) and deterministic ids, so the same seed always gives the same rows.
import { createHash } from 'node:crypto';

/**
 * The fixed "now" of seeded data: history lies before it; schedules (planned sprints, trial ends,
 * share expiries) may lie after it.
 *
 * @example
 * ```ts
 * import { SEED_EPOCH } from '@stocksync/db/seed';
 * new Date(SEED_EPOCH).toISOString(); // '2026-01-01T00:00:00.000Z'
 * ```
 */
export const SEED_EPOCH = Date.UTC(2026, 0, 1);

const DAY = 86_400_000;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A deterministic random source (sfc32 seeded from SHA-256 of a label), with helpers for
 * picking, dates and UUIDs.
 *
 * @example
 * ```ts
 * import { Random } from '@stocksync/db/seed';
 * const rng = Random.from('42', 'tenant', 0);
 * rng.int(1, 6); // always the same for seed 42
 * ```
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private uuidCounter = 0;

  private constructor(
    private readonly key: string,
    words: Uint32Array,
  ) {
    this.a = words[0]! | 0;
    this.b = words[1]! | 0;
    this.c = words[2]! | 0;
    this.d = words[3]! | 0;
    // The first outputs of sfc32 are weakly mixed; discard a few.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator for a path of labels under a seed (`from('42', 'tenant', 3)`). */
  static from(seed: string | number, ...path: Array<string | number>): Random {
    const key = [String(seed), ...path.map(String)].join('/');
    const digest = createHash('sha256').update(key).digest();
    const words = new Uint32Array(4);
    for (let i = 0; i < 4; i++) words[i] = digest.readUInt32LE(i * 4);
    return new Random(key, words);
  }

  /** An independent generator for a sub-path (its output does not depend on how much this one was used). */
  fork(...path: Array<string | number>): Random {
    return Random.from(this.key, ...path);
  }

  /** Next 32-bit unsigned integer. */
  next(): number {
    this.a |= 0;
    this.b |= 0;
    this.c |= 0;
    this.d |= 0;
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.float() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** `count` distinct elements (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  /** A decimal amount with two places, as the string Postgres `numeric` round-trips. */
  money(min: number, max: number): string {
    const cents = this.int(Math.round(min * 100), Math.round(max * 100));
    return (cents / 100).toFixed(2);
  }

  /** A timestamp `daysAgoMin..daysAgoMax` days before the seed epoch, rounded to the second. */
  pastDate(daysAgoMax: number, daysAgoMin = 0): Date {
    const ms = SEED_EPOCH - daysAgoMin * DAY - Math.floor(this.float() * (daysAgoMax - daysAgoMin) * DAY);
    return new Date(Math.floor(ms / 1000) * 1000);
  }

  /** A timestamp between two dates (rounded to the second). */
  between(from: Date, to: Date): Date {
    const lo = from.getTime();
    const hi = Math.max(lo, to.getTime());
    return new Date(Math.floor((lo + this.float() * (hi - lo)) / 1000) * 1000);
  }

  /**
   * A deterministic UUID in the version 7 layout: the timestamp of `at` (default the seed epoch),
   * then a per-generator counter and random bits, so rows still sort by creation time.
   */
  uuid(at: Date | number = SEED_EPOCH): string {
    const ms = Math.max(0, typeof at === 'number' ? at : at.getTime());
    const counter = this.uuidCounter++ & 0xfff;
    const r1 = this.next();
    const r2 = this.next();
    const r3 = this.next();
    // Byte-table formatting (a hot path of seeding): the same text as toString(16) + padStart.
    let time: string;
    if (Number.isInteger(ms) && ms < 2 ** 48) {
      const high = Math.floor(ms / 2 ** 32);
      const low = ms >>> 0;
      time = `${HEX[high >>> 8]}${HEX[high & 255]}${HEX[low >>> 24]}${HEX[(low >>> 16) & 255]}-${HEX[(low >>> 8) & 255]}${HEX[low & 255]}`;
    } else {
      const hex = ms.toString(16).padStart(12, '0').slice(-12);
      time = `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
    }
    const variant = 0x8000 | (r1 & 0x3fff);
    return (
      `${time}-7${HEX[counter >>> 8]![1]}${HEX[counter & 255]}-${HEX[variant >>> 8]}${HEX[variant & 255]}-` +
      `${HEX[r2 >>> 24]}${HEX[(r2 >>> 16) & 255]}${HEX[(r2 >>> 8) & 255]}${HEX[r2 & 255]}${HEX[(r3 >>> 8) & 255]}${HEX[r3 & 255]}`
    );
  }
}

/**
 * Days in milliseconds, for date arithmetic in seeders.
 *
 * @example
 * ```ts
 * import { DAY_MS } from '@stocksync/db/seed';
 * new Date(SEED_EPOCH - 7 * DAY_MS); // a week before the epoch
 * ```
 */
export const DAY_MS = DAY;

/**
 * `date` plus `days` (may be negative).
 *
 * @example
 * ```ts
 * import { addDays } from '@stocksync/db/seed';
 * addDays(new Date(SEED_EPOCH), -30);
 * ```
 */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}
