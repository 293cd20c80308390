// Shared pieces of the browser tests: Debian's Chromium through playwright-core (never a
// downloaded browser), the static server, a page watcher and a tiny pass/fail counter.
import { chromium } from 'playwright-core';
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
    timeout: 60_000,
  });
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

// Waits until the app has drawn at least `count` frames (window.herregFrames).
export async function waitForFrames(page, count = 1, timeout = 60_000) {
  await page.waitForFunction((n) => (window.herregFrames ?? 0) >= n, count, { timeout });
}

// Pixel statistics of a PNG, decoded by the page itself (no PNG library needed here): size,
// number of colours, the most common colour [r, g, b] and the fraction of dark pixels.
export async function pngStats(page, png) {
  return page.evaluate(async (b64) => {
    // From a Blob, not a data: URL: the app's Content-Security-Policy allows no data: images.
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
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
    return { width: c.width, height: c.height, colours: count.size, dominant: [top >> 16, (top >> 8) & 255, top & 255],
      darkFraction: dark / total };
  }, png.toString('base64'));
}

export async function saveScreenshot(name, png) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await writeFile(file, png);
  return path.relative(ROOT, file);
}

// check('name', async () => { ... throw on failure ... }) and summary() printing
// the plain closing line "N passed, M failed".
export function counter() {
  let passed = 0;
  let failed = 0;
  return {
    async check(name, fn) {
      try {
        const note = await fn();
        passed++;
        console.log(`ok - ${name}${note ? ` (${note})` : ''}`);
      } catch (err) {
        failed++;
        const message = String(err?.message ?? err).split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
        console.log(`not ok - ${name}: ${message}`);
      }
    },
    fail(name, message) {
      failed++;
      console.log(`not ok - ${name}: ${message}`);
    },
    summary() {
      console.log(`${passed} passed, ${failed} failed`);
      return failed === 0 && passed > 0 ? 0 : 1;
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
