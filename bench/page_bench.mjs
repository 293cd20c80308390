// Page benchmark: herreg's app against a bare Dear ImGui "hello" page built with the same flags.
//
//   NODE_PATH=/usr/share/nodejs cmake --preset web && cmake --build --preset web --target app hello web_offline
//   node bench/page_bench.mjs [--runs N] [--warmup N] [--idle-seconds N (0: skip the idle part)]
//
// No npm script needed: plain `node`, playwright-core from node_modules (scripts/setup.sh) and
// Debian's /usr/bin/chromium ($HERREG_CHROMIUM), headless with software WebGL 2, exactly as the
// browser tests (tests/browser/harness.mjs). Pages are served from build/web/site ($HERREG_SITE)
// and build/web/bench-site ($HERREG_BENCH_SITE) by tests/browser/serve.mjs, one server each.
//
// For each page, N runs (default 5, after 1 uncounted warm-up), each in a fresh browser context
// (empty cache, viewport 1280x800, devicePixelRatio 1), pages alternating run by run:
//   - bytes: every response the page's server sent from the navigation until it sent nothing
//     for 1 s (at most 10 s after the load), whoever asked: the page, a worker, the service
//     worker's install; the body as served (serve.mjs does not compress; a 304 has none) and
//     that body compressed by gzip -9 (node:zlib);
//   - first frame: performance.now() (ms since performance.timeOrigin, i.e. navigation start)
//     at the moment window.herregFrames first becomes >= 1, caught by a setter installed before
//     any page script runs. That is the end of the first requestAnimationFrame callback that
//     drew with ImGui; the browser presents it right after. For herreg also the steps to it: the
//     performance marks "herreg:..." that web/fetch-app.js and web/boot.js leave (medians).
// Then, on herreg's result page (a sample), what its accessibility mirror costs a frame: the
// semantics tree built as JSON, compared with the last, and the DOM elements updated where it
// changed (window.Module._herreg_a11y_cost, timed inside the wasm around both), for frames
// that change nothing in the tree (the mouse moving over the page), frames that move every
// element (the wheel scrolling the page) and the idle page (which must draw no frames). Issue
// 18's budget: 0.3 ms a frame.
// Software rendering (SwiftShader) makes absolute times slower than on a real GPU; compare the
// two pages, not the numbers with other machines. Exit code 0 unless nothing could be measured.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants as zc } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, SITE } from '../tests/browser/harness.mjs';
import { startServer } from '../tests/browser/serve.mjs';
import { functionKey } from '../cmake/wasm_names.mjs';

const BENCH_SITE = process.env.HERREG_BENCH_SITE ?? path.join(ROOT, 'build', 'web', 'bench-site');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`page_bench: ${name} needs a whole number`);
    process.exit(2);
  }
  return n;
}
const RUNS = Math.max(1, option('--runs', 5));
const WARMUP = option('--warmup', 1);
const TIMEOUT = 60_000;

const pages = [
  { name: 'herreg', dir: SITE, main: ['app.js', 'app.wasm'] },
  { name: 'hello', dir: BENCH_SITE, main: ['hello.js', 'hello.wasm'] },
];

// Installed before the page's own scripts: records when herregFrames first reaches 1.
function frameProbe() {
  let value;
  Object.defineProperty(window, 'herregFrames', {
    configurable: true,
    enumerable: true,
    get() { return value; },
    set(v) {
      value = v;
      if (v >= 1 && window.__benchFirstFrame === undefined) window.__benchFirstFrame = performance.now();
    },
  });
}

const gzip9 = (buf) => gzipSync(buf, { level: zc.Z_BEST_COMPRESSION }).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1);

async function measureOnce(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.addInitScript(frameProbe);
    const errors = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
    const from = target.sent.length;
    await page.goto(target.url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForFunction(() => window.__benchFirstFrame !== undefined, null, { timeout: TIMEOUT });
    const info = await page.evaluate(() => ({
      firstFrame: window.__benchFirstFrame,
      // herreg's steps to it (web/fetch-app.js, web/boot.js): { name: ms since navigation }
      marks: Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('herreg:')).map((m) => [m.name.slice(7), m.startTime])),
      font: window.herregHelloFont ?? null,
      failed: document.documentElement.classList.contains('herreg-failed'),
    }));
    // The first visit: what the server sent until it was quiet for 1 s, at most 10 s after load.
    const loaded = Date.now();
    const lastSent = () => target.sent.at(-1)?.at ?? loaded;
    while (Date.now() - loaded < 10_000 && Date.now() - Math.max(lastSent(), loaded) < 1000)
      await new Promise((r) => setTimeout(r, 100));
    const responses = target.sent.slice(from).filter((r) => r.code === 200 || r.code === 304)
      .map((r) => ({ url: new URL(r.path, target.url).href, status: r.code, body: r.body ?? Buffer.alloc(0) }));
    if (info.failed) errors.push('page shows its failure box');
    return { ...info, responses, errors };
  } finally {
    await context.close();
  }
}

