// The same tests in all three browser engines: Chromium, Firefox ESR and WebKitGTK (Safari's
// engine, as every browser on an iPhone). Firefox and WebKitGTK run on an X display
// (engines/display.mjs starts Xvfb when there is none), with Mesa's software GL for WebGL 2.
//
// Per engine: a smoke test (default tier), then (--all) scenarios typed into the wizard and
// the first sample of each outcome family opened by name, each verdict against the CLI's; a
// share link from one browser opened in another; the application PDF (the CLI's bytes) and
// the calendar; autosave and restore after a reload; the keyboard-only path to a verdict; a
// pixel ratio of 2.
// No engine skips a test: a missing engine fails. The file ends by printing the tests passed
// per engine, equal when all is well.
//
// Input is the engines' own: pointer and key events (WebDriver actions for WebKitGTK), and a
// paste from the system's clipboard (xclip on the X display) in Firefox and WebKitGTK.
// Downloads are read as the bytes the app hands to its download link (engines.mjs).
//
//   node --test tests/browser/engines.test.mjs
//
// Screenshots: build/screenshots/engines-<engine>-*.png.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { assert, check, patience, saveScreenshot, settled, startSite, until, waitForFrames } from './harness.mjs';
import { CASES, cliPdf, cliText, enterPortfolio, readCase } from './scenarios.mjs';
import { arrowTo, assertLinesIn, autosaved, blur, click, findWidget, key, lines, mirror, nextFrames, nextStep, reveal, tabTo, toDates, type, waitForMirror } from './ui-driver.mjs';
import { displayEnv, stopDisplay } from './engines/display.mjs';
import { downloaded, ENGINES, hookDownloads, pageProblems, startEngine, stoppedApp } from './engines/engines.mjs';

// Typed in by every engine (--all); the first is the default tier's smoke test.
const TYPED = ['kp-19-planned-activities', 'kp-02-dispensation', 'kp-06-reentry-group-3', 'kabiz-02-deferral', 'vvocm-02-kinder-expired'];
const SAMPLES = readdirSync(CASES).filter((f) => f.endsWith('.json') && !f.startsWith('error-')).map((f) => f.slice(0, -5)).sort();
const family = (name) => readCase(name).expected?.regime ?? 'unknown';
const FIRST_OF_FAMILY = SAMPLES.filter((n, i) => SAMPLES.findIndex((m) => family(m) === family(n)) === i);

const env = await startSite();
const passed = {};

async function open(page, url) {
  await page.goto(url);
  await waitForFrames(page, 3);
  await hookDownloads(page);
}

async function shot(engine, page, name) {
  await nextFrames(page, 2);
  return saveScreenshot(`engines-${engine}-${name}.png`, await page.screenshot());
}

// What the system's clipboard holds: the X clipboard on the display, Chromium's own in Chromium.
async function clipboardText(engine, page) {
  if (engine === 'chromium') return page.evaluate(() => navigator.clipboard.readText().catch((e) => `error: ${e}`));
  return execFileSync('xclip', ['-selection', 'clipboard', '-out'], { env: await displayEnv(), encoding: 'utf8', timeout: 10_000 });
}

