// A small W3C WebDriver client (https://www.w3.org/TR/webdriver2/) for WebKitGTK, Safari's
// engine: Debian's WebKitWebDriver starts MiniBrowser in automation mode. Playwright and
// Puppeteer cannot drive WebKitGTK, and no npm client that runs on Node 18 is needed for the
// dozen commands the tests use.
//
// openWebDriverPage() gives the subset of Playwright's Page that ui-driver.mjs and the
// engine tests use (goto, evaluate, waitForFunction, mouse, keyboard, screenshot,
// viewportSize), so the same test code drives every engine. Input goes through WebDriver's
// actions, which the browser turns into real pointer and key events. Classic WebDriver sees
// no downloads and no requests: downloads are read in the page (engines.mjs hooks the link
// the app hands its bytes to), requests in the test server's log.
import { execFile, spawn } from 'node:child_process';
import net from 'node:net';

export const WEBKIT_DRIVER = process.env.HERREG_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.HERREG_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// WebDriver's key codes (§17.4.2) for the keys the tests press, under Playwright's names.
const KEYS = {
  Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D',
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Space: '\uE00D', ' ': ' ',
  PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Delete: '\uE017',
};
const keyValue = (name) => {
  if (KEYS[name] !== undefined) return KEYS[name];
  if ([...name].length === 1) return name;
  throw new Error(`webdriver: no key code for "${name}"`);
};

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// The driver process, and one session with a browser window of `width` x `height` CSS px
// of viewport.
export async function openWebDriverPage({ width = 1280, height = 800, env = process.env, timeout = 60_000 } = {}) {
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let driverLog = '';
  driver.stdout.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  driver.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;

  async function send(method, path, body) {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON: reported below */ }
    if (!res.ok || json === null) {
      const v = json?.value;
      throw new Error(`webdriver ${method} ${path}: ${v?.error ?? res.status} ${v?.message ?? text.slice(0, 300)}`);
    }
    return json.value;
  }

  // The driver listens once it has started.
  const end = Date.now() + timeout;
  for (;;) {
    try {
      const status = await send('GET', '/status');
      if (status) break;
    } catch (err) {
      if (Date.now() > end || driver.exitCode !== null) {
        driver.kill();
        throw new Error(`WebKitWebDriver did not start: ${err.message}; ${driverLog}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let session;
  try {
    session = await send('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          timeouts: { script: timeout, pageLoad: timeout },
        },
      },
    });
  } catch (err) {
    driver.kill();
    throw new Error(`${err.message}; ${driverLog}`);
  }
  const sid = session.sessionId;
  const s = (path) => `/session/${sid}${path}`;

  const exec = (script, args = []) => send('POST', s('/execute/sync'), { script, args });
  const execAsync = (script, args = []) => send('POST', s('/execute/async'), { script, args });

  // Playwright's evaluate(fn, arg): fn runs in the page with one serialisable argument, and
  // a promise it returns is awaited.
  async function evaluate(fn, arg) {
    const body = typeof fn === 'function' ? fn.toString() : `() => (${fn})`;
    return execAsync(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${body})(arguments[0]))
         .then((v) => done({ ok: true, v: v === undefined ? null : v }), (e) => done({ ok: false, e: String(e && e.stack || e) }));`,
      [arg === undefined ? null : arg],
    ).then((r) => {
      if (!r.ok) throw new Error(`page: ${r.e}`);
      return r.v;
    });
  }

  // The browser's X window, found by a title set for a moment, and where the page's viewport
  // lies in it (a pointer moved there is seen by the page), and how far a wheel notch scrolls.
  const xdotool = (args) => new Promise((resolve, reject) => {
    execFile('xdotool', args, { env, timeout: 20_000 }, (err, stdout) => (err ? reject(new Error(`xdotool ${args.join(' ')}: ${err.message}`)) : resolve(stdout)));
  });
  let xwin = null;
  async function xWindow() {
    if (xwin) return xwin;
    const token = `herreg-window-${process.pid}-${port}`;
    const title = await evaluate((t) => { const old = document.title; document.title = t; return old; }, token);
    let id = '';
    for (let i = 0; i < 50 && !id; i++) {
      id = (await xdotool(['search', '--name', token]).catch(() => '')).trim().split('\n')[0];
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    await evaluate((t) => { document.title = t; }, title);
    if (!id) throw new Error('the browser window was not found on the X display');
    await evaluate(() => {
      window.__herregPointer = null;
      addEventListener('mousemove', (e) => { window.__herregPointer = [e.clientX, e.clientY]; }, { capture: true, once: true });
    });
    // X pixels are device pixels: CSS px times the window's scale (GDK_SCALE).
    const scale = await evaluate(() => window.devicePixelRatio || 1);
    await xdotool(['mousemove', '--window', id, '300', '300']);
    const at = await page.waitForFunction(() => window.__herregPointer, null, { timeout: 10_000 });
    xwin = { id, scale, dx: 300 / scale - at[0], dy: 300 / scale - at[1], notch: 78 };   // WebKitGTK 2.50: deltaY 78 a notch
    return xwin;
  }

  const actions = (list) => send('POST', s('/actions'), { actions: list }).then(() => send('DELETE', s('/actions')));
  let pointer = { x: 0, y: 0 };
  const at = (x, y) => ({ type: 'pointerMove', duration: 0, x: Math.round(x), y: Math.round(y), origin: 'viewport' });

  const keyChord = (combo) => {
    const parts = combo === '+' ? ['+'] : combo.split('+');
    const keys = parts.map(keyValue);
    return [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
  };

  const page = {
    async goto(url) {
      await send('POST', s('/url'), { url });
    },
    async reload() {
      await send('POST', s('/refresh'), {});
    },
    url: () => evaluate(() => location.href),
    evaluate,
    async waitForFunction(fn, arg, { timeout: t = timeout, polling = 100 } = {}) {
      const stop = Date.now() + t;
      for (;;) {
        const v = await evaluate(fn, arg);
        if (v) return v;
        if (Date.now() > stop) throw new Error(`waitForFunction timed out after ${t} ms: ${String(fn).slice(0, 200)}`);
        await new Promise((r) => setTimeout(r, typeof polling === 'number' ? polling : 50));
      }
    },
    mouse: {
      async move(x, y) {
        pointer = { x, y };
        await actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [at(x, y)] }]);
      },
      async click(x, y) {
        pointer = { x, y };
        await actions([{
          type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
          actions: [at(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        }]);
      },
      // WebKitGTK's WebDriver wheel action sends each scroll twice, the second time backwards
      // (deltaY 300 then -300): nothing scrolls. The wheel is turned on the X display instead
      // (xdotool, buttons 4 and 5), as a mouse would; a notch scrolls `notch` CSS px.
      // Up and down only (buttons 4 and 5); the tests scroll no other way.
      async wheel(deltaX, deltaY) {
        if (deltaX !== 0) throw new Error('webdriver: a sideways wheel is not supported here');
        if (deltaY === 0) return;
        const w = await xWindow();
        const notches = Math.max(1, Math.round(Math.abs(deltaY) / w.notch));
        await xdotool(['mousemove', '--window', w.id, String(Math.round((pointer.x + w.dx) * w.scale)), String(Math.round((pointer.y + w.dy) * w.scale)),
          'click', '--repeat', String(notches), '--delay', '10', deltaY > 0 ? '5' : '4']);
      },
    },
    touchscreen: {
      async tap(x, y) {
        await actions([{
          type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' },
          actions: [at(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
        }]);
      },
    },
    keyboard: {
      async press(combo) {
        await actions([{ type: 'key', id: 'keyboard', actions: keyChord(combo) }]);
      },
      async type(text) {
        const list = [];
        for (const ch of text) {
          const value = ch === '\n' ? KEYS.Enter : ch;
          list.push({ type: 'keyDown', value }, { type: 'keyUp', value });
        }
        await actions([{ type: 'key', id: 'keyboard', actions: list }]);
      },
    },
    async screenshot() {
      return Buffer.from(await send('GET', s('/screenshot')), 'base64');
    },
    viewportSize: () => viewport,
    async setViewportSize(size) {
      // The window is the viewport plus the browser's own chrome: measured, then corrected.
      await send('POST', s('/window/rect'), { width: size.width, height: size.height });
      const inner = await evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
      await send('POST', s('/window/rect'), { width: size.width * 2 - inner.w, height: size.height * 2 - inner.h });
      const got = await evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
      viewport = got;
      return got;
    },
    exec,
  };
  let viewport = { width, height };
  try {
    await page.setViewportSize({ width, height });
  } catch (err) {
    try { await send('DELETE', s('')); } catch { /* gone */ }
    driver.kill();
    throw err;
  }
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => driver.kill());

  return {
    page,
    driverLog: () => driverLog,
    async close() {
      try { await send('DELETE', s('')); } catch { /* the browser may be gone already */ }
      driver.kill();
    },
  };
}
