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
import { assert, check, openPage, saveScreenshot, startSite, waitForFrames } from './harness.mjs';
import { blur, click, findWidget, lines, mirror, nextFrames, reveal, type, waitForMirror, widgets } from './ui-driver.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-helpdesk-'));

// A share link's payload made here (src/core/share_link.h): '1', then base64url of the CRC-32
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
  const clip = await page.evaluate(() => navigator.clipboard.readText().catch((e) => `error: ${e}`));
  assert(clip === link, `clipboard "${clip.slice(0, 80)}…" is not the link shown`);
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
