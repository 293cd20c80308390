// Writes assets/first-visit.functions: the functions a first visit runs, which the build keeps
// in app.wasm (cmake/split_app.mjs); the rest goes to app.deferred.wasm, fetched at the first
// input. Run it after a change that makes tests/browser/deferred.test.mjs report the list as
// stale, then rebuild and commit the list:
//
//   NODE_PATH=/usr/share/nodejs cmake --build --preset web
//   node scripts/profile-first-visit.mjs && NODE_PATH=/usr/share/nodejs cmake --build --preset web
//
// How: binaryen's wasm-split instruments build/web/app.names.wasm (the whole app, with names)
// to record which functions run; a copy of the site serves it in headless Chromium (as the
// browser tests run it) along what a person does first: the page loads and waits (Dutch and
// English, light and dark, embedded in the example page), then the welcome screen's button, the
// choice of register and a scroll down to "Volgende", once with the mouse, once with the
// keyboard only and once by touch on a phone; each walk ends with the page hidden (the app
// saves then). Every function any of these ran is listed, by the key split_app.mjs matches (a
// hash of its name). The dates and every later step are left to app.deferred.wasm: it is
// fetched at the first press, and by the time a person has chosen a register it is there.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { functionKey, functionNames } from '../cmake/wasm_names.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, SITE, settled, waitForFrames } from '../tests/browser/harness.mjs';
import { startServer } from '../tests/browser/serve.mjs';
import { arrowTo, click, findWidget, key, reveal } from '../tests/browser/ui-driver.mjs';

const NAMES_WASM = path.join(ROOT, 'build', 'web', 'app.names.wasm');
const LIST = path.join(ROOT, 'assets', 'first-visit.functions');

const names = functionNames(readFileSync(NAMES_WASM));
// The profile has one slot per defined function, in index order; a function without a name
// keeps its slot (and cannot be listed).
const defined = Array.from({ length: names.definedFunctions },
  (_, i) => [names.importedFunctions + i, names.names.get(names.importedFunctions + i)]);

const work = mkdtempSync(path.join(tmpdir(), 'herreg-profile-'));
const site = path.join(work, 'site');
cpSync(SITE, site, { recursive: true });
rmSync(path.join(site, 'app.deferred.wasm'), { force: true });
execFileSync('wasm-split', ['--all-features', '--quiet', '--instrument', NAMES_WASM, '-o', path.join(site, 'app.wasm')],
  { stdio: 'inherit' });

const server = await startServer(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const ran = new Set();

// One page, one walk: afterwards the instrumented module writes, for each defined function in
// order, the moment it first ran (0: never) after an 8-byte checksum.
async function walk(what, contextOptions, steps) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block', ...contextOptions });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const app = (await steps(page)) ?? page;   // the page, or the frame the app runs in
  await settled(app);
  // The person leaves (another tab, the phone's home screen): the app saves inside that event,
  // where browsers allow no synchronous request, so that code must not need the second part.
  await app.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  const profile = await app.evaluate((count) => {
    const asm = window.Module.asm;
    const size = 8 + 4 * count;
    const at = window.Module._malloc(size);
    asm.__write_profile(at, size);
    const memory = Object.values(asm).find((v) => v instanceof WebAssembly.Memory);
    return Array.from(new Uint8Array(memory.buffer, at, size));
  }, defined.length);
  if (errors.length) throw new Error(`${what}: ${errors.join('; ')}`);
  const view = new DataView(Uint8Array.from(profile).buffer);
  let count = 0;
  defined.forEach(([, name], i) => {
    if (view.getUint32(8 + 4 * i, true) !== 0) { if (name) ran.add(name); count++; }
  });
  console.log(`${what}: ${count} functions ran`);
  await context.close();
}

async function load(page, query) {
  await page.goto(`${server.url}${query}`);
  await waitForFrames(page, 3);
  await settled(page);
  await page.waitForTimeout(1000);
}

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
try {
  for (const query of ['?lang=nl', '?lang=en&theme=dark'])
    await walk(`load ${query}`, {}, (page) => load(page, query));
  await walk('embedded (the example page)', {}, async (page) => {
    await page.goto(`${server.url}voorbeeld-inbedding.html`);
    const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
    await waitForFrames(frame, 3);
    await settled(frame);
    await page.waitForTimeout(1000);
    return frame;
  });
  await walk('mouse', {}, async (page) => {
    await load(page, '?lang=nl');
    await click(page, 'welcome.start');
    await click(page, 'register.kp');
    await reveal(page, 'nav.next');   // the wheel, down to "Volgende"
  });
  await walk('keyboard', {}, async (page) => {
    await load(page, '?lang=nl');
    await arrowTo(page, 'welcome.start');
    await key(page, 'Enter');
    await findWidget(page, 'register.kp');
    await arrowTo(page, 'register.kp');
    await key(page, 'Space');
  });
  await walk('touch (phone)', phone, async (page) => {
    await load(page, '?lang=nl');
    for (const id of ['welcome.start', 'register.kp']) {
      const w = await reveal(page, id);   // the wheel, where the phone's screen is too short
      await page.touchscreen.tap(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
      await settled(page);
    }
    await reveal(page, 'nav.next');
  });
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

const keys = [...new Set([...ran].map(functionKey))].sort();
writeFileSync(LIST, [
  '# The functions a first visit runs, kept in app.wasm by cmake/split_app.mjs; every other',
  '# function goes to app.deferred.wasm, fetched at the first input. One key per line: the first',
  '# 16 hex digits of the SHA-256 of the function\'s name in build/web/app.names.wasm.',
  '# Written by scripts/profile-first-visit.mjs (which says how and when); do not edit.',
  ...keys, ''].join('\n'));
console.log(`${path.relative(ROOT, LIST)}: ${keys.length} of ${defined.length} functions`);