for (const name of ENGINES) {
  let engine = null;
  passed[name] = 0;
  // A test in this engine: its own page, closed after; the app must not have stopped.
  const inEngine = (title, fn, { quick = false, size = { width: 1280, height: 900 } } = {}) =>
    check(`${name}: ${title}`, async () => {
      engine ??= await startEngine(name, env);
      const pages = [];
      const newPage = async () => {
        const o = await engine.newPage(size);
        pages.push(o);
        return o.page;
      };
      try {
        const note = await fn(newPage);
        for (const o of pages) {
          const stopped = await stoppedApp(o.page);
          assert(stopped === null, `the app stopped: ${stopped}`);
          const seen = [...o.problems, ...await pageProblems(o.page)];
          assert(seen.length === 0, seen.join('; '));
        }
        passed[name]++;
        return note;
      } finally {
        for (const o of pages) await o.close().catch(() => {});
      }
    }, { quick });

  // ---------------------------------------------------------------- smoke
  await inEngine('the app draws; a click, typed dates and a paste reach a verdict equal to the CLI\'s', async (newPage) => {
    const page = await newPage();
    await open(page, `${env.url}?lang=nl`);
    const c = readCase(TYPED[0]);
    await enterPortfolio(page, c.portfolio, null);
    await nextFrames(page, 3);
    assertLinesIn(await mirror(page), cliText(c.portfolio), TYPED[0]);
    const gl = await page.evaluate(() => {
      const canvas = document.getElementById('canvas');
      return canvas ? `${canvas.width}x${canvas.height}, WebGL ${document.createElement('canvas').getContext('webgl2') ? 2 : 'missing'}` : 'no canvas';
    });
    return `${gl}; ${await shot(name, page, 'smoke-result')}`;
  }, { quick: true });

  // ---------------------------------------------------------------- scenarios and samples
  for (const scenario of TYPED.slice(1)) {
    await inEngine(`scenario ${scenario}: typed in through the wizard, the verdict equals the CLI's`, async (newPage) => {
      const page = await newPage();
      await open(page, `${env.url}?lang=nl`);
      const c = readCase(scenario);
      await enterPortfolio(page, c.portfolio, null);
      await nextFrames(page, 3);
      assertLinesIn(await mirror(page), cliText(c.portfolio), scenario);
      return c.expected?.regime ?? '';
    });
  }

  await inEngine(`the first sample of each outcome family (${FIRST_OF_FAMILY.length}) opens by name with the CLI's verdict, nl and en`, async (newPage) => {
    const page = await newPage();
    for (const [k, sample] of FIRST_OF_FAMILY.entries()) {
      const lang = k % 2 ? 'en' : 'nl';
      await open(page, `${env.url}?lang=${lang}&sample=${sample}`);
      await waitForMirror(page, (m) => m.includes('Criteria'), `${sample}: no result in the mirror`);
      assertLinesIn(await mirror(page), cliText(readCase(sample).portfolio, lang), `${sample} (${lang})`);
    }
    return `${FIRST_OF_FAMILY.length} families; ${await shot(name, page, 'sample-result')}`;
  });

  // ---------------------------------------------------------------- share link
  await inEngine('a share link copied in one browser opens the same portfolio in another, after asking', async (newPage) => {
    const a = await newPage();
    await open(a, `${env.url}?lang=nl&sample=kp-20-dispensation-application`);
    await click(a, 'menu.file');
    const original = await downloaded(a, () => click(a, 'menu.save'));
    await click(a, 'menu.file');
    await click(a, 'menu.share');
    await findWidget(a, 'share.copy');
    const link = lines(await mirror(a)).find((l) => l.includes('#p='));
    assert(link?.startsWith(env.url), `no link of this site in the share dialog: ${link?.slice(0, 80)}`);
    await click(a, 'share.copy');
    await waitForMirror(a, (x) => x.includes('De link staat op het klembord.'), 'no "copied" message');
    // The write is the browser's, a moment after the press: polled.
    let clip = '';
    await until(async () => {
      clip = (await clipboardText(name, a).catch(() => '')).trim();
      return clip === link;
    }, 'the link did not reach the clipboard').catch((err) => { throw new Error(`${err.message}: it holds "${clip.slice(0, 80)}"`); });
    assert(!(await mirror(a)).includes('lukte niet'), 'the app says the copy failed');
    await shot(name, a, 'share');

    const b = await newPage();
    await open(b, clip);
    const text = await waitForMirror(b, (x) => x.includes('Gedeelde gegevens openen?'), 'no question before loading');
    assert(text.includes('Kwaliteitsregister Paramedici'), `the question does not say what the link holds:\n${text}`);
    await click(b, 'incoming.open');
    await waitForMirror(b, (x) => /Stap 5 van 6/.test(x), 'not on the result after opening');
    await click(b, 'menu.file');
    const opened = await downloaded(b, () => click(b, 'menu.save'));
    assert(opened.bytes.equals(original.bytes), `the portfolio opened from the link differs (${opened.bytes.length} vs ${original.bytes.length} bytes)`);
    return `${link.length} characters, ${original.name} ${original.bytes.length} bytes`;
  });

  // ---------------------------------------------------------------- PDF and calendar
  await inEngine('the application PDF is the CLI\'s, byte for byte; the calendar is an iCalendar file', async (newPage) => {
    const page = await newPage();
    const sample = 'kp-20-dispensation-application';
    await open(page, `${env.url}?lang=nl&sample=${sample}`);
    await click(page, 'result.application');
    await waitForMirror(page, (t) => /Stap 6 van 6/.test(t), 'not on step 6');
    const pdf = await downloaded(page, () => click(page, 'app.pdf'));
    const cli = cliPdf(sample, 'nl');
    assert(pdf.bytes.subarray(0, 5).toString() === '%PDF-', `${pdf.name} is not a PDF`);
    assert(pdf.bytes.equals(cli), `the PDF (${pdf.bytes.length} bytes) differs from the CLI's (${cli.length} bytes)`);
    assert(/^aanvraag-.*\.pdf$/.test(pdf.name), `named ${pdf.name}`);
    const ics = await downloaded(page, () => click(page, 'app.ics'));
    const text = ics.bytes.toString('utf8');
    assert(text.startsWith('BEGIN:VCALENDAR\r\n') && text.includes('BEGIN:VEVENT'), `${ics.name} is not a calendar with events`);
    return `${pdf.name} ${pdf.bytes.length} bytes; ${ics.name}; ${await shot(name, page, 'application')}`;
  });

  // ---------------------------------------------------------------- autosave and restore
  await inEngine('what is typed is autosaved; after a reload the restore question gives it back', async (newPage) => {
    const page = await newPage();
    await open(page, `${env.url}?lang=nl`);
    await toDates(page);
    await type(page, 'period_start', '01-12-2021');
    await type(page, 'check_date', '22-11-2026');
    await blur(page);
    await autosaved(page, (p) => p.check_date === '2026-11-22' && p.registration?.period_start === '2021-12-01', 'the typed dates were not autosaved');
    await page.reload();
    await waitForFrames(page, 3);
    await findWidget(page, 'restore.yes');
    await click(page, 'restore.yes');
    const text = await waitForMirror(page, (x) => x.includes('22-11-2026'), 'the restored data is not shown');
    assert(text.includes('01-12-2021'), `the period start did not come back:\n${text}`);
    return shot(name, page, 'restored');
  });

  // ---------------------------------------------------------------- keyboard only
  await inEngine('keyboard only: from the welcome screen to a verdict', async (newPage) => {
    const page = await newPage();
    await open(page, `${env.url}?lang=nl`);
    await arrowTo(page, 'welcome.start');
    await key(page, 'Enter');
    await findWidget(page, 'register.kp');
    await arrowTo(page, 'register.kp');
    await key(page, 'Space');
    await nextStep(page, 'period_start');
    await tabTo(page, 'period_start');
    await page.keyboard.type('01-12-2021');
    await key(page, 'Escape');
    await nextStep(page, 'hours.2022');
    await tabTo(page, 'hours.2022');
    await page.keyboard.type('400');
    await key(page, 'Escape');
    await nextStep(page, 'activity.add');
    await nextStep(page, 'result.copy');
    const verdict = await waitForMirror(page, (x) => /Stap 5 van 6/.test(x) && /Van toepassing: /.test(x), 'no verdict on the result step');
    return verdict.match(/Van toepassing: ([^.\n]*)/)[1];
  });

  // ---------------------------------------------------------------- phone: touch and the keyboard proxy
  await inEngine('phone-sized: a tap on a date field gives the keyboard proxy the focus, and the typed date arrives', async (newPage) => {
    const page = await newPage();
    await open(page, `${env.url}?lang=nl`);
    // To the dates by clicks (the scene); the tap on the field is what is tested. (Taps all the
    // way failed 1 run in 3 in Firefox: after two taps the wheel that reveal() scrolls with
    // did not always bring "Volgende" into view. Not looked into further: a phone scrolls
    // by a swipe, which hands.test.mjs tests in Chromium.)
    await toDates(page);
    const centre = (w) => [w.x + w.w / 2, w.y + w.h / 2];
    const target = centre(await reveal(page, 'period_start'));
    // What the page receives of the tap: a touch, not a mouse click in its place.
    await page.evaluate(() => {
      window.__tapSeen = [];
      for (const type of ['pointerdown', 'touchstart', 'mousedown'])
        document.addEventListener(type, (e) => window.__tapSeen.push(`${type}:${e.pointerType ?? ''}`), { capture: true });
    });
    await page.touchscreen.tap(...target);
    await settled(page);
    const seen = await page.evaluate(() => window.__tapSeen.join(' '));
    // WebKitGTK's WebDriver hands a touch pointer to the page as a mouse (checked: pointerdown
    // with pointerType "mouse", then mousedown; Xvfb has no touch screen either), so there this
    // is a click on a phone-sized page, and touch in Safari's engine stays untested here.
    if (name !== 'webkit') assert(seen.startsWith('pointerdown:touch'), `the tap arrived as "${seen}", not as a touch`);
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert(focused === 'herreg-text', `after the tap the focus is on "${focused}", not the keyboard proxy`);
    await page.keyboard.type('01-12-2021');
    await settled(page);
    await blur(page);
    await autosaved(page, (p) => p.registration?.period_start === '2021-12-01', 'the tapped and typed date was not autosaved');
    // MiniBrowser's window is no narrower than its toolbar: WebKitGTK gets about 450 CSS px.
    const vp = page.viewportSize();
    return `${vp.width}x${vp.height}; the tap arrived as ${seen}${name === 'webkit' ? ' (a click: see above)' : ''}; ${await shot(name, page, 'phone-dates')}`;
  }, { size: { width: 360, height: 740, touch: true } });

  // ---------------------------------------------------------------- pixel ratio
  await inEngine('at a pixel ratio of 2 (a HiDPI screen) the canvas has twice the pixels', async (newPage) => {
    const page = await newPage();
    await open(page, `${env.url}?lang=nl&sample=kp-02-dispensation`);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { ratio: window.devicePixelRatio, width: c.width, height: c.height, css: c.getBoundingClientRect().width };
    });
    assert(size.ratio === 2, `devicePixelRatio ${size.ratio}`);
    assert(Math.abs(size.width - 2 * size.css) <= 2, `the canvas is ${size.width} px for ${size.css} CSS px`);
    await waitForMirror(page, (x) => x.includes('Dispensatieregeling'), 'no result');
    return `${size.width}x${size.height} for ${size.css} CSS px; ${await shot(name, page, 'ratio-2')}`;
  }, { size: { width: 800, height: 600, scale: 2 } });

  if (engine) await engine.close();
}
stopDisplay();
await env.tearDown();
// Per engine, the tests that passed (those this tier ran): equal counts, or an engine differs.
console.log(`passed per engine: ${ENGINES.map((e) => `${e} ${passed[e]}`).join(', ')}`);
