// The app in two parts (cmake/split_app.mjs, web/boot.js): app.wasm runs the first screen;
// app.deferred.wasm, the rest, comes at the person's first input and is joined as soon as it is
// compiled. In headless Chromium, as a person uses the page:
//  - the load asks for app.wasm only, and nothing more while nobody touches the page;
//  - with the part held back (a slow network), the welcome screen and the choice of register
//    run without it (else assets/first-visit.functions is stale: the message says what to do);
//  - let go, the next press fetches it once and it is joined ahead; the wizard goes on;
//  - a person faster than the download: the step that needs it joins it there and then;
//  - a page opened on a sample's result joins it before the app starts;
//  - a part of another build is never joined (the panel says herreg was updated), and no part
//    at all (offline before it came) gives the panel too; both offer the autosave.
// Firefox and WebKitGTK run the split app through tests/browser/engines.test.mjs.
//
// Run by `node --test` (see harness.mjs for the tiers).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assert, check, openPage, settled, SITE, startSite, waitForFrames } from './harness.mjs';
import { click, nextStepToPanel, reveal, type, waitForMirror } from './ui-driver.mjs';

const STALE = 'a function the first screen runs is in app.deferred.wasm: assets/first-visit.functions is stale; ' +
  'run `node scripts/profile-first-visit.mjs`, rebuild and commit the list';

const split = (page) => page.evaluate(() => ({ ...window.herregSplit }));
const partRequests = (requests) => requests.filter((u) => new URL(u).pathname === '/app.deferred.wasm');

async function openRecorded(env, url, contextOptions) {
  const opened = await openPage(env, contextOptions);
  const requests = [];
  opened.page.on('request', (r) => requests.push(r.url()));
  await opened.page.goto(url);
  await waitForFrames(opened.page, 3);
  await settled(opened.page);
  return { ...opened, requests };
}

const env = await startSite();

await check.quick('first visit: app.wasm only until the first input; the register is chosen without the second part, then it is joined ahead', async () => {
  const { context, page, problems, requests } = await openRecorded(env, `${env.url}?lang=nl`);
  try {
    await page.waitForTimeout(2000);   // a person reading the welcome screen
    let s = await split(page);
    assert(/^[0-9a-f]{16}$/.test(s.identity ?? ''), `app.wasm carries no split identity (${s.identity}): is the build split?`);
    assert(partRequests(requests).length === 0, `asked for before any input: ${partRequests(requests).join(', ')}`);
    assert(s.placeholderCalls === 0 && !s.joined, `${STALE} (at load: ${JSON.stringify(s)})`);

    // The part held back (a slow network): the welcome screen and the choice of register must
    // not need it.
    await page.evaluate(() => { window.herregSplit.hold = true; });
    await click(page, 'welcome.start');
    await click(page, 'register.kp');
    await reveal(page, 'nav.next');
    s = await split(page);
    assert(s.placeholderCalls === 0 && !s.joined, `${STALE} (before the dates: ${JSON.stringify(s)})`);
    assert(partRequests(requests).length === 0, 'asked for while held');

    // Let go: the next input fetches it, and it is joined without a placeholder waiting for it.
    // That input is a focusin on the window, which the page's listener takes and the app never
    // sees: any real input makes the app draw a frame, which may need the part before it is in
    // (then it is joined there and then: the next test).
    await page.evaluate(() => { window.herregSplit.hold = false; window.dispatchEvent(new FocusEvent('focusin')); });
    await page.waitForFunction(() => window.herregSplit.joined);
    s = await split(page);
    assert(s.joinedBy === 'ahead' && s.fetched === 'network' && s.placeholderCalls === 0, JSON.stringify(s));
    const asked = partRequests(requests);
    assert(asked.length === 1 && asked[0].endsWith(`/app.deferred.wasm?v=${s.identity}`), `asked for: ${asked.join(', ')}`);
    await click(page, 'nav.next');
    await type(page, 'period_start', '01-12-2021');
    await waitForMirror(page, (t) => /Stap 2 van 6/.test(t) && /01-12-2021/.test(t), 'the typed date is not on step 2');
    assert(partRequests(requests).length === 1, `asked for again: ${partRequests(requests).join(', ')}`);
    assert(problems.length === 0, problems.join('\n'));
    return `${asked.length} request, joined ahead`;
  } finally {
    await context.close();
  }
});

