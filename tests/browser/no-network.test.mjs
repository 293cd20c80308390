// The page talks to no one: once its own files have loaded, a whole scenario (the wizard typed
// through, a CSV file and a portfolio file read, every download, the share link copied and
// opened, the helpdesk's what-if and its summary PDF, the language switched) makes no network
// request but the PDF writer's two files of the site's own folder, when the first PDF is made,
// and no request ever goes to another origin. The same for the embedded app on
// the example page (web/voorbeeld-inbedding.html with its iframe). A third check proves the
// recorders see a request when one is made.
//
//   node tests/browser/no-network.test.mjs      (after the web build)
//   HERREG_SITE=build/pv-web/site node tests/browser/no-network.test.mjs
//
// What is recorded, each independently of the others (so one blind spot is covered by another):
//  - playwright's `request` event on the browser context: every request of every page, frame
//    and worker of the context, of any scheme (blob: and data: included);
//  - context.route('**'): every http(s) request before it leaves; one to another origin is
//    aborted (and recorded), the test server's own are let through;
//  - context.routeWebSocket('**'): any WebSocket (recorded and closed);
//  - the Chrome DevTools Protocol's Network domain on the page: requestWillBeSent (beacons and
//    the browser's own fetches for the page, such as its icon, too), webSocketCreated;
//  - inside every frame, from before the app's first script: calls of fetch, XMLHttpRequest,
//    sendBeacon, WebSocket, EventSource, RTCPeerConnection, Worker, SharedWorker,
//    serviceWorker.register and window.open, and CSP violation events (a request the page's
//    CSP stops never reaches the network, where only the frame itself sees it);
//  - the frames' own Resource Timing entries, and service workers (the context's
//    `serviceworker` event, navigator.serviceWorker.getRegistrations() at the end), popups.
// Counted as network: any URL whose scheme is not blob:, data: or about:. A download is a
// blob: URL of the page's own origin that the page hands to the browser's download manager;
// Chromium makes no request event for it: the downloads are counted by the `download` event,
// and their URLs must be such blobs. What Chromium does for itself (updates, safe browsing)
// is not the page's and is switched off by the harness's flags.
//
// The initial load ends when the app has drawn and nothing was requested for 2 s; what it
// requested must be files of the site folder, each once (the page, its scripts and style,
// app.wasm, the icon; and the example page and embed.js for the embedded run). Service workers
// are allowed: the site's own (sw.js) installs during the load and may ask for each of those
// files once more (its cache; the test's routing switches the browser's HTTP cache off), and
// nothing else; after the load it must ask for nothing either.
// One exception after the load: the PDF writer (ON_FIRST_USE: pdf-worker.js and .wasm, a
// Worker the page makes when a PDF is first asked for, README "What the page fetches, when").
// Those two files of the site's own folder may be asked for in a step that makes a PDF, each at
// most twice a recorder (the page or its Worker, and the service worker keeping it), and the
// Worker made from the site's own pdf-worker.js; nothing else.
// And the app's second part (app.deferred.wasm, web/boot.js): never in the load (no input yet),
// at most twice a recorder after it (the page's prefetch at the first input or its join, and the
// service worker keeping it), by fetch or XMLHttpRequest from the page, versioned ?v=<identity>.
// Note: Chromium fetches a page's icon again at every same-document change of its address
// (history.replaceState for ?lang=, a #fragment) unless the icon is a data: URL; the test
// server sends no-store, so each of those is a request here.
//
// Run by `node --test` (see harness.mjs for the tiers).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, check, nextAnimationFrame, patience, ROOT, saveScreenshot, settled, SITE, startSite, until, waitForFrames } from './harness.mjs';
import { blur, click, clipboardOnce, findWidget, lines, mirror, nextFrames, reveal, waitForMirror, widgets } from './ui-driver.mjs';

