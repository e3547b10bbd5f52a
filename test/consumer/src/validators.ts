// Request-body validators: inferred types without tenantId, composable with Zod's own methods.
import { expectTypeOf } from 'vitest';
import { z } from 'zod';
import { inventoryProducts, type Database } from '@stocksync/db';
import {
  inventoryOrderCreateSchema,
  inventoryProductCreateSchema,
  inventoryProductPatchSchema,
  parseInput,
  projectInsertSchema,
} from '@stocksync/db/validators';
import { tenantDb } from '@stocksync/db/tenancy';

type ProductBody = z.input<typeof inventoryProductCreateSchema>;
expectTypeOf<ProductBody>().toHaveProperty('sku').toEqualTypeOf<string>();
expectTypeOf<ProductBody>().not.toHaveProperty('tenantId');
expectTypeOf<ProductBody>().not.toHaveProperty('id');
expectTypeOf<ProductBody>().not.toHaveProperty('createdAt');
expectTypeOf<z.infer<typeof inventoryProductPatchSchema>>().toHaveProperty('sku').toEqualTypeOf<string | undefined>();
// The table insert schema still has tenantId (rows, not request bodies).
expectTypeOf<z.infer<typeof projectInsertSchema>>().toHaveProperty('tenantId');

// Composition keeps the types.
const withoutNotes = inventoryOrderCreateSchema.omit({ notes: true });
expectTypeOf<z.infer<typeof withoutNotes>>().not.toHaveProperty('notes');
const extended = inventoryProductCreateSchema.extend({ clientRef: z.string() });
expectTypeOf<z.infer<typeof extended>>().toHaveProperty('clientRef').toEqualTypeOf<string>();
const picked = inventoryProductCreateSchema.pick({ sku: true, name: true }).partial();
expectTypeOf<z.infer<typeof picked>>().toEqualTypeOf<{ sku?: string | undefined; name?: string | undefined }>();

declare const db: Database;
export async function create(body: unknown) {
  // A parsed body goes straight into the scoped builder.
  const input = parseInput(inventoryProductCreateSchema, body, 'createProduct');
  return tenantDb(db, '0190a5b4-0000-7000-8000-000000000001').insert(inventoryProducts).values(input).returning();
}
// @ts-expect-error a request body has no tenantId
const bad: ProductBody = { sku: 'S', name: 'N', tenantId: 'x' };
void bad;
