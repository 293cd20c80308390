// The error panel (web/boot.js, #herreg-error in web/index.html), through real failures of the
// wasm module in headless Chromium: Module._herreg_test_crash(how) makes the app's next frame
// fail as a bug would (1 abort(), 2 a C++ exception nobody catches, 3 a WebAssembly trap).
//  - instead of a dead canvas the page shows what happened, Dutch first, English second;
//  - "Mijn gegevens downloaden / Download my data" gives the autosave, byte for byte, as
//    herreg-portfolio.json (read by JavaScript from localStorage: the module is dead);
//  - "Herladen / Reload" reloads, and the app offers the autosave back;
//  - with nothing autosaved the download is disabled and the panel says so;
//  - app.wasm or app.js missing: the same panel says herreg could not be loaded;
//  - screenshots at 1280x800 and on a phone (390x844), looked at by a person.
//
//   HERREG_SITE=build/web/site node tests/browser/error-panel.test.mjs
//
// Screenshots: build/screenshots/error-panel-*.png. Run by `node --test` (see harness.mjs for the tiers).
import { readFileSync } from 'node:fs';
import { assert, check, openPage, patience, pngStats, saveScreenshot, startSite, waitForFrames } from './harness.mjs';
import { blur, click, findWidget, toDates, type } from './ui-driver.mjs';

const panelVisible = (page) => page.evaluate(() => {
  const el = document.getElementById('herreg-error');
  return !!el && !el.hidden && getComputedStyle(el).display !== 'none';
});

// What the panel shows, and what is on top in the middle of the page.
const panelState = (page) => page.evaluate(() => {
  const el = document.getElementById('herreg-error');
  const visible = (id) => { const e = document.getElementById(id); return !!e && !e.hidden && e.offsetParent !== null; };
  const mid = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  return {
    text: el.innerText,
    role: el.getAttribute('role'),
    reason: document.getElementById('herreg-error-reason').textContent,
    detail: document.getElementById('herreg-error-detail').textContent,
    download: document.getElementById('herreg-error-download').textContent,
    downloadDisabled: document.getElementById('herreg-error-download').disabled,
    reload: document.getElementById('herreg-error-reload').textContent,
    savedShown: visible('herreg-error-saved'),
    nothingShown: visible('herreg-error-nothing'),
    canvasOnTop: mid === document.getElementById('canvas'),
    focused: document.activeElement?.id ?? '',
    overflowX: el.scrollWidth > el.clientWidth + 1,
  };
});

async function crash(page, how) {
  await page.evaluate((h) => Module._herreg_test_crash(h), how);
  await page.mouse.move(20, 20);   // as a user would go on
  await page.waitForFunction(() => !document.getElementById('herreg-error').hidden);
}

// Some data, typed into the wizard and autosaved.
async function enterData(page) {
  await toDates(page);
  await type(page, 'period_start', '01-12-2021');
  await type(page, 'last_worked', '31-10-2026');
  await blur(page);
  await page.waitForFunction(() => (localStorage.getItem('herreg.portfolio') ?? '').includes('2026-10-31'));
}

const env = await startSite();
const { context, page, problems } = await openPage(env);

await check.quick('abort() inside a frame: the error panel replaces the dead canvas, Dutch first', async () => {
  await page.goto(`${env.url}?lang=nl`);
  await waitForFrames(page, 3);
  await enterData(page);
  assert(!(await panelVisible(page)), 'the panel shows before anything failed');
  await crash(page, 1);
  const s = await panelState(page);
  assert(s.role === 'alert', `role "${s.role}"`);
  assert(s.reason.startsWith('herreg is gestopt door een fout.') && s.reason.includes('/ herreg stopped after an error.'),
    `reason "${s.reason}"`);
  assert(s.text.indexOf('Er ging iets mis') >= 0 && s.text.indexOf('Er ging iets mis') < s.text.indexOf('Something went wrong'),
    'not Dutch first');
  assert(s.download === 'Mijn gegevens downloaden / Download my data', `download button "${s.download}"`);
  assert(s.reload === 'Herladen / Reload', `reload button "${s.reload}"`);
  assert(!s.downloadDisabled && s.savedShown && !s.nothingShown, 'the autosave is not offered');
  assert(!s.canvasOnTop, 'the canvas is still what the user sees');
  assert(s.focused === 'herreg-error-download', `keyboard focus on "${s.focused}"`);
  assert(/abort/i.test(s.detail), `technical details "${s.detail}"`);
  // The module is dead: input draws nothing any more.
  const frames = await page.evaluate(() => window.herregFrames);
  await page.mouse.move(300, 300);
  await page.mouse.click(300, 300);
  // Two of the browser's own animation frames: a live module would have drawn in them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert((await page.evaluate(() => window.herregFrames)) === frames, 'frames were drawn after the abort');
  return s.reason;
});

