// The edges of the assessment, through the real UI in headless Chromium (issue 16):
//  - a scheme used before without its plan carried out: the dates step asks it, neither answer
//    chosen until the person chooses; "ja" turns dispensation into "no scheme applies" with the
//    reason, "nee" brings dispensation back and the question's warning goes;
//  - a kind counted per meeting (NVvPO): the activity editor asks how many meetings an entry
//    covers and how long they lasted; typing them changes what counts, and the result says why;
//  - a specialisation and its base registration in one portfolio (format 2): the result page
//    says what each registration needs;
//  - typing straight after a click on the next field, or after Tab, before the app drew a
//    frame (a slow phone, a quick typist): all of it goes to the field moved to, none to the
//    field before.
//
//   node --test tests/browser/edges.test.mjs      (after the native and web builds)
//
// Run by `node --test` (see harness.mjs for the tiers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { assert, check, openPage, ROOT, saveScreenshot, settled, startSite, until, waitForFrames } from './harness.mjs';
import { autosaved, blur, click, paste, stored, findWidget, toDates, type, waitForMirror, widgets } from './ui-driver.mjs';

const env = await startSite();
const newPage = () => openPage(env, { viewport: { width: 1280, height: 900 } });

// A new portfolio, KP, on the activities step.
async function toActivities(page) {
  await page.goto(`${env.url}?lang=nl`);
  await waitForFrames(page, 1);
  await toDates(page);
  await click(page, 'step.4');
}

await check.quick('a scheme used before: asked on the dates step, and the answer decides whether it applies', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-02-dispensation`);
    await waitForFrames(page, 3);
    let text = await waitForMirror(page, (x) => x.includes('Dispensatieregeling'), 'the sample does not start at dispensation');
    assert(/al eens gebruikt zonder dat het plan van aanpak/.test(text), `the result does not ask the question:\n${text}`);

    await click(page, 'step.2');
    await findWidget(page, 'used_before.dispensation.yes');
    const ids = (await widgets(page)).map((w) => w.id);
    assert(ids.includes('used_before.dispensation.no'), 'no "nee" answer');
    assert(!ids.some((id) => id.startsWith('used_before.reentry')), `KP's re-entry scheme does not bar itself (001 §2), yet it is asked: ${ids.filter((i) => i.startsWith('used_before'))}`);

    await click(page, 'used_before.dispensation.yes');
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => x.includes('er is geen regeling van toepassing'), 'answering "ja" does not close the scheme');
    assert(/niet opnieuw gebruiken/.test(text), `no reason given:\n${text}`);
    assert(!text.includes('Dispensatieregeling van toepassing'), `dispensation still offered:\n${text}`);

    await click(page, 'step.2');
    await click(page, 'used_before.dispensation.no');
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => x.includes('Dispensatieregeling'), 'answering "nee" does not bring dispensation back');
    assert(!/al eens gebruikt zonder/.test(text), `the question is still asked after "nee":\n${text}`);
  } finally {
    await context.close();
  }
});

