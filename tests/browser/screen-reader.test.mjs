// A screen-reader user's path (issue 18): for one case of each outcome family of tests/cases/,
// the portfolio is entered through the accessibility mirror only, the way a screen reader and a
// keyboard reach it: every element is found by its role and accessible name (Playwright's role
// locators, as a screen reader's lists of buttons, fields and headings find them), focused, and
// operated with keys (Enter, Space, typing, Escape). No coordinates, no widget map, no mouse.
//   welcome -> register -> dates -> hours -> activities -> the verdict, read from the page's
//   accessibility tree (its status region) and compared with the CLI's -> the application form
//   -> its PDF downloaded (when the scheme has a form).
// Year hours are typed into their fields; periods and activities are typed as rows into the
// import boxes (as pasted from a spreadsheet) and imported with their button.
//
//   node --test tests/browser/screen-reader.test.mjs      (after the native and web builds)
//
// The default tier walks one family (re-entry group 1); `--all` walks every family.
// Run by `node --test` (see harness.mjs for the tiers).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, openPage, ROOT, settled, startSite, until, waitForFrames } from './harness.mjs';
import { dutchDate } from './ui-driver.mjs';

const CLI = process.env.HERREG_CLI ?? path.join(ROOT, 'build', 'native', 'herreg');
const CASES = path.join(ROOT, 'tests', 'cases');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-sr-'));

// One case per outcome family; the first is walked by the default tier.
const FAMILIES = [
  'kp-04-reentry-group-1',
  'kp-01-reregistration',
  'kp-02-dispensation',
  'kabiz-02-deferral',
  'kp-05-reentry-group-2',
  'kp-06-reentry-group-3',
  'vvocm-02-kinder-expired',
];

// The words a person hears for the ids a case file holds (the Dutch UI's).
const CIRCUMSTANCES = {
  illness: 'Ziekte',
  pregnancy: 'Zwangerschap',
  childcare_under_5: 'Zorg voor kinderen jonger dan 5 jaar',
  informal_care: 'Mantelzorg',
};
const CRITERIA = { hours: 'Werkervaring (uren)', points_total: 'Punten totaal' };
const rulesOf = (p) => JSON.parse(readFileSync(path.join(ROOT, 'rules',
  `${p.register}${p.specialisation ? `-${p.specialisation.replace(/_/g, '-')}` : ''}.json`), 'utf8'));

