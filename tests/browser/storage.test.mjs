// No data loss in the browser, through the real UI in headless Chromium:
//  - every change is in localStorage within moments; a reload offers it back and restoring
//    gives the same portfolio (File > Save of the restored page is the autosave);
//  - a tab closed right after the last keystroke and another tab opened in the same browser:
//    the last keystroke is there; and text that arrives in the same task as the pagehide event
//    (no frame in between) is in storage when that event's handler returns;
//  - a full localStorage (really filled, the browser's own QuotaExceededError) is reported on
//    screen and in #herreg-live, with a button that saves the data as a file; once there is
//    room again autosave resumes and the message goes;
//  - two tabs editing at once never overwrite each other silently: the tab whose save was
//    overtaken stops autosaving and shows "Deze gegevens zijn in een ander tabblad gewijzigd"
//    with three ways on (load the other's version, keep mine and save it, download mine),
//    each checked for what it does to the storage and the tab; a tab that holds nothing of
//    its own asks the restore question instead.
//
// The logic behind it (which tab writes, what each way on does, restore, a full storage) is
// tested natively in milliseconds (tests/app, through the headless platform); this file keeps
// what needs a browser: real localStorage, reloads, closed tabs, pagehide, QuotaExceededError,
// the storage event between two real tabs.
//
//   HERREG_SITE=build/web/site node --test tests/browser/storage.test.mjs
//
// Screenshots: build/screenshots/storage-*.png. Run by `node --test` (see harness.mjs for the tiers).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, openPage, saveScreenshot, settled, startSite, until, waitForFrames } from './harness.mjs';
import { blur, click, findWidget, mirror, nextFrames, toDates, type, waitForMirror } from './ui-driver.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-storage-'));
const CONFLICT = 'Deze gegevens zijn in een ander tabblad gewijzigd';
const FULL = 'de opslag van je browser is vol';

const stored = (page) => page.evaluate(() => {
  const s = localStorage.getItem('herreg.portfolio');
  return s === null ? null : JSON.parse(s);
});

// Waits until the autosave satisfies `predicate` (it is written in the frame after a change).
async function waitForStored(page, predicate, what) {
  let p = null;
  return until(async () => {
    p = await stored(page);
    return p && predicate(p) ? p : null;
  }, what).catch((err) => { throw new Error(`${err.message}; the autosave is ${JSON.stringify(p)?.slice(0, 300)}`); });
}

