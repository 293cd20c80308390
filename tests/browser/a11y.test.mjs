// Screen readers and keyboards (issue 18): the accessibility mirror over the canvas.
//  - names: on every step of a portfolio with an application, each button, choice, step,
//    combo box and text field in the widget map has a name, and no two text fields on a step
//    share one;
//  - Tab into a field: the focused textbox in the accessibility tree has the field's label
//    as its name (read with Playwright's role locator, as a screen reader computes it), in
//    Dutch and in English, and it follows the keyboard from field to field;
//  - the mirror matches the canvas: on every step (and with a dialog open) each interactive
//    widget ImGui drew has an element in the mirror with the same role, name and rectangle
//    (within 2 px), in the same order, and there are no others; every textbox is found by
//    its visible label;
//  - the words between the widgets are in the mirror as paragraphs, in the order the page
//    shows them (a screen reader reads them, the browser's find and translation reach them):
//    on the result page the verdict, a criterion's figures, a reason, a date and what happens
//    then;
//  - the keyboard keeps its place: a dialog opened with the mouse takes the DOM focus and is
//    named by its question; deleting an activity with its button puts the focus on the next
//    stop, not back at the page's start; an invalid date is announced (role=alert) once its
//    field is left, not at each key, and describes the field meanwhile;
//  - reflow (WCAG 1.4.10) and zoom (1.4.4): at 320 CSS px wide, and at 200 % zoom of a
//    1280 x 900 window (640 x 450 CSS px at 2 device px each), nothing on any step or in the
//    share dialog lies beyond the right edge: no sideways scrolling;
//  - prefers-contrast: more selects the high-contrast palette (white or black page, black or
//    white text), also when the setting changes while the page is open, and back;
//  - axe-core finds no violation of WCAG 2.1 A/AA rules on any step, with a dialog open, in
//    both themes and both languages (the canvas' pixels are not its to see: contrast is
//    checked from the theme's colour pairs, tests/app/app-contrast.cpp).
//
//   node --test tests/browser/a11y.test.mjs      (after the web build)
//
// Run by `node --test` (see harness.mjs for the tiers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, check, nextAnimationFrame, openPage, pngStats, ROOT, saveScreenshot, settled, startSite, until, waitForFrames } from './harness.mjs';
import { click, findWidget, widgets } from './ui-driver.mjs';

const env = await startSite();
const NAMED = new Set(['button', 'checkbox', 'tab', 'text_field', 'combo']);

