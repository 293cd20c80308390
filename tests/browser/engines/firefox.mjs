// Firefox ESR (Debian's firefox-esr) through puppeteer-core's WebDriver BiDi. Not headless:
// headless Firefox has no WebGL here, while under an X server (Xvfb, display.mjs) Mesa's
// software GL gives it WebGL 2.
//
// openFirefoxPage() wraps puppeteer's Page in the subset of Playwright's Page that
// ui-driver.mjs uses (see webdriver.mjs), so one test drives every engine.
import puppeteer from 'puppeteer-core';

export const FIREFOX = process.env.HERREG_FIREFOX ?? '/usr/bin/firefox-esr';

// A browser per test file; each page gets a fresh browser context (own storage).
export async function launchFirefox({ env = process.env, timeout = 60_000 } = {}) {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: false,
    env,
    timeout,
    protocolTimeout: timeout * 2,
    extraPrefsFirefox: {
      // Software GL is what this machine has: Firefox would otherwise refuse it for WebGL.
      'webgl.force-enabled': true,
      'webgl.disabled': false,
      'gfx.webrender.software': true,
      // No first-run pages, no update checks, no telemetry: nothing but the test's own requests.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.update.enabled': false,
      'browser.region.update.enabled': false,
      // No clipboard preference: Firefox keeps its own rule (a write only from a press), which
      // the share test checks; the paste comes from the X clipboard.
    },
  });
}

// Playwright's key names where puppeteer's BiDi keyboard has another.
const BIDI_KEYS = { Space: ' ' };
const splitCombo = (combo) => (combo === '+' ? ['+'] : combo.split('+')).map((k) => BIDI_KEYS[k] ?? k);

// A Playwright-like page over a puppeteer page.
export async function openFirefoxPage(browser, { width = 1280, height = 800, scale = 1, touch = false, timeout = 60_000 } = {}) {
  const context = await browser.createBrowserContext();
  const p = await context.newPage();
  await p.setViewport({ width, height, deviceScaleFactor: scale, hasTouch: touch });
  p.setDefaultTimeout(timeout);
  const problems = [];
  p.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const page = {
    goto: (url) => p.goto(url),
    reload: () => p.reload(),
    url: () => p.url(),
    evaluate: (fn, arg) => p.evaluate(fn, arg),
    waitForFunction: (fn, arg, { timeout: t = timeout, polling = 100 } = {}) =>
      p.waitForFunction(fn, { timeout: t, polling: typeof polling === 'number' ? polling : 'raf' }, arg),
    // WebDriver BiDi takes whole CSS pixels only (Playwright takes any number).
    mouse: {
      move: (x, y) => p.mouse.move(Math.round(x), Math.round(y)),
      click: (x, y) => p.mouse.click(Math.round(x), Math.round(y)),
      wheel: (deltaX, deltaY) => p.mouse.wheel({ deltaX: Math.round(deltaX), deltaY: Math.round(deltaY) }),
    },
    touchscreen: { tap: (x, y) => p.touchscreen.tap(Math.round(x), Math.round(y)) },
    keyboard: {
      async press(combo) {
        const keys = splitCombo(combo);
        for (const k of keys.slice(0, -1)) await p.keyboard.down(k);
        await p.keyboard.press(keys[keys.length - 1]);
        for (const k of keys.slice(0, -1).reverse()) await p.keyboard.up(k);
      },
      type: (text) => p.keyboard.type(text),
    },
    screenshot: async () => Buffer.from(await p.screenshot()),
    viewportSize: () => p.viewport(),
    setViewportSize: (size) => p.setViewport(size),
  };
  return { page, problems, close: () => context.close() };
}