const CASES = path.join(ROOT, 'tests', 'cases');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'herreg-no-network-'));
const LOCAL_SCHEMES = new Set(['blob:', 'data:', 'about:']);
const QUIET_MS = 2000;
const ON_FIRST_USE = ['pdf-worker.js', 'pdf-worker.wasm'];
// A file of the site's own folder (the test server serves it at its root) fetched on first use.
const onFirstUse = (url, origin) => {
  try {
    const u = new URL(url);
    return u.origin === origin && ON_FIRST_USE.some((f) => u.pathname === `/${f}`) && u.search === '';
  } catch {
    return false;
  }
};
// The app's second part: the page asks for it with its build's identity, the service worker without.
const deferredPart = (url, origin) => {
  try {
    const u = new URL(url);
    return u.origin === origin && u.pathname === '/app.deferred.wasm' && /^(\?v=[0-9a-f]{16})?$/.test(u.search);
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------- the recorder
// Runs inside every frame before any of the page's scripts: wraps every API that can reach
// the network and notes each call (and each CSP violation) in window.__herregNet.
function instrumentFrame() {
  const calls = [];
  Object.defineProperty(window, '__herregNet', { value: calls });
  const note = (api, url) => calls.push({ api, url: String(url ?? ''), at: performance.now() });
  const wrapFn = (owner, name, api, urlOf) => {
    const original = owner && owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function (...args) {
      note(api, urlOf(args));
      return original.apply(this, args);
    };
  };
  const wrapClass = (name, urlOf) => {
    const Original = window[name];
    if (typeof Original !== 'function') return;
    window[name] = new Proxy(Original, {
      construct(target, args, newTarget) {
        note(name, urlOf(args));
        return Reflect.construct(target, args, newTarget);
      },
    });
  };
  wrapFn(window, 'fetch', 'fetch', (a) => (a[0] && a[0].url) || a[0]);
  wrapFn(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest', (a) => a[1]);
  wrapFn(navigator, 'sendBeacon', 'sendBeacon', (a) => a[0]);
  wrapFn(window, 'open', 'window.open', (a) => a[0]);
  if (navigator.serviceWorker) wrapFn(navigator.serviceWorker, 'register', 'serviceWorker.register', (a) => a[0]);
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker']) wrapClass(name, (a) => a[0]);
  for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection']) wrapClass(name, () => 'peer connection');
  document.addEventListener('securitypolicyviolation', (e) => note('CSP violation', `${e.violatedDirective} ${e.blockedURI}`));
}

async function record(context, page, origin) {
  const log = [];                     // { phase, step, via, url, kind }
  const state = { phase: 'load', step: 'load', last: Date.now() };
  const note = (via, url, kind = '') => {
    log.push({ phase: state.phase, step: state.step, via, url, kind });
    state.last = Date.now();
  };
  // The service worker's own requests (its install) come here too: Playwright attaches to the
  // worker's target and reports its CDP Network events on the context.
  context.on('request', (r) => note(r.serviceWorker() ? 'worker request' : 'request', r.url(), r.resourceType()));
  await context.route('**', async (route) => {
    const url = route.request().url();
    note('route', url, route.request().resourceType());
    if (new URL(url).origin === origin) await route.continue();
    else await route.abort('blockedbyclient');
  });
  await context.routeWebSocket('**', (ws) => {
    note('websocket route', ws.url(), 'websocket');
    ws.close();
  });
  context.on('serviceworker', (w) => note(w.url() === `${origin}/sw.js` ? 'own service worker' : 'service worker', w.url(), 'serviceworker'));
  context.on('page', (p) => { if (p !== page) note('popup', p.url(), 'page'); });
  page.on('websocket', (ws) => note('websocket', ws.url(), 'websocket'));
  page.on('worker', (w) => note('worker', w.url(), 'worker'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => note('cdp', e.request.url, e.type ?? ''));
  cdp.on('Network.webSocketCreated', (e) => note('cdp websocket', e.url, 'websocket'));
  await context.addInitScript(instrumentFrame);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  return { log, state, downloads };
}

const schemeOf = (url) => {
  try {
    return new URL(url).protocol;
  } catch {
    return '?';
  }
};
const isNetwork = (url) => !LOCAL_SCHEMES.has(schemeOf(url));

// Waits until nothing was requested for QUIET_MS (the favicon may come after the app drew):
// the end of the load is a span of time with no request in it.
async function quiet(page, rec) {
  await until(() => Date.now() - rec.state.last >= QUIET_MS, 'requests still coming', { interval: 250 });
}

// What every frame saw itself: API calls, CSP violations, Resource Timing entries after `since`
// (performance.now() of that frame at the end of the load; a frame that came later counts
// from its start), service worker registrations.
async function inFrames(page, marks) {
  const out = [];
  for (const frame of page.frames()) {
    const seen = await frame.evaluate(async (since) => ({
      url: location.href,
      calls: (window.__herregNet ?? []).filter((c) => since === undefined || c.at > since),
      resources: performance.getEntriesByType('resource')
        .filter((r) => since === undefined || r.startTime > since).map((r) => `${r.initiatorType} ${r.name}`),
      workers: navigator.serviceWorker
        ? (await navigator.serviceWorker.getRegistrations()).map((r) => (r.active ?? r.installing ?? r.waiting)?.scriptURL ?? '?')
        : [],
      now: performance.now(),
    }), marks?.get(frame)).catch((e) => ({ url: frame.url(), error: String(e) }));
    out.push({ frame, ...seen });
  }
  return out;
}

// Ends the load phase: asserts what was loaded, returns the per-frame time marks.
async function endOfLoad(page, rec, origin, expected) {
  await quiet(page, rec);
  const loaded = rec.log.filter((e) => e.phase === 'load');
  const foreign = loaded.filter((e) => isNetwork(e.url) && new URL(e.url).origin !== origin);
  assert(foreign.length === 0, `the load went to another origin: ${foreign.map((e) => e.url).join(', ')}`);
  const fetched = loaded.filter((e) => (e.via === 'request' || e.via === 'worker request') && isNetwork(e.url));
  const files = [...new Set(fetched.map((e) => new URL(e.url).pathname))].sort();
  for (const f of files) {
    const local = path.join(SITE, decodeURIComponent(f), f.endsWith('/') ? 'index.html' : '');
    assert(existsSync(local), `the load asked for ${f}, which is not a file of the site folder`);
  }
  for (const f of expected) assert(files.includes(f), `the load did not ask for ${f} (asked: ${files.join(' ')})`);
  assert(!files.includes('/app.deferred.wasm'), 'the load asked for app.deferred.wasm, before any input');
  const perFile = new Map();
  // Each file once by the page, and at most once more by the service worker's install.
  for (const e of fetched) {
    const key = `${e.via === 'request' ? '' : 'worker: '}${new URL(e.url).pathname}${new URL(e.url).search}`;
    perFile.set(key, (perFile.get(key) ?? 0) + 1);
  }
  const twice = [...perFile].filter(([, n]) => n > 1);
  assert(twice.length === 0, `asked more than once: ${twice.map(([f, n]) => `${f} ×${n}`).join(', ')}`);
  const marks = new Map((await inFrames(page)).map((f) => [f.frame, f.now]));   // per frame: its own clock
  rec.state.phase = 'scenario';
  return { files, count: perFile.size, marks };
}

// After the scenario: nothing on the network, nothing elsewhere, and a summary of what was seen.
async function assertSilent(page, rec, origin, marks) {
  await quiet(page, rec);
  const after = rec.log.filter((e) => e.phase === 'scenario');
  const firstUse = after.filter((e) => onFirstUse(e.url, origin) || deferredPart(e.url, origin));
  const network = after.filter((e) => isNetwork(e.url) && !firstUse.includes(e));
  assert(network.length === 0, `${network.length} request(s) after the load:\n  ${network.map((e) => `${e.via} ${e.kind} ${e.url} (during: ${e.step})`).join('\n  ')}`);
  const notForPdf = firstUse.filter((e) => onFirstUse(e.url, origin) && !/PDF/.test(e.step ?? ''));
  assert(notForPdf.length === 0, `the PDF writer fetched where no PDF was asked for: ${notForPdf.map((e) => `${e.via} ${e.url} (during: ${e.step})`).join(', ')}`);
  const perRecorder = new Map();
  for (const e of firstUse) perRecorder.set(`${e.via} ${e.url}`, (perRecorder.get(`${e.via} ${e.url}`) ?? 0) + 1);
  const often = [...perRecorder].filter(([, n]) => n > 2);
  assert(often.length === 0, `fetched again and again: ${often.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  const everForeign = rec.log.filter((e) => isNetwork(e.url) && new URL(e.url).origin !== origin);
  assert(everForeign.length === 0, `requests to another origin: ${everForeign.map((e) => e.url).join(', ')}`);
  // Local URLs after the load: only blob: URLs of our own origin (downloads) and data: URLs.
  const local = after.filter((e) => !isNetwork(e.url));
  const odd = local.filter((e) => !(e.url.startsWith(`blob:${origin}/`) || e.url.startsWith('data:') || e.url.startsWith('about:')));
  assert(odd.length === 0, `unexpected local URLs: ${odd.map((e) => e.url).join(', ')}`);
  const special = rec.log.filter((e) => /websocket|service worker|worker|popup/.test(e.via) &&
    !(e.phase === 'load' && (e.via === 'own service worker' || e.via === 'worker request')) &&
    !(e.phase === 'scenario' && /^worker( request)?$/.test(e.via) && firstUse.includes(e)));
  assert(special.length === 0, `websockets, workers or popups: ${special.map((e) => `${e.via} ${e.url}`).join(', ')}`);
  const frames = await inFrames(page, marks);
  for (const f of frames) {
    assert(!f.error, `frame ${f.url}: ${f.error}`);
    // The one call allowed: the PDF writer's Worker, made once a page from the site's own file.
    const pdfWorker = (c) => c.api === 'Worker' && new URL(c.url, f.url).href === `${origin}/pdf-worker.js`;
    // And the app's second part, asked for by the page's fetch (at the first input) or its
    // synchronous request (a join before that fetch was done).
    const part = (c) => /^(fetch|XMLHttpRequest)$/.test(c.api) && deferredPart(new URL(c.url, f.url).href, origin);
    const calls = f.calls.filter((c) => !pdfWorker(c) && !part(c));
    assert(calls.length === 0, `frame ${f.url} called ${calls.map((c) => `${c.api}(${c.url})`).join(', ')}`);
    assert(f.calls.filter(pdfWorker).length <= 1, `frame ${f.url} made the PDF writer's Worker more than once`);
    assert(f.calls.filter(part).length <= 2, `frame ${f.url} asked for app.deferred.wasm more than twice`);
    const allowed = (url) => onFirstUse(url, origin) || deferredPart(url, origin);
    const fetched = f.resources.filter((r) => isNetwork(r.split(' ').slice(1).join(' ')) && !allowed(r.split(' ').slice(1).join(' ')));
    assert(fetched.length === 0, `frame ${f.url} timed resources after the load: ${fetched.join(', ')}`);
    assert(f.workers.every((w) => w === `${origin}/sw.js`), `frame ${f.url} has service workers ${f.workers.join(', ')}`);
  }
  const blobs = new Set(local.filter((e) => e.url.startsWith('blob:')).map((e) => e.url)).size;
  return { events: after.length, blobs, frames: frames.length };
}

// ---------------------------------------------------------------- checks on downloaded files
async function keep(download) {
  const file = path.join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), url: download.url(), bytes: readFileSync(file) };
}

function checkDownloads(files, origin) {
  const byExt = (ext) => files.filter((f) => f.name.endsWith(ext));
  for (const f of files) assert(f.url.startsWith(`blob:${origin}/`), `${f.name} came from ${f.url}, not a blob of the page`);
  const json = byExt('.json');
  assert(json.length >= 1, 'no portfolio JSON downloaded');
  for (const f of json) assert(JSON.parse(f.bytes.toString()).format === 'herreg-portfolio/1', `${f.name} is no portfolio`);
  const pdfs = byExt('.pdf');
  assert(pdfs.some((f) => /^(aanvraag|application)-/.test(f.name)), `no application form PDF (${files.map((f) => f.name)})`);
  assert(pdfs.some((f) => /^(samenvatting|summary)-/.test(f.name)), `no helpdesk summary PDF (${files.map((f) => f.name)})`);
  for (const f of pdfs) assert(f.bytes.subarray(0, 5).toString() === '%PDF-', `${f.name} is no PDF`);
  const ics = byExt('.ics');
  assert(ics.length === 1 && ics[0].bytes.toString().startsWith('BEGIN:VCALENDAR\r\n'), 'no calendar file');
  return files.map((f) => `${f.name} (${f.bytes.length} B)`).join(', ');
}

// ---------------------------------------------------------------- the scenario on the page itself
const readCase = (name) => JSON.parse(readFileSync(path.join(CASES, `${name}.json`), 'utf8'));

async function download(page, id) {
  const [d] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
  return keep(d);
}

async function chooseFile(page, id, name, mimeType, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, id)]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(text) });
  await nextFrames(page, 4);
}