await check.quick('a kind counted per meeting: meetings and their length are asked, and change what counts', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl&sample=nvvpo-05-per-meeting`);
    await waitForFrames(page, 3);
    let text = await waitForMirror(page, (x) => /Deskundigheidsbevorderende activiteiten: 8 \/ 20/.test(x),
      'the sample does not count 8 DBA points');
    assert(/tellen niet mee: voor dit soort activiteit telt elke bijeenkomst/.test(text), `no word on points per meeting:\n${text}`);

    await click(page, 'step.4');
    // The diabetes working group entered as 3 points for one meeting (the second row by date).
    await click(page, 'activity.1.edit');
    await findWidget(page, 'activity.meetings');
    assert(!(await widgets(page)).some((w) => w.id === 'activity.meeting_hours'), 'a working group asks for a meeting length');
    await type(page, 'activity.meetings', '3');
    await blur(page);
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => /Deskundigheidsbevorderende activiteiten: 10 \/ 20/.test(x), 'three meetings do not count 3 points');

    // The POH meeting of 1.5 hours (the fourth row) counts from 2 hours.
    await click(page, 'step.4');
    await click(page, 'activity.3.edit');
    await type(page, 'activity.meeting_hours', '2');
    await blur(page);
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => /Deskundigheidsbevorderende activiteiten: 11 \/ 20/.test(x), 'a 2-hour meeting does not count');
    assert(!/korter dan dit soort activiteit vraagt/.test(text), `still says the meetings were too short:\n${text}`);
  } finally {
    await context.close();
  }
});


// Issue 16, point 8: a kinderoefentherapeut whose specialisation expired learns on the same
// result page what the base registration needs. What a screen reader gets: the mirror's text.
await check.quick('a specialisation and its base registration in one portfolio: the result says what each needs', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl&sample=vvocm-08-specialisation-and-base`);
    await waitForFrames(page, 3);
    const text = await waitForMirror(page, (x) => x.includes('Je andere registraties'), 'no section for the other registration');
    const others = text.slice(text.indexOf('Je andere registraties'));
    assert(others.includes('Kwaliteitsregister Paramedici'), `the base registration is not named:\n${others}`);
    assert(others.includes('Herintreder groep 2'), `the base registration's scheme is missing:\n${others}`);
    // The course marked for the specialisation only does not count for the base registration.
    assert(/Punten totaal: 50 \/ 160/.test(others), `the base registration's points are not 50 of 160:\n${others}`);
    assert(/Specialisatie/i.test(text.slice(0, text.indexOf('Je andere registraties'))), 'the specialisation is not assessed first');
  } finally {
    await context.close();
  }
});