// `visit(page)` on a desktop page with a sample that has an application (Dutch).
async function onSample(visit) {
  const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-21-reentry-group-1-application`);
    await waitForFrames(page, 3);
    return await visit(page);
  } finally {
    await context.close();
  }
}

// A page (`device`: Playwright context options) with a sample that has an application;
// `visit(page, where)` on each of the six steps and, with `dialogs`, with the File menu open
// and then in the share dialog. Returns what each visit returned, as "where: result".
async function everyStep(query, visit, { dialogs = false, device = { viewport: { width: 1280, height: 900 } } } = {}) {
  const { context, page } = await openPage(env, device);
  try {
    await page.goto(`${env.url}?${query}&sample=kp-21-reentry-group-1-application`);
    await waitForFrames(page, 3);
    const seen = [];
    for (let n = 1; n <= 6; n++) {
      await click(page, `step.${n}`);
      await settled(page);
      seen.push(`${n}: ${await visit(page, `step ${n}`)}`);
    }
    if (dialogs) {
      await click(page, 'menu.file');
      seen.push(`menu: ${await visit(page, 'the File menu')}`);
      await click(page, 'menu.share');
      seen.push(`share dialog: ${await visit(page, 'the share dialog')}`);
    }
    return seen.join(', ');
  } finally {
    await context.close();
  }
}

await check.quick('every button, choice, step and text field of every step has a name; no two fields of a step share one', async () => {
  return `named widgets per step ${await everyStep('lang=nl', async (page, where) => {
    if (where === 'step 1') {
      // Another registration: its card's fields are named too (after its register).
      await click(page, 'other.add');
      await click(page, (await widgets(page)).find((w) => /^other\.add\./.test(w.id)).id);
      await settled(page);
    }
    const all = (await widgets(page)).filter((w) => NAMED.has(w.kind) && !/\.title$/.test(w.id));
    const nameless = all.filter((w) => !w.name?.trim()).map((w) => `${w.id} (${w.kind})`);
    assert(nameless.length === 0, `${where}: no name for ${nameless.join(', ')}`);
    const fields = all.filter((w) => w.kind === 'text_field' || w.kind === 'combo').map((w) => w.name);
    const twice = fields.filter((x, i) => fields.indexOf(x) !== i);
    assert(twice.length === 0, `${where}: fields or combo boxes share a name: ${[...new Set(twice)].join(', ')}`);
    return all.length;
  })}`;
});

// The textbox that has the focus, found as a screen reader finds it: by role and name.
async function focusedTextboxIs(page, name) {
  return page.getByRole('textbox', { name, exact: true }).evaluate((el) => el === document.activeElement).catch(() => false);
}

await check.quick('a screen reader hears the label and the text of the field being typed in, and the next one after Tab (nl, en)', async () => {
  const seen = [];
  for (const [lang, start, end] of [['nl', 'Begin van je huidige (of laatste) registratieperiode', 'Einde van de periode (mag leeg)'],
    ['en', 'Start of your current (or last) registration period', 'End of the period (may be empty)']]) {
    const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${env.url}?lang=${lang}`);
      await waitForFrames(page, 3);
      await click(page, 'welcome.start');
      await click(page, 'register.kp');
      await click(page, 'nav.next');
      await findWidget(page, 'period_start');
      await settled(page);
      const field = (await widgets(page)).find((w) => w.id === 'period_start');
      assert(field.name === start, `${lang}: the map names period_start "${field.name}"`);
      // Tab from the heading (the radio buttons before the fields are stops too) into the first field.
      for (let i = 0; i < 6 && !(await page.evaluate(() => document.activeElement?.id === 'herreg-text')); i++) {
        await page.keyboard.press('Tab');
        await settled(page);
      }
      assert(await focusedTextboxIs(page, start), `${lang}: the focused textbox is not named "${start}" but "${await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))}"`);
      // While it is typed into, the field's one textbox holds what the field holds, and its
      // cursor is where the canvas draws it (a screen reader reads both back).
      await page.keyboard.type('01-12-2021');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await settled(page);
      const box = page.getByRole('textbox', { name: start, exact: true });
      assert(await box.count() === 1, `${lang}: ${await box.count()} textboxes are named "${start}" while it is edited`);
      const snapshot = await box.ariaSnapshot();
      assert(snapshot.includes('01-12-2021'), `${lang}: while typing, the textbox reads ${snapshot}`);
      const caret = await page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]);
      assert(caret[0] === 8 && caret[1] === 8, `${lang}: after two arrows left the cursor is at ${caret}`);
      await page.keyboard.press('Tab');
      await settled(page);
      assert(await focusedTextboxIs(page, end), `${lang}: after Tab the focused textbox is named "${await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))}"`);
      seen.push(`${lang}: "${start}" > "${end}"`);
    } finally {
      await context.close();
    }
  }
  return seen.join('; ');
});

// ---------------------------------------------------------------- the mirror matches the canvas
// The roles a widget of the map has in the mirror (a step and a menu item are buttons there).
const INTERACTIVE = new Set(['button', 'link', 'textbox', 'checkbox', 'radio', 'combobox', 'option', 'step', 'menuitem']);
const mirrorRole = (role) => (role === 'step' || role === 'menuitem' || role === 'columnheader' ? 'button' : role);
// A sortable column's header is pressed through the button it holds.
const interactive = (w) => INTERACTIVE.has(w.role) || (w.role === 'columnheader' && w.sort !== undefined);