function summarise(responses, base) {
  const files = new Map();  // by path; a file fetched twice counts twice in the total
  let raw = 0;
  let gz = 0;
  for (const r of responses) {
    const name = new URL(r.url).pathname.replace(/^\//, '') || 'index.html';
    const g = gzip9(r.body);
    raw += r.body.length;
    gz += g;
    const f = files.get(name) ?? { name, status: r.status, raw: 0, gzip: 0, count: 0, confirmed: 0 };
    f.raw += r.body.length;
    f.gzip += g;
    if (r.status === 304) f.confirmed++;   // "not modified": the service worker's install
    else f.count++;
    files.set(name, f);
  }
  return { files: [...files.values()].sort((a, b) => b.raw - a.raw), raw, gzip: gz, count: responses.length, base };
}

// ---------------------------------------------------------------- the accessibility mirror
async function mirrorCost(browser, target) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${target.url}?lang=nl&sample=kp-21-reentry-group-1-application`, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForFunction(() => window.herregIdle === true && (window.herregFrames ?? 0) > 3, null, { timeout: TIMEOUT });
    const read = () => page.evaluate(() => ({ ms: Module._herreg_a11y_cost(0), max: Module._herreg_a11y_cost(1),
      frames: Module._herreg_a11y_cost(2), syncs: Module._herreg_a11y_cost(3), elements: document.querySelectorAll('#herreg-a11y *').length }));
    const idle = () => page.waitForFunction(() => window.herregIdle === true, null, { timeout: TIMEOUT });
    const phase = async (label, act) => {
      await idle();
      const a = await read();
      await act();
      await idle();
      const b = await read();
      const frames = b.frames - a.frames;
      return { label, frames, syncs: b.syncs - a.syncs, perFrame: frames ? (b.ms - a.ms) / frames : 0, elements: b.elements };
    };
    const rows = [];
    rows.push(await phase('mouse moving (tree unchanged)', async () => {
      for (let i = 0; i < 60; i++) await page.mouse.move(300 + 10 * i, 500 + (i % 7));
    }));
    rows.push(await phase('wheel scrolling (every element moves)', async () => {
      await page.mouse.move(640, 500);
      for (let i = 0; i < 30; i++) await page.mouse.wheel(0, i < 15 ? 60 : -60);
    }));
    rows.push(await phase('idle, 2 s', () => new Promise((r) => setTimeout(r, 2000))));
    const worst = (await read()).max;
    console.log('');
    console.log('accessibility mirror on the result page (budget 0.3 ms a frame; emscripten_get_now is coarse, so means over many frames):');
    for (const r of rows) {
      console.log(`  ${r.label.padEnd(40)} ${String(r.frames).padStart(4)} frames, ${String(r.syncs).padStart(4)} DOM updates, ` +
        `${r.perFrame.toFixed(3)} ms a frame`);
    }
    console.log(`  mirror elements: ${rows[0].elements}; dearest single frame since the page opened (its first build included): ${worst.toFixed(2)} ms`);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- idle CPU
// What a page costs while nobody touches it, per step: the renderer's main-thread task time
// (CDP Performance.getMetrics, TaskDuration, in seconds) over IDLE_SECONDS once the page is
// idle. Goal (issue 20): at most 0.2 s per 10 s on every step. The bare hello page draws
// every frame, so it shows what a loop that never sleeps costs.
const IDLE_SECONDS = option('--idle-seconds', 10);

async function idleCpu(browser, url, reach) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForFunction(() => (window.herregFrames ?? 0) > 3, null, { timeout: TIMEOUT });
    if (reach) await reach(page);
    await page.waitForTimeout(500);   // the last event's settle frames
    const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const frames = () => page.evaluate(() => window.herregFrames ?? 0);
    const [t0, f0] = [await task(), await frames()];
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const [t1, f1] = [await task(), await frames()];
    return { cpu: (t1 - t0) * (10 / IDLE_SECONDS), frames: f1 - f0 };
  } finally {
    await context.close();
  }
}

async function press(page, id) {
  await page.waitForFunction((i) => (window.herregWidgets?.() ?? []).some((w) => w.id === i), id, { timeout: TIMEOUT });
  const w = await page.evaluate((i) => window.herregWidgets().find((x) => x.id === i), id);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  await page.waitForFunction(() => window.herregIdle === true, null, { timeout: TIMEOUT });
}

async function idleReport(browser, app, hello) {
  console.log('');
  console.log(`idle CPU, renderer main-thread task time per 10 s (measured over ${IDLE_SECONDS} s; goal <= 0.2 s):`);
  const steps = [
    ['welcome', `${app.url}?lang=nl`, null],
    ['register (step 1)', `${app.url}?lang=nl`, (page) => press(page, 'welcome.start')],
    ['result page (kp-02)', `${app.url}?lang=nl&sample=kp-02-dispensation`, null],
    ['application (kp-21, step 6)', `${app.url}?lang=nl&sample=kp-21-reentry-group-1-application`, (page) => press(page, 'step.6')],
    ['comparison (kp-02)', `${app.url}?lang=nl&sample=kp-02-dispensation`, (page) => press(page, 'result.compare')],
  ];
  if (hello?.url) steps.push(['bare ImGui hello', hello.url, null]);
  for (const [label, url, reach] of steps) {
    try {
      const r = await idleCpu(browser, url, reach);
      console.log(`  ${label.padEnd(30)} ${r.cpu.toFixed(2)} s, ${r.frames} frames drawn`);
    } catch (err) {
      console.log(`  ${label.padEnd(30)} failed: ${String(err?.message ?? err).split('\n')[0]}`);
    }
  }
}

// ---------------------------------------------------------------- what app.wasm holds
// The web build keeps a copy of app.wasm with its name section (build/web/app.names.wasm,
// linked with --profiling-funcs; the site's copy has it stripped). wasm-objdump (Debian's wabt)
// lists every function body's size by name; a name's namespace or prefix says whose it is.
// Sizes are of the code as shipped (after binaryen), before gzip, for the whole app as linked;
// the build then splits it (cmake/split_app.mjs): the owners' column "first visit" is what of
// it app.wasm keeps (assets/first-visit.functions), the rest is app.deferred.wasm's.
const NAMES_WASM = process.env.HERREG_NAMES_WASM ?? path.join(ROOT, 'build', 'web', 'app.names.wasm');
const FIRST_VISIT = path.join(ROOT, 'assets', 'first-visit.functions');
const OWNERS = [
  [/^(nlohmann::|std::__2::.*nlohmann::)/, 'nlohmann/json'],
  [/^herreg::ui::/, 'herreg ui (src/ui)'],
  [/^herreg::app::|^__original_main/, 'herreg app (src/app)'],
  [/^herreg::platform::/, 'herreg platform (src/platform)'],
  [/^herreg::pdf::|^herreg_hpdf|^hpdf_/, 'herreg pdf (src/pdf)'],
  [/^herreg::/, 'herreg core (src/core)'],
  [/^HPDF_/, 'libharu'],
  [/^(deflate|inflate|_tr_|crc32|adler32|zcalloc|zcfree|longest_match|fill_window|build_tree|compress_block|send_tree|scan_tree|pqdownheap|gen_bitlen|gen_codes|updatewindow|fixedtables|zError|lm_init|flush_pending|read_buf|bi_)/, 'zlib'],
  [/^(Im|stb|glfw|_glfw|ImGui_)/i, 'Dear ImGui, stb, GLFW'],
  [/^std::/, 'libc++'],
];
function sizeBreakdown() {
  console.log('');
  if (!existsSync(NAMES_WASM)) {
    console.log(`size breakdown: ${path.relative(ROOT, NAMES_WASM)} not built`);
    return;
  }
  let dump;
  try {
    // One section per call: wasm-objdump keeps only the last -j.
    dump = ['Code', 'Data'].map((section) => execFileSync('wasm-objdump', ['-x', '-j', section, NAMES_WASM],
      { encoding: 'utf8', maxBuffer: 256 << 20 })).join('\n');
  } catch (err) {
    console.log(`size breakdown: wasm-objdump failed (${String(err?.message ?? err).split('\n')[0]}); scripts/setup.sh installs wabt`);
    return;
  }
  const funcs = [];
  let data = 0;
  const segments = [];
  for (const lineText of dump.split('\n')) {
    let m = /^ - func\[\d+\] size=(\d+) <(.*)>$/.exec(lineText);
    if (m) { funcs.push({ size: Number(m[1]), name: m[2] }); continue; }
    m = /^ - segment\[\d+\] <([^>]*)> .*size=(\d+)/.exec(lineText);
    if (m) { data += Number(m[2]); segments.push({ size: Number(m[2]), name: m[1] }); }
  }
  const code = funcs.reduce((a, f) => a + f.size, 0);
  const firstVisit = existsSync(FIRST_VISIT)
    ? new Set(readFileSync(FIRST_VISIT, 'utf8').split('\n').filter((l) => /^[0-9a-f]{16}$/.test(l)))
    : new Set();
  const groups = new Map();
  for (const f of funcs) {
    const owner = OWNERS.find(([re]) => re.test(f.name))?.[1] ?? 'libc, Emscripten, other';
    const g = groups.get(owner) ?? { size: 0, count: 0, first: 0 };
    g.size += f.size;
    g.count += 1;
    if (firstVisit.has(functionKey(f.name))) g.first += f.size;
    groups.set(owner, g);
  }
  const short = (name) => (name.length > 96 ? `${name.slice(0, 93)}...` : name);
  console.log(`size breakdown of app.wasm (${path.relative(ROOT, NAMES_WASM)}; KB before gzip): ` +
    `code ${kb(code)} in ${funcs.length} functions, data ${kb(data)} in ${segments.length} segments`);
  const first = [...groups.values()].reduce((n, g) => n + g.first, 0);
  console.log(`  by owner (from the function names; first visit: the part app.wasm keeps, ${kb(first)} KB of code):`);
  for (const [owner, g] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
    console.log(`    ${owner.padEnd(32)} ${kb(g.size).padStart(7)} KB  ${String(g.count).padStart(5)} functions  ` +
      `first visit ${kb(g.first).padStart(7)} KB`);
  }
  console.log('  the 20 largest functions:');
  for (const f of funcs.sort((a, b) => b.size - a.size).slice(0, 20)) {
    console.log(`    ${kb(f.size).padStart(6)} KB  ${short(f.name)}`);
  }
  const big = segments.sort((a, b) => b.size - a.size).slice(0, 3).map((s) => `${s.name} ${kb(s.size)}`);
  console.log(`  largest data segments (KB): ${big.join(', ')}`);
}

// ---------------------------------------------------------------- run
const servers = [];
let browser = null;
let exitCode = 0;
try {
  for (const p of pages) {
    const missing = ['index.html', ...p.main].filter((f) => !existsSync(path.join(p.dir, f)));
    if (missing.length) {
      p.skip = `not built (${missing.join(', ')} missing in ${path.relative(ROOT, p.dir) || p.dir})`;
      continue;
    }
    const wasm = path.join(p.dir, p.main[1]);
    p.built = statSync(wasm).mtime;
    p.sent = [];
    const server = await startServer(p.dir, { onSend: (r) => p.sent.push({ ...r, at: Date.now() }) });
    servers.push(server);
    p.url = server.url;
    p.times = [];
    p.marks = {};
    p.sizes = null;
  }
  const active = pages.filter((p) => !p.skip);
  if (active.length) {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    for (let run = -WARMUP; run < RUNS; run++) {
      for (const p of active) {
        if (p.skip) continue;
        try {
          const m = await measureOnce(browser, p);
          if (m.errors.length) p.errors = [...new Set([...(p.errors ?? []), ...m.errors])];
          if (m.font) p.font = m.font;
          if (run < 0) continue;  // warm-up: not counted
          p.times.push(m.firstFrame);
          for (const [name, at] of Object.entries(m.marks)) (p.marks[name] ??= []).push(at);
          p.sizes ??= summarise(m.responses, p.url);
        } catch (err) {
          p.skip = `failed: ${String(err?.message ?? err).split('\n')[0]}`;
        }
      }
    }
  }

  // ---------------------------------------------------------------- report
  console.log(`page_bench: ${RUNS} runs per page (+${WARMUP} warm-up), fresh context each, 1280x800 @1x,`);
  console.log(`headless ${CHROMIUM} with SwiftShader WebGL 2; bytes as served (uncompressed) and gzip -9.`);
  console.log('');
  const rows = [['page', 'files', 'raw KB', 'gzip KB', 'first frame ms (median/min)']];
  for (const p of pages) {
    if (p.skip || !p.sizes || !p.times.length) {
      rows.push([p.name, '-', '-', '-', p.skip ?? 'no measurement']);
      continue;
    }
    rows.push([
      p.name,
      String(p.sizes.count),
      kb(p.sizes.raw),
      kb(p.sizes.gzip),
      `${median(p.times).toFixed(0)} / ${Math.min(...p.times).toFixed(0)}`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, c) => (c === 0 || c === 4 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));

  const [app, hello] = pages;
  if (app.sizes && hello.sizes && app.times.length && hello.times.length) {
    console.log('');
    console.log(`herreg - hello: ${kb(app.sizes.raw - hello.sizes.raw)} KB raw, ${kb(app.sizes.gzip - hello.sizes.gzip)} KB gzip, ` +
      `${(median(app.times) - median(hello.times)).toFixed(0)} ms first frame ` +
      `(medians; ${(median(app.times) / median(hello.times)).toFixed(2)}x)`);
    // The same ratio run by run: each herreg run against the hello run right after it, so that
    // a busy or quiet spell of the machine weighs on both. Its spread shows how far one bench's
    // ratio of medians can be trusted (hello's median alone moves by 100 ms from bench to bench).
    const pairs = app.times.slice(0, hello.times.length).map((t, i) => t / hello.times[i]).sort((a, b) => a - b);
    if (pairs.length >= 4) {
      const at = (q) => {   // the q-quantile, between the two nearest ratios
        const x = q * (pairs.length - 1);
        const i = Math.floor(x);
        return pairs[i] + ((pairs[i + 1] ?? pairs[i]) - pairs[i]) * (x - i);
      };
      console.log(`run by run (herreg / the hello run after it, ${pairs.length} pairs): median ${median(pairs).toFixed(2)}x, ` +
        `middle half ${at(0.25).toFixed(2)}x to ${at(0.75).toFixed(2)}x`);
    }
  }
  // Where herreg's start spends its time: each step's mark, median ms since navigation, in order.
  const steps = Object.entries(app.marks).map(([name, at]) => [name, median(at)]).sort((a, b) => a[1] - b[1]);
  if (steps.length) {
    console.log('');
    console.log(`herreg's start (medians, ms since navigation): ${steps.map(([name, at]) => `${name} ${at.toFixed(0)}`).join(', ')}`);
  }

  console.log('');
  console.log('per file (KB raw / gzip -9):');
  for (const p of pages) {
    if (!p.sizes) continue;
    const list = p.sizes.files.map((f) => `${f.name}${f.count > 1 ? ` x${f.count}` : ''}${f.confirmed ? ` (+${f.confirmed} x 304)` : ''} ${kb(f.raw)}/${kb(f.gzip)}`);
    console.log(`  ${p.name.padEnd(6)} ${list.join(', ')}`);
  }

  console.log('');
  console.log('notes:');
  for (const p of pages) {
    if (p.built) console.log(`  ${p.name}: ${path.relative(ROOT, p.dir)}, ${p.main[1]} built ${p.built.toISOString().replace('T', ' ').slice(0, 19)} UTC`);
  }
  if (hello.font) console.log(`  hello font: ${hello.font}; herreg: its theme's fonts (src/ui/theme.cpp)`);
  // Not in the first visit: what the page fetches only when first used (README "What the page
  // fetches, when"). The bytes are those files' own, from the site folder.
  const onFirstUse = [
    [['app.deferred.wasm'], 'the app\'s second part', 'fetched at the first input (a press, a key, a touch)'],
    [['pdf-worker.js', 'pdf-worker.wasm'], 'the PDF writer\'s Worker', 'fetched when the first PDF is asked for'],
  ];
  for (const [files, what, when] of onFirstUse) {
    const later = files.filter((f) => existsSync(path.join(SITE, f)));
    if (!later.length) continue;
    const sizes = later.map((f) => readFileSync(path.join(SITE, f)));
    const raw = sizes.reduce((n, b) => n + b.length, 0);
    const gz = sizes.reduce((n, b) => n + gzip9(b), 0);
    console.log(`  herreg on first use, not counted above: ${what} (${later.join(', ')}) ` +
      `${kb(raw)} KB raw, ${kb(gz)} KB gzip, ${when}`);
  }
  console.log('  hello is built with the app target\'s compile and link options (cmake/hello_bench.cmake),');
  console.log('  so both embed the same subset fonts in the wasm; the difference is herreg\'s own code and data.');
  for (const p of pages) {
    if (p.errors?.length) console.log(`  ${p.name} page reported: ${p.errors.slice(0, 5).join('; ')}`);
  }
  sizeBreakdown();
  const mirrored = pages.find((p) => p.name === 'herreg' && !p.skip);
  if (mirrored && browser) await mirrorCost(browser, mirrored);
  if (mirrored && browser && IDLE_SECONDS > 0) await idleReport(browser, mirrored, pages.find((p) => p.name === 'hello' && !p.skip));
  if (!pages.some((p) => p.sizes)) exitCode = 1;
} catch (err) {
  console.error(`page_bench: ${err?.stack ?? err}`);
  exitCode = 1;
} finally {
  if (browser) await browser.close();
  for (const s of servers) await s.close();
}
process.exit(exitCode);
