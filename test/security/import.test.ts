// Attack: a crafted tenant export. The attacker edits the files and recomputes every checksum in
// the manifest, then asks an operator to import it (a superuser connection). Each craft must be
// refused with a TenantImportError naming file, table and line, and leave the target untouched.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/connection.js';
import { TenantImportError } from '../../src/errors.js';
import { createTenant } from '../../src/tenancy/lifecycle.js';
import { exportTenant } from '../../src/tenancy/export.js';
import { importTenant } from '../../src/tenancy/import.js';
import { verifyTenantExport, type ExportManifest } from '../../src/tenancy/export-manifest.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';
import { openDriver, rowsOf, type DriverHandle } from '../integration/tenancy/_drivers.js';

const KEY = 'test-only signing key';
type Row = Record<string, unknown>;
interface Craft {
  manifest: ExportManifest;
  /** Rows of each file, as parsed JSON (edit freely). */
  files: Map<string, Row[]>;
  /** Raw text that replaces a file's content (for broken JSON, long lines...). */
  raw: Map<string, string>;
}

let source: TestDatabase;
let base: string; // a genuine export of tenant "attacker"
let signedBase: string; // the same, signed with KEY
let work: string;
let attackerId: string;
const tmpDirs: string[] = [];

const count = async (db: Database, query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await db.execute(query))[0]!.n;

beforeAll(async () => {
  source = await createTestDatabase();
  const { tenant } = await createTenant(
    source.db,
    { name: 'Attacker', slug: 'attacker', email: 'ops@attacker.test', owner: { email: 'eve@attacker.test' } },
    { baseDomain: 'example.com' },
  );
  attackerId = tenant.id;
  work = await mkdtemp(join(tmpdir(), 'stocksync-sec-import-'));
  base = join(work, 'base');
  signedBase = join(work, 'signed');
  await exportTenant(source.db, attackerId, base);
  await exportTenant(source.db, attackerId, signedBase, { key: KEY });
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await source?.drop();
});

