// Documents domain rules, enforced by the database: version numbering, checksums, folder paths and
// depth, file size by license tier, permission targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_SIZE_BYTES, MAX_FOLDER_DEPTH } from '../../../src/schema/index.js';
import { asTenant, createTenant, expectSqlState, one, openSchemaDatabase, sha, type SchemaDatabase } from './helpers.js';

let db: SchemaDatabase;
let tenantId: string;
let userId: string;

beforeAll(async () => {
  db = await openSchemaDatabase();
  ({ tenantId, userId } = await createTenant(db.pool, 'docs'));
});
afterAll(() => db?.close());

async function document(tenant = tenantId, size = 100, checksum = sha('doc')): Promise<string> {
  const row = await one<{ id: string }>(
    db.pool,
    `insert into documents (tenant_id, title, file_path, file_name, file_size_bytes, mime_type, checksum)
     values ($1, 'Doc', '/d.pdf', 'd.pdf', $2, 'application/pdf', $3) returning id`,
    [tenant, size, checksum],
  );
  return row.id;
}

const version = (documentId: string, number: number | null = null, tenant = tenantId) =>
  db.pool.query<{ version_number: number }>(
    `insert into document_versions (tenant_id, document_id, version_number, file_path, file_size_bytes, checksum)
     values ($1, $2, $3, '/v', 10, $4) returning version_number`,
    [tenant, documentId, number, sha('v')],
  );

describe('document versions', () => {
  it('number 1, 2, 3 per document, and documents.version follows', async () => {
    const a = await document();
    const b = await document();
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await version(a)).rows[0]!.version_number);
    expect(numbers).toEqual([1, 2, 3]);
    expect((await version(b)).rows[0]!.version_number).toBe(1);
    expect((await one<{ version: number }>(db.pool, `select version from documents where id = $1`, [a])).version).toBe(3);
  });

  it('numbers a multi-row insert consecutively, also as the application role', async () => {
    const a = await document();
    const rows = await asTenant(db.pool, tenantId, async (c) =>
      (
        await c.query<{ version_number: number }>(
          `insert into document_versions (tenant_id, document_id, file_path, file_size_bytes, checksum)
           select $1, $2, '/v', 1, $3 from generate_series(1, 4) returning version_number`,
          [tenantId, a, sha('multi')],
        )
      ).rows.map((r) => r.version_number),
    );
    expect(rows).toEqual([1, 2, 3, 4]);
  });

  it('rejects a skipped or repeated number and renumbering (23514)', async () => {
    const a = await document();
    await version(a);
    await expectSqlState(version(a, 5), '23514', 'document_versions_version_number_check');
    await expectSqlState(version(a, 1), '23514', 'document_versions_version_number_check');
    await version(a, 2);
    await expectSqlState(
      db.pool.query(`update document_versions set version_number = 7 where document_id = $1 and version_number = 2`, [a]),
      '23514',
      'document_versions_version_number_check',
    );
  });

  it('the unique key backs the trigger: a duplicate written with the trigger disabled fails (23505)', async () => {
    const a = await document();
    await version(a);
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query('alter table document_versions disable trigger document_versions_number');
      await expectSqlState(
        client.query(
          `insert into document_versions (tenant_id, document_id, version_number, file_path, file_size_bytes, checksum)
           values ($1, $2, 1, '/v', 10, $3)`,
          [tenantId, a, sha('v')],
        ),
        '23505',
        'document_versions_tenant_id_document_id_version_number_key',
      );
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
});

describe('checksums', () => {
  it('must be 64 lowercase hex characters (23514)', async () => {
    await expectSqlState(document(tenantId, 1, 'abc'), '23514', 'documents_checksum_check');
    await expectSqlState(document(tenantId, 1, sha('x').toUpperCase().replace(/[0-9]/, 'G')), '23514', 'documents_checksum_check');
  });
});