// ui-driver's type(), with a few frames between focusing the field and the first key and after
// the last: on a busy machine ImGui may not have made the field active yet when keys arrive.
async function typeInto(page, id, text) {
  const w = await reveal(page, id);
  await page.mouse.click(w.x + Math.min(w.w / 2, 40), w.y + w.h / 2);
  await page.waitForFunction(() => document.activeElement?.id === 'herreg-text')
    .catch(() => { throw new Error(`text field "${id}" did not take keyboard focus`); });
  await nextFrames(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await nextFrames(page, 2);
  await page.keyboard.type(text);
  await settled(page);   // every typed character taken (one a frame) before what comes next
}

async function wholeScenario(page, step) {
  const c = readCase('kp-02-dispensation').portfolio;
  const saved = [];
  step('steps 1-4: register, dates, hours, activities');
  // 1 register, 2 dates and circumstances, 3 hours, 4 activities (one typed, the rest from a CSV file)
  await click(page, 'welcome.start');
  await click(page, 'register.kp');
  if ((await widgets(page)).some((w) => w.id === 'profession')) {
    await click(page, 'profession');
    await click(page, 'profession.oefentherapie');
  }
  await click(page, 'nav.next');
  await typeInto(page, 'period_start', '01-12-2021');
  await typeInto(page, 'check_date', '22-11-2026');
  await typeInto(page, 'last_worked', '31-10-2026');
  await blur(page);
  await click(page, 'circumstance.illness');
  await click(page, 'nav.next');
  for (const h of c.hours) await typeInto(page, `hours.${h.year}`, String(h.hours));
  await blur(page);
  await click(page, 'nav.next');
  const [first, ...rest] = c.activities;
  await click(page, 'activity.add');
  await typeInto(page, 'activity.date', first.date.split('-').reverse().join('-'));
  await typeInto(page, 'activity.title', 'Cursus "(1)" \\ Şahin; =1+1');
  await typeInto(page, 'activity.provider', first.provider);
  await click(page, 'activity.category');
  await click(page, `activity.category.${first.category}`);
  await typeInto(page, 'activity.points', String(first.points));
  await click(page, 'activity.accredited');
  await click(page, 'activity.done');
  const csv = rest.map((a) => [a.date, a.title, a.provider, a.category, a.points, a.accredited ? 'ja' : 'nee'].join(';')).join('\r\n');
  await chooseFile(page, 'activities.import_file', 'scholing.csv', 'text/csv', `datum;titel;aanbieder;categorie;punten;geaccrediteerd\r\n${csv}\r\n`);
  await click(page, 'nav.next');
  // 5 the result, copied as text
  step('step 5: the result, copied');
  const result = await waitForMirror(page, (x) => /Stap 5 van 6/.test(x) && /ispensatie/.test(x) &&
    x.includes('Peildatum: 22-11-2026') && x.includes('Werkervaring (uren): 2.000 / 1.600'),
    'not the result of kp-02 (dispensation, checked on 22-11-2026, 2,000 hours): was something typed lost?');
  await click(page, 'result.copy');
  // the portfolio as a file
  step('File > Save');
  await click(page, 'menu.file');
  saved.push(await download(page, 'menu.save'));
  const activities = JSON.parse(saved[0].bytes.toString()).activities;
  assert(activities.length === 4, `the saved portfolio has ${activities.length} activities, not 4 (CSV import failed?)`);
  // 6 the application: a name typed, the form as PDF, the dates as ICS, the form as text
  step('step 6: the application, PDF, ICS, copy');
  await click(page, 'result.application');
  await waitForMirror(page, (x) => /Stap 6 van 6/.test(x), 'not on step 6');
  await typeInto(page, 'app.name', 'Anna "(x)" \\ Şahin');
  await blur(page);
  saved.push(await download(page, 'app.pdf'));
  saved.push(await download(page, 'app.ics'));
  await click(page, 'app.copy');
  // the share dialog: the link copied
  step('File > Share as a link');
  await click(page, 'menu.file');
  await click(page, 'menu.share');
  await findWidget(page, 'share.copy');
  const link = lines(await mirror(page)).find((l) => l.includes('#p='));
  assert(link, 'the share dialog shows no link');
  await click(page, 'share.copy');
  await clipboardOnce(page, (c) => c === link, 'the link is not on the clipboard');   // copying closes the dialog
  // The link opened in this tab: only its fragment differs, so the browser stays on the page
  // (a fragment is never sent to a server), the app asks, then opens the shared data.
  step('a share link opened');
  const here = await page.evaluate(() => location.href.split('#')[0]);
  assert(link.split('#')[0] === here, `the link's address ${link.split('#')[0]} is not this page's ${here}`);
  await page.evaluate((fragment) => { location.hash = fragment; }, link.slice(link.indexOf('#') + 1));
  await waitForMirror(page, (x) => x.includes('Gedeelde gegevens openen?'), 'no question before opening the link');
  await click(page, 'incoming.open');
  await waitForMirror(page, (x) => /Stap 5 van 6/.test(x), 'not on the result after opening the link');
  // the helpdesk: a what-if with more hours, compared, the summary as PDF and as text
  step('helpdesk: what-if, comparison, summary PDF');
  await click(page, 'result.compare');
  await waitForMirror(page, (x) => x.includes('Zoals ingevoerd en wat als'), 'not on the comparison');
  await click(page, 'cmp.edit.hours');
  await typeInto(page, 'hours.2024', '1200');
  await blur(page);
  await click(page, 'scenario.compare');
  await waitForMirror(page, (x) => /\d+ verschil/.test(x), 'no differences after changing the hours');
  await typeInto(page, 'cmp.member', 'Bram ) Tj (Jansen');
  await blur(page);
  saved.push(await download(page, 'cmp.pdf'));
  await click(page, 'cmp.copy');
  // a portfolio file opened, the language switched there and back
  step('File > Open');
  await click(page, 'menu.file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'menu.open')]);
  await chooser.setFiles({ name: 'lid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(readCase('kp-20-dispensation-application').portfolio)) });
  await waitForMirror(page, (x) => x.includes('lid.json'), 'the opened file is not named');
  step('language: English and back');
  await click(page, 'lang.en');
  await waitForMirror(page, (x) => x.includes('Loaded: lid.json') || x.includes('As entered'), 'not in English');
  await click(page, 'lang.nl');
  await waitForMirror(page, (x) => x.includes('Zoals ingevoerd') || x.includes('Geladen'), 'not back in Dutch');
  return { saved, result: lines(result).find((l) => /ispensatie/.test(l)) ?? '' };
}

// ---------------------------------------------------------------- the scenario inside the example page's iframe
// The iframe is as tall as the app: the host page scrolls, so widgets are clicked in the host's
// coordinates (as tests/browser/embed.test.mjs does).
function embeddedDriver(page, frame, handle) {
  const settle = () => settled(frame);
  const find = (id) => until(async () => (await frame.evaluate(() => window.herregWidgets())).find((x) => x.id === id),
    `widget ${id} not drawn in the iframe`);
  const clickId = async (id) => {
    let w = await find(id);
    await page.evaluate(({ y, h }) => {
      const r = document.querySelector('iframe').getBoundingClientRect();
      if (r.top + y < 0 || r.top + y + h > window.innerHeight) window.scrollBy(0, r.top + y - window.innerHeight / 2);
    }, { y: w.y, h: w.h });
    await nextAnimationFrame(page);   // the host page scrolled
    w = await find(id);
    const box = await handle.boundingBox();
    await page.mouse.click(box.x + w.x + w.w / 2, box.y + w.y + w.h / 2);
    await settle();
  };
  return {
    settle,
    click: clickId,
    async typeInto(id, text) {
      await clickId(id);
      await frame.waitForFunction(() => document.activeElement?.id === 'herreg-text');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await settle();
    },
    async download(id) {
      const [d] = await Promise.all([page.waitForEvent('download'), clickId(id)]);
      return keep(d);
    },
    live: () => frame.evaluate(() => document.getElementById('herreg-live').innerText),
    async waitLive(re, what) {
      await frame.waitForFunction((src) => new RegExp(src).test(document.getElementById('herreg-live').innerText), re.source)
        .catch(() => { throw new Error(what); });
    },
  };
}

async function embeddedScenario(page, frame, handle, step) {
  const d = embeddedDriver(page, frame, handle);
  const saved = [];
  step('File > Open');
  await d.settle();
  // A member's portfolio opened from a file, inside the sandbox.
  await d.click('menu.file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), d.click('menu.open')]);
  await chooser.setFiles({ name: 'lid.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(readCase('kp-20-dispensation-application').portfolio)) });
  await d.waitLive(/lid\.json/, 'the opened file is not named');
  await d.settle();
  step('step 6: PDF, ICS');
  await d.click('step.6');
  await d.waitLive(/Stap 6 van 6/, 'not on step 6');
  saved.push(await d.download('app.pdf'));
  saved.push(await d.download('app.ics'));
  step('File > Save');
  await d.click('menu.file');
  saved.push(await d.download('menu.save'));
  step('File > Share as a link');
  await d.click('menu.file');
  await d.click('menu.share');
  await d.click('share.copy');   // copies and closes the dialog
  await d.waitLive(/De link staat op het klembord/, 'the link was not copied');
  step('helpdesk: what-if, comparison, summary PDF');
  await d.click('step.5');
  await d.click('result.compare');
  await d.waitLive(/Zoals ingevoerd en wat als/, 'not on the comparison');
  await d.click('cmp.edit.hours');
  await d.typeInto('hours.2024', '1200');
  await d.click('scenario.compare');
  await d.waitLive(/\d+ verschil/, 'no differences after changing the hours');
  await d.typeInto('cmp.member', 'Bram Jansen');
  saved.push(await d.download('cmp.pdf'));
  return { saved };
}

// ---------------------------------------------------------------- the checks
const env = await startSite();
const origin = new URL(env.url).origin;
const newContext = async () => {
  const context = await env.browser.newContext({
    viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'], serviceWorkers: 'allow',
  });
  context.setDefaultTimeout(patience());
  return context;
};

// A page of the app in `context`, recorded from the start, its load over.
async function loadedPage(context) {
  const page = await context.newPage();
  const rec = await record(context, page, origin);
  await page.goto(`${env.url}?lang=nl`);
  await waitForFrames(page, 3);
  const load = await endOfLoad(page, rec, origin, ['/', '/app.js', '/app.wasm']);
  return { page, rec, load };
}

await check.quick('the app on its own page: after the load, a whole scenario asks for nothing but the PDF writer, once', async () => {
  const context = await newContext();
  try {
    const { page, rec, load } = await loadedPage(context);
    const { saved, result } = await wholeScenario(page, (name) => { rec.state.step = name; });
    await saveScreenshot('no-network-page.png', await page.screenshot());
    const silent = await assertSilent(page, rec, origin, load.marks);
    const files = checkDownloads(saved, origin);
    assert(rec.downloads.length === saved.length, `${rec.downloads.length} downloads seen, ${saved.length} kept`);
    return `load: ${load.count} requests (${load.files.join(' ')}); scenario "${result}": ${silent.events} events after the load, ` +
      `0 on the network, ${silent.blobs} blob: URLs (downloads); ${saved.length} downloads: ${files}`;
  } finally {
    await context.close();
  }
});

await check('the embedded app on the example page: after the load, a whole scenario asks for nothing but the PDF writer, once', async () => {
  const context = await newContext();
  try {
    const page = await context.newPage();
    const rec = await record(context, page, origin);
    await page.goto(`${env.url}voorbeeld-inbedding.html`);
    const handle = await page.locator('iframe').elementHandle();
    const frame = await handle.contentFrame();
    await waitForFrames(frame, 3);
    const load = await endOfLoad(page, rec, origin, ['/voorbeeld-inbedding.html', '/embed.js', '/index.html', '/app.js', '/app.wasm']);
    const { saved } = await embeddedScenario(page, frame, handle, (name) => { rec.state.step = name; });
    await saveScreenshot('no-network-embedded.png', await page.screenshot());
    const silent = await assertSilent(page, rec, origin, load.marks);
    const files = checkDownloads(saved, origin);
    return `load: ${load.count} requests (${load.files.join(' ')}); ${silent.frames} frames; ${silent.events} events after the load, ` +
      `0 on the network, ${silent.blobs} blob: URLs; ${saved.length} downloads: ${files}`;
  } finally {
    await context.close();
  }
});

// The recorder itself: a request the app would make must not go unnoticed (a test that
// cannot fail proves nothing). The same page, then a fetch, a beacon, an image and a
// WebSocket to another origin, and a fetch of the page's own file.
await check.quick('the recorder sees a request when one is made (fetch, beacon, image, WebSocket, own file)', async () => {
  const context = await newContext();
  try {
    const { page, rec, load } = await loadedPage(context);
    await page.evaluate(() => {
      fetch('http://example.invalid/track').catch(() => {});
      navigator.sendBeacon('http://example.invalid/beacon', 'x');
      new Image().src = 'http://example.invalid/pixel.gif';
      try { new WebSocket('ws://example.invalid/socket'); } catch (e) { /* CSP may refuse it at once */ }
      fetch('icon.svg').catch(() => {});
    });
    let failure = '';
    try {
      await assertSilent(page, rec, origin, load.marks);
    } catch (e) {
      failure = e.message;
    }
    assert(failure, 'the recorder noticed nothing');
    // Each request must be seen by at least one recorder: the browser's (network log) or the
    // frame's own (API calls, CSP violations; the page's CSP stops the fetch and the beacon
    // before they reach the network, where only the frame sees them).
    const after = rec.log.filter((e) => e.phase === 'scenario' && isNetwork(e.url));
    const calls = (await inFrames(page, load.marks)).flatMap((f) => f.calls);
    const seen = new Set([...after.map((e) => e.url), ...calls.map((c) => c.url), ...calls.map((c) => c.url.split(' ').pop())]
      .map((u) => u.replace(/\/$/, '')));
    for (const u of ['http://example.invalid/track', 'http://example.invalid/beacon', 'http://example.invalid/pixel.gif',
      'ws://example.invalid/socket', `${origin}/icon.svg`])
      assert(seen.has(u), `not recorded: ${u} (recorded: ${[...seen].join(', ')})`);
    const apis = [...new Set(calls.map((c) => c.api))];
    for (const api of ['fetch', 'sendBeacon', 'WebSocket']) assert(apis.includes(api), `${api} call not noted (${apis.join(', ')})`);
    const byBrowser = new Set(after.map((e) => e.via));
    return `${after.length} network events (${[...byBrowser].join(', ')}); frame noted: ${calls.map((c) => `${c.api} ${c.url}`).join('; ')}`;
  } finally {
    await context.close();
  }
});

// The PDF writer's files are allowed only where a PDF is made: asked for anywhere else, the
// check fails (so the exception above cannot hide a page that fetches them on its own).
await check.quick('the PDF writer\'s files asked for where no PDF is made are caught', async () => {
  const context = await newContext();
  try {
    const { page, rec, load } = await loadedPage(context);
    // The Worker itself, as the page makes it for a PDF: the call is allowed, the step is not.
    await page.evaluate(() => { new Worker('pdf-worker.js'); });
    // Checked once a recorder has the Worker's request (checked at once, it may not be there yet).
    await until(() => rec.log.some((e) => e.phase === 'scenario' && /\/pdf-worker\.js$/.test(e.url)), 'no recorder saw the Worker');
    let failure = '';
    try {
      await assertSilent(page, rec, origin, load.marks);
    } catch (e) {
      failure = e.message;
    }
    assert(/PDF writer fetched where no PDF was asked for: .*pdf-worker\.js/.test(failure), `not caught: ${failure || 'no failure'}`);
    return failure.split('\n')[0].slice(0, 160);
  } finally {
    await context.close();
  }
});

await env.tearDown();