// The mirror's interactive elements, in document order: role, name (as the mirror gives it:
// aria-label, its <label>, its words) and rectangle from the canvas' top left.
async function mirrorElements(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('canvas').getBoundingClientRect();
    const roleOf = (el) => el.getAttribute('role') ?? (el.tagName === 'A' ? 'link' : el.tagName === 'BUTTON' ? 'button' : 'textbox');
    return [...document.querySelectorAll('#herreg-a11y button, #herreg-a11y a, #herreg-a11y input, #herreg-a11y textarea, #herreg-a11y [role=option]')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') ?? (el.labels?.[0]?.textContent ?? el.textContent);
        return { role: roleOf(el), name: name.trim(), x: r.left - canvas.left, y: r.top - canvas.top, w: r.width, h: r.height };
      });
  });
}

async function compareMirror(page, where) {
  await settled(page);
  const map = (await widgets(page)).filter(interactive);
  const dom = await mirrorElements(page);
  const show = (x) => `${x.role} "${x.name}" at ${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.w)}x${Math.round(x.h)}`;
  for (let i = 0; i < Math.max(map.length, dom.length); i++) {
    const w = map[i], e = dom[i];
    assert(w && e, `${where}: ${w ? `no element for widget ${i} (${w.id}: ${show(w)})` : `an element more than the canvas has: ${show(e)}`}`);
    const want = { role: mirrorRole(w.role), name: (w.role === 'combobox' ? w.name : w.name ?? '').trim() };
    assert(e.role === want.role && e.name === want.name, `${where}: widget ${w.id} is ${want.role} "${want.name}", its element ${show(e)}`);
    for (const k of ['x', 'y', 'w', 'h']) assert(Math.abs(e[k] - w[k]) <= 2, `${where}: ${w.id} lies at ${show(w)}, its element at ${show(e)}`);
  }
  // Every field is found by its visible label, as a screen reader (and Playwright) names it.
  for (const w of map.filter((x) => x.role === 'textbox' && !x.editing)) {
    const n = await page.getByRole('textbox', { name: w.name, exact: true }).count();
    assert(n >= 1, `${where}: no textbox is named "${w.name}" (${w.id})`);
  }
  return map.length;
}