await check.quick('a person faster than the download: the dates join the second part there and then, and the wizard goes on', async () => {
  const { context, page, problems, requests } = await openRecorded(env, `${env.url}?lang=nl`);
  try {
    await page.evaluate(() => { window.herregSplit.hold = true; });
    await click(page, 'welcome.start');
    await click(page, 'register.kp');
    await click(page, 'nav.next');
    await type(page, 'period_start', '01-12-2021');
    await waitForMirror(page, (t) => /Stap 2 van 6/.test(t) && /01-12-2021/.test(t), 'the typed date is not on step 2');
    const s = await split(page);
    assert(s.joined && /^\d+$/.test(s.joinedBy) && s.placeholderCalls === 1 && !s.fetched, JSON.stringify(s));
    assert(partRequests(requests).length === 1, `asked for ${partRequests(requests).length} times`);
    const unexpected = problems.filter((p) => !/Synchronous XMLHttpRequest/.test(p));
    assert(unexpected.length === 0, unexpected.join('\n'));
    return `joined by placeholder ${s.joinedBy} in ${s.waitedMs.toFixed(1)} ms (a synchronous request)`;
  } finally {
    await context.close();
  }
});

await check.quick('opened on a sample\'s result: the second part is joined before the app starts, and the verdict shows', async () => {
  const { context, page, problems, requests } = await openRecorded(env, `${env.url}?lang=nl&sample=kp-04-reentry-group-1`);
  try {
    await waitForMirror(page, (t) => /Stap 5 van 6/.test(t) && /Van toepassing: /.test(t), 'no verdict on the result step');
    const s = await split(page);
    assert(s.joined && s.joinedBy === 'ahead' && s.fetched === 'network' && s.placeholderCalls === 0, JSON.stringify(s));
    assert(partRequests(requests).length === 1, `asked for ${partRequests(requests).length} times`);
    assert(problems.length === 0, problems.join('\n'));
    return 'joined ahead';
  } finally {
    await context.close();
  }
});

// The panel as error-panel.test.mjs knows it: the reason, and the autosave offered.
async function partRefused(fulfil, what, reason) {
  const { context, page, problems } = await openRecorded(env, `${env.url}?lang=nl`);
  try {
    await page.route('**/app.deferred.wasm*', fulfil);
    await click(page, 'welcome.start');
    await click(page, 'register.kp');
    await page.waitForFunction(() => (localStorage.getItem('herreg.portfolio') ?? '').includes('"kp"'));
    const panel = await nextStepToPanel(page);   // on to the dates, which need the second part
    assert(panel.reason.startsWith(reason), `${what}: reason "${panel.reason}"`);
    assert(panel.download, `${what}: the autosave is not offered`);
    assert(!(await split(page)).joined, `${what}: joined anyway`);
    const unexpected = problems.filter((p) => !/app\.deferred\.wasm|herreg: |404/i.test(p));
    assert(unexpected.length === 0, unexpected.join('\n'));
    return panel.detail.split('\n')[0];
  } finally {
    await context.close();
  }
}

await check('a second part of another build is not joined: the panel says herreg was updated, reload', async () => {
  const bytes = readFileSync(path.join(SITE, 'app.deferred.wasm'));
  // The identity is the last 16 bytes (the custom section split_app.mjs appends): one digit changed.
  const other = Buffer.from(bytes);
  other[other.length - 1] = other[other.length - 1] === 0x30 ? 0x31 : 0x30;
  return partRefused((route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: other }), 'another build',
    'herreg is bijgewerkt terwijl deze pagina openstond.');
});

await check('no second part (offline before it came): the same panel, not a frozen page', async () =>
  partRefused((route) => route.fulfill({ status: 404, body: 'gone' }), 'missing', 'Een deel van herreg kon niet worden geladen.'));

await env.tearDown();
