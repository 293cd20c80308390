// The wizard end to end, through the real UI in headless Chromium: for one case per scheme
// of tests/cases/, a new user's path (register, dates, hours, activities, thresholds) is
// clicked and typed, and the verdict, criteria and dates the page mirrors into its ARIA live
// region must equal what the CLI says for the same case file. Then every sample opens by
// name (?sample=) with the CLI's verdict; autosave survives a reload; an idle page draws no
// frames; a phone-sized, touch page opens the keyboard proxy on a tap; light and dark.
//
//   node --test tests/browser/wizard.test.mjs      (after the native and web builds)
//
// The default tier types in one scenario and opens one sample of each outcome family by
// name; `--all` types in every scenario and opens every sample.
//
// Screenshots: build/screenshots/wizard-*.png. Run by `node --test` (see harness.mjs for the tiers).
import { readdirSync } from 'node:fs';
import { assert, check, openPage, saveScreenshot, settled, startSite, waitForFrames } from './harness.mjs';
import { CASES, cliText, enterPortfolio, readCase, SCENARIOS, shot } from './scenarios.mjs';
import { assertLinesIn, blur, click, findWidget, mirror, nextFrames, reveal, type, waitForMirror, widgets } from './ui-driver.mjs';

const QUICK_SCENARIOS = new Set(['kp-19-planned-activities']);   // typed in by the default tier

const env = await startSite();
const newPage = (options = {}) => openPage(env, { viewport: { width: 1280, height: 900 }, ...options });

// ---------------------------------------------------------------- one scenario per scheme
for (const [i, name] of SCENARIOS.entries()) {
  await check(`scenario ${name}: typed in through the wizard, the verdict equals the CLI's`, async () => {
    const c = readCase(name);
    const { context, page, problems } = await newPage();
    try {
      await page.goto(`${env.url}?lang=nl`);
      await waitForFrames(page, 3);
      await enterPortfolio(page, c.portfolio, i === 1 ? `wizard-${name}` : null);
      await nextFrames(page, 3);
      await shot(page, `wizard-${name}-5-result.png`);
      const expected = cliText(c.portfolio);
      assert(expected.length > 0, 'CLI printed nothing');
      assertLinesIn(await mirror(page), expected, name);
      assert(problems.length === 0, problems.join('; '));
      return `${c.expected?.regime ?? c.expected?.meets ?? ''}`;
    } finally {
      await context.close();
    }
  }, { quick: QUICK_SCENARIOS.has(name) });
}

// ---------------------------------------------------------------- every sample by name
// One page opens sample after sample (nl and en in turn); the default tier opens the first
// sample of each outcome family (the expected regime, or none given).
const SAMPLES = readdirSync(CASES).filter((f) => f.endsWith('.json') && !f.startsWith('error-')).map((f) => f.slice(0, -5)).sort();
const family = (name) => readCase(name).expected?.regime ?? 'unknown';
const FIRST_OF_FAMILY = new Set(SAMPLES.filter((n, i) => SAMPLES.findIndex((m) => family(m) === family(n)) === i));
let samplePage = null;
for (const [k, name] of SAMPLES.entries()) {
  const lang = k % 2 ? 'en' : 'nl';
  await check(`sample ${name} (${family(name)}) opens by name with the CLI verdict (${lang})`, async () => {
    samplePage ??= await newPage();
    const { page } = samplePage;
    await page.goto(`${env.url}?lang=${lang}&sample=${name}`);
    await waitForFrames(page, 3);
    const expected = cliText(readCase(name).portfolio, lang);
    await waitForMirror(page, (m) => m.includes('Criteria'), `${name}: no result in the mirror`);
    assertLinesIn(await mirror(page), expected, `${name} (${lang})`);
  }, { quick: FIRST_OF_FAMILY.has(name) });
}
if (samplePage) await samplePage.context.close();

// ---------------------------------------------------------------- autosave and restore
await check('reload offers the autosaved data back, and restoring it gives the same result', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl`);
    await waitForFrames(page, 3);
    const c = readCase('kp-02-dispensation');
    await enterPortfolio(page, c.portfolio, null);
    await nextFrames(page, 3);
    const before = await mirror(page);
    const stored = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
    assert(stored && JSON.parse(stored).register === 'kp', 'nothing autosaved under herreg.portfolio');
    await page.reload();
    await waitForFrames(page, 3);
    await findWidget(page, 'restore.yes');
    await shot(page, 'wizard-restore-offer.png');
    await click(page, 'restore.yes');
    assert((await widgets(page)).some((w) => w.id === 'nav.back'), 'not back on the step the user was on');
    await nextFrames(page, 3);
    assertLinesIn(await mirror(page), cliText(c.portfolio), 'restored');
    assert(before.includes('Dispensatie') || before.includes('dispensatie'), 'first run did not reach dispensation');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- render on demand
await check.quick('an idle page draws no frames for 3 seconds', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?sample=kp-02-dispensation`);
    await waitForFrames(page, 3);
    await settled(page);   // the post-load frames have run out
    const a = await page.evaluate(() => window.herregFrames);
    // The property under test is a span of time: three seconds of nothing drawn.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const b = await page.evaluate(() => window.herregFrames);
    assert(a === b, `frames went from ${a} to ${b} while idle`);
    await page.mouse.move(300, 300);
    await waitForFrames(page, b + 1);   // and input wakes it up again
    return `${a} frames, flat`;
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- phone, touch, dark
await check.quick('phone (360x740, touch): the wizard fits and a tap on a text field opens the keyboard proxy', async () => {
  const { context, page } = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  try {
    await page.goto(`${env.url}?lang=nl&register=kp`);
    await waitForFrames(page, 3);
    await shot(page, 'wizard-phone-0-welcome.png');
    await page.touchscreen.tap(...center(await reveal(page, 'welcome.start')));
    await nextFrames(page, 3);
    await shot(page, 'wizard-phone-1-register.png');
    await page.touchscreen.tap(...center(await reveal(page, 'nav.next')));
    await nextFrames(page, 3);
    const field = await reveal(page, 'period_start');
    await page.touchscreen.tap(...center(field));
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'herreg-text', `after the tap the focus is on "${focused}", not the keyboard proxy`);
    await page.keyboard.type('01-12-2021');
    await settled(page);
    await shot(page, 'wizard-phone-2-dates.png');
    const all = await widgets(page);
    const wide = all.filter((w) => w.x < -1 || w.x + w.w > 361);
    assert(wide.length === 0, `widgets outside the 360 px width: ${wide.map((w) => w.id).join(', ')}`);
    await page.goto(`${env.url}?lang=nl&sample=kp-02-dispensation`);
    await waitForFrames(page, 3);
    await shot(page, 'wizard-phone-5-result.png');
  } finally {
    await context.close();
  }
});

await check.quick('dark theme from ?theme=dark, every step', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=en&theme=dark&sample=kp-05-reentry-group-2`);
    await waitForFrames(page, 3);
    for (let n = 1; n <= 5; n++) {
      await click(page, `step.${n}`);
      await shot(page, `wizard-dark-${n}.png`);
    }
    const bg = await page.evaluate(() => document.documentElement.dataset.theme);
    assert(bg === 'dark', `page theme is "${bg}"`);
  } finally {
    await context.close();
  }
});


function center(w) {
  return [w.x + w.w / 2, w.y + w.h / 2];
}

await env.tearDown();
