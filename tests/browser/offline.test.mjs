// The service worker (web/sw.js): after one visit the check loads, reloads and works with the
// network gone (the app's second part, app.deferred.wasm, kept at the visit's first press; a
// visit without any input keeps only the first screen, and the page says so when it needs
// more); installing it downloads nothing the page had already loaded; a new build replaces the
// old cache. Each test serves its own copy of the site (startServer with a
// counter of what the server sent), with service workers allowed (the harness blocks them).
//
//   node --test tests/browser/offline.test.mjs      (after the web build)
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, patience, saveScreenshot, SITE, startSite, until, waitForFrames } from './harness.mjs';
import { blur, click, mirror, nextStepToPanel, openStep6, reveal, toDates, waitForMirror } from './ui-driver.mjs';
import { startServer } from './serve.mjs';

const env = await startSite();

// A copy of the site on a server of its own; `sent` lists every 200 response (path, bytes).
async function ownSite() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'herreg-offline-'));
  cpSync(SITE, dir, { recursive: true });
  const sent = [];
  const site = await startServer(dir, { onSend: (r) => { if (r.code === 200) sent.push(r); } });
  return { dir, sent, url: site.url, close: site.close };
}

async function visit(site, query = '') {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 }, serviceWorkers: 'allow' });
  context.setDefaultTimeout(patience());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto(site.url + query);
  await waitForFrames(page, 1);
  return { context, page, problems };
}

// `fn(site, page, context, problems)` on a fresh copy of the site, visited once (at `query`,
// after `before(site)`); both closed after.
async function onOwnSite(fn, { query = '', before = () => {} } = {}) {
  const site = await ownSite();
  await before(site);
  const { context, page, problems } = await visit(site, query);
  try {
    return await fn(site, page, context, problems);
  } finally {
    await context.close();
    await site.close();
  }
}

// The worker is installed, active and in charge of the page. Polled from here: page.waitForFunction
// takes the promise an async predicate returns for a true answer, and did not wait at all.
async function controlled(page) {
  await until(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!reg?.active && reg.active.state === 'activated' && !!navigator.serviceWorker.controller;
  }), 'the service worker did not take the page over');
}

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('herreg-')));

// A new build on the site: its sw.js stamped `build`; the page's worker updates to it, and the
// new build's cache is the only one left.
async function newBuild(site, page, build, failure) {
  const sw = path.join(site.dir, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/var BUILD = "[0-9a-f]+";/, `var BUILD = "${build}";`));
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await until(async () => {
    const names = await cacheNames(page);
    return names.length === 1 && names[0] === `herreg-${build}`;
  }, failure);
}

// The worker's cache holds the app's second part (kept when the page first fetched it).
const partKept = (page) => page.evaluate(async () => !!(await caches.match('app.deferred.wasm')));

await check.quick('after one visit the check reloads and works with the network gone', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await controlled(page);
    // A person's first press (here on an empty spot of the welcome screen) fetches the second part.
    await blur(page);
    await until(() => partKept(page), 'the worker did not keep app.deferred.wasm after the first press');
    await context.setOffline(true);
    const fromWorker = [];
    page.on('response', (r) => fromWorker.push(r.fromServiceWorker()));
    await page.reload();
    await waitForFrames(page, 1);
    assert(fromWorker.length > 0 && fromWorker.every(Boolean), `the reload did not come from the worker: ${fromWorker}`);
    // A person goes on: the wizard starts and a register is chosen, all offline.
    await toDates(page);
    await waitForMirror(page, (t) => /Stap 2 van \d/.test(t), 'step 2 not reached offline');
    const split = await page.evaluate(() => window.herregSplit);
    assert(split.joined && split.fetched === 'cache', `the second part offline: ${JSON.stringify(split)}`);
    // Another address of the same page (the language in the query) loads offline too.
    await page.goto(`${site.url}?lang=en`);
    await waitForFrames(page, 1);
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: patience() });
    assert(problems.length === 0, problems.join('\n'));
    return `${fromWorker.length} responses from the worker; mirror: ${(await mirror(page)).split('\n')[0]}`;
  });
});