await check.quick('the mirror has one element per widget, with its role, name and place, on every step and in a dialog', async () => {
  return `interactive widgets ${await everyStep('lang=nl', async (page, where) => {
    let count = await compareMirror(page, where);
    if (where === 'step 5') {
      // Scrolled by the wheel, a notch at a time: the mirror moves as one and places again what
      // moved otherwise (web_platform.cpp, sync_mirror); back at the top all is where it was.
      const top = async () => (await widgets(page)).find((w) => w.role === 'heading').y;
      const before = await top();
      await page.mouse.move(640, 500);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 60);
      count = `${count}, scrolled by ${Math.round(before - (await top()))} px ${await compareMirror(page, 'the result page, scrolled down')}`;
      assert(await top() < before - 100, `the wheel moved the result page's heading from ${before} to ${await top()}`);
      for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -60);
      await compareMirror(page, 'the result page, scrolled back');
    }
    if (where === 'the share dialog') {
      const dialog = await page.evaluate(() => {
        const d = document.querySelector('#herreg-a11y [role=dialog]');
        const outside = [...document.querySelectorAll('#herreg-a11y > :not([role=dialog])')];
        return { name: d?.getAttribute('aria-label') ?? d?.getAttribute('aria-labelledby'), modal: d?.getAttribute('aria-modal'),
          inert: outside.length > 0 && outside.every((el) => el.inert) };
      });
      assert(dialog.modal === 'true' && dialog.name, `the share dialog is no named modal dialog: ${JSON.stringify(dialog)}`);
      assert(dialog.inert, 'the page behind the share dialog is not inert');
      // The link is a read-only textbox holding the link; focusing it reaches the box on the canvas.
      const share = (await widgets(page)).find((w) => w.id === 'share.link');
      const link = page.getByRole('textbox', { name: share.name, exact: true });
      assert(await link.getAttribute('readonly') !== null, 'the share link\'s textbox is not read-only');
      assert((await link.inputValue()).includes('#'), `the share link's textbox holds "${await link.inputValue()}"`);
      // The dialog gave it the DOM focus when it opened (by mouse: no ring); Tab on and back.
      assert(await link.evaluate((el) => el === document.activeElement), 'the share dialog did not focus its link');
      await page.keyboard.press('Tab');
      await settled(page);
      await page.keyboard.press('Shift+Tab');
      await settled(page);
      assert(await link.evaluate((el) => el === document.activeElement), 'Shift+Tab did not go back to the link');
      const now = (await widgets(page)).find((w) => w.id === 'share.link');
      assert(now.focused, 'focusing the share link\'s element did not put the ring on the box on the canvas');
      // Read and copied where it is: Ctrl+A in it selects the whole link.
      await page.keyboard.press('Control+a');
      const selected = await page.evaluate(() => document.activeElement.selectionEnd - document.activeElement.selectionStart);
      assert(selected === share.value.length, `Ctrl+A selected ${selected} of the link's ${share.value.length} characters`);
      await page.keyboard.press('Escape');
    }
    return count;
  }, { dialogs: true })}`;
});

// ---------------------------------------------------------------- axe-core
const AXE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axe(page, where) {
  await settled(page);
  // The page's CSP forbids inline scripts: axe is evaluated through the test's own channel.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert(found.length === 0, `${where}: axe found ${found.join('; ')}`);
  return result.passes?.length ?? 0;
}

for (const [theme, lang, quick] of [['light', 'nl', true], ['dark', 'en', false], ['dark', 'nl', false], ['light', 'en', false]]) {
  await check(`axe finds no WCAG 2.1 A/AA violation on any step or in the share dialog (${lang}, ${theme})`, async () => {
    const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${env.url}?lang=${lang}&theme=${theme}`);
      await waitForFrames(page, 3);
      await axe(page, 'welcome');
    } finally {
      await context.close();
    }
    return `rules passed: welcome, ${await everyStep(`lang=${lang}&theme=${theme}`, axe, { dialogs: true })}`;
  }, { quick });
}

// ---------------------------------------------------------------- tables
await check.quick('a table is a table: column headers, a row per line, its words in cells; a header sorts by Enter and says how', async () => {
  return onSample(async (page) => {
  await click(page, 'step.4');
  await settled(page);
  const table = page.getByRole('table');
  assert(await table.count() === 1, `the activities step has ${await table.count()} tables`);
  const headers = await table.getByRole('columnheader').allTextContents();
  assert(headers.join('|') === 'Datum|Titel|Categorie|Punten|Geaccr.', `the column headers are ${headers.join(', ')}`);
  const rows = table.getByRole('row');
  const activities = (await widgets(page)).filter((w) => /^activity\.\d+\.edit$/.test(w.id)).length;
  assert(await rows.count() === activities + 1, `${await rows.count()} rows for ${activities} activities and the header`);
  // A cell's words, under the header of its column.
  const firstRow = rows.nth(1);
  const dateCell = firstRow.getByRole('cell').first();
  assert(/^\d\d-\d\d-\d{4}$/.test((await dateCell.textContent()).trim()), `the first cell holds "${await dateCell.textContent()}"`);
  assert(await dateCell.getAttribute('aria-colindex') === '1', 'the date cell is not in column 1');
  const titles = async () => {
    const out = [];
    for (let i = 1; i < await rows.count(); i++) out.push((await rows.nth(i).locator('[aria-colindex="2"] p').first().textContent()).trim());
    return out;
  };
  const sortOf = (name) => table.getByRole('columnheader', { name, exact: true }).getAttribute('aria-sort');
  assert(await sortOf('Datum') === 'ascending', `the date column is sorted "${await sortOf('Datum')}"`);
  const before = await titles();
  // By keyboard: focus the header's button, Enter (by title, A-Z), Enter again (Z-A).
  await table.getByRole('columnheader', { name: 'Titel' }).getByRole('button').focus();
  await page.keyboard.press('Enter');
  await settled(page);
  const sorted = [...before].sort((a, b) => a.localeCompare(b, 'nl'));
  assert((await titles()).join('|') === sorted.join('|'), `after Enter on "Titel" the titles read ${(await titles()).join(', ')}`);
  assert(await sortOf('Titel') === 'ascending' && await sortOf('Datum') === null, `aria-sort: Titel ${await sortOf('Titel')}, Datum ${await sortOf('Datum')}`);
  await page.keyboard.press('Enter');
  await settled(page);
  const after = await titles();
  assert(after.join('|') === [...sorted].reverse().join('|'), `after Enter on "Titel" again the titles read ${after.join(', ')}`);
  assert(await sortOf('Titel') === 'descending', `aria-sort: Titel ${await sortOf('Titel')} after the second Enter`);
  // The hours step's table: a year per row.
  await click(page, 'step.3');
  await settled(page);
  const years = page.getByRole('table');
  assert(await years.count() >= 1, 'the hours step has no table');
  const yearHeaders = await years.first().getByRole('columnheader').allTextContents();
  assert(yearHeaders.length >= 2, `the hours table has the headers ${yearHeaders.join(', ')}`);
  return `${activities} activities, sorted by title Z-A: ${after.join(', ')}; hours table: ${yearHeaders.join(', ')}`;
  });
});

