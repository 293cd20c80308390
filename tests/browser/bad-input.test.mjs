// The bad-input table (tests/bad-input/table.tsv) in the app: data is typed in first, then
// every file of the table is opened through the app's own File > Open (the browser's file
// picker), in one page. Each must be refused with a message that names the table's field (in
// Dutch, the app's first language, and again in English with the table's key words), and the
// data typed before must still be there, unchanged: the result the page mirrors, the autosave
// in localStorage, and the file that File > Save writes at the end.
//
// The default tier opens the first file of each category of the table, in Dutch; `--all`
// opens every file, in both languages.
//
//   node --test tests/browser/bad-input.test.mjs      (after the web build; HERREG_SITE to choose one)
//
// Screenshot: build/screenshots/bad-input-refused.png.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, check, openPage, ROOT, saveScreenshot, startSite, waitForFrames } from './harness.mjs';
import { blur, click, findWidget, mirror, toDates, type, waitForMirror } from './ui-driver.mjs';

const DIR = path.join(ROOT, 'tests', 'bad-input');
const ROWS = readFileSync(path.join(DIR, 'table.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [file, field, words, category, what] = l.split('\t');
    return { file, field, words, category, what };
  });
// Problems with the file as a whole name no field: the message says so instead.
const WHOLE_FILE = new Set(['portfolio', 'document']);

// The default tier's slice: the first row of each category.
const FIRST_OF_CATEGORY = ROWS.filter((r, i) => ROWS.findIndex((q) => q.category === r.category) === i);

const env = await startSite();

// The page's text without the banner's line(s): what must not change when a file is refused.
const withoutBanner = (text, banner) => text.split('\n').filter((l) => !banner(l)).join('\n').trim();
const isLoadMessage = (l) => /kon niet worden geopend|could not be opened/.test(l);

// Opens `buffer` as `name` through File > Open.
async function openThroughMenu(page, name, buffer) {
  await click(page, 'menu.file');
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'menu.open');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
}

const { context, page, problems } = await openPage(env, { viewport: { width: 1280, height: 900 } });
let baseline = null;   // { mirror, stored }
try {
  await check.quick('data typed in: KP, a period, hours for two years; the result is shown and autosaved', async () => {
    await page.goto(`${env.url}?lang=nl`);
    await waitForFrames(page, 3);
    await toDates(page);
    await type(page, 'period_start', '01-12-2021');
    await type(page, 'check_date', '22-11-2026');
    await blur(page);
    await click(page, 'nav.next');
    await type(page, 'hours.2022', '1000');
    await type(page, 'hours.2023', '700');
    await blur(page);
    await click(page, 'nav.next');
    await click(page, 'nav.next');
    const text = await waitForMirror(page, (m) => m.includes('1.700'), 'the result should count 1.700 hours');
    await page.waitForFunction(() => (localStorage.getItem('herreg.portfolio') ?? '').includes('2023'));
    const stored = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
    baseline = { mirror: withoutBanner(text, isLoadMessage), stored, lang: 'nl' };
    return `${JSON.parse(stored).hours.length} hour entries autosaved`;
  });

  const slices = [['one file of each category', FIRST_OF_CATEGORY], ['every file of the table', ROWS]];
  for (const lang of ['nl', 'en']) for (const [what, rows] of slices) {
    const quick = rows === FIRST_OF_CATEGORY && lang === 'nl';
    await check(`${what} is refused with its field named (${lang}), the data unchanged`, async () => {
      assert(baseline, 'no data was typed in');
      if (baseline.lang !== lang) {
        await click(page, `lang.${lang}`);
        const marker = lang === 'en' ? /^Step \d/m : /^Stap \d/m;
        baseline.mirror = withoutBanner(await waitForMirror(page, (m) => marker.test(m), `the page is not in ${lang}`), isLoadMessage);
        baseline.lang = lang;
      }
      const failures = [];
      for (const [i, row] of rows.entries()) {
        // Each file under a name of its own, so the message for this file is told from the last one.
        const name = `${lang}-${i}-${row.file}`;
        const buffer = await readFile(path.join(DIR, row.file));
        await openThroughMenu(page, name, buffer);
        let message = '';
        try {
          const text = await waitForMirror(page, (m) => m.includes(name), `no message for ${name}`);
          message = text.split('\n').find((l) => l.includes(name)) ?? '';
          const fieldNamed = WHOLE_FILE.has(row.field) ? !/veld “|field “/.test(message) : message.includes(`“${row.field}”`);
          if (!fieldNamed) throw new Error(`does not name “${row.field}”`);
          if (lang === 'nl' && !/kon niet worden geopend: .*Je huidige gegevens zijn niet veranderd\.$/.test(message))
            throw new Error('not the Dutch refusal');
          if (lang === 'en' && !message.includes(row.words)) throw new Error(`lacks “${row.words}”`);
          if (lang === 'en' && !/could not be opened: .*Your current data is unchanged\.$/.test(message))
            throw new Error('not the English refusal');
          const now = withoutBanner(text, isLoadMessage);
          if (now !== baseline.mirror) throw new Error(`the page changed:\n${now}`);
          const stored = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
          if (stored !== baseline.stored) throw new Error('the autosave changed');
        } catch (err) {
          failures.push(`${row.file} (${row.what}): ${err.message.split('\n')[0]}; message: ${message}`);
        }
        if (i === 0 && lang === 'nl') await saveScreenshot('bad-input-refused.png', await page.screenshot());
      }
      assert(failures.length === 0, `${failures.length} of ${rows.length} rows failed:\n  ${failures.join('\n  ')}`);
      return `${rows.length} files`;
    }, { quick });
  }

  await check.quick('File > Save afterwards writes the data typed in at the start', async () => {
    await click(page, 'menu.file');
    const download = page.waitForEvent('download');
    await click(page, 'menu.save');
    const saved = await readFile(await (await download).path(), 'utf8');
    assert(saved === baseline.stored, `saved file differs from the autosave before the opens:\n${saved.slice(0, 400)}`);
    const hours = JSON.parse(saved).hours.map((h) => `${h.year}:${h.hours}`).join(', ');
    assert(hours === '2022:1000, 2023:700', `hours saved: ${hours}`);
    return hours;
  });

  await check.quick('a sound file still opens after all that (the refusals left the app working)', async () => {
    const good = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'cases', 'nvvpo-01-meets.json'), 'utf8')).portfolio;
    await openThroughMenu(page, 'goed.json', Buffer.from(JSON.stringify(good)));
    await waitForMirror(page, (m) => m.includes('goed.json') && !isLoadMessage(m.split('\n').find((l) => l.includes('goed.json'))),
      'goed.json should open');
    await findWidget(page, 'menu.file');
    assert(problems.length === 0, problems.join('; '));
  });
} finally {
  await context.close();
}

await env.tearDown();