// The same, built by hand in step 1: a person adds the base registration (mouse on the combo,
// keyboard for the date), sees it assessed, and removes it again; nothing is refused on reload.
await check('adding the base registration in step 1: assessed on the result page, kept on reload, removed again', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl&sample=vvocm-02-kinder-expired`);
    await waitForFrames(page, 3);
    await waitForMirror(page, (x) => x.includes('Specialisatieregister Kinderoefentherapie'), 'the sample did not load');
    await click(page, 'step.1');
    await click(page, 'other.add');
    await click(page, 'other.add.kp');
    await click(page, 'other.0.profession');
    await click(page, 'other.0.profession.oefentherapie');
    await type(page, 'other.0.period_start', '01-01-2022');
    await blur(page);
    await click(page, 'step.5');
    let text = await waitForMirror(page, (x) => x.includes('Je andere registraties') && x.includes('Herintreder groep'),
      'the added registration is not assessed');
    const saved = await stored(page);
    assert(saved.format === 'herreg-portfolio/2', `saved as ${saved.format}`);
    assert(saved.other_registrations?.[0]?.registration?.period_start === '2022-01-01' &&
      saved.other_registrations[0].profession === 'oefentherapie', `saved: ${JSON.stringify(saved.other_registrations)}`);

    await page.goto(`${env.url}?lang=nl`);
    await waitForFrames(page, 3);
    await click(page, 'restore.yes');
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => x.includes('Je andere registraties'), 'the other registration is gone after a reload');

    await click(page, 'step.1');
    await click(page, 'other.0.remove');
    await click(page, 'step.5');
    text = await waitForMirror(page, (x) => x.includes('Stap 5') && !x.includes('Je andere registraties'), 'removing did not take the registration away');
    const after = await stored(page);
    assert(after.format === 'herreg-portfolio/1' && !after.other_registrations, `after removing: ${after.format}`);
  } finally {
    await context.close();
  }
});

// The dates step of a new portfolio, the period start typed.
async function datesWithStart(page) {
  await page.goto(`${env.url}?lang=nl`);
  await waitForFrames(page, 3);
  await toDates(page);
  await type(page, 'period_start', '01-12-2021');
}

// Runs `act` (input) with the main loop held, so all of it arrives before the next frame;
// then lets the app take it and returns the autosave once `predicate` holds.
async function typedBeforeAFrame(page, act, predicate, what) {
  await page.evaluate(() => Module.pauseMainLoop());
  try {
    await act();
  } finally {
    await page.evaluate(() => Module.resumeMainLoop());
  }
  await settled(page);
  await blur(page);
  return autosaved(page, predicate, what);
}

// A click and the typing after it arrive before the next frame (the main loop held, as a slow
// frame on a phone would): ImGui 1.86 gives an active field the frame's text before it learns
// of a click elsewhere, so "3" went into the period start, made it invalid, and its error
// line moved the next field from under the click: the rest of the date was lost.
await check.quick('typing straight after a click on the next field, before a frame: all of it goes to the field clicked', async () => {
  const { context, page } = await newPage();
  try {
    await datesWithStart(page);
    const field = await findWidget(page, 'last_worked');
    const p = await typedBeforeAFrame(page, async () => {
      await page.mouse.click(field.x + Math.min(field.w / 2, 40), field.y + field.h / 2);
      await page.keyboard.type('31-10-2026');
    }, (s) => s.last_worked, 'nothing typed reached the field clicked');
    assert(p.last_worked === '2026-10-31' && p.registration?.period_start === '2021-12-01',
      `period start ${p.registration?.period_start}, last worked ${p.last_worked}`);
    return 'last_worked 31-10-2026, period start unchanged';
  } finally {
    await context.close();
  }
});

// The same from the keyboard: Tab from the period start, the end date typed at once. ImGui
// moves the focus in the frame after the Tab, and the field left took that frame's text: the
// "3" was lost (also without holding the loop, most times).
await check.quick('typing straight after Tab, before a frame: all of it goes to the next field', async () => {
  const { context, page } = await newPage();
  try {
    await datesWithStart(page);
    const p = await typedBeforeAFrame(page, async () => {
      await page.keyboard.press('Tab');
      await page.keyboard.type('30-11-2026');
    }, (s) => s.registration?.period_end, 'nothing typed reached the next field');
    assert(p.registration.period_end === '2026-11-30' && p.registration.period_start === '2021-12-01',
      `period start ${p.registration.period_start}, end ${p.registration.period_end}`);
    return 'period end 30-11-2026, period start unchanged';
  } finally {
    await context.close();
  }
});

// Select all, Backspace and the same text typed again, before a frame: ImGui deleted (GLFW
// had the Backspace), the textarea kept its "1" and took the typed "1" as replacing it with
// itself: no change, nothing sent, and the field stayed empty. Found typing "3" over the
// quick what-if's count of 3.
await check.quick('select all, Backspace and the same text again, before a frame: the field holds it', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(`${env.url}?lang=nl&sample=kp-02-dispensation`);
    await waitForFrames(page, 3);
    await click(page, 'result.compare');
    const field = await findWidget(page, 'quick.count');
    assert(field.value === '3', `the count starts at "${field.value}"`);
    await page.mouse.click(field.x + Math.min(field.w / 2, 40), field.y + field.h / 2);
    await settled(page);
    await page.keyboard.press('Control+A');
    await settled(page);   // the proxy holds the field's "3", selected
    await page.evaluate(() => Module.pauseMainLoop());
    try {
      await page.keyboard.press('Backspace');
      await page.keyboard.type('3');
    } finally {
      await page.evaluate(() => Module.resumeMainLoop());
    }
    await settled(page);
    const now = (await widgets(page)).find((w) => w.id === 'quick.count');
    assert(now.value === '3', `the count holds "${now.value}" after "3" was typed over "3"`);
    return 'the count holds 3';
  } finally {
    await context.close();
  }
});

// A share link of 3 KB can carry words of 65,000 characters (they compress to almost nothing);
// a draft keeps them. Such a window needs more than 65,536 vertices: with ImGui's 16-bit
// indices the app stopped at the activities step (tests/app/app-long-text.cpp, natively).
const crc32 = (bytes) => {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (~c) >>> 0;
};

await check('a 3 KB share link with words of 65,000 characters: every step draws and the app keeps running', async () => {
  const p = JSON.parse(readFileSync(path.join(ROOT, 'tests', 'cases', 'kp-21-reentry-group-1-application.json'), 'utf8')).portfolio;
  const word = 'a'.repeat(65000);
  p.activities[0].title = word;
  p.activities[0].provider = word;
  p.application.reasons = word;
  p.application.points_plan = word;
  const text = Buffer.from(JSON.stringify(p));
  const check32 = Buffer.alloc(4);
  check32.writeUInt32BE(crc32(text));
  const link = `${env.url}#p=1${Buffer.concat([check32, deflateRawSync(text, { level: 9 })]).toString('base64url')}`;
  assert(link.length < 5000, `the link is ${link.length} characters`);
  const { context, page, problems } = await newPage();
  try {
    await page.goto(link);
    await waitForFrames(page, 1);
    await click(page, 'incoming.open');
    const times = [];
    for (const step of ['step.4', 'step.6', 'step.5']) {
      const began = Date.now();
      await click(page, step);
      await settled(page);
      times.push(`${step} ${Date.now() - began} ms`);
    }
    assert(await page.evaluate(() => document.getElementById('herreg-error').hidden), 'the error panel is shown');
    assert(problems.length === 0, problems.join('\n'));
    return `${link.length} characters; ${times.join(', ')}`;
  } finally {
    await context.close();
  }
});

