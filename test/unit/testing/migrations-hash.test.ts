// The template name follows the migrations folder's hash: kept while no file changes, new when one does.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsHash } from '../../../src/testing/index.js';

describe('migrationsHash', () => {
  let folder = '';
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const makeFolder = () => {
    folder = mkdtempSync(join(tmpdir(), 'stocksync-hash-'));
    mkdirSync(join(folder, 'meta'));
    writeFileSync(join(folder, '0000_init.sql'), 'create table a (x int);');
    writeFileSync(join(folder, 'meta', '_journal.json'), '{"entries":[]}');
    return folder;
  };

  it('is the same while nothing changes', () => {
    makeFolder();
    expect(migrationsHash(folder)).toBe(migrationsHash(folder));
  });

  it('changes when a file is edited to the same size (a new modification time), and back when reverted', () => {
    makeFolder();
    const file = join(folder, '0000_init.sql');
    const before = migrationsHash(folder);
    const stamp = new Date('2026-01-01T00:00:00Z');
    writeFileSync(file, 'create table b (x int);');
    utimesSync(file, stamp, stamp);
    const edited = migrationsHash(folder);
    expect(edited).not.toBe(before);
    writeFileSync(file, 'create table a (x int);');
    utimesSync(file, new Date('2026-01-02T00:00:00Z'), new Date('2026-01-02T00:00:00Z'));
    expect(migrationsHash(folder)).toBe(before);
  });

  it('changes when a file is added, renamed or removed, also in a subfolder', () => {
    makeFolder();
    const before = migrationsHash(folder);
    writeFileSync(join(folder, 'meta', '0001_snapshot.json'), '{}');
    const added = migrationsHash(folder);
    expect(added).not.toBe(before);
    rmSync(join(folder, 'meta', '0001_snapshot.json'));
    expect(migrationsHash(folder)).toBe(before);
  });

  it('differs between folders with different contents', () => {
    makeFolder();
    const first = folder;
    const a = migrationsHash(first);
    const second = mkdtempSync(join(tmpdir(), 'stocksync-hash-'));
    try {
      writeFileSync(join(second, '0000_init.sql'), 'create table other (x int);');
      expect(migrationsHash(second)).not.toBe(a);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });
});