// A person quicker than the worker: the page registers it only after its first frame, so a
// first press can fetch the second part before the worker is in charge, past it. The part is
// then asked for once more when the worker takes over, for it to keep. The worker's script is
// held back here until the press has fetched and joined the part (the page's own register()
// then fails, as it would on a flaky network), and registered once it is back.
await check('a press before the worker takes over: the part is kept once it does', async () => {
  const swOf = (site) => path.join(site.dir, 'sw.js');
  return onOwnSite(async (site, page, context, problems) => {
    await blur(page);
    await page.waitForFunction(() => window.herregSplit.joined, null, { timeout: patience() });
    // Joined ahead ("network") or, when the press needed it sooner, by a synchronous request.
    const was = await page.evaluate(() => ({ by: window.herregSplit.joinedBy, controlled: !!navigator.serviceWorker.controller }));
    assert(!was.controlled, 'the worker was in charge before it could be installed');
    renameSync(`${swOf(site)}.held`, swOf(site));
    await page.evaluate(() => navigator.serviceWorker.register('sw.js'));
    await controlled(page);
    await until(() => partKept(page), 'the worker never kept app.deferred.wasm fetched before it took over');
    const unexpected = problems.filter((p) => !/sw\.js|service ?worker|\(404\) was received when fetching the script/i.test(p));
    assert(unexpected.length === 0, unexpected.join('\n'));
    return `part joined before the worker (${was.by}), kept after it took over`;
  }, { before: (site) => renameSync(swOf(site), `${swOf(site)}.held`) });
});

// A first visit that opens beyond the first screen (here a sample) joins the part before the app
// starts, long before the worker exists: it is kept once the worker takes over, with no input.
await check('a sample opened on the first visit: the part is kept once the worker takes over', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    const split = await page.evaluate(() => window.herregSplit);
    assert(split.joined && split.fetched === 'network', `the part before the start: ${JSON.stringify(split)}`);
    await controlled(page);
    await until(() => partKept(page), 'the worker never kept app.deferred.wasm the sample had fetched');
    assert(problems.length === 0, problems.join('\n'));
    return 'joined from the network before the start, kept after the worker took over';
  }, { query: '?lang=nl&sample=kp-04-reentry-group-1' });
});

// The limit of the above: a visit where nobody touched the page kept only the first screen. The
// page does not freeze or lose what was chosen: it says a part could not be loaded, and offers
// the autosave.
await check('a visit without any input, then offline: the first screen works, the next step says a part could not be loaded', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await controlled(page);
    assert(!(await partKept(page)), 'the second part was kept without any input');
    await context.setOffline(true);
    await page.reload();
    await waitForFrames(page, 1);
    await click(page, 'welcome.start');
    await click(page, 'register.kp');
    const panel = await nextStepToPanel(page);
    assert(panel.reason.startsWith('Een deel van herreg kon niet worden geladen.'), `reason "${panel.reason}"`);
    assert(panel.download, 'the autosave (the register chosen) is not offered');
    const unexpected = problems.filter((p) => !/app\.deferred\.wasm|herreg: |Uncaught|ERR_INTERNET_DISCONNECTED|Failed to load/i.test(p));
    assert(unexpected.length === 0, unexpected.join('\n'));
    await saveScreenshot('offline-part-missing.png', await page.screenshot());
    return panel.reason.split(' / ')[0];
  });
});

await check.quick('installing the worker downloads nothing the page had already loaded', async () => {
  return onOwnSite(async (site, page, context) => {
    await controlled(page);
    const count = (p) => site.sent.filter((r) => r.path.split('?')[0] === p).length;
    for (const file of ['/app.wasm', '/app.js', '/boot.js', '/style.css'])
      assert(count(file) === 1, `${file} was sent ${count(file)} times`);
    const bytes = site.sent.reduce((n, r) => n + r.bytes, 0);
    const names = await cacheNames(page);
    assert(names.length === 1, `caches: ${names}`);
    return `${site.sent.length} files, ${(bytes / 1024).toFixed(1)} KB sent in all; cache ${names[0]}`;
  });
});