await check.quick('"Mijn gegevens downloaden" gives the autosave as herreg-portfolio.json', async () => {
  const autosave = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
  const [d] = await Promise.all([page.waitForEvent('download'), page.click('#herreg-error-download')]);
  assert(d.suggestedFilename() === 'herreg-portfolio.json', `named "${d.suggestedFilename()}"`);
  const text = readFileSync(await d.path(), 'utf8');
  assert(text === autosave, 'the file is not the autosave byte for byte');
  const p = JSON.parse(text);
  assert(p.format === 'herreg-portfolio/1' && p.registration?.period_start === '2021-12-01' && p.last_worked === '2026-10-31',
    `the file holds ${text.slice(0, 200)}`);
  return `${text.length} bytes`;
});

await check.quick('screenshot, desktop (1280x800)', async () => {
  const png = await page.screenshot();
  const stats = await pngStats(page, png);
  assert(stats.colours > 20, `a blank screenshot (${stats.colours} colours)`);
  return saveScreenshot('error-panel-desktop.png', png);
});

// As a keyboard user goes on: the app's keyboard listeners (Emscripten's GLFW takes Tab from
// the browser for ImGui) are still on the window after the abort, and must not keep Tab from
// moving between the panel's buttons.
await check.quick('keyboard only: Tab reaches "Herladen", Enter reloads, and the app offers the autosave back', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  assert((await focused()) === 'herreg-error-download', `focus on "${await focused()}" before Tab`);
  await page.keyboard.press('Tab');
  assert((await focused()) === 'herreg-error-reload', `Tab from the download button went to "${await focused()}"`);
  await page.keyboard.press('Shift+Tab');
  assert((await focused()) === 'herreg-error-download', `Shift+Tab went to "${await focused()}"`);
  // Focus on the page itself (a click on the panel's text; Safari's click on a button does the
  // same): Tab goes on in the panel, not into the stopped app's widgets behind it (the
  // accessibility mirror takes a Tab from the page into them while the app runs).
  const reason = await page.locator('#herreg-error-reason').boundingBox();
  await page.mouse.click(reason.x + 5, reason.y + reason.height / 2);
  assert((await focused()) === '', `a click on the text left focus on "${await focused()}"`);
  await page.keyboard.press('Tab');
  assert((await focused()) === 'herreg-error-download',
    `Tab from the page went to "${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}"`);
  await page.keyboard.press('Tab');
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await waitForFrames(page, 3);
  assert(!(await panelVisible(page)), 'the panel is back after the reload');
  await click(page, 'restore.yes');
  await findWidget(page, 'period_start');
});

await check('a C++ exception nobody catches, on a phone (390x844): the panel fits; screenshot', async () => {
  const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  phone.setDefaultTimeout(patience());
  try {
    const p = await phone.newPage();
    await p.goto(`${env.url}?lang=nl`);
    await waitForFrames(p, 3);
    await p.evaluate(() => localStorage.setItem('herreg.portfolio', JSON.stringify({ format: 'herreg-portfolio/1', register: 'kp', profession: 'oefentherapie' })));
    await crash(p, 2);
    const s = await panelState(p);
    assert(s.reason.startsWith('herreg is gestopt'), `reason "${s.reason}"`);
    assert(!s.overflowX, 'the panel is wider than the phone');
    assert(!s.canvasOnTop, 'the canvas is still what the user sees');
    const box = await p.evaluate(() => {
      const r = document.getElementById('herreg-error-reload').getBoundingClientRect();
      return { bottom: r.bottom, right: r.right };
    });
    assert(box.bottom <= 844 && box.right <= 390, `the reload button is off screen: ${JSON.stringify(box)}`);
    return saveScreenshot('error-panel-phone.png', await p.screenshot());
  } finally {
    await phone.close();
  }
});

await check('a WebAssembly trap, nothing autosaved: the panel says so and the download is disabled', async () => {
  const fresh = await openPage(env);
  try {
    await fresh.page.goto(`${env.url}?lang=nl&theme=dark`);
    await waitForFrames(fresh.page, 3);
    await crash(fresh.page, 3);
    const s = await panelState(fresh.page);
    assert(s.downloadDisabled && s.nothingShown && !s.savedShown, JSON.stringify(s));
    assert(s.focused === 'herreg-error-reload', `keyboard focus on "${s.focused}"`);
    assert(/unreachable|RuntimeError/i.test(s.detail), `technical details "${s.detail}"`);
    return saveScreenshot('error-panel-dark-empty.png', await fresh.page.screenshot());
  } finally {
    await fresh.context.close();
  }
});