const nl = (x) => String(x).replace('.', ',');
const cell = (s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function cliText(portfolio) {
  const file = path.join(tmp, 'p.json');
  writeFileSync(file, JSON.stringify(portfolio));
  try {
    return execFileSync(CLI, ['assess', file, '--text', '--lang', 'nl'], { encoding: 'utf8' });
  } catch (err) {
    return err.stdout?.toString() ?? '';
  }
}

// ---------------------------------------------------------------- a screen reader's hands
// The element a screen reader lists under `role` with the name `name` (one, or it fails).
const the = (page, role, name, exact = false) => page.getByRole(role, { name, exact });

// Moves the focus to it (as a screen reader's "go to" does) and presses `key` there.
async function press(page, role, name, key = 'Enter', exact = false) {
  const el = the(page, role, name, exact);
  await el.focus();
  await settled(page);
  await page.keyboard.press(key);
  await settled(page);
}

// Into the field named `label`, its text replaced by `text`, and out with Escape (text kept).
async function fill(page, label, text) {
  await the(page, 'textbox', label, true).focus();
  await until(() => page.evaluate(() => document.activeElement?.id === 'herreg-text'), `typing into "${label}" did not start`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await settled(page);
}

// The step shown: its heading (the keyboard lands on it after a step change).
async function heading(page) {
  return (await page.getByRole('heading', { level: 2 }).first().textContent()).trim();
}

// The page's status region as the accessibility tree gives it (what a screen reader reads).
async function status(page) {
  return page.getByRole('status').ariaSnapshot();
}

async function next(page, expect, button = 'Volgende') {
  await press(page, 'button', button);
  await until(async () => (await heading(page)).startsWith(expect), `"Volgende" did not open "${expect}" (at "${await heading(page)}")`);
}

async function walk(page, c) {
  const p = c.portfolio;
  const rules = rulesOf(p);
  // Welcome.
  await press(page, 'button', 'Beginnen');
  await until(async () => (await heading(page)).startsWith('In welk register'), 'no register step');
  // 1 Register: the register's radio, Space; its profession from the combo box's list.
  await press(page, 'radio', rules.name.nl, 'Space', true);
  if (p.profession && rules.professions.length > 1) {
    await press(page, 'combobox', 'Beroep');
    await press(page, 'option', rules.professions.find((x) => x.id === p.profession).name.nl, 'Enter', true);
  }
  await next(page, 'Je registratie');
  // 2 Dates.
  const r = p.registration ?? {};
  if (r.initial === false) await press(page, 'radio', 'Nee, ik heb alleen een diplomaregistratie', 'Space');
  else await fill(page, 'Begin van je huidige (of laatste) registratieperiode', dutchDate(r.period_start));
  if (r.period_end) await fill(page, 'Einde van de periode (mag leeg)', dutchDate(r.period_end));
  if (p.check_date) await fill(page, 'Peildatum', dutchDate(p.check_date));
  if (p.last_worked) await fill(page, 'Wanneer werkte je voor het laatst in je beroep? (mag leeg)', dutchDate(p.last_worked));
  for (const id of p.circumstances ?? []) await press(page, 'checkbox', CIRCUMSTANCES[id], 'Space', true);
  await next(page, 'Werkervaring');
  // 3 Hours: a year's field where there is one, the rest as rows in the import box.
  const rows = [];
  for (const h of p.hours ?? []) {
    if (h.year !== undefined && await the(page, 'textbox', `Uren ${h.year}`, true).count() === 1) await fill(page, `Uren ${h.year}`, nl(h.hours));
    else rows.push(h.year !== undefined ? `${h.year};${nl(h.hours)}` : `${h.from};${h.to};${nl(h.hours)}`);
  }
  if (rows.length) await importRows(page, rows);
  await next(page, 'Deskundigheidsbevordering');
  // 4 Activities, as rows.
  const acts = (p.activities ?? []).map((a) =>
    [a.date, cell(a.title), cell(a.provider), a.category, nl(a.points), a.accredited ? 'ja' : 'nee', a.kind ?? ''].join(';'));
  if (acts.length) await importRows(page, acts);
  await next(page, 'Uitkomst', 'Naar de uitkomst');
  // 5 The verdict; numbers the sources leave open, as the member knows them.
  for (const [id, v] of Object.entries(p.thresholds ?? {})) if (v !== null) await fill(page, CRITERIA[id], nl(v));
}

// Rows typed into the step's import box (Enter between them), then its "Importeren" button.
async function importRows(page, rows) {
  await the(page, 'textbox', 'Plakken uit een spreadsheet', true).focus();
  await until(() => page.evaluate(() => document.activeElement?.id === 'herreg-text'), 'typing into the import box did not start');
  await page.keyboard.type(rows.join('\n'));
  await page.keyboard.press('Escape');
  await settled(page);
  await press(page, 'button', 'Importeren', 'Enter', true);
}

const env = await startSite();

for (const [i, name] of FAMILIES.entries()) {
  await check(`a screen-reader user reaches the verdict of ${name} and its application PDF, by roles, names and keys only`, async () => {
    const c = JSON.parse(readFileSync(path.join(CASES, `${name}.json`), 'utf8'));
    const { context, page } = await openPage(env, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      await page.goto(`${env.url}?lang=nl`);
      await waitForFrames(page, 3);
      await walk(page, c);
      // The verdict, from the accessibility tree, as the CLI gives it.
      const expected = cliText(c.portfolio).split('\n').find((l) => /^Van toepassing: |^Je voldoet|^Je specialisatieregistratie/.test(l.trim()))?.trim();
      assert(expected, `the CLI gave no verdict for ${name}`);
      await until(async () => (await status(page)).includes(expected), `the status region does not say "${expected}"`);
      const verdict = expected;
      // The application, when the scheme has a form.
      if (await the(page, 'button', 'Aanvraag invullen').count() === 0) return `${verdict} (no form)`;
      await press(page, 'button', 'Aanvraag invullen');
      await until(async () => (await heading(page)).startsWith('Aanvraag'), 'no application step');
      await fill(page, 'Naam', 'Sanne de Wit');
      const pdf = the(page, 'button', 'PDF downloaden');
      await pdf.focus();
      await settled(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const bytes = readFileSync(await download.path());
      assert(bytes.subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF');
      return `${verdict}; ${download.suggestedFilename()} (${bytes.length} bytes)`;
    } finally {
      await context.close();
    }
  }, { quick: i === 0 });
}

await env.tearDown();
