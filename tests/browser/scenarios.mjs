// Scenarios typed into the wizard as a user would (wizard.test.mjs in Chromium, engines.test.mjs
// in every engine): one case of tests/cases/ per outcome, the CLI's text for the same
// portfolio to compare the page's mirror with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, saveScreenshot } from './harness.mjs';
import { blur, click, dutchDate, nextFrames, paste, type, widgets } from './ui-driver.mjs';

export const CLI = process.env.HERREG_CLI ?? path.join(ROOT, 'build', 'native', 'herreg');
export const CASES = path.join(ROOT, 'tests', 'cases');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-scenarios-'));

// One case per outcome the assessment can reach.
export const SCENARIOS = [
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

export const readCase = (name) => JSON.parse(readFileSync(path.join(CASES, `${name}.json`), 'utf8'));

// What the CLI says about a portfolio, as the text the app mirrors.
export function cliText(portfolio, lang = 'nl') {
  const file = path.join(tmp, 'p.json');
  writeFileSync(file, JSON.stringify(portfolio));
  try {
    return execFileSync(CLI, ['assess', file, '--text', '--lang', lang], { encoding: 'utf8' });
  } catch (err) {
    return err.stdout?.toString() ?? '';   // exit 1: not eligible etc. still prints the text
  }
}

// The CLI's application PDF for a case's portfolio (the "portfolio" member, as the app loads it).
export function cliPdf(name, lang) {
  const file = path.join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify(readCase(name).portfolio));
  return execFileSync(CLI, ['form', file, '--lang', lang, '--out', '-'], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
}

export const nl = (x) => String(x).replace('.', ',');
export const csvCell = (s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function shot(page, name) {
  await nextFrames(page, 2);
  return saveScreenshot(name, await page.screenshot());
}

// Types a case's portfolio into the wizard, step by step, as a user would.
export async function enterPortfolio(page, p, shots) {
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
