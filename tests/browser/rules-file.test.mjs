// An association's own rules file in the app (File > "Regelbestand openen…"):
//  - a broken copy of rules/kp.json is refused: a dialog lists every problem with its JSON path
//    (the same list `herreg validate-rules` prints), and the result does not change;
//  - the same at phone width (390 x 844): the list scrolls, the close button stays on screen;
//  - an edited, valid copy is taken: the result follows it, equal to what
//    `herreg assess --rules DIR` says with that file, and the result and the form say that
//    own rules are in use.
//
//   node tests/browser/rules-file.test.mjs   (after both builds; HERREG_SITE, HERREG_CLI to choose)
//
// Screenshots: build/screenshots/rules-refused-desktop.png, rules-refused-phone.png,
// rules-own-in-use.png. Run by `node --test` (see harness.mjs for the tiers).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, openPage, ROOT, saveScreenshot, startSite, waitForFrames } from './harness.mjs';
import { assertLinesIn, click, findWidget, nextFrames, waitForMirror } from './ui-driver.mjs';

const CLI = process.env.HERREG_CLI ?? path.join(ROOT, 'build', 'native', 'herreg');
const SAMPLE = 'kp-02-dispensation';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-rules-'));
const kp = () => JSON.parse(readFileSync(path.join(ROOT, 'rules', 'kp.json'), 'utf8'));
const portfolio = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'cases', `${SAMPLE}.json`), 'utf8')).portfolio;

// A copy of kp.json with six mistakes an association could make.
function brokenRules() {
  const r = kp();
  const v = r.versions[0];
  r.name.nl = 3;
  v.source = 5;
  v.criteria.hours.value = '1600';
  delete v.criteria.points_total.source;
  v.criteria.points_bogus = { value: 1, source: 'x' };
  v.schemes.points_short.temporary_months.value = -1;
  return r;
}
const BROKEN_PATHS = ['name.nl', 'versions[0].source', 'versions[0].criteria.hours.value', 'versions[0].criteria.points_total.source',
  'versions[0].criteria.points_bogus', 'versions[0].schemes.points_short.temporary_months.value'];

// A copy with the association's own number: 180 points in total instead of 160, so the
// sample is still short (a dispensation, with its form) but by 60 points instead of 40.
function ownRules() {
  const r = kp();
  r.versions[0].criteria.points_total.value = 180;
  return r;
}

// What the CLI says about the sample with these rules (or the built-in ones).
function cliText(rules) {
  const file = path.join(tmp, 'p.json');
  writeFileSync(file, JSON.stringify(portfolio));
  const args = ['assess', '--text', '--lang', 'nl'];
  if (rules) {
    const dir = mkdtempSync(path.join(tmp, 'rules-'));
    writeFileSync(path.join(dir, 'kp.json'), JSON.stringify(rules));
    args.push('--rules', dir);
  }
  try {
    return execFileSync(CLI, [...args, file], { encoding: 'utf8' });
  } catch (err) {
    return err.stdout?.toString() ?? '';
  }
}

function validateRules(rules) {
  const dir = mkdtempSync(path.join(tmp, 'check-'));
  writeFileSync(path.join(dir, 'kp.json'), JSON.stringify(rules, null, 1));
  try {
    return execFileSync(CLI, ['validate-rules', dir], { encoding: 'utf8' });
  } catch (err) {
    return err.stdout?.toString() ?? '';
  }
}

async function openRules(page, name, rules) {
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'menu.rules');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rules, null, 1)) });
}

const REFUSED = 'Dit regelbestand wordt niet gebruikt';
const OWN = 'Eigen regels in gebruik';

const env = await startSite();
await check.quick('the CLI agrees the broken file has these problems, and the own numbers change the outcome', async () => {
  const out = validateRules(brokenRules());
  for (const p of BROKEN_PATHS) assert(out.includes(`kp.json: ${p}:`), `validate-rules does not name ${p}:\n${out}`);
  assert(cliText(ownRules()) !== cliText(null), 'the own rules give the same outcome: the test would prove nothing');
  return `${BROKEN_PATHS.length} problems`;
});

