// Browser test of the platform layer (src/platform/web_platform.cpp + web/index.html):
// render on demand, the widget map, the ARIA live region, localStorage keys, the text input
// proxy (typing, Backspace, paste/IME text, Android's beforeinput), touch, wheel and theme.
//
//   node --test tests/browser/platform.test.mjs        (after `cmake --build --preset web`)
//
// It knows nothing of the UI's screens: it finds widgets through window.herregWidgets() by
// kind, and a check whose widgets the UI does not show (yet) passes with a "skipped" note.
// Run by `node --test` (see harness.mjs for the tiers).
import { assert, check, openPage, patience, settled, startSite, waitForFrames, watch } from './harness.mjs';

const problems = [];
const env = await startSite();

const KINDS = new Set(['button', 'text_field', 'checkbox', 'combo', 'tab', 'other']);
const frames = (page) => page.evaluate(() => window.herregFrames ?? 0);
const widgets = (page) => page.evaluate(() => window.herregWidgets());
const activeId = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
const proxyLeft = (page) => page.evaluate(() => parseFloat(document.getElementById('herreg-text').style.left || 'NaN'));
const proxyValue = (page) => page.evaluate(() => document.getElementById('herreg-text').value);

// Waits until the app went idle (window.herregIdle: the frames its last event asked for are
// drawn); returns the frame count.
async function settle(page) {
  await settled(page);
  return frames(page);
}

async function waitFor(page, fn, arg, timeout = patience()) {
  await page.waitForFunction(fn, arg, { timeout, polling: 50 });
}

const centre = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });

// A text field fully inside the window, reached by pressing buttons whose id says "start"
// and then each tab, if the first screen has none. `press(point)` clicks or taps.
async function findTextField(page, press) {
  const visibleField = async () => {
    const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
    return (await widgets(page)).find((w) => w.kind === 'text_field' && w.x >= 0 && w.y >= 0 &&
      w.x + w.w <= size.w && w.y + w.h <= size.h && w.w > 8 && w.h > 8);
  };
  let field = await visibleField();
  if (field) return field;
  const start = (await widgets(page)).find((w) => w.kind === 'button' && /start|begin/i.test(w.id));
  if (start) {
    await press(centre(start));
    await settle(page);
    field = await visibleField();
    if (field) return field;
  }
  const tabs = (await widgets(page)).filter((w) => w.kind === 'tab').map((w) => w.id);
  for (const id of tabs) {
    const tab = (await widgets(page)).find((w) => w.id === id);
    if (!tab) continue;
    await press(centre(tab));
    await settle(page);
    field = await visibleField();
    if (field) return field;
  }
  return null;
}

// ---------------------------------------------------------------- desktop: mouse and keyboard
const { context, page, problems: seen } = await openPage(env);
let drawn = false;

await check.quick('page loads and draws its first frames', async () => {
  const res = await page.goto(`${env.url}?lang=en&register=kp`, { waitUntil: 'load' });
  assert(res && res.ok(), `HTTP ${res?.status()}`);
  await waitForFrames(page, 5);
  drawn = true;
});

await check.quick('#herreg-live: a visually hidden polite live region', async () => {
  const m = await page.evaluate(() => {
    const el = document.getElementById('herreg-live');
    if (!el) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return { live: el.getAttribute('aria-live'), role: el.getAttribute('role'), display: cs.display,
             visibility: cs.visibility, w: r.width, h: r.height };
  });
  assert(m, '#herreg-live missing');
  assert(m.live === 'polite' && m.role === 'status', `aria-live "${m.live}", role "${m.role}"`);
  assert(m.display !== 'none' && m.visibility !== 'hidden', 'hidden from screen readers too (display/visibility)');
  assert(m.w <= 1 && m.h <= 1, `visible on screen: ${m.w}x${m.h}`);
});

await check.quick('#herreg-text: a focusable textarea proxy that does not make iOS zoom', async () => {
  const m = await page.evaluate(() => {
    const el = document.getElementById('herreg-text');
    if (!el) return null;
    const cs = getComputedStyle(el);
    return { tag: el.tagName, ac: el.getAttribute('autocomplete'), cap: el.getAttribute('autocapitalize'),
             spell: el.getAttribute('spellcheck'), font: parseFloat(cs.fontSize), display: cs.display,
             visibility: cs.visibility, pe: cs.pointerEvents };
  });
  assert(m, '#herreg-text missing');
  assert(m.tag === 'TEXTAREA', `is a ${m.tag}`);
  assert(m.ac === 'off' && m.cap === 'off' && m.spell === 'false', `attributes ${JSON.stringify(m)}`);
  assert(m.font >= 16, `font-size ${m.font}px`);
  assert(m.display !== 'none' && m.visibility !== 'hidden', 'cannot take focus (display/visibility)');
});

