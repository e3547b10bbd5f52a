// Database errors raised through the package come back typed, name the constraint or rule, never
// carry the written values, and become problem+json with the right status: on all three drivers.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapDatabaseError, sqlStateOf } from '../../../src/index.js';
import {
  CheckViolationError,
  ConflictError,
  ForeignKeyError,
  InvalidValueError,
  PermissionDeniedError,
  RuleViolationError,
  TenantContextMissingError,
} from '../../../src/errors.js';
import { problemOf } from '../../../src/problem.js';
import {
  inventoryLocations,
  inventoryOrders,
  inventoryProducts,
  projects,
  stockMovements,
  tasks,
  tenants,
  users,
} from '../../../src/schema/index.js';
import { withTenant } from '../../../src/tenancy/context/index.js';
import { tenantDb } from '../../../src/tenancy/tenant-db.js';
import { uuidv7 } from '../../../src/uuid.js';
import { openDriver, type DriverHandle } from '../tenancy/_drivers.js';

// A value that must never show up in an error message or a response body.
const SECRET = 'sk_live_9f8e7d6c5b4a';

async function caught(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

function expectNoSecret(error: unknown) {
  expect((error as Error).message).not.toContain(SECRET);
  expect(JSON.stringify(problemOf(error).body)).not.toContain(SECRET);
}

describe.each(['pg', 'postgres', 'pglite'] as const)('database errors on %s', (driver) => {
  let h: DriverHandle;
  const A = uuidv7();
  const B = uuidv7();
  const location = uuidv7();
  const buyer = uuidv7();

  beforeAll(async () => {
    h = await openDriver(driver);
    await h.admin.insert(tenants).values([
      { id: A, name: 'A', slug: `err-a-${driver}`, email: 'a@a.test' },
      { id: B, name: 'B', slug: `err-b-${driver}`, email: 'b@b.test' },
    ]);
    await h.admin.insert(inventoryLocations).values({ tenantId: A, id: location, code: 'WH1', name: 'Main' });
    await h.admin.insert(inventoryProducts).values({ tenantId: A, sku: SECRET, name: 'Secret product' });
    await h.admin.execute(sql`insert into buyers (tenant_id, id, name) values (${A}, ${buyer}, 'Buyer')`);
  });
  afterAll(() => h?.close());

  it('a unique violation is a ConflictError with the constraint and the logical key, 409', async () => {
    const raw = await caught(h.admin.insert(inventoryProducts).values({ tenantId: A, sku: SECRET, name: 'again' }));
    // Control: the raw driver error (drizzle's wrapper) carries the written value in its message.
    expect(sqlStateOf(raw)).toBe('23505');
    expect(String((raw as Error).message)).toContain(SECRET);

    const error = await caught(tenantDb(h.db, A).insert(inventoryProducts).values({ sku: SECRET, name: 'again' }));
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.constraint).toBe('inventory_products_tenant_id_sku_key');
    expect(conflict.fields).toEqual(['sku']);
    expect(conflict.target.table).toBe('inventory_products');
    expect(conflict.sqlState).toBe('23505');
    expectNoSecret(conflict);
    expect(problemOf(conflict)).toEqual({
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'CONFLICT',
        constraint: 'inventory_products_tenant_id_sku_key',
        fields: ['sku'],
        detail: conflict.message,
      },
    });
  });

  it('a missing reference is a ForeignKeyError (missing_reference), 422', async () => {
    const error = await caught(
      tenantDb(h.db, A).insert(inventoryOrders).values({ orderNumber: SECRET, kind: 'sale', locationId: uuidv7(), buyerId: buyer }),
    );
    expect(error).toBeInstanceOf(ForeignKeyError);
    const fk = error as ForeignKeyError;
    expect(fk.constraint).toBe('inventory_orders_location_id_fkey');
    expect(fk.reason).toBe('missing_reference');
    expect(fk.relatedTable).toBe('inventory_locations');
    expect(fk.target).toEqual({ table: 'inventory_orders', fields: ['locationId'] });
    expectNoSecret(fk);
    expect(problemOf(fk).status).toBe(422);
  });

  it('deleting a referenced row is a ForeignKeyError (still_referenced), 409', async () => {
    const t = tenantDb(h.db, A);
    await t.insert(inventoryOrders).values({ orderNumber: `SO-${driver}`, kind: 'sale', locationId: location, buyerId: buyer });
    const error = await caught(t.delete(inventoryLocations).where(eq(inventoryLocations.id, location)));
    expect(error).toBeInstanceOf(ForeignKeyError);
    const fk = error as ForeignKeyError;
    expect(fk.reason).toBe('still_referenced');
    expect(fk.constraint).toBe('inventory_orders_location_id_fkey');
    expect(fk.target).toEqual({ table: 'inventory_locations', fields: [] });
    expect(fk.relatedTable).toBe('inventory_orders');
    expect(problemOf(fk).status).toBe(409);
  });

  it('a CHECK constraint is a CheckViolationError with its rule name, 422', async () => {
    const error = await caught(
      tenantDb(h.db, A)
        .insert(inventoryLocations)
        .values({ code: 'X1', name: 'x', kind: SECRET as 'warehouse' }),
    );
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).rule).toBe('inventory_locations_kind_check');
    expect((error as CheckViolationError).sqlState).toBe('23514');
    expectNoSecret(error);
    expect(problemOf(error)).toMatchObject({ status: 422, body: { code: 'CHECK_VIOLATION', constraint: 'inventory_locations_kind_check' } });
  });

  it('a rule trigger (check_violation with CONSTRAINT) is a CheckViolationError with the rule name, 422', async () => {
    const t = tenantDb(h.db, A);
    const [project] = await t.insert(projects).values({ name: `P-${driver}` }).returning();
    const [parent] = await t.insert(tasks).values({ projectId: project!.id, title: 'parent' }).returning();
    const [child] = await t.insert(tasks).values({ projectId: project!.id, title: 'child', parentTaskId: parent!.id }).returning();
    const error = await caught(t.update(tasks).set({ parentTaskId: child!.id }).where(eq(tasks.id, parent!.id)));
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).rule).toBe('tasks_parent_task_id_cycle_check');
    expect(problemOf(error)).toMatchObject({ status: 422, body: { constraint: 'tasks_parent_task_id_cycle_check' } });
  });

  it('a state rule (55000) is a RuleViolationError with the rule text, 409', async () => {
    const t = tenantDb(h.db, A);
    const [product] = await t.insert(inventoryProducts).values({ sku: `M-${driver}`, name: 'm' }).returning();
    await t.insert(stockMovements).values({ productId: product!.id, locationId: location, quantityDelta: 5, reason: 'receipt' });
    const error = await caught(t.delete(stockMovements).where(eq(stockMovements.productId, product!.id)));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).sqlState).toBe('55000');
    expect((error as Error).message).toMatch(/append-only ledger/);
    expect(problemOf(error)).toMatchObject({ status: 409, body: { code: 'RULE_VIOLATION' } });
  });

  it('a missing required column is a CheckViolationError naming the field, 422', async () => {
    const error = await caught(tenantDb(h.db, A).insert(users).values({ email: null } as never));
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).target).toEqual({ table: 'users', fields: ['email'] });
    expect(problemOf(error)).toMatchObject({ status: 422, body: { fields: ['email'] } });
  });

  it('a value of the wrong form is an InvalidValueError that names the type, not the value, 422', async () => {
    const raw = await caught(h.admin.select().from(users).where(eq(users.id, SECRET)));
    expect(String((raw as Error).message)).toContain(SECRET);
    const error = await caught(tenantDb(h.db, A).select().from(users).where(eq(users.id, SECRET)));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect((error as InvalidValueError).message).toMatch(/type uuid/);
    expect((error as InvalidValueError).sqlState).toBe('22P02');
    expectNoSecret(error);
    expect(problemOf(error).status).toBe(422);
  });

  it('an RLS refusal (42501) is a PermissionDeniedError, 403', async () => {
    // The builder refuses another tenant's id before the database sees it, so write raw SQL in A's context.
    const raw = await caught(
      withTenant(h.db, A, (tx) => tx.insert(users).values({ tenantId: B, email: `${SECRET}@b.test` })),
    );
    expect(sqlStateOf(raw)).toBe('42501');
    const error = mapDatabaseError(raw);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toMatch(/Row-level security refused the write to users/);
    expectNoSecret(error);
    expect(problemOf(raw)).toMatchObject({ status: 403, body: { code: 'PERMISSION_DENIED' } });
  });

  it('a missing tenant context is TenantContextMissingError, 400', async () => {
    const error = await caught(Promise.resolve().then(() => tenantDb(h.db).select().from(users)));
    expect(error).toBeInstanceOf(TenantContextMissingError);
    expect(problemOf(error)).toMatchObject({ status: 400, body: { code: 'TENANT_CONTEXT_MISSING' } });
  });
});
