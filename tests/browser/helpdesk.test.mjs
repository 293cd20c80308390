// Sharing a portfolio as a link and the helpdesk's what-if, through the real UI in headless
// Chromium:
//  - "Delen als link" puts the portfolio into the address fragment (#p=...); opened in a fresh
//    browser the link asks first, then loads the portfolio exactly (the saved file is byte for
//    byte the one saved before sharing); the link never reaches the server;
//  - a link opened where data is already autosaved says so, offers to save that data first,
//    "don't open" goes back to the restore question, and opening does not overwrite the
//    autosave until something is changed; a damaged link is reported, nothing changes;
//  - what-if: from the result page to the comparison; more hours in the what-if turn re-entry
//    group 1 into re-registration, the comparison marks the scheme as changed, the portfolio
//    as entered stays as it was; the one-page summary PDF downloads;
//  - screenshots of the comparison at desktop and phone width.
//
//   node tests/browser/helpdesk.test.mjs      (after the native and web builds)
//   HERREG_SITE=build/lead-web/site node tests/browser/helpdesk.test.mjs
//
// Screenshots: build/screenshots/helpdesk-*.png. Run by `node --test` (see harness.mjs for the tiers).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT, assert, check, openPage, saveScreenshot, startSite, waitForFrames } from './harness.mjs';
import { blur, click, clipboardOnce, findWidget, lines, mirror, nextFrames, reveal, type, waitForMirror, widgets } from './ui-driver.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-helpdesk-'));