await check.quick('idle: no frame drawn and no animation frame asked for during 3 s once the app settled', async () => {
  assert(drawn, 'no frame drawn');
  const before = await settle(page);
  // Every request for an animation frame is counted (each costs CPU even when nothing is drawn).
  await page.evaluate(() => {
    const request = window.requestAnimationFrame;
    window.herregTestFrameRequests = 0;
    window.requestAnimationFrame = (f) => { window.herregTestFrameRequests += 1; return request.call(window, f); };
  });
  // The property under test is a span of time: three seconds of nothing drawn.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const after = await frames(page);
  const requests = await page.evaluate(() => window.herregTestFrameRequests);
  assert(after === before, `${after - before} frames drawn while idle`);
  assert(requests === 0, `${requests} animation frames asked for while idle`);
  return `${before} frames at load`;
});

let map = [];
await check.quick('window.herregWidgets() lists the drawn widgets in CSS pixels', async () => {
  map = await widgets(page);
  assert(Array.isArray(map), `not an array: ${JSON.stringify(map)}`);
  if (map.length === 0) return 'skipped: the UI notes no widgets on this screen';
  for (const w of map) {
    assert(typeof w.id === 'string' && w.id.length > 0, `bad id in ${JSON.stringify(w)}`);
    assert(KINDS.has(w.kind), `bad kind in ${JSON.stringify(w)}`);
    assert([w.x, w.y, w.w, w.h].every(Number.isFinite) && w.w > 0 && w.h > 0, `bad rectangle in ${JSON.stringify(w)}`);
  }
  const again = await widgets(page);
  assert(JSON.stringify(again) === JSON.stringify(map), 'the map changed while idle');
  return `${map.length} widgets: ${map.slice(0, 4).map((w) => `${w.id} (${w.kind})`).join(', ')}${map.length > 4 ? ', ...' : ''}`;
});

await check.quick('the mouse wakes the renderer, which goes idle again', async () => {
  const before = await frames(page);
  await page.mouse.move(3, 3);
  await page.mouse.move(9, 7);
  await waitForFrames(page, before + 2);
  const settled = await settle(page);
  return `${settled - before} frames for a mouse move`;
});

await check.quick('#herreg-live mirrors the app text, one <p> per line', async () => {
  const m = await page.evaluate(() => {
    const el = document.getElementById('herreg-live');
    const kids = [...el.childNodes];
    return { text: el.innerText, pCount: kids.filter((n) => n.nodeName === 'P').length,
             other: kids.filter((n) => n.nodeName !== 'P').length };
  });
  if (m.text.trim() === '') return 'skipped: the UI mirrors no text on this screen';
  assert(m.other === 0, `${m.other} children are not <p>`);
  return `${m.pCount} lines`;
});

// Render on demand rasterises only a frame whose picture changed (web_platform.cpp, end_frame):
// the mouse over an empty spot draws frames that put nothing new on the canvas; over a button it
// changes the button's colour, and that picture is put on the canvas once, not each frame.
await check.quick('frames that change nothing are not rasterised: an empty spot adds no picture, a hovered button one or two', async () => {
  const rasterised = () => page.evaluate(() => window.herregRasterised ?? 0);
  await page.mouse.move(5, 5);
  await settle(page);
  const [f0, r0] = [await frames(page), await rasterised()];
  await page.mouse.move(11, 9);
  await waitForFrames(page, f0 + 2);
  await settle(page);
  const [f1, r1] = [await frames(page), await rasterised()];
  assert(f1 > f0, 'the mouse move drew no frame');
  assert(r1 === r0, `${r1 - r0} of ${f1 - f0} frames were rasterised for a move over an empty spot`);
  const button = (await widgets(page)).find((w) => w.kind === 'button' && w.x >= 0 && w.y >= 0 && w.w > 8);
  assert(button, 'no button on the screen');
  await page.mouse.move(button.x + button.w / 2, button.y + button.h / 2);
  await waitForFrames(page, f1 + 2);
  await settle(page);
  const [f2, r2] = [await frames(page), await rasterised()];
  assert(r2 > r1, `hovering ${button.id} put no new picture on the canvas`);
  assert(r2 - r1 <= 2, `hovering ${button.id}: ${r2 - r1} of ${f2 - f1} frames rasterised`);
  await page.mouse.move(5, 5);
  await settle(page);
  return `empty spot: 0 of ${f1 - f0} frames rasterised; ${button.id}: ${r2 - r1} of ${f2 - f1}`;
});