// Copies an export, lets the attacker edit it, and rewrites every file and the manifest's
// checksums and counts exactly as an attacker who knows the format would.
async function craft(edit: (c: Craft) => void | Promise<void>, from = base): Promise<string> {
  const dir = join(work, `craft-${tmpDirs.length}`);
  tmpDirs.push(dir);
  await cp(from, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  const files = new Map<string, Row[]>();
  for (const t of manifest.tables) {
    const text = await readFile(join(dir, t.file), 'utf8');
    files.set(t.table, text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row));
  }
  const c: Craft = { manifest, files, raw: new Map() };
  await edit(c);
  for (const t of manifest.tables) {
    const text = c.raw.get(t.table) ?? (files.get(t.table) ?? []).map((r) => `${JSON.stringify(r)}\n`).join('');
    await writeFile(join(dir, t.file), text);
    t.sha256 = createHash('sha256').update(text).digest('hex');
    t.rows = text.split('\n').length - 1;
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the import must be refused').toBeInstanceOf(TenantImportError);
  return error as TenantImportError;
};

describe.each(['pg', 'postgres', 'pglite'] as const)('crafted tenant exports on %s', (driver) => {
  let target: DriverHandle;
  let victimId: string;
  let victimUserId: string;
  let before: number;

  beforeAll(async () => {
    target = await openDriver(driver);
    const victim = await createTenant(target.admin, {
      name: 'Victim',
      slug: 'victim',
      email: 'ops@victim.test',
      owner: { email: 'vic@victim.test' },
    });
    victimId = victim.tenant.id;
    victimUserId = victim.owner!.id;
    before = await count(target.admin, sql`select count(*)::int as n from users`);
  }, 120_000);
  afterAll(async () => target?.close());

  // Nothing of the attack landed: no attacker tenant, the victim's rows as they were, no new role.
  async function untouched() {
    expect(await count(target.admin, sql`select count(*)::int as n from tenants where id = ${attackerId}::uuid`)).toBe(0);
    expect(await count(target.admin, sql`select count(*)::int as n from users`)).toBe(before);
    expect(await count(target.admin, sql`select count(*)::int as n from users where tenant_id = ${victimId}::uuid`)).toBe(1);
    expect(await count(target.admin, sql`select count(*)::int as n from pg_roles where rolname = 'evil'`)).toBe(0);
  }

  it("refuses rows carrying another tenant's id", async () => {
    const dir = await craft(({ files }) => {
      const users = files.get('users')!;
      users.push({ ...users[0]!, id: '0190f5b2-0000-7000-8000-000000000001', email: 'mole@victim.test', tenant_id: victimId });
    });
    const error = await refusal(importTenant(target.admin, dir));
    expect(error).toMatchObject({ file: 'users.ndjson', table: 'users', line: 2 });
    expect(error.message).toBe(
      `users.ndjson:2 (table users): belongs to tenant "${victimId}", not the manifest's tenant ${attackerId}.`,
    );
    await untouched();
  });

  it('refuses a tenants row other than the manifest tenant, or a second one', async () => {
    const swapped = await craft(({ files }) => {
      files.get('tenants')![0]!.id = victimId;
    });
    expect(await refusal(importTenant(target.admin, swapped))).toMatchObject({ file: 'tenants.ndjson', line: 1 });
    const two = await craft(({ files }) => {
      const t = files.get('tenants')!;
      t.push({ ...t[0]!, id: '0190f5b2-0000-7000-8000-000000000002', slug: 'other' });
    });
    const error = await refusal(importTenant(target.admin, two));
    expect(error.message).toBe('manifest.json (table tenants): must list tenants.ndjson first, with exactly one row.');
    await untouched();
  });

  it('refuses a global table (the product catalog)', async () => {
    const dir = await craft(({ manifest, files }) => {
      manifest.tables.push({ table: 'billing_products', file: 'billing_products.ndjson', rows: 0, sha256: '', columns: ['id', 'sku'] });
      files.set('billing_products', [{ id: '0190f5b2-0000-7000-8000-000000000003', sku: 'free-everything' }]);
    });
    const error = await refusal(importTenant(target.admin, dir));
    expect(error.message).toBe(
      'manifest.json (table billing_products): is not a tenant table of @stocksync/db in this database: an export only holds the tenants row and the package tenant tables.',
    );
    expect(await count(target.admin, sql`select count(*)::int as n from billing_products where sku = 'free-everything'`)).toBe(0);
    await untouched();
  });

  it('refuses pg_authid (the craft that created a superuser), the migrations journal and a foreign table with tenant_id', async () => {
    await target.admin.execute(sql`create table if not exists loot (tenant_id uuid, id uuid primary key)`);
    for (const [table, columns, row] of [
      ['pg_authid', ['oid', 'rolname', 'rolsuper', 'rolcanlogin'], { oid: 99999, rolname: 'evil', rolsuper: true, rolcanlogin: true }],
      ['__drizzle_migrations', ['id', 'hash'], { id: 1, hash: 'x' }],
      ['loot', ['tenant_id', 'id'], { tenant_id: attackerId, id: '0190f5b2-0000-7000-8000-000000000004' }],
    ] as const) {
      const dir = await craft(({ manifest, files }) => {
        manifest.tables.push({ table, file: `${table}.ndjson`, rows: 0, sha256: '', columns: [...columns] });
        files.set(table, [row]);
      });
      const error = await refusal(importTenant(target.admin, dir));
      expect(error, table).toMatchObject({ file: 'manifest.json', table });
      expect(error.message).toMatch(/is not a tenant table of @stocksync\/db/);
    }
    await untouched();
  });

  it('refuses SQL in table and column names, and schema-qualified names', async () => {
    for (const table of ['users"; create role evil superuser login; --', 'pg_catalog.pg_authid', 'Users', 'x'.repeat(64)]) {
      const dir = await craft(({ manifest }) => {
        manifest.tables[1]!.table = table;
      });
      const error = await refusal(importTenant(target.admin, dir));
      expect(error.message, table).toMatch(/^manifest\.json: is not a tenant export manifest: tables\.1\.table: not a lowercase snake_case identifier\.$/);
    }
    const column = await craft(({ manifest }) => {
      manifest.tables.find((t) => t.table === 'users')!.columns.push('id) select 1; create role evil superuser; --');
    });
    expect((await refusal(importTenant(target.admin, column))).message).toMatch(/^manifest\.json: is not a tenant export manifest: tables\.\d+\.columns\.\d+/);
    const key = await craft(({ files }) => {
      files.get('users')![0]!['"; drop table users; --'] = 1;
    });
    expect(await refusal(importTenant(target.admin, key))).toMatchObject({ file: 'users.ndjson', line: 1 });
    await untouched();
  });

  it('refuses oversized exports: a long line, too many rows, too many bytes', async () => {
    const long = await craft(({ files }) => {
      files.get('users')![0]!['first_name'] = 'x'.repeat(5000);
    });
    const error = await refusal(importTenant(target.admin, long, { limits: { maxLineBytes: 4096 } }));
    expect(error.message).toBe('users.ndjson:1 (table users): is longer than 4096 bytes (limits.maxLineBytes).');
    expect((await refusal(importTenant(target.admin, base, { limits: { maxRows: 2 } }))).message).toMatch(/lists more than 2 rows \(limits\.maxRows\)/);
    expect((await refusal(importTenant(target.admin, base, { limits: { maxBytes: 100 } }))).message).toMatch(/over 100 bytes \(limits\.maxBytes\)/);
    await untouched();
  });

  it("refuses a broken foreign key and a reference to another tenant's row", async () => {
    for (const userId of ['0190f5b2-0000-7000-8000-00000000dead', victimUserId]) {
      const dir = await craft(({ files }) => {
        files.get('memberships')![0]!['user_id'] = userId;
      });
      const error = await refusal(importTenant(target.admin, dir));
      expect(error).toMatchObject({ file: 'memberships.ndjson', table: 'memberships', line: 1 });
      expect(error.message).toMatch(/references rows that are missing in the target or belong to another tenant \(memberships memberships_user_id_fkey: 1 row\(s\)\)/);
    }
    await untouched();
  });

  it('refuses bad JSON, a non-object, a repeated id and a row the manifest does not count', async () => {
    const users = (c: Craft) => (c.files.get('users') ?? []).map((r) => JSON.stringify(r));
    const cases: Array<[(c: Craft) => void, number, RegExp]> = [
      [(c) => c.raw.set('users', `${users(c)[0]}\n{"id": oops}\n`), 2, /is not valid JSON/],
      [(c) => c.raw.set('users', `${users(c)[0]}\n[1,2]\n`), 2, /is not a JSON object/],
      [(c) => c.raw.set('users', `${users(c)[0]}\n${users(c)[0]}\n`), 2, /repeats the id/],
      [(c) => c.raw.set('users', `${users(c)[0]}\n\n`), 2, /is an empty line/],
    ];
    for (const [edit, line, message] of cases) {
      const error = await refusal(importTenant(target.admin, await craft(edit)));
      expect(error, String(message)).toMatchObject({ file: 'users.ndjson', table: 'users', line });
      expect(error.message).toMatch(message);
    }
    // A last line without its newline is not counted by the manifest: refused, not imported.
    const truncated = await craft((c) => void c.raw.set('users', `${users(c)[0]}\n${users(c)[0]!.replace(/"id":"[^"]+"/, '"id":"0190f5b2-0000-7000-8000-000000000005"')}`));
    expect((await refusal(importTenant(target.admin, truncated))).message).toMatch(/has no final newline/);
    await untouched();
  });

  it('refuses a subdomain of another slug', async () => {
    const claim = await craft(({ files }) => {
      files.get('tenant_domains')![0]!['hostname'] = 'victim.example.com';
    });
    const error = await refusal(importTenant(target.admin, claim));
    expect(error).toMatchObject({ file: 'tenant_domains.ndjson', line: 1 });
    expect(error.message).toMatch(/claims the subdomain victim\.example\.com/);
    await untouched();
  });

  it('with a key: refuses an unsigned manifest, tampered rows and a forged signature; without: a symlinked file', async () => {
    expect((await refusal(importTenant(target.admin, base, { key: KEY }))).message).toBe(
      'manifest.json: is not signed, but a key was given: export it again with the key.',
    );
    const tampered = await craft(({ files }) => {
      files.get('users')![0]!['role'] = 'owner';
      files.get('users')![0]!['email'] = 'boss@attacker.test';
    }, signedBase);
    expect((await refusal(importTenant(target.admin, tampered, { key: KEY }))).message).toBe(
      'manifest.json: has a signature that does not match the key: the export was altered or signed with another key.',
    );
    const forged = await craft(({ manifest }) => {
      manifest.signature = createHash('sha256').update('guess').digest('hex');
    }, signedBase);
    expect((await refusal(importTenant(target.admin, forged, { key: KEY }))).message).toMatch(/signature that does not match/);
    await expect(verifyTenantExport(signedBase, { key: KEY })).resolves.toMatchObject({ tenantId: attackerId });
    const linked = await craft(() => undefined);
    await unlink(join(linked, 'teams.ndjson'));
    await symlink('/etc/hostname', join(linked, 'teams.ndjson'));
    expect(await refusal(importTenant(target.admin, linked))).toMatchObject({ file: 'teams.ndjson' });
    await untouched();
  });

  it('imports the genuine export, with a custom domain it cannot vouch for left unverified', async () => {
    const dir = await craft(({ files }) => {
      const [domain] = files.get('tenant_domains')!;
      files.get('tenant_domains')!.push({
        ...domain!,
        id: '0190f5b2-0000-7000-8000-000000000006',
        hostname: 'shop.victim.test',
        kind: 'custom',
        is_primary: false,
        verified_at: '2026-01-01T00:00:00+00:00',
      });
    });
    const result = await importTenant(target.admin, dir);
    expect(result.unverifiedDomains).toBe(1);
    expect(result.rows['users']).toBe(1);
    expect(
      rowsOf<{ hostname: string; verified: boolean }>(
        await target.admin.execute(
          sql`select hostname, verified_at is not null as verified from tenant_domains where tenant_id = ${attackerId}::uuid order by hostname`,
        ),
      ),
    ).toEqual([
      { hostname: 'attacker.example.com', verified: true },
      { hostname: 'shop.victim.test', verified: false },
    ]);
    expect(await count(target.admin, sql`select count(*)::int as n from users where tenant_id = ${victimId}::uuid`)).toBe(1);
  });
});