// A share link's payload made here (src/core/share/share_link.h): '1', then base64url of the CRC-32
// of the JSON (most significant byte first) and its raw DEFLATE stream.
function linkPayload(json) {
  const raw = Buffer.from(json, 'utf8');
  let crc = 0xffffffff;
  for (const byte of raw) {
    let c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  const head = Buffer.alloc(4);
  head.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return `1${Buffer.concat([head, zlib.deflateRawSync(raw)]).toString('base64url')}`;
}

async function download(page, id) {
  const [d] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  const file = path.join(tmp, `${Date.now()}-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: readFileSync(file), file };
}

async function saveFile(page) {
  await click(page, 'menu.file');
  return download(page, 'menu.save');
}

async function shareLink(page) {
  await click(page, 'menu.file');
  await click(page, 'menu.share');
  await findWidget(page, 'share.copy');
  const text = await mirror(page);
  const link = lines(text).find((l) => l.includes('#p='));
  assert(link, `the share dialog's link is not in the mirror:\n${text}`);
  await click(page, 'share.copy');
  await clipboardOnce(page, (c) => c === link, 'the link shown is not on the clipboard');
  return link;
}

const env = await startSite();
const newPage = (options = {}) => openPage(env, {
  viewport: { width: 1280, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'], ...options,
});
const requested = [];

let link = null;
let original = null;
await check.quick('share as a link: the link carries the portfolio in the fragment, and opens it exactly after asking', async () => {
  const a = await newPage();
  const b = await newPage();
  try {
    a.page.on('request', (r) => requested.push(r.url()));
    b.page.on('request', (r) => requested.push(r.url()));
    await a.page.goto(`${env.url}?lang=nl&sample=kp-20-dispensation-application`);
    await waitForFrames(a.page, 3);
    original = await saveFile(a.page);
    link = await shareLink(a.page);
    assert(link.startsWith(env.url), `link ${link.slice(0, 60)} is not on this site`);
    assert(!/[?&](sample|portfolio)=/.test(link), `the link still names the sample: ${link.slice(0, 120)}`);

    // A fresh browser (no autosave): the question, then the data.
    await b.page.goto(link);
    await waitForFrames(b.page, 3);
    let text = await waitForMirror(b.page, (x) => x.includes('Gedeelde gegevens openen?'), 'no question before loading');
    assert(text.includes('Kwaliteitsregister Paramedici'), `the question does not say what the link holds:\n${text}`);
    assert(!(await widgets(b.page)).some((w) => w.id === 'incoming.save_own'), 'offers to save data that is not there');
    await click(b.page, 'incoming.open');
    text = await waitForMirror(b.page, (x) => /Stap 5 van 6/.test(x), 'not on the result after opening');
    const hash = await b.page.evaluate(() => window.location.hash);
    assert(hash === '', `the fragment stays in the address: ${hash.slice(0, 40)}`);
    const opened = await saveFile(b.page);
    assert(opened.bytes.equals(original.bytes),
      `the portfolio opened from the link differs from the one shared (${opened.bytes.length} vs ${original.bytes.length} bytes)`);
    const fragments = requested.filter((u) => u.includes('#') || u.includes('p='));
    assert(fragments.length === 0, `the shared data reached the server: ${fragments[0]}`);
    return `${link.length} characters for ${original.bytes.length} bytes of JSON`;
  } finally {
    await a.context.close();
    await b.context.close();
  }
});

await check('a link opened where data is saved: it asks, offers to save that first, and keeps it until a change', async () => {
  assert(link, 'no link from the previous check');
  const { context, page } = await newPage();
  try {
    // Own data first: a different sample, changed once so it is autosaved.
    await page.goto(`${env.url}?lang=nl&sample=kp-04-reentry-group-1`);
    await waitForFrames(page, 3);
    await click(page, 'step.3');
    await type(page, 'hours.2024', '10');
    await blur(page);
    const own = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
    assert(own && JSON.parse(own).hours.some((h) => h.year === 2024), 'own data was not autosaved');

    // "Don't open": the restore question comes back, nothing changed.
    await page.goto(link);
    await waitForFrames(page, 3);
    await waitForMirror(page, (x) => x.includes('Gedeelde gegevens openen?'), 'no question');
    const saved = await download(page, 'incoming.save_own');
    assert(saved.bytes.toString() === own, '"save my data first" did not download the saved data');
    await click(page, 'incoming.cancel');
    await findWidget(page, 'restore.yes');
    assert((await page.evaluate(() => localStorage.getItem('herreg.portfolio'))) === own, 'the autosave changed');

    // Open it: the autosave stays until the user changes something.
    await page.goto('about:blank');
    await page.goto(link);
    await waitForFrames(page, 3);
    await click(page, 'incoming.open');
    await waitForMirror(page, (x) => /Stap 5 van 6/.test(x), 'not on the result');
    assert((await page.evaluate(() => localStorage.getItem('herreg.portfolio'))) === own, 'opening overwrote the autosave at once');

    // A damaged link: a clear message, the data on screen stays.
    await page.evaluate(() => { window.location.hash = 'p=1AAAA-damaged'; });
    const text = await waitForMirror(page, (x) => x.includes('De gedeelde link kon niet worden geopend'), 'no message for a damaged link');
    assert(/Stap 5 van 6/.test(text), 'a damaged link moved the user');
    assert(/\(beschadigd \(/.test(text) && !/damaged|share link/.test(text), `the link's problem is not said in Dutch:\n${text}`);

    // A sound link holding a portfolio with a bad field: the message names the field, as for a file.
    const badField = linkPayload('{"format":"herreg-portfolio/1","register":"kp","check_date":"2026-02-30"}');
    await page.evaluate((h) => { window.location.hash = h; }, `p=${badField}`);
    const fieldText = await waitForMirror(page, (x) => x.includes('veld “check_date”'), 'the field of the portfolio in the link is not named');
    assert(/Stap 5 van 6/.test(fieldText), 'a link with a bad field moved the user');
    return lines(text).find((l) => l.includes('gedeelde link kon niet'));
  } finally {
    await context.close();
  }
});


// The phone call, as the helpdesk lives it: the member sends a link; the helpdesk opens it
// (the member's name is shown), tries "three accredited courses of 8 points before the proof
// date" as a quick what-if, sees the comparison change, writes notes longer than a page holds,
// prints the summary, and sends a link back that carries both scenarios and the notes; the
// member opens it on the comparison.
function decodeLink(link) {
  const payload = link.split('#p=')[1];
  const bytes = Buffer.from(payload.slice(1), 'base64url');
  return JSON.parse(zlib.inflateRawSync(bytes.subarray(4)).toString('utf8'));
}

await check.quick('the phone call: a link in, a quick what-if with planned courses, notes, the summary, a link back with both', async () => {
  const helpdesk = await newPage();
  const member = await newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const { page } = helpdesk;
    const casePortfolio = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'cases', 'kp-02-dispensation.json'), 'utf8')).portfolio;
    casePortfolio.application = { name: 'Anna de Vries' };
    await page.goto(`${env.url}?lang=nl#p=${linkPayload(JSON.stringify(casePortfolio))}`);
    await waitForFrames(page, 3);
    let text = await waitForMirror(page, (x) => x.includes('Gedeelde gegevens openen?'), 'no question before loading');
    assert(text.includes('Van of voor: Anna de Vries'), `the question does not name the member:\n${text}`);
    await click(page, 'incoming.open');
    await waitForMirror(page, (x) => /Stap 5 van 6/.test(x), 'not on the result after opening');

    await click(page, 'result.compare');
    text = await waitForMirror(page, (x) => x.includes('Zoals ingevoerd en wat als'), 'not on the comparison');
    assert(text.includes('Nog geen verschillen'), `a fresh what-if already differs:\n${text}`);
    // Three accredited courses of 8 points before the proof date: typed as the helpdesk would.
    await type(page, 'quick.count', '3');
    await type(page, 'quick.points', '8');
    await blur(page);
    const category = (await widgets(page)).find((w) => w.id === 'quick.category');
    assert(category, 'no category to choose for the courses');
    await click(page, 'quick.courses.add');
    text = await waitForMirror(page, (x) => /\d+ verschil/.test(x), 'no differences after planning three courses');
    assert(text.includes('3 activiteiten van 8 punten erbij'), `no word of what was added:\n${text}`);
    const cover = lines(text).find((l) => l.startsWith('Punten totaal') && l.includes('gepland'));
    assert(cover && /ontbreekt 40, gepland 0 ✗ \| ontbreekt 40, gepland 24 ✗ \(beter\)/.test(cover), `coverage row: ${cover}\n${text}`);
    const planned = lines(text).find((l) => l.startsWith('Geplande activiteiten die meetellen'));
    assert(planned && planned.includes('3 (24 punten) (beter)'), `planned row: ${planned}`);
    // Two more close the gap.
    await type(page, 'quick.count', '2');
    await blur(page);
    await click(page, 'quick.courses.add');
    text = await waitForMirror(page, (x) => x.includes('gepland 40 ✓'), 'five courses do not cover the 40 points');
    await nextFrames(page, 3);
    await saveScreenshot('helpdesk-quick-whatif-desktop.png', await page.screenshot());

    // Notes: a case number and more lines than the old five.
    await type(page, 'cmp.case', 'HD-2026-0412');
    const agreed = Array.from({ length: 8 }, (_, i) => `Afspraak ${i + 1}: cursus boeken en bewijs sturen.`);
    await type(page, 'cmp.agreements', agreed.join('\n'));
    await blur(page);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('herreg.portfolio') || '{}'));
    assert(stored.helpdesk && stored.helpdesk.case_number === 'HD-2026-0412' && stored.helpdesk.notes.includes('Afspraak 8'),
      `the notes are not saved with the data as entered: ${JSON.stringify(stored.helpdesk)}`);
    const pdf = await download(page, 'cmp.pdf');
    const words = execFileSync('pdftotext', [pdf.file, '-']).toString().replace(/\s+/g, ' ');
    for (const want of ['Anna de Vries', 'dossier HD-2026-0412', 'Afspraak 1: cursus', 'Afspraak 8: cursus boeken en bewijs sturen.', 'gepland 40'])
      assert(words.includes(want), `the summary lacks "${want}":\n${words.slice(0, 600)}`);

    // The link back: both scenarios and the notes (the default with a what-if).
    await click(page, 'menu.file');
    await click(page, 'menu.share');
    await findWidget(page, 'share.both');
    text = await mirror(page);
    const back = lines(text).find((l) => l.includes('#p='));
    assert(back, `no link in the share dialog:\n${text}`);
    const doc = decodeLink(back);
    assert(doc.helpdesk && doc.helpdesk.what_if, 'the link back does not carry the what-if');
    assert(doc.activities.length === casePortfolio.activities.length, 'the data as entered changed');
    assert(doc.helpdesk.what_if.activities.length === casePortfolio.activities.length + 5, 'the what-if lacks the courses');
    assert(doc.helpdesk.notes.includes('Afspraak 8'), 'the link back lacks the notes');
    // Without the notes: a choice the helpdesk makes in the dialog.
    await click(page, 'share.notes');
    const bare = decodeLink(lines(await mirror(page)).find((l) => l.includes('#p=')));
    assert(!bare.helpdesk.notes && bare.helpdesk.what_if, `notes left out: ${JSON.stringify(bare.helpdesk).slice(0, 200)}`);
    await click(page, 'share.notes');
    await click(page, 'share.close');

    // The member opens it on a phone: the comparison, with the notes.
    await member.page.goto(back);
    await waitForFrames(member.page, 3);
    text = await waitForMirror(member.page, (x) => x.includes('Gedeelde gegevens openen?'), 'no question on the member\'s phone');
    assert(text.includes('Met een wat-als-scenario') && text.includes('Met de notities'), `the question does not say what comes along:\n${text}`);
    await click(member.page, 'incoming.open');
    text = await waitForMirror(member.page, (x) => x.includes('Zoals ingevoerd en wat als') && /\d+ verschil/.test(x), 'the member is not on the comparison');
    assert(text.includes('gepland 40 ✓'), `the member's comparison lacks the plan:\n${text}`);
    await nextFrames(member.page, 3);
    await saveScreenshot('helpdesk-link-back-phone.png', await member.page.screenshot());
    assert(helpdesk.problems.length === 0 && member.problems.length === 0, [...helpdesk.problems, ...member.problems].join('; '));
    return `${cover}; link back ${back.length} characters`;
  } finally {
    await helpdesk.context.close();
    await member.context.close();
  }
});