// ---------------------------------------------------------------- text input through the proxy
let field = null;
await check.quick('a click on a text field focuses the proxy, on the field', async () => {
  field = await findTextField(page, (p) => page.mouse.click(p.x, p.y));
  if (!field) return 'skipped: no text field found';
  await page.mouse.click(field.x + field.w - 4, field.y + field.h / 2);
  await waitFor(page, () => document.activeElement?.id === 'herreg-text');
  await settle(page);
  const left = await proxyLeft(page);
  const top = await page.evaluate(() => parseFloat(document.getElementById('herreg-text').style.top));
  assert(left >= field.x - 2 && left <= field.x + field.w + 2 && top >= field.y - 2 && top <= field.y + field.h + 2,
    `proxy at ${left},${top}, field "${field.id}" at ${field.x},${field.y} ${field.w}x${field.h}`);
  return field.id;
});

let charWidth = 0;
await check.quick('typed characters arrive once; Backspace deletes one each', async () => {
  if (!field) return 'skipped: no text field';
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await settle(page);
  const c0 = await proxyLeft(page);
  await page.keyboard.type('888888');
  await settle(page);
  const c6 = await proxyLeft(page);
  // The proxy holds what the field holds (a screen reader reads it), doubled characters included.
  assert((await proxyValue(page)) === '888888', `the proxy holds "${await proxyValue(page)}" after typing 888888`);
  charWidth = (c6 - c0) / 6;
  assert(charWidth >= 3, `the text cursor moved ${c6 - c0} px for 6 characters`);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await settle(page);
  const c3 = await proxyLeft(page);
  // Doubled characters: 12 typed, 3 deleted -> the cursor goes back a quarter, not half.
  const back = (c6 - c3) / (c6 - c0);
  assert(Math.abs(back - 0.5) < 0.12, `3 Backspaces after 6 characters moved the cursor back ${(back * 100).toFixed(0)} %`);
  assert((await proxyValue(page)) === '888', `the proxy holds "${await proxyValue(page)}" after 3 Backspaces`);
  return `${charWidth.toFixed(1)} px a character`;
});

// The textarea's own edits, as a phone keyboard or an input method makes them: the key is 229
// ("Unidentified", GLFW sees none) and the textarea changes itself; the field follows.
const editProxy = (page, edit) => page.evaluate((edit) => {
  const p = document.getElementById('herreg-text');
  p.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true }));
  const before = new InputEvent('beforeinput', { inputType: edit.type, data: edit.text ?? null, bubbles: true, cancelable: true });
  p.dispatchEvent(before);
  if (!before.defaultPrevented) {
    if (edit.at !== undefined) p.setSelectionRange(edit.at, edit.at);
    const at = p.selectionStart;
    if (edit.type === 'deleteContentBackward') p.setRangeText('', at - 1, at, 'end');
    else p.setRangeText(edit.text, at, p.selectionEnd, 'end');
    p.dispatchEvent(new InputEvent('input', { inputType: edit.type, data: edit.text ?? null, bubbles: true }));
  }
  p.dispatchEvent(new KeyboardEvent('keyup', { key: 'Unidentified', keyCode: 229, bubbles: true }));
  return before.defaultPrevented;
}, edit);

await check.quick('Android Backspace (key 229, the textarea deletes) deletes one character, also in the middle', async () => {
  if (!field || !charWidth) return 'skipped: no text field';
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1234');
  await settle(page);
  const c0 = await proxyLeft(page);
  assert(!(await editProxy(page, { type: 'deleteContentBackward' })), 'the textarea was stopped from deleting');
  await settle(page);
  const c1 = await proxyLeft(page);
  assert(Math.abs((c0 - c1) - charWidth) < charWidth * 0.4, `the cursor moved back ${c0 - c1} px (a character: ${charWidth.toFixed(1)})`);
  assert((await proxyValue(page)) === '123', `after one Backspace the field holds "${await proxyValue(page)}"`);
  await editProxy(page, { type: 'deleteContentBackward', at: 2 });   // between 2 and 3
  await settle(page);
  assert((await proxyValue(page)) === '13', `a Backspace after "12" left "${await proxyValue(page)}"`);
  await editProxy(page, { type: 'insertText', text: '9' });   // the cursor is where the 2 was
  await settle(page);
  assert((await proxyValue(page)) === '193', `"9" typed there gave "${await proxyValue(page)}"`);
});

