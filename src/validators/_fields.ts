// Field schemas shared by the inventory, billing, license and contact validators (ISO codes, cents),
// and `parseInput`, which turns a Zod failure into the package's ValidationError.
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from '../schema/_iso-codes.js';

const COUNTRY_SET: ReadonlySet<string> = new Set(ISO_COUNTRY_CODES);
const CURRENCY_SET: ReadonlySet<string> = new Set(ISO_CURRENCY_CODES);

/**
 * An ISO 4217 currency code, upper case (`USD`, `EUR`).
 *
 * @example
 * ```ts
 * import { currencyCode } from '@stocksync/db/validators';
 * currencyCode.parse('EUR');
 * ```
 */
export const currencyCode = z
  .string()
  .refine((v) => CURRENCY_SET.has(v), { message: 'Must be an ISO 4217 currency code in upper case, e.g. USD' });

/** An ISO 3166-1 alpha-2 country code, upper case (`US`, `DE`; `GB`, not `UK`). */
export const countryCode = z
  .string()
  .refine((v) => COUNTRY_SET.has(v), { message: 'Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. US' });

/** A state/region code for tax lookups (`CA`, `NY`, `BY`). */
export const stateCode = z.string().regex(/^[A-Z0-9]{1,10}$/, 'Must be 1-10 upper-case letters or digits, e.g. CA');

// Every amount and quantity column is integer (int4): an operation input stops where its column does.
const INT4_MAX = 2147483647;
const INT4_MESSAGE = `Must be at most ${INT4_MAX} (the column is integer)`;

/** An amount in integer cents, zero or more, at most the int4 maximum. */
export const cents = z.number().int('Must be whole cents').min(0, 'Must not be negative').max(INT4_MAX, INT4_MESSAGE);

/** An amount in integer cents, more than zero (payments, refunds), at most the int4 maximum. */
export const positiveCents = z.number().int('Must be whole cents').positive('Must be more than zero').max(INT4_MAX, INT4_MESSAGE);

/** A count of units, more than zero, at most the int4 maximum. */
export const positiveQuantity = z.number().int('Must be a whole number').positive('Must be more than zero').max(INT4_MAX, INT4_MESSAGE);

/** A UUID string. */
export const uuidString = z.uuid();

/**
 * Parses `input` with `schema`, or throws {@link ValidationError} listing each issue with its field path.
 *
 * @example
 * ```ts
 * import { parseInput, receiveStockInput } from '@stocksync/db/validators';
 * const input = parseInput(receiveStockInput, body, 'receiveStock');
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, label: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path as PropertyKey[], message: i.message }));
  const detail = issues.map((i) => `${i.path.map(String).join('.') || '(input)'}: ${i.message}`).join('; ');
  throw new ValidationError(`Invalid input for ${label}: ${detail}`, issues, { cause: result.error });
}
