// Splits the linked app in two (a build step of cmake/web_app.cmake, after the app's link):
//
//   node cmake/split_app.mjs <app.names.wasm> <first-visit list> <site dir>
//
//   site/app.wasm           the functions the first visit runs (the list), the data, and a
//                           placeholder for every other function
//   site/app.deferred.wasm  every other function; web/boot.js fetches it at the person's first
//                           input and joins it when a placeholder is first called
//
// The list (assets/first-visit.functions, written by scripts/profile-first-visit.mjs) names
// functions by a hash of their name in app.names.wasm's name section, so that it holds across
// builds: a function it does not know (new or renamed) goes to app.deferred.wasm, which costs a
// join, never a wrong result (tests/browser/deferred.test.mjs tells when the list is stale).
// wasm-split (binaryen, which Emscripten depends on) does the splitting; it is given function
// indices, not names: it did not find many C++ names (templates, operators) as written in the
// name section.
//
// Both files get a custom section "herreg-split" with the same identity (a hash of the two
// modules): boot.js joins only a deferred module of its own build.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { functionKey, functionNames, withCustomSection } from './wasm_names.mjs';

const [namesWasm, listFile, siteDir] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node cmake/split_app.mjs <app.names.wasm> <first-visit list> <site dir>');
  process.exit(2);
}

// ---------------------------------------------------------------- split
const bytes = readFileSync(namesWasm);
const { importedFunctions, definedFunctions, names } = functionNames(bytes);
const wanted = new Set(readFileSync(listFile, 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
const keep = [];
let named = 0;
for (const [index, name] of names) {
  if (index < importedFunctions) continue;
  named++;
  // wasm-split names a function of a module without names by its index among the defined ones.
  if (wanted.has(functionKey(name))) keep.push(index - importedFunctions);
}
if (named === 0) throw new Error(`${namesWasm} has no function names (link it with --profiling-funcs)`);
// Most of the list unknown: the names changed wholesale (another compiler, say). The split would
// still be right, but nearly everything would wait for the second part: say so, loudly.
if (wanted.size > 0 && keep.length < wanted.size / 2) {
  console.error(`split_app: only ${keep.length} of the ${wanted.size} functions in ${listFile} are in this build: ` +
    'run `node scripts/profile-first-visit.mjs`, rebuild and commit the list');
  process.exit(1);
}

const work = mkdtempSync(path.join(tmpdir(), 'herreg-split-'));
try {
  const stripped = path.join(work, 'stripped.wasm');
  const primary = path.join(work, 'primary.wasm');
  const deferred = path.join(work, 'deferred.wasm');
  const keepFile = path.join(work, 'keep.txt');
  writeFileSync(keepFile, keep.join('\n') + '\n');
  execFileSync('wasm-opt', ['--all-features', '--strip-debug', namesWasm, '-o', stripped], { stdio: 'inherit' });
  execFileSync('wasm-split', ['--all-features', '--quiet', stripped, `--keep-funcs=@${keepFile}`,
    '--export-prefix=%', '-o1', primary, '-o2', deferred], { stdio: 'inherit' });
  const a = readFileSync(primary);
  const b = readFileSync(deferred);
  const identity = createHash('sha256').update(a).update(b).digest('hex').slice(0, 16);
  writeFileSync(path.join(siteDir, 'app.wasm'), withCustomSection(a, 'herreg-split', identity));
  writeFileSync(path.join(siteDir, 'app.deferred.wasm'), withCustomSection(b, 'herreg-split', identity));
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`split_app: app.wasm keeps ${keep.length} of ${definedFunctions} functions (${kb(a.length)} KB), ` +
    `app.deferred.wasm has the rest (${kb(b.length)} KB); ${wanted.size - keep.length} of the list's ` +
    `${wanted.size} names are not in this build`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
