// Drives the real herreg UI in a page: finds widgets by their stable id in the app's widget
// map (window.herregWidgets(), reported by the UI every frame), scrolls them into view with
// the mouse wheel, and clicks and types like a person. Nothing here reaches into the app's
// state: what the tests read back comes from the page's ARIA mirror (#herreg-live).
import { assert, patience, settled, until, waitForFrames } from './harness.mjs';

// Waits until the app has drawn `extra` more frames, or has drawn all it had to (idle: render
// on demand draws a few frames after each event and then none, so more may never come). Call
// it after an action of the page's own (a click, a key): the idle flag goes false in the
// event itself. To prove that something does make the app draw, count frames instead
// (harness.mjs waitForFrames).
export async function nextFrames(page, extra = 2, timeout = patience()) {
  const start = await page.evaluate(() => window.herregFrames ?? 0);
  await page.waitForFunction((n) => (window.herregFrames ?? 0) >= n || window.herregIdle === true, start + extra, { timeout });
}

export async function widgets(page) {
  return page.evaluate(() => (typeof window.herregWidgets === 'function' ? window.herregWidgets() : []));
}

// The widget map is that of the last drawn frame. It is current when the app is idle (nothing
// happened since that frame) or once two more frames were drawn: a tab just brought to the
// front, say, may still hold the map of before the events it got in the background.
async function currentMap(page) {
  const n = await page.evaluate(() => window.herregFrames ?? 0);
  await page.waitForFunction((k) => window.herregIdle === true || (window.herregFrames ?? 0) >= k + 2, n);
}

export async function findWidget(page, id, timeout = patience()) {
  await currentMap(page);
  let ids = [];
  return until(async () => {
    const all = await widgets(page);
    ids = all.map((w) => w.id);
    return all.find((w) => w.id === id);
  }, `widget "${id}" not on screen`, { timeout }).catch((err) => {
    throw new Error(`${err.message}; visible ids: ${ids.slice(0, 60).join(', ')}`);
  });
}

// Scrolls until the widget lies fully inside the viewport, then returns its rectangle.
export async function reveal(page, id) {
  const vp = page.viewportSize();
  for (let i = 0; i < 40; i++) {
    const w = await findWidget(page, id);
    const top = 8, bottom = vp.height - 8;
    if (w.y >= top && w.y + w.h <= bottom) return w;
    const delta = w.y < top ? Math.max(-400, w.y - top - 40) : Math.min(400, w.y + w.h - bottom + 40);
    await page.mouse.move(vp.width / 2, vp.height / 2);
    await page.mouse.wheel(0, delta);
    await nextFrames(page, 3);
  }
  throw new Error(`could not scroll "${id}" into view`);
}

export async function click(page, id) {
  const w = await reveal(page, id);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await nextFrames(page, 3);
}