describe('folders', () => {
  const folder = (name: string, parent: string | null) =>
    one<{ id: string; path: string; depth: number }>(
      db.pool,
      `insert into folders (tenant_id, name, parent_id) values ($1, $2, $3) returning id, path, depth`,
      [tenantId, name, parent],
    );

  it('keep path and depth from the parent, up to the maximum depth (23514 beyond)', async () => {
    let parent: string | null = null;
    let last = { id: '', path: '', depth: 0 };
    for (let level = 1; level <= MAX_FOLDER_DEPTH; level++) {
      last = await folder(`L${level}`, parent);
      parent = last.id;
    }
    expect(last.depth).toBe(MAX_FOLDER_DEPTH);
    expect(last.path).toBe(Array.from({ length: MAX_FOLDER_DEPTH }, (_, i) => `/L${i + 1}`).join(''));
    await expectSqlState(folder('too-deep', parent), '23514', 'folders_depth_check');
  });

  it('renames and moves update the whole subtree; cycles and too-deep moves are rejected', async () => {
    const a = await folder('A', null);
    const b = await folder('B', a.id);
    const c = await folder('C', b.id);
    await db.pool.query(`update folders set name = 'Alpha' where id = $1`, [a.id]);
    expect((await one<{ path: string }>(db.pool, `select path from folders where id = $1`, [c.id])).path).toBe('/Alpha/B/C');
    const x = await folder('X', null);
    await db.pool.query(`update folders set parent_id = $1 where id = $2`, [x.id, b.id]);
    const moved = await one<{ path: string; depth: number }>(db.pool, `select path, depth from folders where id = $1`, [c.id]);
    expect(moved).toEqual({ path: '/X/B/C', depth: 3 });
    await expectSqlState(
      db.pool.query(`update folders set parent_id = $1 where id = $2`, [c.id, x.id]),
      '23514',
      'folders_parent_id_cycle_check',
    );
    // A chain 8 deep; moving X (subtree depth 3) under its end would reach 11.
    let parent: string | null = null;
    for (let level = 1; level <= 8; level++) parent = (await folder(`D${level}`, parent)).id;
    await expectSqlState(
      db.pool.query(`update folders set parent_id = $1 where id = $2`, [parent, x.id]),
      '23514',
      'folders_depth_check',
    );
  });

  it('sibling names are unique among live folders (23505) and may not contain a slash (23514)', async () => {
    const p = await folder('P', null);
    await folder('same', p.id);
    await expectSqlState(folder('same', p.id), '23505', 'folders_tenant_id_path_key');
    await expectSqlState(folder('a/b', p.id), '23514', 'folders_name_check');
  });
});

describe('file size by tier', () => {
  it('trial 10 MB, professional 100 MB, enterprise 1 GB (23514 above)', async () => {
    await document(tenantId, MAX_FILE_SIZE_BYTES.trial);
    await expectSqlState(document(tenantId, MAX_FILE_SIZE_BYTES.trial + 1), '23514', 'documents_file_size_bytes_tier_check');
    const pro = await createTenant(db.pool, 'docs-pro', 'professional');
    await document(pro.tenantId, 100 * 1024 * 1024);
    await expectSqlState(document(pro.tenantId, 100 * 1024 * 1024 + 1), '23514', 'documents_file_size_bytes_tier_check');
    const ent = await createTenant(db.pool, 'docs-ent', 'enterprise');
    await document(ent.tenantId, 1024 * 1024 * 1024);
    await expectSqlState(document(ent.tenantId, 1024 * 1024 * 1024 + 1), '23514', 'documents_file_size_bytes_tier_check');
  });

  it('applies to versions and to size changes', async () => {
    const d = await document();
    await expectSqlState(
      db.pool.query(`update documents set file_size_bytes = $1 where id = $2`, [MAX_FILE_SIZE_BYTES.trial + 1, d]),
      '23514',
      'documents_file_size_bytes_tier_check',
    );
    await expectSqlState(
      db.pool.query(
        `insert into document_versions (tenant_id, document_id, file_path, file_size_bytes, checksum) values ($1, $2, '/v', $3, $4)`,
        [tenantId, d, MAX_FILE_SIZE_BYTES.trial + 1, sha('big')],
      ),
      '23514',
      'document_versions_file_size_bytes_tier_check',
    );
  });
});

describe('document permissions', () => {
  it('target exactly one of document/folder and one grantee (23514)', async () => {
    const d = await document();
    await db.pool.query(`insert into document_permissions (tenant_id, document_id, user_id) values ($1, $2, $3)`, [tenantId, d, userId]);
    await expectSqlState(
      db.pool.query(`insert into document_permissions (tenant_id, user_id) values ($1, $2)`, [tenantId, userId]),
      '23514',
      'document_permissions_target_check',
    );
    await expectSqlState(
      db.pool.query(`insert into document_permissions (tenant_id, document_id, user_id) values ($1, $2, $3)`, [tenantId, d, userId]),
      '23505',
    );
  });
});