for (const [name, options] of [['desktop', { viewport: { width: 1280, height: 800 } }],
  ['phone', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 }]]) {
  await check(`${name}: a broken rules file is refused, every problem listed with its path, the result unchanged`, async () => {
    const { context, page, problems } = await openPage(env, options);
    try {
      await page.goto(`${env.url}?lang=nl&sample=${SAMPLE}`);
      await waitForFrames(page, 3);
      const before = await waitForMirror(page, (m) => m.includes('Criteria'), 'the sample should show its result');
      assertLinesIn(before, cliText(null), 'the sample with the built-in rules');
      await openRules(page, 'vereniging-kp.json', brokenRules());
      const text = await waitForMirror(page, (m) => m.includes(REFUSED), 'no refusal');
      assert(text.includes('herreg vond 6 problemen in vereniging-kp.json'), `the count: ${text.slice(0, 300)}`);
      for (const p of BROKEN_PATHS) assert(text.includes(`- ${p}: `), `the dialog does not list ${p}:\n${text}`);
      // In Dutch: not the core's English.
      assert(text.includes('- versions[0].criteria.hours.value: hier hoort een getal, maar er staat tekst "1600"'), text);
      assert(text.includes(before.trim()), 'the result under the dialog changed');
      // The dialog fits: its close button and list are on screen.
      await nextFrames(page, 3);
      const close = await findWidget(page, 'rules.close');
      const list = await findWidget(page, 'rules.list');
      const vp = page.viewportSize();
      assert(close.y + close.h <= vp.height && close.x + close.w <= vp.width && list.x >= 0 && list.x + list.w <= vp.width,
        `dialog out of the window: close ${JSON.stringify(close)}, list ${JSON.stringify(list)}`);
      await saveScreenshot(`rules-refused-${name}.png`, await page.screenshot());
      await click(page, 'rules.close');
      const after = await waitForMirror(page, (m) => !m.includes(REFUSED), 'the dialog should close');
      assert(after.trim() === before.trim(), `the result changed:\n${after}`);
      assert(!after.includes(OWN), 'own rules said to be in use');
      assert(problems.length === 0, problems.join('; '));
    } finally {
      await context.close();
    }
  }, { quick: name === 'desktop' });
}

await check.quick('a valid edited rules file is taken: the result follows it (as the CLI with --rules), the note shows', async () => {
  const { context, page, problems } = await openPage(env, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${env.url}?lang=nl&sample=${SAMPLE}`);
    await waitForFrames(page, 3);
    await waitForMirror(page, (m) => m.includes('Criteria'), 'the sample should show its result');
    await openRules(page, 'vereniging-kp.json', ownRules());
    const text = await waitForMirror(page, (m) => m.includes(OWN), 'no note that own rules are in use');
    assert(text.includes('Eigen regels geladen uit vereniging-kp.json'), `no banner: ${text}`);
    assertLinesIn(text, cliText(ownRules()), 'the result with the own rules');
    assert(/180/.test(text) && !/160/.test(text.split('Criteria')[1] ?? ''), `the criteria do not follow the own rules:\n${text}`);
    await nextFrames(page, 3);
    await saveScreenshot('rules-own-in-use.png', await page.screenshot());
    // The form (step 6, a dispensation) says it too.
    await click(page, 'step.6');
    await waitForMirror(page, (m) => m.includes(OWN) && /Stap 6/.test(m), 'the form should say own rules are in use');
    // Another broken file now: refused, and the own rules stay.
    await openRules(page, 'kapot.json', brokenRules());
    await waitForMirror(page, (m) => m.includes(REFUSED), 'no refusal');
    await click(page, 'rules.close');
    await click(page, 'step.5');
    assertLinesIn(await waitForMirror(page, (m) => m.includes(OWN) && /Stap 5/.test(m), 'own rules gone'), cliText(ownRules()), 'after the refusal');
    assert(problems.length === 0, problems.join('; '));
  } finally {
    await context.close();
  }
});

await env.tearDown();
