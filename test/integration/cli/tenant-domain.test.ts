// `stocksync-db tenant domain add|verify|remove|list` and `tenant slug` against a real database.
// (The DNS TXT check itself is tested through the library with a fake resolver: this machine has no DNS.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../src/testing/index.js';
import { runCli } from './run-cli.js';

describe('stocksync-db tenant domain and slug', () => {
  let t: TestDatabase;
  let url: string[];
  beforeAll(async () => {
    t = await createTestDatabase();
    url = ['--url', t.url];
    const created = await runCli(['tenant', 'create', '--name', 'Dom', '--slug', 'dom-cli', '--email', 'ops@dom.test', '--owner-email', 'jo@dom.test', ...url]);
    expect(created.code).toBe(0);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('adds a subdomain and a custom domain, lists, verifies, removes, and changes the slug', async () => {
    const sub = await runCli(['tenant', 'domain', 'add', 'dom-cli', 'dom-cli.example.com', '--base-domain', 'example.com', '--primary', '--json', ...url]);
    expect(sub.stderr).toBe('');
    expect(JSON.parse(sub.stdout)).toMatchObject({ domain: { hostname: 'dom-cli.example.com', kind: 'subdomain', isPrimary: true }, challenge: null });

    const custom = await runCli(['tenant', 'domain', 'add', 'dom-cli', 'Shop.Dom.TEST', ...url]);
    expect(custom.code).toBe(0);
    expect(custom.stdout).toMatch(/Added shop\.dom\.test \(custom\) to dom-cli\./);
    expect(custom.stdout).toMatch(/_stocksync-challenge\.shop\.dom\.test {2}TXT {2}"stocksync-verification=[0-9a-f]{40}"/);

    const listed = await runCli(['tenant', 'domain', 'list', 'dom-cli', '--json', ...url]);
    expect(JSON.parse(listed.stdout).map((d: { hostname: string; isPrimary: boolean; verifiedAt: string | null }) => [d.hostname, d.isPrimary, d.verifiedAt !== null])).toEqual([
      ['dom-cli.example.com', true, true],
      ['shop.dom.test', false, false],
    ]);

    const verified = await runCli(['tenant', 'domain', 'verify', 'dom-cli', 'dom-cli.example.com', ...url]);
    expect(verified.stdout).toMatch(/Verified dom-cli\.example\.com for dom-cli\./);

    const bad = await runCli(['tenant', 'domain', 'add', 'dom-cli', '10.1.2.3', ...url]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a usable host name/);

    const removed = await runCli(['tenant', 'domain', 'remove', 'dom-cli', 'shop.dom.test', ...url]);
    expect(removed.stdout).toMatch(/Removed shop\.dom\.test from dom-cli\./);
    const missing = await runCli(['tenant', 'domain', 'remove', 'dom-cli', 'shop.dom.test', ...url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no domain shop\.dom\.test/);

    const slug = await runCli(['tenant', 'slug', 'dom-cli', 'dom-new', '--base-domain', 'example.com', '--json', ...url]);
    expect(slug.stderr).toBe('');
    expect(JSON.parse(slug.stdout)).toMatchObject({ previousSlug: 'dom-cli', tenant: { slug: 'dom-new', domain: 'dom-new.example.com' }, renamedDomains: [{ hostname: 'dom-new.example.com' }] });
    const unknown = await runCli(['tenant', 'domain', 'list', 'dom-cli', ...url]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No tenant "dom-cli"/);
  }, 180_000); // ten CLI processes
});