// ---------------------------------------------------------------- the words between the widgets
await check.quick('the result page\'s words are paragraphs of the mirror, in the order the page shows them', async () => {
  return onSample(async (page) => {
  await settled(page);
  const paragraphs = await page.locator('#herreg-a11y p').allTextContents();
  const expected = [
    'Je voldoet nog niet aan de criteria. Van toepassing: Herintreder groep 1.',
    'Werkervaring (uren): 600 van 1.600',
    'Je plan van aanpak laat zien hoe je het tekort aan uren compenseert: minimaal 600 uur in 12 maanden.',
    '01-02-2027 Laatste dag om in te dienen (nog 71 dagen)',
  ];
  let at = -1;
  for (const line of expected) {
    const i = paragraphs.indexOf(line);
    assert(i >= 0, `no paragraph "${line}" in the mirror (it has ${paragraphs.length}: ${paragraphs.slice(0, 8).join(' / ')} ...)`);
    assert(i > at, `"${line}" comes before the paragraph it follows on the page`);
    at = i;
  }
  // Found as the browser's find finds text: by its words.
  assert(await page.getByText('Bewijs uitvoering plan inleveren').count() >= 1, 'the dates are not found by their words');
  return `${paragraphs.length} paragraphs on the result page`;
  });
});

// The result page says what the plan brings beside what is missing (it said "Nog 40 punten
// nodig" to a member who had planned 40).
await check.quick('the result page puts what is planned beside what is missing', async () => {
  const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-20-dispensation-application`);
    await waitForFrames(page, 3);
    await settled(page);
    const paragraphs = await page.locator('#herreg-a11y p').allTextContents();
    const missing = paragraphs.indexOf('Nog 40 punten nodig.');
    const planned = paragraphs.indexOf('Punten totaal: gepland 40 van de 40 die ontbreken; je plan dekt het tekort.');
    assert(missing >= 0 && planned === missing + 1, `what is missing and what is planned: ${paragraphs.filter((t) => /nodig|gepland/.test(t)).join(' / ')}`);
    return paragraphs[planned];
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- the keyboard keeps its place
await check.quick('a dialog takes the focus and is named by its question; a deleted row leaves the focus on the next stop; an error is announced once its field is left', async () => {
  return onSample(async (page) => {
  // The clear dialog, opened with the mouse.
  await click(page, 'menu.file');
  await click(page, 'menu.clear');
  await settled(page);
  const dialog = await page.evaluate(() => {
    const d = document.querySelector('#herreg-a11y [role=dialog]');
    return { name: d?.getAttribute('aria-label'), focusIn: !!d?.contains(document.activeElement) };
  });
  assert(dialog.name?.startsWith('Al je ingevulde gegevens op dit apparaat wissen?'), `the clear dialog is named "${dialog.name}"`);
  assert(dialog.focusIn, 'the clear dialog did not take the focus');
  await page.keyboard.press('Escape');
  await settled(page);
  // Delete the first activity with its button, from the keyboard.
  await click(page, 'step.4');
  const del = page.getByRole('button', { name: /^Verwijderen: / }).first();
  const gone = await del.getAttribute('aria-label') ?? await del.textContent();
  await del.focus();
  await settled(page);
  await page.keyboard.press('Enter');
  await settled(page);
  const after = await page.evaluate(() => ({ tag: document.activeElement?.tagName, inMirror: !!document.getElementById('herreg-a11y')?.contains(document.activeElement),
    name: document.activeElement?.textContent }));
  assert(after.inMirror, `after deleting "${gone}" the focus went to ${after.tag}`);
  // An invalid date: no alert while typing, an alert once the field is left.
  await click(page, 'step.2');
  const field = page.getByRole('textbox', { name: 'Peildatum', exact: true });
  await field.focus();
  await until(() => page.evaluate(() => document.activeElement?.id === 'herreg-text'), 'typing into Peildatum did not start');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31-02-2026');
  await settled(page);
  const typing = await page.locator('#herreg-a11y [role=alert]').count();
  await page.keyboard.press('Escape');
  await settled(page);
  const left = await page.locator('#herreg-a11y [role=alert]').allTextContents();
  const described = await field.getAttribute('aria-invalid');
  assert(typing === 0, `${typing} alert(s) while the date was being typed`);
  assert(left.length === 1 && described === 'true', `after leaving the field: alerts ${JSON.stringify(left)}, aria-invalid ${described}`);
  return `clear dialog "${dialog.name.slice(0, 40)}…" focused; after "${gone}" the focus is on "${after.name}"; the error "${left[0]}" announced after the field`;
  });
});

// ---------------------------------------------------------------- reflow and zoom
for (const [label, device] of [
  ['320 px wide', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true }],
  ['200 % zoom', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
]) {
  await check.quick(`${label}: nothing on any step or in a dialog lies beyond the right edge`, async () => {
    const width = device.viewport.width;
    return `${label}: widgets ${await everyStep('lang=nl', async (page, where) => {
      const all = (await widgets(page)).filter((w) => w.role || /\.title$/.test(w.id));
      const out = all.filter((w) => w.x < -1 || w.x + w.w > width + 1).map((w) => `${w.id} (${Math.round(w.x)}..${Math.round(w.x + w.w)})`);
      assert(out.length === 0, `${label}, ${where}: beyond the edge: ${out.join(', ')}`);
      return all.length;
    }, { dialogs: true, device })}`;
  });
}

// ---------------------------------------------------------------- more contrast
await check.quick('prefers-contrast: more gives the high-contrast palette, light and dark, and follows a change of the setting', async () => {
  const seen = [];
  for (const theme of ['light', 'dark']) {
    const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${env.url}?lang=nl&theme=${theme}&sample=kp-21-reentry-group-1-application`);
      await waitForFrames(page, 3);
      await settled(page);
      const page_colour = async () => (await pngStats(page, await page.screenshot())).dominant.join(',');
      const normal = await page_colour();
      await page.emulateMedia({ contrast: 'more' });
      const high = theme === 'light' ? '255,255,255' : '0,0,0';
      await until(async () => { await nextAnimationFrame(page); await settled(page); return (await page_colour()) === high; },
        `${theme}: the page did not turn ${high} with prefers-contrast: more (it is ${await page_colour()})`);
      seen.push(`${theme} ${normal} -> ${high}: ${await saveScreenshot(`a11y-contrast-${theme}.png`, await page.screenshot())}`);
      await page.emulateMedia({ contrast: null });
      await until(async () => { await settled(page); return (await page_colour()) === normal; }, `${theme}: the page did not go back to ${normal}`);
    } finally {
      await context.close();
    }
  }
  return seen.join('; ');
});

await env.tearDown();