// A start that fails before the app runs: `prepare(page)` breaks it; the panel's state once shown.
async function failedStart(prepare) {
  const broken = await openPage(env);
  try {
    await prepare(broken.page);
    await broken.page.goto(`${env.url}?lang=nl`);
    await broken.page.waitForFunction(() => !document.getElementById('herreg-error').hidden);
    return await panelState(broken.page);
  } finally {
    await broken.context.close();
  }
}

await check.quick('app.wasm cannot be fetched: the panel says herreg could not be loaded, and still offers the autosave', async () => {
  const s = await failedStart(async (page) => {
    await page.goto(`${env.url}icon.svg`);
    await page.evaluate(() => localStorage.setItem('herreg.portfolio', '{"format":"herreg-portfolio/1","register":"kp"}'));
    await page.route('**/app.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  });
  assert(s.reason.startsWith('herreg kon niet worden geladen.'), `reason "${s.reason}"`);
  assert(!s.downloadDisabled, 'the autosave is not offered');
  return s.reason;
});

await check('a browser without WebAssembly: the same panel, not an endless spinner', async () => {
  const s = await failedStart((page) => page.addInitScript(() => { delete window.WebAssembly; }));
  assert(s.reason.startsWith('herreg kon niet worden geladen.'), `reason "${s.reason}"`);
  assert(/wasm|WebAssembly/i.test(s.detail), `technical details "${s.detail}"`);
  return s.detail;
});

await check('app.js cannot be fetched: the same panel, not an endless spinner', async () => {
  const s = await failedStart((page) => page.route('**/app.js', (route) => route.fulfill({ status: 404, body: 'gone' })));
  assert(s.reason.startsWith('herreg kon niet worden geladen.'), `reason "${s.reason}"`);
  assert(s.downloadDisabled && s.nothingShown, 'offers an autosave that is not there');
  assert(/app\.js/.test(s.detail), `technical details "${s.detail}"`);
  return s.detail;
});

await check('fetch-app.js cannot be fetched: the same panel, not an endless spinner', async () => {
  const s = await failedStart((page) => page.route('**/fetch-app.js', (route) => route.fulfill({ status: 404, body: 'gone' })));
  assert(s.reason.startsWith('herreg kon niet worden geladen.'), `reason "${s.reason}"`);
  assert(/fetch-app\.js/.test(s.detail), `technical details "${s.detail}"`);
  return s.detail;
});

// The app starts (its autosave read, its handler for a page being left installed) before it
// asks for the graphics (platform::init_graphics): without WebGL 2 the page must say so, and a
// page left afterwards must not run the app that could not start.
await check('a browser without WebGL 2: the page says so; leaving the page afterwards changes nothing', async () => {
  const { page, context: c, problems: seen } = await openPage(env);
  try {
    await page.addInitScript(() => {
      // An autosave: the app's second part is joined before the start, and leaving would save.
      localStorage.setItem('herreg.portfolio', '{"format":"herreg-portfolio/1","register":"kp"}');
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return /webgl/.test(type) ? null : get.call(this, type, ...rest); };
    });
    await page.goto(`${env.url}?lang=nl`);
    await page.waitForFunction(() => document.documentElement.classList.contains('herreg-failed'));
    const status = () => page.evaluate(() => document.getElementById('status').textContent);
    const said = await status();
    assert(/WebGL 2/.test(said), `the page says "${said}"`);
    assert(await page.evaluate(() => window.herregSplit.ready()), 'the second part is not joined: leaving would not reach the app');
    const saved = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
    // Another tab, then the page closed: what a phone gives when its user gives up.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    });
    await page.waitForTimeout(500);
    assert(!(await panelVisible(page)), 'the error panel took the place of the WebGL message');
    assert((await status()) === said, `the page now says "${await status()}"`);
    assert((await page.evaluate(() => localStorage.getItem('herreg.portfolio'))) === saved, 'the autosave was written over');
    const unexpected = seen.filter((x) => !/WebGL/.test(x));
    assert(unexpected.length === 0, `\n    ${unexpected.join('\n    ')}`);
    return said;
  } finally {
    await c.close();
  }
});

await check.quick('console: only the crashes asked for', async () => {
  const unexpected = problems.filter((p) => !/herreg_test_crash|Aborted|abort|unreachable|RuntimeError|Uncaught|exception/i.test(p));
  assert(unexpected.length === 0, `\n    ${unexpected.join('\n    ')}`);
  return `${problems.length} expected error lines`;
});

await context.close();

await env.tearDown();