await check('a new build: the next load gets the new files and the old cache goes', async () => {
  return onOwnSite(async (site, page, context) => {
    await controlled(page);
    const [before] = await cacheNames(page);
    // A new build: another style.css and a sw.js stamped with another hash.
    const css = path.join(site.dir, 'style.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n/* new build */\n`);
    await newBuild(site, page, '0123456789abcdef', `the old cache ${before} was not replaced`);
    await page.reload();
    await waitForFrames(page, 1);
    const style = await page.evaluate(async () => (await fetch('style.css')).text());
    assert(style.includes('/* new build */'), 'the reload still has the old style.css');
    return `${before} -> herreg-0123456789abcdef`;
  });
});

// A site caught half-way through an update: a new sw.js beside an app.js that is not the one it
// was built with. Kept, it would be a check that cannot start offline; the install fails
// instead, and the worker already there stays with its cache.
await check.quick("a worker whose app.js is not its build's is not installed: the one there stays, the page works", async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await controlled(page);
    const [before] = await cacheNames(page);
    const sw = path.join(site.dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/var BUILD = "[0-9a-f]+";/, 'var BUILD = "fedcba9876543210";'));
    const js = path.join(site.dir, 'app.js');
    writeFileSync(js, `${readFileSync(js, 'utf8')}\n// not this build's\n`);
    const outcome = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update().catch(() => {});
      // Until the new worker has ended one way or the other.
      for (let i = 0; i < 200 && (reg.installing || reg.waiting); i++) await new Promise((r) => setTimeout(r, 50));
      return { installing: !!reg.installing, waiting: !!reg.waiting, active: reg.active?.scriptURL ?? null };
    });
    assert(!outcome.installing && !outcome.waiting, `the new worker did not end: ${JSON.stringify(outcome)}`);
    const names = await cacheNames(page);
    assert(names.length === 1 && names[0] === before, `caches after the failed install: ${names} (was ${before})`);
    // The worker there still answers, with the files of its own build, offline too.
    await context.setOffline(true);
    await page.reload();
    await waitForFrames(page, 1);
    const served = await page.evaluate(async () => (await fetch('app.js')).text());
    assert(!served.includes("not this build's"), 'the app.js of the half-done update was kept');
    assert(problems.length === 0, problems.join('\n'));
    return `${before} kept; the new worker was not installed`;
  });
});

// ---------------------------------------------------------------- the PDF writer, fetched on first use
const SAMPLE_AT_STEP_6 = '?lang=nl&sample=kp-20-dispensation-application';
const UNAVAILABLE = 'het onderdeel dat PDF-bestanden maakt, kon niet worden geladen';

// The application's PDF button pressed: the download's first bytes, once it has come.
async function pdfDownload(page) {
  await reveal(page, 'app.pdf');
  const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'app.pdf')]);
  const file = await download.path();
  return { name: download.suggestedFilename(), head: readFileSync(file).subarray(0, 5).toString() };
}

await check.quick('the PDF writer is fetched when the first PDF is asked for and kept: later PDFs are made offline', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await controlled(page);
    const sentOf = (f) => site.sent.filter((r) => r.path.split('?')[0] === `/${f}`).length;
    assert(sentOf('pdf-worker.js') === 0 && sentOf('pdf-worker.wasm') === 0, 'the PDF writer came with the page');
    await openStep6(page, `${site.url}${SAMPLE_AT_STEP_6}`);
    const online = await pdfDownload(page);
    assert(online.head === '%PDF-', `online: ${online.name} is no PDF`);
    assert(sentOf('pdf-worker.js') === 1 && sentOf('pdf-worker.wasm') === 1,
      `the PDF writer was sent ${sentOf('pdf-worker.js')} + ${sentOf('pdf-worker.wasm')} times`);
    // The network gone, a new page: its PDF writer comes from the service worker's cache.
    await context.setOffline(true);
    const sentBefore = site.sent.length;
    await openStep6(page, `${site.url}${SAMPLE_AT_STEP_6}`);
    const offline = await pdfDownload(page);
    assert(offline.head === '%PDF-', `offline: ${offline.name} is no PDF`);
    assert(site.sent.length === sentBefore, `offline, the server still sent ${site.sent.slice(sentBefore).map((r) => r.path)}`);
    await waitForMirror(page, (t) => t.includes(`Opgeslagen als ${offline.name}`), 'the banner does not name the PDF');
    assert(problems.length === 0, problems.join('\n'));
    return `${online.name} online, then offline from the cache`;
  });
});