// Which scenario the steps edit stays in sight: the bar is pinned to the top once the page
// scrolls it away, and the mirror says it. A change to the data as entered while a what-if
// exists is asked about once: "no" undoes it and goes to the what-if, "yes" lets it stand.
await check.quick('the scenario bar stays in view while scrolling; changing the data as entered asks once', async () => {
  const { context, page, problems } = await newPage({ viewport: { width: 1280, height: 700 } });
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-04-reentry-group-1`);
    await waitForFrames(page, 3);
    await click(page, 'result.compare');
    await click(page, 'cmp.edit.hours');
    let text = await waitForMirror(page, (x) => x.includes('Scenario: Wat als'), 'the mirror does not say the what-if is edited');
    assert(text.includes('Je bewerkt het wat-als-scenario'), `no word of the what-if:\n${text}`);
    const before = (await widgets(page)).find((w) => w.id === 'scenario.what_if');
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 80);
    await nextFrames(page, 4);
    const heading = (await widgets(page)).find((w) => w.id === 'hours.2024');
    const pinned = (await widgets(page)).find((w) => w.id === 'scenario.what_if');
    assert(pinned && pinned.y >= 0 && pinned.y < 80, `the bar scrolled away: at ${pinned?.y} (was ${before.y})`);
    await saveScreenshot('helpdesk-bar-pinned-desktop.png', await page.screenshot());
    // Its tabs still work from there.
    await click(page, 'scenario.as_entered');
    text = await waitForMirror(page, (x) => x.includes('Scenario: Zoals ingevoerd'), 'the pinned tab did not switch');
    const stored0 = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));

    // A change to the data as entered: asked once the field is left (not while typing in it);
    // "no" undoes it and goes to the what-if.
    await type(page, 'hours.2024', '1200');
    assert(!(await mirror(page)).includes('Je wijzigt nu'), 'asked while still typing');
    await blur(page);
    text = await waitForMirror(page, (x) => x.includes('Je wijzigt nu de gegevens zoals ingevoerd'), 'no question on changing the data as entered');
    await click(page, 'edit_as_entered.no');
    text = await waitForMirror(page, (x) => x.includes('Scenario: Wat als') && !x.includes('Je wijzigt nu'), 'not back on the what-if');
    await nextFrames(page, 3);
    const stored1 = JSON.parse(await page.evaluate(() => localStorage.getItem('herreg.portfolio')));
    assert(!stored1.hours.some((h) => h.year === 2024 && h.hours === 1200), 'the change to the data as entered stayed after "no"');
    assert(JSON.stringify(stored1.hours) === JSON.stringify(JSON.parse(stored0).hours), 'the hours as entered changed');

    // Again, "yes": it stands, and the next change is not asked about.
    await click(page, 'scenario.as_entered');
    await type(page, 'hours.2024', '1200');
    await blur(page);
    await waitForMirror(page, (x) => x.includes('Je wijzigt nu de gegevens zoals ingevoerd'), 'not asked the second time');
    await click(page, 'edit_as_entered.yes');
    await type(page, 'hours.2023', '900');
    await blur(page);
    text = await mirror(page);
    assert(!text.includes('Je wijzigt nu'), 'asked again after "yes"');
    const stored2 = JSON.parse(await page.evaluate(() => localStorage.getItem('herreg.portfolio')));
    assert(stored2.hours.some((h) => h.year === 2024 && h.hours === 1200) && stored2.hours.some((h) => h.year === 2023 && h.hours === 900),
      `the changes after "yes" are not in the data as entered: ${JSON.stringify(stored2.hours)}`);
    assert(problems.length === 0, problems.join('; '));
    return `bar at y ${pinned.y} after scrolling (was ${before.y}); ${heading ? 'hours field still drawn' : ''}`;
  } finally {
    await context.close();
  }
});

for (const [width, height, stem] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
  await check(`what-if (${stem}): more hours turn re-entry into re-registration; the comparison marks it, the data as entered stays`, async () => {
    const { context, page, problems } = await newPage({ viewport: { width, height } });
    try {
      await page.goto(`${env.url}?lang=nl&sample=kp-04-reentry-group-1`);
      await waitForFrames(page, 3);
      await click(page, 'result.compare');
      let text = await waitForMirror(page, (x) => x.includes('Zoals ingevoerd en wat als'), 'not on the comparison');
      assert(text.includes('Nog geen verschillen'), `a fresh what-if already differs:\n${text}`);

      // What if the member worked 1,200 hours in 2024?
      await click(page, 'cmp.edit.hours');
      await type(page, 'hours.2024', '1200');
      await blur(page);
      await click(page, 'scenario.compare');
      text = await waitForMirror(page, (x) => /\d+ verschil/.test(x), 'no differences after changing the hours');
      const scheme = lines(text).find((l) => l.startsWith('Regeling'));
      assert(scheme && /Herintreder.*\|.*Herregistratie.*\(anders\)/i.test(scheme), `scheme row: ${scheme}\n${text}`);
      const hours = lines(text).find((l) => /^Werkervaring/.test(l));
      assert(hours && hours.includes('(beter)'), `hours row: ${hours}`);
      await nextFrames(page, 3);
      await saveScreenshot(`helpdesk-compare-${stem}.png`, await page.screenshot());

      // The member's own data did not change.
      const stored = await page.evaluate(() => localStorage.getItem('herreg.portfolio'));
      if (stored) assert(!JSON.parse(stored).hours.some((h) => h.year === 2024), 'the what-if leaked into the data as entered');

      // The one-page summary.
      await type(page, 'cmp.member', 'Bram Jansen');
      await blur(page);
      await reveal(page, 'cmp.pdf');
      await saveScreenshot(`helpdesk-notes-${stem}.png`, await page.screenshot());
      const pdf = await download(page, 'cmp.pdf');
      assert(pdf.bytes.subarray(0, 5).toString() === '%PDF-', 'the summary is not a PDF');
      const info = execFileSync('pdfinfo', [pdf.file]).toString();
      assert(/Pages:\s+1\n/.test(info), `the summary is not one page:\n${info}`);
      const words = execFileSync('pdftotext', ['-layout', pdf.file, '-']).toString();
      assert(words.includes('Bram Jansen') && /Herregistratie/.test(words), `summary text:\n${words.slice(0, 400)}`);
      assert(problems.length === 0, problems.join('; '));
      return `${scheme}; ${pdf.name}, ${pdf.bytes.length} bytes`;
    } finally {
      await context.close();
    }
  }, { quick: stem === 'desktop' });
}

await env.tearDown();