await check.quick('pasted / composed text (an input event on the proxy) reaches the field at the cursor', async () => {
  if (!field || !charWidth) return 'skipped: no text field';
  const c0 = await proxyLeft(page);
  const before = await proxyValue(page);
  await page.evaluate(() => {
    const p = document.getElementById('herreg-text');
    p.setRangeText('7\r\n7', p.selectionStart, p.selectionEnd, 'end');
    p.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  });
  await settle(page);
  const c1 = await proxyLeft(page);
  assert(c1 - c0 >= charWidth * 0.6, `the cursor moved ${c1 - c0} px`);
  // A one-line field takes no line break.
  assert((await proxyValue(page)) === before.slice(0, 2) + '77' + before.slice(2), `"7 7" inserted into "${before}" gave "${await proxyValue(page)}"`);
  // What an IME commits arrives the same way (CDP Input.insertText: no key events).
  const c2 = await proxyLeft(page);
  await page.keyboard.insertText('77');
  await settle(page);
  const c3 = await proxyLeft(page);
  assert(Math.abs((c3 - c2) - 2 * charWidth) < charWidth * 0.6, `2 inserted characters moved the cursor ${c3 - c2} px`);
  // A composition is left alone until it ends, then goes in where it was composed.
  const b2 = await proxyValue(page);
  await page.evaluate(() => {
    const p = document.getElementById('herreg-text');
    p.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    p.setSelectionRange(0, 0);
    p.setRangeText('5', 0, 0, 'end');
    p.dispatchEvent(new InputEvent('input', { inputType: 'insertCompositionText', data: '5', isComposing: true, bubbles: true }));
  });
  await settle(page);
  assert((await proxyValue(page)) === '5' + b2, `the composition was overwritten: "${await proxyValue(page)}"`);
  await page.evaluate(() => document.getElementById('herreg-text').dispatchEvent(new CompositionEvent('compositionend', { data: '5' })));
  await settle(page);
  assert((await proxyValue(page)) === '5' + b2, `after the composition ended the field holds "${await proxyValue(page)}"`);
});

await check.quick('Ctrl+V from the clipboard: all of the text arrives, paste after paste (Ctrl is still held when it comes)', async () => {
  if (!field || !charWidth) return 'skipped: no text field';
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate(() => navigator.clipboard.writeText('123'));
  const moved = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await settle(page);
    const c0 = await proxyLeft(page);
    await page.keyboard.press('Control+V');
    await settle(page);
    moved.push(((await proxyLeft(page)) - c0) / charWidth);
  }
  assert(moved.every((m) => Math.abs(m - 3) < 0.6), `the cursor moved ${moved.map((m) => m.toFixed(1)).join(', ')} characters for 5 pastes of 3`);
  return `${moved.length} pastes of 3 characters`;
});

await check.quick('Escape ends text input: the keyboard focus goes back to the canvas', async () => {
  if (!field) return 'skipped: no text field';
  await page.keyboard.press('Escape');
  await waitFor(page, () => document.activeElement?.id === 'canvas');
  await settle(page);
});

// The page-hidden handler draws frames back to back; two within the browser's coarsened clock
// gave ImGui a zero time step, and it aborted ("Need a positive DeltaTime!"): once in CI.
// Here the clock stands still for them.
await check.quick('frames with no time between them (leaving the page) do not stop the app', async () => {
  const before = await frames(page);
  await page.evaluate(() => {
    const now = performance.now.bind(performance);
    const t = now();
    performance.now = () => t;
    try {
      window.dispatchEvent(new Event('pagehide'));
    } finally {
      performance.now = now;
    }
  });
  const after = await frames(page);
  assert(after >= before + 3, `the pagehide handler drew ${after - before} frames`);
  assert(!(await page.evaluate(() => document.documentElement.classList.contains('herreg-failed'))), 'the app stopped');
  await page.mouse.move(20, 20);
  await waitForFrames(page, after + 1);   // still drawing
  return `${after - before} frames in one instant`;
});

await check.quick('the wheel scrolls the right way (down moves content up)', async () => {
  const size = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  const below = (await widgets(page)).find((w) => w.y > size.h && w.role !== 'text');
  if (!below) return 'skipped: nothing below the window to scroll to';
  await page.mouse.move(size.w / 2, size.h / 2);
  await page.mouse.wheel(0, 100);  // one notch
  await settle(page);
  const moved = (await widgets(page)).find((w) => w.id === below.id);
  assert(moved && moved.y < below.y, `"${below.id}" went from y ${below.y} to ${moved?.y}`);
  assert(below.y - moved.y < size.h, `one notch scrolled ${below.y - moved.y} px`);
  await page.mouse.wheel(0, -1000);
  await settle(page);
  return `one notch: ${Math.round(below.y - moved.y)} px`;
});

