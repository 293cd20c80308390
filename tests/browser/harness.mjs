// Shared pieces of the browser tests: Debian's Chromium through playwright-core (never a
// downloaded browser), the static server, a page watcher, node:test with the tier mark, and
// the waits (one load-scaled timeout, polling state).
import { chromium } from 'playwright-core';
import { test } from 'node:test';
import os from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.HERREG_SITE ?? path.join(ROOT, 'build', 'web', 'site');
export const SCREENSHOTS = path.join(ROOT, 'build', 'screenshots');
export const CHROMIUM = process.env.HERREG_CHROMIUM ?? '/usr/bin/chromium';

// Software WebGL 2 (SwiftShader through ANGLE) works headless without a GPU.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-gpu-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',  // containers (CI) often have a tiny /dev/shm
];

// Starts the server and the browser. launch() gives each run a fresh temporary profile.
export async function setUp() {
  const site = await startServer(SITE);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: patience(3),
  });
  // Service workers are blocked unless a test allows them ({ serviceWorkers: 'allow' }): a
  // worker serves a reload from its cache, past the page.route() some tests change files with.
  // tests/browser/offline.test.mjs tests the worker itself.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  return {
    url: site.url,
    browser,
    async tearDown() {
      await browser.close();
      await site.close();
    },
  };
}

// A fresh context (own storage) with one page, watched for problems (see watch()).
export async function openPage(env, contextOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, ...contextOptions });
  context.setDefaultTimeout(patience());
  const page = await context.newPage();
  return { context, page, problems: watch(page, env.url) };
}

// Collects everything that went wrong on a page: console errors, page errors,
// failed requests, HTTP errors, and requests that left the local server.
export function watch(page, baseUrl) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? '?'})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`external request: ${url}`);
  });
  return problems;
}

// Waits until the app has drawn at least `count` frames (window.herregFrames). The first
// frame of a page compiles SwiftShader's shaders: it gets more time.
export async function waitForFrames(page, count = 1, timeout = patience(3)) {
  await page.waitForFunction((n) => (window.herregFrames ?? 0) >= n, count, { timeout });
}

// One of the browser's own animation frames has passed in `page` (a scroll or a layout was applied).
export async function nextAnimationFrame(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

// Waits until the app is idle: it has drawn the frames that its last input or change asked
// for and schedules none (window.herregIdle, set by the platform's render on demand).
export async function settled(page, timeout = patience()) {
  await page.waitForFunction(() => window.herregIdle === true, null, { timeout, polling: 50 });
}

// A PNG's pixels, decoded by the page itself (no PNG library needed here): width, height and
// RGBA bytes row by row.
export async function pngPixels(page, png) {
  const { width, height, b64 } = await page.evaluate(async (b64) => {
    // From a Blob, not a data: URL: the app's Content-Security-Policy allows no data: images.
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let s = '';
    for (let i = 0; i < d.length; i += 0x8000) s += String.fromCharCode(...d.subarray(i, i + 0x8000));
    return { width: c.width, height: c.height, b64: btoa(s) };
  }, png.toString('base64'));
  return { width, height, data: Buffer.from(b64, 'base64') };
}

// Pixel statistics of a PNG: size, number of colours, the most common colour [r, g, b] and
// the fraction of dark pixels.
export async function pngStats(page, png) {
  const { width, height, data: d } = await pngPixels(page, png);
  const count = new Map();   // colour (0xRRGGBB) -> pixels
  let dark = 0;
  let total = 0;
  for (let i = 0; i < d.length; i += 4) {
    const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
    count.set(k, (count.get(k) ?? 0) + 1);
    if (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2] < 100) dark++;
    total++;
  }
  const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return { width, height, colours: count.size, dominant: [top >> 16, (top >> 8) & 255, top & 255], darkFraction: dark / total };
}

export async function saveScreenshot(name, png) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await writeFile(file, png);
  return path.relative(ROOT, file);
}

// ---------------------------------------------------------------- node:test, tiers, patience
// The browser tests run on Node's own test runner (`node --test`). Every test runs in
// `bash scripts/test.sh --all`; the default tier runs those whose name carries QUICK
// (`node --test --test-name-pattern='\[quick\]'`): a slice chosen by risk, at least one
// scenario per outcome family, every file.
export const QUICK = '[quick]';

// test(), with the name marked QUICK when `quick`, and what `fn` returns (a figure, a
// screenshot's path) reported as the test's diagnostic.
export function check(name, fn, { quick = false } = {}) {
  return test(quick ? `${name} ${QUICK}` : name, async (t) => {
    const note = await fn(t);
    if (note !== undefined && note !== null && note !== '') t.diagnostic(String(note));
  });
}
// check(), in the default tier.
check.quick = (name, fn) => check(name, fn, { quick: true });

// The server and the browser for the tests of one file: `const env = await startSite()` at its
// top (a failure there fails the file), `await env.tearDown()` at its end. The tests are
// awaited one after the other at the top level, so that code between them runs in order; a
// node:test `after` hook would run as soon as the first of them ended.
export const startSite = setUp;

// One timeout for every wait, scaled by the machine's load: a 2-core machine running two
// other jobs gets twice as long. Nothing in the tests sleeps for a fixed time to let the app
// catch up; every wait polls something observable (the frame counter, the idle flag, the
// mirror's text, a storage key, a download) until it holds or this much time has passed.
// HERREG_TEST_PATIENCE (ms) sets the base.
const BASE_MS = Number(process.env.HERREG_TEST_PATIENCE) || 20_000;
export function loadFactor() {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, os.loadavg()[0] / Math.max(1, cores));
}
export function patience(times = 1) {
  return Math.round(BASE_MS * times * loadFactor());
}

// Polls `probe` (async) until it returns something truthy, and returns that; throws with
// `what` and the last value after patience().
export async function until(probe, what, { timeout = patience(), interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) {
      const shown = typeof last === 'string' ? last : JSON.stringify(last);
      throw new Error(`${what} (after ${timeout} ms)${shown ? `; last seen: ${shown.slice(0, 2000)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
