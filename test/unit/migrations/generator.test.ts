// Down-file ordering: policies first, constraints before tables, dependents before what they reference, roles last.
import { describe, expect, it } from 'vitest';
import { generateDownSql, orderDownStatements, defaultMigrationsFolder } from '../../../src/migrations/index.js';

describe('down generator', () => {
  it('orders reverse statements so they run, removes CASCADE and RLS toggles of dropped tables', () => {
    const snapshot = {
      tables: {
        'public.parents': { name: 'parents', schema: '', foreignKeys: {} },
        'public.children': { name: 'children', schema: '', foreignKeys: { fk: { tableTo: 'parents', schemaTo: 'public' } } },
        'public.grandchildren': { name: 'grandchildren', schema: '', foreignKeys: { fk: { tableTo: 'children', schemaTo: 'public' } } },
      },
    };
    const ordered = orderDownStatements(
      [
        'DROP ROLE "reporting";',
        'DROP TABLE "parents" CASCADE;',
        'DROP TABLE "children" CASCADE;',
        'ALTER TABLE "users" DROP CONSTRAINT "users_x_check";',
        'DROP POLICY "children_tenant_isolation" ON "children" CASCADE;',
        'DROP TABLE "grandchildren" CASCADE;',
        'ALTER TABLE "children" DISABLE ROW LEVEL SECURITY;',
        'ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;',
        'CREATE ROLE "old_role";',
      ],
      snapshot,
    );
    expect(ordered).toEqual([
      'CREATE ROLE "old_role";',
      'DROP POLICY "children_tenant_isolation" ON "children";',
      'ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;',
      'ALTER TABLE "users" DROP CONSTRAINT "users_x_check";',
      'DROP TABLE "grandchildren";',
      'DROP TABLE "children";',
      'DROP TABLE "parents";',
      'DROP ROLE "reporting";',
    ]);
  });

  it('generates the down of the tenants/users migration from the real snapshots', async () => {
    const sql = (await generateDownSql(defaultMigrationsFolder(), '0001_tenants_users'))!;
    const statements = sql.split('--> statement-breakpoint').map((s) => s.replace(/^--.*$/m, '').trim());
    expect(statements).toEqual(['DROP POLICY "users_tenant_isolation" ON "users";', 'DROP TABLE "users";', 'DROP TABLE "tenants";']);
  });

  it('returns null for a custom migration (equal snapshots): its down is hand-written', async () => {
    expect(await generateDownSql(defaultMigrationsFolder(), '0002_tenants_users_rules')).toBeNull();
  });
});
