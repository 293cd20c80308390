// Drives the real herreg UI in a page: finds widgets by their stable id in the app's widget
// map (window.herregWidgets(), reported by the UI every frame), scrolls them into view with
// the mouse wheel, and clicks and types like a person. Nothing here reaches into the app's
// state: what the tests read back comes from the page's ARIA mirror (#herreg-live).
import { assert } from './harness.mjs';

const settle = (page, ms = 60) => page.waitForTimeout(ms);

// The frame counter after the app has drawn at least `extra` more frames.
export async function nextFrames(page, extra = 2, timeout = 10_000) {
  const start = await page.evaluate(() => window.herregFrames ?? 0);
  await page.waitForFunction((n) => (window.herregFrames ?? 0) >= n, start + extra, { timeout });
}

export async function widgets(page) {
  return page.evaluate(() => (typeof window.herregWidgets === 'function' ? window.herregWidgets() : []));
}

export async function findWidget(page, id, timeout = 8_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const found = (await widgets(page)).find((w) => w.id === id);
    if (found) return found;
    if (Date.now() > until) {
      const ids = (await widgets(page)).map((w) => w.id).slice(0, 60).join(', ');
      throw new Error(`widget "${id}" not on screen; visible ids: ${ids}`);
    }
    await settle(page, 100);
  }
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
  await page.waitForFunction(() => document.activeElement?.id === 'herreg-text', null, { timeout: 5_000 })
    .catch(() => { throw new Error(`text field "${id}" did not take keyboard focus`); });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (text.length) await page.keyboard.type(text);
  await nextFrames(page, 2);
}

// Leaves the active text field (Escape keeps the value in ImGui 1.86 only for some widgets,
// so click on an empty spot of the page instead).
export async function blur(page) {
  const vp = page.viewportSize();
  await page.mouse.click(vp.width - 3, vp.height - 3);
  await nextFrames(page, 3);
}

export async function mirror(page) {
  return page.evaluate(() => document.getElementById('herreg-live')?.innerText ?? '');
}

// Waits until the mirror's text satisfies `predicate`; fails with `what` and the text.
export async function waitForMirror(page, predicate, what, timeout = 8_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const text = await mirror(page);
    if (predicate(text)) return text;
    if (Date.now() > until) throw new Error(`${what}; mirror says:\n${text}`);
    await page.waitForTimeout(100);
  }
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
