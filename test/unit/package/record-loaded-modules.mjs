// Preloaded with `node --import` by subpath-imports.test.ts: appends the URL of every module the
// process loads (ESM through a loader hook, CommonJS through Module._load) to the file named by
// STOCKSYNC_LOADED_MODULES, one per line, synchronously, so nothing is lost at exit.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.STOCKSYNC_LOADED_MODULES;
if (!out) throw new Error('record-loaded-modules: set STOCKSYNC_LOADED_MODULES to the output file');

const hook = `import { appendFileSync } from 'node:fs';
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(out, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { out } });

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exported = load.call(this, request, parent, isMain);
  let file;
  try {
    file = Module._resolveFilename(request, parent, isMain);
  } catch {
    // not a file (a builtin)
  }
  if (file && file.startsWith('/')) appendFileSync(out, `${pathToFileURL(file).href}\n`);
  return exported;
};
