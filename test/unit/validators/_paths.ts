// Helper for the validator tests: the field paths of a failed parse ('' when it passed).
import type { z } from 'zod';

/** Dotted paths of every issue of `schema.safeParse(value)`, sorted; [] when valid. */
export function issuePaths(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.map(String).join('.')).sort();
}
