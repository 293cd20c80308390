// Screen readers (issue 18), a first part: names. Each widget the app draws reports its
// accessible name with it, the words a person reads on it or in the label above it, and the
// text field a screen reader is in is named after the field being edited (it was "Tekstveld /
// Text field" for every field).
//  - on every step of a portfolio with an application, each button, choice, step and text
//    field in the widget map has a name, and no two text fields on a step share one;
//  - Tab into a field: the focused textbox in the accessibility tree has the field's label
//    as its name (read with Playwright's role locator, as a screen reader computes it), in
//    Dutch and in English, and it follows the keyboard from field to field.
//
//   node --test tests/browser/a11y.test.mjs      (after the web build)
//
// Run by `node --test` (see harness.mjs for the tiers).
import { assert, check, openPage, settled, startSite, waitForFrames } from './harness.mjs';
import { click, findWidget, widgets } from './ui-driver.mjs';

const env = await startSite();
const NAMED = new Set(['button', 'checkbox', 'tab', 'text_field', 'combo']);

await check.quick('every button, choice, step and text field of every step has a name; no two fields of a step share one', async () => {
  const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-21-reentry-group-1-application`);
    await waitForFrames(page, 3);
    const counts = [];
    for (let n = 1; n <= 6; n++) {
      await click(page, `step.${n}`);
      await settled(page);
      const all = (await widgets(page)).filter((w) => NAMED.has(w.kind) && !/\.title$/.test(w.id));
      const nameless = all.filter((w) => !w.name?.trim()).map((w) => `${w.id} (${w.kind})`);
      assert(nameless.length === 0, `step ${n}: no name for ${nameless.join(', ')}`);
      const fields = all.filter((w) => w.kind === 'text_field').map((w) => w.name);
      const twice = fields.filter((x, i) => fields.indexOf(x) !== i);
      assert(twice.length === 0, `step ${n}: fields share a name: ${[...new Set(twice)].join(', ')}`);
      counts.push(`${n}: ${all.length}`);
    }
    return `named widgets per step ${counts.join(', ')}`;
  } finally {
    await context.close();
  }
});

// The textbox that has the focus, found as a screen reader finds it: by role and name.
async function focusedTextboxIs(page, name) {
  return page.getByRole('textbox', { name, exact: true }).evaluate((el) => el === document.activeElement).catch(() => false);
}

await check.quick('a screen reader hears the label of the field being typed in, and the next one after Tab (nl, en)', async () => {
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

await env.tearDown();