// Issue 21 #1: an import of 10,050 activities was taken whole, autosaved, and then refused
// when read back ("more than 10000 entries"); each frame took 645 ms. Now the import stops at
// the most a portfolio holds and says so, the list shows a page at a time, and a reload
// restores all of it.
await check('a file of 10,050 activities: 10,000 taken and the rest named, a page of rows drawn, all of it restored after a reload', async () => {
  const rows = Array.from({ length: 10050 }, (_, i) => `2022-03-01;Cursus ${i + 1};Aanbieder;bij_en_nascholing;1;ja;`);
  const { context, page, problems } = await newPage();
  try {
    await toActivities(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'activities.import_file')]);
    const began = Date.now();
    await chooser.setFiles({ name: 'activiteiten.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) });
    const shown = async () => (await widgets(page)).map((w) => `${w.name ?? ''} ${w.value ?? ''}`).join('\n');
    await until(async () => /10\.000 regels toegevoegd/.test(await shown()), 'the import did not report 10.000 rows');
    await settled(page);
    const took = Date.now() - began;
    const text = await shown();
    assert(/Regel 10\.001/i.test(text), `the rows left out are not named: ${text.match(/.*regel.*/gi)}`);
    assert(/Rij 1 tot en met 100 van 10\.000/.test(text), 'no pager for 10,000 rows');
    const drawnRows = (await widgets(page)).filter((w) => /^activity\.\d+\.edit$/.test(w.id)).length;
    assert(drawnRows === 100, `${drawnRows} rows drawn`);
    await autosaved(page, (p) => p.activities?.length === 10000, 'the 10,000 activities were not autosaved');

    await page.reload();
    await waitForFrames(page, 1);
    await click(page, 'restore.yes');
    await click(page, 'step.4');
    await settled(page);
    const after = (await widgets(page)).map((w) => `${w.name ?? ''} ${w.value ?? ''}`).join('\n');
    assert(/Rij 1 tot en met 100 van 10\.000/.test(after), 'the restored portfolio does not hold 10,000 activities');
    assert(problems.length === 0, problems.join('\n'));
    return `import and first page in ${took} ms; ${drawnRows} rows drawn of 10,000; restored after a reload`;
  } finally {
    await context.close();
  }
});

// Ctrl+V into the field being typed in, what it holds kept (ui-driver's paste() empties it first).
async function pasteHere(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
  await settled(page);
}