await check.quick('localStorage keys all start with "herreg."', async () => {
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const bad = keys.filter((k) => !k.startsWith('herreg.'));
  assert(bad.length === 0, `unprefixed keys: ${bad.join(', ')}`);
  return keys.length ? keys.join(', ') : 'skipped: nothing stored yet';
});

problems.push(...seen);
await context.close();

// ---------------------------------------------------------------- touch screen
const touch = await env.browser.newContext({ viewport: { width: 800, height: 700 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
touch.setDefaultTimeout(patience());
const phone = await touch.newPage();
const seen2 = watch(phone, env.url);

await check.quick('touch: a tap presses once (no emulated mouse events after it)', async () => {
  await phone.goto(`${env.url}?lang=en&register=kp`, { waitUntil: 'load' });
  await waitForFrames(phone, 5);
  await settle(phone);
  await phone.evaluate(() => {
    window.herregTestMouse = 0;
    window.addEventListener('mousedown', () => { window.herregTestMouse++; }, true);
  });
  const before = await frames(phone);
  await phone.touchscreen.tap(5, 5);
  await waitForFrames(phone, before + 2);
  await settle(phone);
  const mice = await phone.evaluate(() => window.herregTestMouse);
  assert(mice === 0, `${mice} mousedown events after one tap`);
});

await check.quick('touch: a tap on a text field focuses the proxy inside the touch event', async () => {
  const f = await findTextField(phone, (p) => phone.touchscreen.tap(p.x, p.y));
  if (!f) return 'skipped: no text field found';
  await phone.touchscreen.tap(f.x + f.w / 2, f.y + f.h / 2);
  // No waiting for a frame: the focus must have happened in the touchend handler.
  const id = await activeId(phone);
  assert(id === 'herreg-text', `focus on "${id}" right after the tap`);
  await settle(phone);
  const held = await proxyValue(phone);
  await phone.keyboard.insertText('12');
  await settle(phone);
  assert((await proxyValue(phone)).includes('12') && (await proxyValue(phone)).length === held.length + 2,
    `"12" typed into a field holding "${held}": the proxy holds "${await proxyValue(phone)}"`);
  assert((await activeId(phone)) === 'herreg-text', 'the proxy lost the focus while typing');
  return f.id;
});

await check.quick('touch: a tap beside the fields gives the focus back to the canvas', async () => {
  if ((await activeId(phone)) !== 'herreg-text') return 'skipped: the proxy was not focused';
  const size = await phone.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  const map2 = await widgets(phone);
  const free = [[3, 3], [size.w - 3, size.h - 3], [3, size.h - 3], [size.w - 3, 3]]
    .find(([x, y]) => !map2.some((w) => x >= w.x && x <= w.x + w.w && y >= w.y && y <= w.y + w.h));
  if (!free) return 'skipped: no free spot';
  await phone.touchscreen.tap(free[0], free[1]);
  await waitFor(phone, () => document.activeElement?.id === 'canvas');
  await settle(phone);
});

problems.push(...seen2);
await touch.close();

// ---------------------------------------------------------------- dark theme from the address
const dark = await env.browser.newContext({ viewport: { width: 640, height: 480 } });
dark.setDefaultTimeout(patience());
const page3 = await dark.newPage();
const seen3 = watch(page3, env.url);

await check.quick('?theme=dark: dark page behind the canvas, before and after start', async () => {
  await page3.goto(`${env.url}?theme=dark`, { waitUntil: 'domcontentloaded' });
  const early = await page3.evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]);
  assert(early[0] === 'dark', `data-theme "${early[0]}" before start`);
  await waitForFrames(page3, 5);
  const m = await page3.evaluate(() => ({ theme: document.documentElement.dataset.theme, bg: getComputedStyle(document.body).backgroundColor,
                                          search: location.search }));
  assert(m.theme === 'dark', `data-theme "${m.theme}"`);
  const [r, g, b] = m.bg.match(/\d+/g).map(Number);
  assert(0.2126 * r + 0.7152 * g + 0.0722 * b < 60, `page background ${m.bg} is not dark`);
  assert(/[?&]theme=dark\b/.test(m.search), `address ${m.search}`);
  return m.bg;
});

problems.push(...seen3);
await dark.close();

await check.quick('no console errors, page errors, failed or outside requests', async () => {
  assert(problems.length === 0, `\n    ${problems.join('\n    ')}`);
});

await env.tearDown();