// Clicks `id` and returns the downloaded file's name and text.
async function download(page, id, openMenu = false) {
  if (openMenu) await click(page, 'menu.file');
  const [d] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  const file = path.join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

// The portfolio the page holds, as File > Save writes it.
async function saved(page) {
  return JSON.parse((await download(page, 'menu.save', true)).text);
}

async function start(page, query = '?lang=nl') {
  await page.goto(`${page.__base}${query}`);
  await waitForFrames(page, 3);
}

const env = await startSite();
const problems = [];
const newContext = async (options = {}) => {
  const o = await openPage(env, options);
  o.page.__base = env.url;
  o.newTab = async () => {
    const page = await o.context.newPage();
    page.__base = env.url;
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    return page;
  };
  return o;
};

// ---------------------------------------------------------------- reload and a closed tab
await check.quick('each change is autosaved at once; a reload offers it back and restoring gives the same data', async () => {
  const { context, page, problems: seen } = await newContext();
  try {
    await start(page);
    await toDates(page);
    await type(page, 'period_start', '01-12-2021');
    await type(page, 'check_date', '22-11-2026');
    await blur(page);
    const before = await waitForStored(page, (p) => p.check_date === '2026-11-22' && p.registration?.period_start === '2021-12-01',
      'the dates typed are not autosaved');
    await page.reload();
    await waitForFrames(page, 3);
    await findWidget(page, 'restore.yes');
    await click(page, 'restore.yes');
    await findWidget(page, 'period_start');   // back on the step the user was on
    const after = await saved(page);
    assert(JSON.stringify(after) === JSON.stringify(before), `restored ${JSON.stringify(after)}\n  saved ${JSON.stringify(before)}`);
    problems.push(...seen);
    return `${JSON.stringify(before).length} bytes, the same after the reload`;
  } finally {
    await context.close();
  }
});

await check('a tab closed right after the last keystroke: a new tab offers that keystroke back', async () => {
  const { context, page, newTab, problems: seen } = await newContext();
  try {
    await start(page);
    await toDates(page);
    await type(page, 'period_start', '01-12-2021');
    await waitForStored(page, (p) => p.registration?.period_start === '2021-12-01', 'period start not autosaved');
    // The last field: typed, and the tab closed at once, without waiting for a frame.
    const field = await findWidget(page, 'last_worked');
    await page.mouse.click(field.x + Math.min(field.w / 2, 40), field.y + field.h / 2);
    await page.waitForFunction(() => document.activeElement?.id === 'herreg-text');
    await page.keyboard.type('31-10-2026', { delay: 5 });
    await page.close();
    const next = await newTab();
    await start(next);
    const p = await stored(next);
    assert(p?.last_worked === '2026-10-31', `the autosave lost the last keystrokes: last_worked ${JSON.stringify(p?.last_worked)}`);
    await findWidget(next, 'restore.yes');
    await click(next, 'restore.yes');
    const back = await saved(next);
    assert(back.last_worked === '2026-10-31' && back.registration?.period_start === '2021-12-01',
      `restored ${JSON.stringify(back)}`);
    problems.push(...seen);
    return 'last_worked 31-10-2026 kept';
  } finally {
    await context.close();
  }
});

await check.quick('typed and hidden in the same moment: the app saves inside the pagehide event itself', async () => {
  const { context, page, problems: seen } = await newContext();
  try {
    await start(page);
    await toDates(page);
    const field = await findWidget(page, 'last_worked');
    await page.mouse.click(field.x + Math.min(field.w / 2, 40), field.y + field.h / 2);
    await page.waitForFunction(() => document.activeElement?.id === 'herreg-text');
    await nextFrames(page, 3);
    // One task, no frame can run in it: the text arrives (as a phone keyboard delivers it),
    // the page is hidden, and storage is read back before the task ends.
    const inTask = await page.evaluate(() => {
      const proxy = document.getElementById('herreg-text');
      proxy.value = '31-10-2026';
      proxy.dispatchEvent(new InputEvent('input', { inputType: 'insertText', bubbles: true }));
      const before = JSON.parse(localStorage.getItem('herreg.portfolio') ?? '{}').last_worked ?? null;
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      const after = JSON.parse(localStorage.getItem('herreg.portfolio') ?? '{}').last_worked ?? null;
      return { before, after };
    });
    assert(inTask.before === null, `saved before the page was hidden? ${JSON.stringify(inTask)}`);
    assert(inTask.after === '2026-10-31', `not saved inside the pagehide event: ${JSON.stringify(inTask)}`);
    problems.push(...seen);
    return JSON.stringify(inTask);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- a full localStorage
await check('a full localStorage is reported on screen and in #herreg-live, with a way on; autosave resumes when there is room', async () => {
  const { context, page, problems: seen } = await newContext({ viewport: { width: 1100, height: 800 } });
  try {
    await start(page);
    await toDates(page);
    await type(page, 'period_start', '01-12-2021');
    await blur(page);
    await waitForStored(page, (p) => p.registration?.period_start === '2021-12-01', 'period start not autosaved');
    // Fill the origin's storage for real, to the last character: new keys down to a byte, then
    // the last key grown (a new key costs its name too: up to 40 bytes would stay free, room
    // for the change below, as a CI run found).
    const filled = await page.evaluate(() => {
      let n = 0, bytes = 0;
      const fits = (key, value) => {
        try { localStorage.setItem(key, value); return true; } catch (e) {
          if (e.name !== 'QuotaExceededError') throw e;
          return false;
        }
      };
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        while (fits(`herreg.test-filler.${n}`, chunk)) { n++; bytes += size; }
      }
      const last = `herreg.test-filler.${n - 1}`;
      let value = localStorage.getItem(last);
      for (let size = 1 << 10; size >= 1; size >>= 1) {
        while (fits(last, value + 'x'.repeat(size))) { value += 'x'.repeat(size); bytes += size; }
      }
      return { n, bytes };
    });
    assert(filled.bytes > 1000, `storage would not fill: ${JSON.stringify(filled)}`);
    await type(page, 'check_date', '22-11-2026');
    await blur(page);
    const text = await waitForMirror(page, (x) => x.includes(FULL), 'no "storage full" message in #herreg-live');
    assert(!(await stored(page)).check_date, 'the autosave changed although the storage is full');
    const button = await findWidget(page, 'autosave.save_file');
    assert(button.w > 0 && button.h > 0, 'no "save as a file" button by the message');
    await nextFrames(page, 2);
    const shot = await saveScreenshot('storage-full.png', await page.screenshot());
    const file = await download(page, 'autosave.save_file');
    const data = JSON.parse(file.text);
    assert(data.check_date === '2026-11-22' && data.registration?.period_start === '2021-12-01',
      `the file ${file.name} holds ${file.text.slice(0, 200)}`);
    // Room again: the next change is saved and the message goes.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('herreg.test-filler.')).forEach((k) => localStorage.removeItem(k)));
    await type(page, 'last_worked', '31-10-2026');
    await blur(page);
    await waitForStored(page, (p) => p.check_date === '2026-11-22' && p.last_worked === '2026-10-31', 'autosave did not resume');
    await waitForMirror(page, (x) => !x.includes(FULL), 'the "storage full" message stayed');
    problems.push(...seen);
    return `${Math.round(filled.bytes / 1024)} KiB filler; "${text.split('\n').find((l) => l.includes(FULL))}"; ${shot}`;
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- two tabs
await check.quick('two tabs: the overtaken tab stops autosaving and asks; each way on does what it says', async () => {
  const { context, page: a, newTab, problems: seen } = await newContext({ viewport: { width: 1100, height: 820 } });
  try {
    // C opens first, on an empty storage: it has nothing of its own.
    const c = await newTab();
    await start(c);
    await start(a);
    await a.bringToFront();   // keys go to the tab in front, as for a person
    await toDates(a);
    await type(a, 'period_start', '01-12-2021');
    await blur(a);
    await waitForStored(a, (p) => p.registration?.period_start === '2021-12-01', 'A did not autosave');

    // C, untouched, does not claim a conflict: it offers the new data at the restore question.
    await c.bringToFront();
    await findWidget(c, 'restore.yes');
    assert(!(await mirror(c)).includes(CONFLICT), 'an untouched tab shows the conflict banner');
    await c.close();

    // B restores A's data and is now writing too.
    const b = await newTab();
    await start(b);
    await b.bringToFront();
    await click(b, 'restore.yes');
    await findWidget(b, 'period_start');

    // A changes something: B's save is overtaken.
    await a.bringToFront();
    await type(a, 'check_date', '22-11-2026');
    await blur(a);
    await waitForStored(a, (p) => p.check_date === '2026-11-22', 'A did not autosave the check date');
    await b.bringToFront();
    await waitForMirror(b, (x) => x.includes(CONFLICT), 'B shows no conflict');
    for (const id of ['tabs.load_theirs', 'tabs.keep_mine', 'tabs.download_mine']) await findWidget(b, id);
    await nextFrames(b, 2);
    const shot = await saveScreenshot('storage-two-tabs.png', await b.screenshot());

    // B types on: nothing of it reaches the storage, A's version stays.
    await type(b, 'last_worked', '31-10-2026');
    await blur(b);
    await settled(b);   // B drew the frames after its change, where its autosave would write
    let p = await stored(b);
    assert(p.check_date === '2026-11-22' && !p.last_worked, `B wrote over A: ${JSON.stringify(p)}`);

    // "Download mine": B's own data, not A's.
    const mine = JSON.parse((await download(b, 'tabs.download_mine')).text);
    assert(mine.last_worked === '2026-10-31' && !mine.check_date, `B's download holds ${JSON.stringify(mine)}`);
    assert((await mirror(b)).includes(CONFLICT), 'downloading ended the conflict');

    // "Keep mine": B's version becomes the autosave; now A is asked.
    await click(b, 'tabs.keep_mine');
    p = await waitForStored(b, (x) => x.last_worked === '2026-10-31', 'keep mine did not save B\'s version');
    assert(!p.check_date, `the autosave mixes both: ${JSON.stringify(p)}`);
    await waitForMirror(b, (x) => !x.includes(CONFLICT), 'B still shows the conflict after keeping its version');
    await a.bringToFront();
    await waitForMirror(a, (x) => x.includes(CONFLICT), 'A is not told that B kept its version');

    // "Load the other tab's version" in A: A now holds B's data; the storage is unchanged.
    await click(a, 'tabs.load_theirs');
    await waitForMirror(a, (x) => !x.includes(CONFLICT), 'A still shows the conflict after loading');
    const inA = await saved(a);
    assert(inA.last_worked === '2026-10-31' && !inA.check_date, `A holds ${JSON.stringify(inA)}`);
    assert(JSON.stringify(await stored(a)) === JSON.stringify(p), 'loading the other version changed the storage');

    // A writes again (it is the writer now), and B is asked in turn.
    await type(a, 'check_date', '01-11-2026');
    await blur(a);
    await waitForStored(a, (x) => x.check_date === '2026-11-01' && x.last_worked === '2026-10-31', 'A does not autosave after loading');
    await b.bringToFront();
    await waitForMirror(b, (x) => x.includes(CONFLICT), 'B is not asked after A saved again');
    problems.push(...seen);
    return shot;
  } finally {
    await context.close();
  }
});

await check.quick('no console errors or page errors', async () => {
  assert(problems.length === 0, `\n    ${problems.join('\n    ')}`);
});

await env.tearDown();