// Clicks a text field, waits for the keyboard proxy to take focus, replaces its content.
export async function type(page, id, text) {
  const w = await reveal(page, id);
  await page.mouse.click(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
  await focusProxy(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text.length) await page.keyboard.type(text);
  // The app takes one typed character a frame (ImGui 1.86 sees keys once a frame); idle, it
  // has taken them all. A click before that would end the field with the rest still waiting.
  await settled(page);
}

async function focusProxy(page, id) {
  await page.waitForFunction(() => document.activeElement?.id === 'herreg-text')
    .catch(() => { throw new Error(`text field "${id}" did not take keyboard focus`); });
}

// Clicks a text field and pastes `text` into it as a person does: the text goes on the
// clipboard (as a spreadsheet or a mail program puts it there), then Ctrl+V; the browser
// delivers it to the keyboard proxy as one 'insertFromPaste' input. A page with its own
// setClipboard (engines/: Firefox and WebKitGTK on an X display) gets the text on the
// system's clipboard, where a desktop program puts it.
export async function paste(page, id, text) {
  if (!page.setClipboard) await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const w = await reveal(page, id);
  await page.mouse.click(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
  await focusProxy(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await nextFrames(page, 2);   // the field is empty before the paste arrives
  if (page.setClipboard) await page.setClipboard(text);
  else await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await settled(page);
}

// Leaves the active text field by a click on an empty spot of the page (Escape would do too:
// the app keeps the text; hands.test.mjs tests that).
export async function blur(page) {
  const vp = page.viewportSize();
  await page.mouse.click(vp.width - 3, vp.height - 3);
  await nextFrames(page, 3);
}

// From the welcome screen to step 2 (the dates) with the KP register chosen.
export async function toDates(page) {
  await click(page, 'welcome.start');
  await click(page, 'register.kp');
  await click(page, 'nav.next');
  await findWidget(page, 'period_start');
}

// A sample with an application form opened from `url` (?sample=...), on to step 6 by the result
// page's call to action; the mirror's text there.
export async function openStep6(page, url) {
  await page.goto(url);
  await waitForFrames(page, 3);
  await click(page, 'result.application');
  return waitForMirror(page, (t) => /Stap 6 van 6|Step 6 of 6/.test(t), 'not on step 6');
}

// "Volgende" pressed where the step after it cannot be drawn (the app's second part could not be
// joined): the error panel, and what it says. The mouse by hand: click() would wait for frames
// of an app that stopped.
export async function nextStepToPanel(page) {
  const w = await reveal(page, 'nav.next');
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await page.waitForFunction(() => !document.getElementById('herreg-error').hidden);
  return page.evaluate(() => ({
    reason: document.getElementById('herreg-error-reason').textContent,
    detail: document.getElementById('herreg-error-detail').textContent,
    download: !document.getElementById('herreg-error-download').disabled,
  }));
}

export async function mirror(page) {
  return page.evaluate(() => document.getElementById('herreg-live')?.innerText ?? '');
}

// Waits until the mirror's text satisfies `predicate`; fails with `what` and the text.
export async function waitForMirror(page, predicate, what, timeout = patience()) {
  let text = '';
  return until(async () => {
    text = await mirror(page);
    return predicate(text) ? text : null;
  }, what, { timeout }).catch((err) => { throw new Error(`${err.message}; mirror says:\n${text}`); });
}

export function lines(text) {
  return text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0);
}

// Every line of `expected` appears in `actual`, in the same order.
export function assertLinesIn(actual, expected, what) {
  const have = lines(actual);
  let at = 0;
  for (const line of lines(expected)) {
    const i = have.indexOf(line, at);
    assert(i >= 0, `${what}: line "${line}" missing; mirror says:\n${have.join('\n')}`);
    at = i + 1;
  }
}

export const dutchDate = (iso) => (iso ? iso.split('-').reverse().join('-') : '');

// The autosave in localStorage as the app wrote it (null when there is none).
export async function stored(page) {
  return JSON.parse(await page.evaluate(() => localStorage.getItem('herreg.portfolio')) ?? 'null');
}

// The autosave once `predicate` holds for it; else fails with `what` and the page's text.
export async function autosaved(page, predicate, what) {
  return until(async () => {
    const s = await stored(page);
    return s && predicate(s) ? s : null;
  }, what).catch(async (err) => {
    throw new Error(`${err.message}; the page says ${JSON.stringify((await mirror(page)).slice(0, 400))}`);
  });
}

// ---------------------------------------------------------------- the keyboard, as a person uses it
// A key, then the frames it causes.
export async function key(page, name) {
  await page.keyboard.press(name);
  await settled(page);
}

// Where the keyboard is: the widget with the focus ring, or "<id> (typing)" for the field
// being typed in; '' for none.
export async function keyboardAt(page) {
  const all = await widgets(page);
  const w = all.find((x) => x.focused) ?? all.find((x) => x.editing);
  return w ? (w.editing ? `${w.id} (typing)` : w.id) : '';
}

// The arrows towards `id` as a person would press them looking at the screen: down or up to
// its row, then left or right. `look` says where the keyboard is after each press (a test may
// check more there, as the focus ring); every stop on the way must show it.
export async function arrowTo(page, id, { max = 40, look = keyboardAt } = {}) {
  const way = [];
  for (let i = 0; i < max; i++) {
    const all = await widgets(page);
    const at = all.find((w) => w.focused);
    if (at?.id === id) return way;
    const to = all.find((w) => w.id === id);
    let k = 'ArrowDown';
    if (at && to) {
      const dy = (to.y + to.h / 2) - (at.y + at.h / 2);
      if (Math.abs(dy) < Math.max(at.h, to.h) / 2) k = to.x > at.x ? 'ArrowRight' : 'ArrowLeft';
      else k = dy > 0 ? 'ArrowDown' : 'ArrowUp';
    }
    await key(page, k);
    const now = await look(page);
    way.push(now);
    assert(now !== '', `after ${k} on the way to "${id}" no widget shows the focus (${way.join(' > ')})`);
  }
  throw new Error(`the arrows never reached "${id}": ${way.join(' > ')}`);
}

// Enter on "Volgende" (reached with the arrows), then the frames of the new step, whose
// widget `shows` marks it. Returns the arrow presses it took.
export async function nextStep(page, shows, { look = keyboardAt } = {}) {
  const presses = (await arrowTo(page, 'nav.next', { look })).length;
  await key(page, 'Enter');
  await findWidget(page, shows);
  await settled(page);
  return presses;
}

// Tab until the field `id` is being typed in.
export async function tabTo(page, id, { max = 80, look = keyboardAt } = {}) {
  const way = [];
  for (let i = 0; i < max; i++) {
    if ((await keyboardAt(page)) === `${id} (typing)`) return way;
    await key(page, 'Tab');
    way.push(await look(page));
  }
  throw new Error(`Tab never reached "${id}": ${way.join(' > ')}`);
}

// What the page's clipboard holds once `predicate` holds for it (Chromium, clipboard-read
// granted): a copy is written by the browser a moment after the press (web_platform.js starts
// the write in the press and hands it the text a frame later), so it is polled.
export async function clipboardOnce(page, predicate, what) {
  let clip = '';
  return until(async () => {
    clip = await page.evaluate(() => navigator.clipboard.readText().catch((e) => `error: ${e}`));
    return predicate(clip) ? clip : null;
  }, what).catch((err) => { throw new Error(`${err.message}; the clipboard holds "${clip.slice(0, 200)}"`); });
}

