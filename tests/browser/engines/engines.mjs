// The three browser engines behind one small interface: Chromium (Debian's, through
// playwright-core, as every other browser test), Firefox ESR (puppeteer-core, WebDriver BiDi)
// and WebKitGTK, Safari's engine (W3C WebDriver, webdriver.mjs). Each gives pages with the
// subset of Playwright's Page that ui-driver.mjs uses, so a test is written once.
//
//   const engine = await startEngine('webkit', env);   // env: harness.mjs startSite()
//   const { page, problems, close } = await engine.newPage({ width: 1280, height: 900 });
import { existsSync } from 'node:fs';
import { openPage, patience } from '../harness.mjs';
import { displayEnv, setClipboard } from './display.mjs';
import { FIREFOX, launchFirefox, openFirefoxPage } from './firefox.mjs';
import { MINIBROWSER, openWebDriverPage, WEBKIT_DRIVER } from './webdriver.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

// Why an engine cannot run on this machine (null: it can).
export function missingEngine(name) {
  if (name === 'firefox' && !existsSync(FIREFOX)) return `${FIREFOX} missing (package firefox-esr)`;
  if (name === 'webkit' && !existsSync(WEBKIT_DRIVER)) return `${WEBKIT_DRIVER} missing (package webkit2gtk-driver)`;
  if (name === 'webkit' && !existsSync(MINIBROWSER)) return `${MINIBROWSER} missing (package webkit2gtk-driver)`;
  return null;
}

export async function startEngine(name, env) {
  const missing = missingEngine(name);
  if (missing) throw new Error(missing);
  if (name === 'chromium') {
    return {
      name,
      async newPage({ width = 1280, height = 800, scale = 1, touch = false } = {}) {
        const { context, page, problems } = await openPage(env, {
          viewport: { width, height }, deviceScaleFactor: scale, hasTouch: touch, isMobile: touch,
          permissions: ['clipboard-read', 'clipboard-write'],
        });
        return { page, problems, close: () => context.close() };
      },
      async close() {},
    };
  }
  const xenv = await displayEnv();
  if (name === 'firefox') {
    const browser = await launchFirefox({ env: xenv, timeout: patience(3) });
    return {
      name,
      async newPage(size = {}) {
        const o = await openFirefoxPage(browser, { ...size, timeout: patience() });
        o.page.setClipboard = setClipboard;
        return o;
      },
      close: () => browser.close(),
    };
  }
  if (name === 'webkit') {
    // One browser a page: a WebDriver session is one browser; its storage is its own profile.
    return {
      name,
      async newPage(size = {}) {
        // A pixel ratio of 2 is GTK's window scale (as on a HiDPI screen). No sandbox, as
        // Chromium's --no-sandbox (harness.mjs): a container often has no user namespaces for
        // WebKit's bubblewrap; the browser only ever loads the test's own local site.
        const penv = { ...xenv, WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1', ...(size.scale ? { GDK_SCALE: String(size.scale) } : {}) };
        const o = await openWebDriverPage({ ...size, env: penv, timeout: patience(3) });
        o.page.setClipboard = setClipboard;
        // WebDriver reports no console: what went wrong is read in the page (pageProblems, stoppedApp).
        return { page: o.page, problems: [], close: o.close };
      },
      async close() {},
    };
  }
  throw new Error(`no engine "${name}"`);
}

// What the app hands to its download link, read in the page: the link is clicked by the
// app's own code (platform herreg_js_download), its Blob read here before the click goes on.
// WebDriver sees no downloads; this reads the same bytes in every engine.
export async function hookDownloads(page) {
  await page.evaluate(() => {
    if (window.__herregDownloads) return;
    window.__herregDownloads = [];
    // And what goes wrong in the page from now on (WebDriver has no console): pageProblems().
    window.__herregProblems = [];
    addEventListener('error', (e) => window.__herregProblems.push(`page error: ${e.message}`));
    addEventListener('unhandledrejection', (e) => window.__herregProblems.push(`unhandled rejection: ${e.reason}`));
    // The Blob behind each object URL (a fetch of the URL itself is not allowed by the app's
    // Content-Security-Policy, connect-src 'self').
    const blobs = new Map();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      const url = createObjectURL.call(URL, blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = this.download ? blobs.get(this.href) : undefined;
      if (!blob) return click.call(this);
      const entry = { name: this.download, b64: null };
      window.__herregDownloads.push(entry);
      blob.arrayBuffer().then((buf) => {
        const bytes = new Uint8Array(buf);
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        entry.b64 = btoa(s);
      });
      return undefined;   // no save dialog: it would block a WebDriver session
    };
  });
}

// Runs `action` (a click that downloads) and returns the file's name and bytes.
export async function downloaded(page, action) {
  const before = await page.evaluate(() => window.__herregDownloads.length);
  await action();
  await page.waitForFunction((n) => window.__herregDownloads.length > n && window.__herregDownloads[n].b64 !== null, before);
  const d = await page.evaluate((n) => window.__herregDownloads[n], before);
  return { name: d.name, bytes: Buffer.from(d.b64, 'base64') };
}

// The app's error panel (web/boot.js: the module failed or stopped), if it is showing: what
// every engine can tell, with or without a console.
export async function pageProblems(page) {
  return page.evaluate(() => window.__herregProblems ?? []);
}

export async function stoppedApp(page) {
  return page.evaluate(() => {
    const panel = document.getElementById('herreg-error');
    return panel && !panel.hidden ? panel.innerText.slice(0, 400) : null;
  });
}