await check.quick('a paste too long for its field (5 MB of rows, 100 KB into a title) is refused with a message; the field keeps its text', async () => {
  const { context, page, problems } = await newPage();
  try {
    await toActivities(page);
    const value = async (id) => (await widgets(page)).find((w) => w.id === id)?.value ?? '';
    await paste(page, 'activities.paste', '2022-03-01;Cursus;Aanbieder;bij_en_nascholing;1;ja;');
    assert((await value('activities.paste')).includes('Cursus;Aanbieder'), `a short paste did not arrive: ${await value('activities.paste')}`);
    // 100,000 rows of a spreadsheet, as its clipboard holds them (tabs, CRLF).
    const rows = Array.from({ length: 100000 }, (_, i) => `01-03-2022\tCursus ${i + 1}\tAanbieder\tbij_en_nascholing\t1\tja`).join('\r\n');
    const began = Date.now();
    await pasteHere(page, rows);
    const text = await waitForMirror(page, (x) => x.includes('te lang voor dit veld'), 'no message about the paste');
    const took = Date.now() - began;
    const line = text.split('\n').find((l) => l.includes('te lang voor dit veld'));
    assert(/\([\d,]+ MB; er past ten hoogste 512 kB in\)/.test(line) && line.includes('Er is niets geplakt'), `the message: ${line}`);
    assert((await value('activities.paste')).startsWith('2022-03-01;Cursus;Aanbieder'), `the box lost its text: ${(await value('activities.paste')).slice(0, 80)}`);
    const shot = await saveScreenshot('edges-paste-too-long.png', await page.screenshot());
    // A one-line field: 100 KB into an activity's title.
    await click(page, 'activity.add');
    await type(page, 'activity.title', 'Reanimatie');
    await pasteHere(page, 'x'.repeat(100 * 1024));
    await waitForMirror(page, (x) => /te lang voor dit veld \(100 kB; er past ten hoogste 64 kB in\)/.test(x), 'no message about the title paste');
    assert(await value('activity.title') === 'Reanimatie', `the title is now ${(await value('activity.title')).slice(0, 40)}`);
    assert(problems.length === 0, problems.join('\n'));
    return `${(rows.length / 1048576).toFixed(1)} MB refused, message after ${took} ms; ${shot}`;
  } finally {
    await context.close();
  }
});

// Within the paste limit but past what the field holds (what a file may hold there): on a phone.
await check.quick('a paste past what a field holds (600 characters into a 500-character title, on a phone) is refused whole, with a message; a short one is taken', async () => {
  const { context, page, problems } = await openPage(env, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  try {
    await toActivities(page);
    const value = async (id) => (await widgets(page)).find((w) => w.id === id)?.value ?? '';
    await click(page, 'activity.add');
    await type(page, 'activity.title', 'Reanimatie');
    await pasteHere(page, 'Basic Life Support en AED '.repeat(24));   // 624 characters
    const text = await waitForMirror(page, (x) => x.includes('ten hoogste 500 tekens'), 'no message about the long title');
    const line = text.split('\n').find((l) => l.includes('ten hoogste 500 tekens'));
    assert(line.includes('Het veld ‘Titel’ houdt') && line.includes('niet overgenomen'), `the message: ${line}`);
    assert(await value('activity.title') === 'Reanimatie', `the title is now ${(await value('activity.title')).slice(0, 60)}`);
    const shot = await saveScreenshot('edges-field-limit-phone.png', await page.screenshot());
    await pasteHere(page, ' BLS');
    await until(async () => (await value('activity.title')) === 'Reanimatie BLS', 'a short paste after the refused one was not taken');
    await autosaved(page, (p) => p.activities?.some((a) => a.title === 'Reanimatie BLS'), 'the title was not autosaved');
    assert(problems.length === 0, problems.join('\n'));
    return `refused with "${line.slice(0, 60)}..."; ${shot}`;
  } finally {
    await context.close();
  }
});

await env.tearDown();
