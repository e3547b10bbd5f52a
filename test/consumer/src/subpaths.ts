// Every public subpath of the BUILT package (dist), imported the way a service imports it.
import * as root from '@stocksync/db';
import * as schema from '@stocksync/db/schema';
import * as validators from '@stocksync/db/validators';
import * as tenancy from '@stocksync/db/tenancy';
import * as migrations from '@stocksync/db/migrations';
import * as seed from '@stocksync/db/seed';
import * as operations from '@stocksync/db/operations';
import * as testing from '@stocksync/db/testing';
import { expectTypeOf } from 'vitest';

expectTypeOf(root.openDatabase).toBeFunction();
expectTypeOf(schema.tenantTable).toBeFunction();
expectTypeOf(validators.parseInput).toBeFunction();
expectTypeOf(tenancy.tenantDb).toBeFunction();
expectTypeOf(migrations.migrateUp).toBeFunction();
expectTypeOf(seed.seedProjects).toBeFunction();
expectTypeOf(operations.receiveStock).toBeFunction();
expectTypeOf(testing.createTestDatabase).toBeFunction();
// The root entry and the schema subpath export the same tables.
expectTypeOf(root.projects).toEqualTypeOf(schema.projects);
