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
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, openPage, ROOT, saveScreenshot, settled, startSite, waitForFrames } from './harness.mjs';
import { assertLinesIn, blur, click, dutchDate, findWidget, mirror, nextFrames, paste, reveal, type, waitForMirror, widgets } from './ui-driver.mjs';

const CLI = process.env.HERREG_CLI ?? path.join(ROOT, 'build', 'native', 'herreg');
const CASES = path.join(ROOT, 'tests', 'cases');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-wizard-'));

// One case per outcome the assessment can reach; QUICK_SCENARIOS are typed in by the default tier.
const QUICK_SCENARIOS = new Set(['kp-19-planned-activities']);
const SCENARIOS = [
  'kp-01-reregistration',
  'kp-02-dispensation',
  'kabiz-02-deferral',
  'kp-04-reentry-group-1',
  'kp-05-reentry-group-2',
  'kp-06-reentry-group-3',
  'kp-12-initial-and-periodic',
  'kp-03-not-eligible',
  'nvvpo-03-no-scheme',
  'vvocm-02-kinder-expired',
  'kabiz-06-thresholds-unknown',
  'kp-19-planned-activities',
];

const readCase = (name) => JSON.parse(readFileSync(path.join(CASES, `${name}.json`), 'utf8'));

// What the CLI says about a portfolio, as the text the app mirrors.
function cliText(portfolio, lang = 'nl') {
  const file = path.join(tmp, 'p.json');
  writeFileSync(file, JSON.stringify(portfolio));
  try {
    return execFileSync(CLI, ['assess', file, '--text', '--lang', lang], { encoding: 'utf8' });
  } catch (err) {
    return err.stdout?.toString() ?? '';   // exit 1: not eligible etc. still prints the text
  }
}

const nl = (x) => String(x).replace('.', ',');
const csvCell = (s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function shot(page, name) {
  await nextFrames(page, 2);
  return saveScreenshot(name, await page.screenshot());
}

// Types a case's portfolio into the wizard, step by step, as a user would.
async function enterPortfolio(page, p, shots) {
  await click(page, 'welcome.start');
  // 1 register
  const reg = `register.${p.register}${p.specialisation ? `.${p.specialisation}` : ''}`;
  await click(page, reg);
  if ((await widgets(page)).some((w) => w.id === 'profession') && p.profession) {
    await click(page, 'profession');
    await click(page, `profession.${p.profession}`);
  }
  if (shots) await shot(page, `${shots}-1-register.png`);
  await click(page, 'nav.next');
  // 2 dates
  const r = p.registration ?? {};
  if (r.initial === false) {
    await click(page, 'registered.no');
  } else {
    await type(page, 'period_start', dutchDate(r.period_start));
    if (r.period_end) await type(page, 'period_end', dutchDate(r.period_end));
  }
  if (p.check_date) await type(page, 'check_date', dutchDate(p.check_date));
  if (p.last_worked) await type(page, 'last_worked', dutchDate(p.last_worked));
  await blur(page);
  for (const c of p.circumstances ?? []) await click(page, `circumstance.${c}`);
  if (shots) await shot(page, `${shots}-2-dates.png`);
  await click(page, 'nav.next');
  // 3 hours: the grid for whole years inside the window, the paste box for the rest
  const rows = [];   // pasted, as from a spreadsheet
  const ids = new Set((await widgets(page)).map((w) => w.id));
  for (const h of p.hours ?? []) {
    if (h.year !== undefined && ids.has(`hours.${h.year}`)) {
      await type(page, `hours.${h.year}`, nl(h.hours));
    } else if (h.year !== undefined) {
      rows.push(`${h.year};${nl(h.hours)}`);
    } else {
      rows.push(`${h.from};${h.to};${nl(h.hours)}`);
    }
  }
  if (rows.length) {
    await paste(page, 'hours.paste', rows.join('\n'));
    await click(page, 'hours.import');
  }
  await blur(page);
  if (shots) await shot(page, `${shots}-3-hours.png`);
  await click(page, 'nav.next');
  // 4 activities: the first through the form, the rest pasted (rows as from a spreadsheet)
  const acts = p.activities ?? [];
  if (acts.length) {
    const a = acts[0];
    await click(page, 'activity.add');
    await type(page, 'activity.date', dutchDate(a.date));
    await type(page, 'activity.title', a.title);
    await type(page, 'activity.provider', a.provider);
    await click(page, 'activity.category');
    await click(page, `activity.category.${a.category}`);
    if (a.kind) {
      await click(page, 'activity.kind');
      await click(page, `activity.kind.${a.kind}`);
    }
    await type(page, 'activity.points', nl(a.points));
    if (a.accredited) await click(page, 'activity.accredited');
    if (shots) await shot(page, `${shots}-4a-activity-form.png`);
    await click(page, 'activity.done');
  }
  if (acts.length > 1) {
    const rows = acts.slice(1).map((a) =>
      [a.date, csvCell(a.title), csvCell(a.provider), a.category, nl(a.points), a.accredited ? 'ja' : 'nee', a.kind ?? ''].join(';'));
    await paste(page, 'activities.paste', rows.join('\n'));
    await click(page, 'activities.import');
  }
  await blur(page);
  if (shots) await shot(page, `${shots}-4-activities.png`);
  await click(page, 'nav.next');
  // 5 result: thresholds the sources do not give, as the user would fill them in
  for (const [id, v] of Object.entries(p.thresholds ?? {})) {
    if (v === null) continue;
    await type(page, `threshold.${id}`, nl(v));
    await blur(page);
  }
}

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