// An update drops the older build's cache; what it had kept of the PDF writer (and the app's
// second part) comes again with the new build's install, so that a PDF is still made offline
// after an update.
await check('after an update, the PDF writer an older build had kept is kept again: PDFs offline still work', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await controlled(page);
    await openStep6(page, `${site.url}${SAMPLE_AT_STEP_6}`);
    assert((await pdfDownload(page)).head === '%PDF-', 'no PDF before the update');
    await newBuild(site, page, '00112233aabbccdd', 'the update did not replace the cache');
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('herreg-00112233aabbccdd');
      return Promise.all(['pdf-worker.js', 'pdf-worker.wasm', 'app.deferred.wasm'].map(async (f) => !!(await cache.match(f))));
    });
    assert(kept.every(Boolean), `the new cache lacks the PDF writer or the app's second part (kept: ${kept})`);
    await context.setOffline(true);
    await openStep6(page, `${site.url}${SAMPLE_AT_STEP_6}`);
    const pdf = await pdfDownload(page);
    assert(pdf.head === '%PDF-', `offline after the update: ${pdf.name} is no PDF`);
    assert(problems.length === 0, problems.join('\n'));
    return `herreg-00112233aabbccdd holds the PDF writer; ${pdf.name} offline`;
  });
});

// The writer cannot be loaded (offline before the first PDF, a site mid-update): its script or
// its wasm missing. The banner says so, nothing hangs, and once the files are there again the
// same button makes the PDF.
await check.quick('a PDF writer that cannot be loaded is said so; once it can, the same button makes the PDF', async () => {
  return onOwnSite(async (site, page, context, problems) => {
    await openStep6(page, `${site.url}${SAMPLE_AT_STEP_6}`);
    const results = [];
    for (const missing of ['pdf-worker.js', 'pdf-worker.wasm']) {
      const file = path.join(site.dir, missing);
      renameSync(file, `${file}.away`);
      try {
        await reveal(page, 'app.pdf');
        await click(page, 'app.pdf');
        const text = await waitForMirror(page, (t) => t.includes(UNAVAILABLE), `without ${missing}: no message`);
        results.push(`without ${missing}: said so`);
        if (missing === 'pdf-worker.js') await saveScreenshot('offline-pdf-unavailable.png', await page.screenshot());
        assert(!text.includes('wordt gemaakt'), `without ${missing}: still "being made"`);
        await click(page, 'banner.dismiss');
      } finally {
        renameSync(`${file}.away`, file);
      }
    }
    const pdf = await pdfDownload(page);
    assert(pdf.head === '%PDF-', `${pdf.name} is no PDF`);
    // The failures were the page's to report, not errors in its console.
    const unexpected = problems.filter((p) => !/pdf-worker|404|Failed to load|abort/i.test(p));
    assert(unexpected.length === 0, unexpected.join('\n'));
    return `${results.join('; ')}; then ${pdf.name}`;
  });
});

// The wasm's download breaks off (a network error, not a 404) while its script came: Emscripten
// 3.1.6 leaves that rejection unhandled in the Worker, which the Worker reports as an abort.
await check('a PDF writer whose wasm download breaks off is said so, not made for ever', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  context.setDefaultTimeout(patience());
  try {
    const page = await context.newPage();
    await context.route('**/pdf-worker.wasm', (route) => route.abort('internetdisconnected'));
    await openStep6(page, `${env.url}${SAMPLE_AT_STEP_6}`);
    await reveal(page, 'app.pdf');
    await click(page, 'app.pdf');
    await waitForMirror(page, (t) => t.includes(UNAVAILABLE), 'no message after the broken download');
    await context.unroute('**/pdf-worker.wasm');
    await click(page, 'banner.dismiss');
    const pdf = await pdfDownload(page);
    assert(pdf.head === '%PDF-', `${pdf.name} is no PDF`);
    return `said so; then ${pdf.name}`;
  } finally {
    await context.close();
  }
});

await check("a file that is not the page's own (an association's rules file) is not kept by the worker", async () => {
  return onOwnSite(async (site, page, context) => {
    await controlled(page);
    const rules = path.join(site.dir, 'regels.json');
    const read = () => page.evaluate(async () => (await fetch('regels.json', { cache: 'no-cache' })).text());
    writeFileSync(rules, '{"versie": 1}');
    const first = await read();
    writeFileSync(rules, '{"versie": 2, "gewijzigd": true}');
    const second = await read();
    assert(first.includes('1') && second.includes('2'), `read ${first}, then ${second}`);
    return `${first} -> ${second}`;
  });
});

await env.tearDown();
