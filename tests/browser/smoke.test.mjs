// Browser smoke test: the built site (build/web/site) loads in headless Chromium, draws its
// first ImGui frame without any error or outside request, and shows a non-blank welcome
// screen that follows window size and pixel ratio.
//
//   node --test tests/browser/smoke.test.mjs        (after `cmake --build --preset web`)
//
// Screenshots: build/screenshots/smoke.png (Dutch, 1280x800) and smoke-en-hidpi.png.
// Run by `node --test` (see harness.mjs for the tiers).
import { assert, check, openPage, patience, pngStats, saveScreenshot, startSite, waitForFrames, watch } from './harness.mjs';

const problems = [];
const env = await startSite();

// ---------------------------------------------------------------- Dutch, 1x
const { context, page, problems: seen } = await openPage(env);
let drawn = false;

await check.quick('page loads with its title', async () => {
  const res = await page.goto(env.url, { waitUntil: 'load' });
  assert(res && res.ok(), `HTTP ${res?.status()}`);
  const title = await page.title();
  assert(title === 'herreg — herregistratiecheck', `title is "${title}"`);
});

await check.quick('first frame is drawn', async () => {
  const start = Date.now();
  await waitForFrames(page, 1);
  const ms = Date.now() - start;
  await waitForFrames(page, 5);  // fonts uploaded, layout settled (centring uses last frame)
  drawn = true;
  return `${ms} ms after load`;
});

await check.quick('loading indicator is gone, no error shown', async () => {
  const cls = await page.evaluate(() => document.documentElement.className);
  assert(cls.includes('herreg-ready'), `html class is "${cls}"`);
  assert(!cls.includes('herreg-failed'), 'error box shown');
  assert(!(await page.locator('#status').isVisible()), 'status box still visible');
});

await check.quick('canvas fills the window', async () => {
  const m = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, iw: window.innerWidth, ih: window.innerHeight, dpr: window.devicePixelRatio };
  });
  assert(m.w === Math.round(m.iw * m.dpr) && m.h === Math.round(m.ih * m.dpr),
    `canvas ${m.w}x${m.h}, window ${m.iw}x${m.ih} @${m.dpr}`);
  return `${m.w}x${m.h}`;
});

await check.quick('welcome screen is drawn (canvas not blank)', async () => {
  assert(drawn, 'no frame drawn');
  const png = await page.locator('#canvas').screenshot();
  const s = await pngStats(page, png);
  const file = await saveScreenshot('smoke.png', png);
  assert(s.colours > 2, `only ${s.colours} distinct colours`);
  assert(s.darkFraction > 0.002, `hardly any dark (text) pixels: ${(s.darkFraction * 100).toFixed(3)} %`);
  return `${s.width}x${s.height}, ${s.colours} colours, ${(s.darkFraction * 100).toFixed(1)} % text pixels, ${file}`;
});

await check.quick('clicking "English" switches the language', async () => {
  assert(drawn, 'no frame drawn');
  // The switch reports itself in the app's widget map; the click is a real mouse click.
  const box = await page.evaluate(() => window.herregWidgets().find((w) => w.id === 'lang.en'));
  assert(box, 'language switch not found in window.herregWidgets()');
  const x = box.x + box.w / 2;
  const y = box.y + box.h / 2;
  await page.mouse.click(x, y);
  const before = await page.evaluate(() => window.herregFrames);
  await waitForFrames(page, before + 3);
  const m = await page.evaluate(() => ({ lang: document.documentElement.lang, search: location.search }));
  assert(m.lang === 'en' && m.search === '?lang=en', `after the click: lang "${m.lang}", address "${m.search}"`);
  return `clicked at ${Math.round(x)},${Math.round(y)}`;
});

await check.quick('canvas follows a window resize', async () => {
  assert(drawn, 'no frame drawn');
  await page.setViewportSize({ width: 900, height: 700 });
  const before = await page.evaluate(() => window.herregFrames);
  await waitForFrames(page, before + 3);
  const m = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert(m[0] === 900 && m[1] === 700, `canvas is ${m[0]}x${m[1]} after resizing to 900x700`);
});

problems.push(...seen);
await context.close();

// ---------------------------------------------------------------- English, HiDPI
const context2 = await env.browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
context2.setDefaultTimeout(patience());
const page2 = await context2.newPage();
const seen2 = watch(page2, env.url);

await check.quick('?lang=en and a pixel ratio of 2: sharp English screen', async () => {
  await page2.goto(`${env.url}?lang=en`, { waitUntil: 'load' });
  await waitForFrames(page2, 5);
  const m = await page2.evaluate(() => ({
    lang: document.documentElement.lang,
    w: document.getElementById('canvas').width,
    h: document.getElementById('canvas').height,
  }));
  assert(m.lang === 'en', `<html lang> is "${m.lang}"`);
  assert(m.w === 1600 && m.h === 1200, `canvas is ${m.w}x${m.h}, expected 1600x1200`);
  const png = await page2.locator('#canvas').screenshot();
  const s = await pngStats(page2, png);
  const file = await saveScreenshot('smoke-en-hidpi.png', png);
  assert(s.colours > 2 && s.darkFraction > 0.002, `looks blank: ${s.colours} colours`);
  return file;
});

problems.push(...seen2);
await context2.close();

await check.quick('no console errors, page errors, failed or outside requests', async () => {
  assert(problems.length === 0, `\n    ${problems.join('\n    ')}`);
});

await env.tearDown();
