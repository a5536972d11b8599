// jiexi's performance harness: the release build served locally, measured in
// headless Chromium, every figure next to a peer measured in the same run.
//   trunk build --release --offline && node scripts/bench/perf.mjs [FILE] [RUNS]
// (JIEXI_DIST=DIR measures another build, e.g. an older commit's, against the same peers.)
// THROTTLE=N: every page at a phone's size (390×844) with its main thread slowed N times
// (CDP Emulation.setCPUThrottlingRate), a stand-in for a mid-range phone. Chromium slows
// only pages: a worker answers "only supported for pages, not workers", so the engine
// (in the worker) runs at full speed and ready and analyze_ms are flattered by it. The
// pixel ratio stays 1: headless Chromium here rasterises on the CPU, where a phone's
// 3× screen would cost nine times the painting a phone's GPU does.
// FILE: the text to analyse (default: the SIGHAN-2005 CityU test set, Hong Kong news,
// followed by the AS test set, Taiwan news, if ../shared is there, else the bundled
// sample), cut or repeated to 1k / 10k / 100k chars. The default is long enough that the
// 100k text repeats nothing: a repeated text would flatter anything that remembers words.
// Prints one JSON object:
// - first_visit_bytes: body bytes sent to a first visitor (the page, the worker, the
//   dictionaries, the service worker's precache, which revalidates what the page has
//   just downloaded) by a static server compressing with gzip (level 9) or brotli (11);
// - first_paint_ms, ready_cold_ms (performance.mark 'jiexi:ready' on a first visit),
//   ready_sw_ms (the same once the service worker serves everything; median of 3);
// - analyze_ms: paste to highlights painted (measure 'jiexi:analyze'), median of RUNS;
//   engine_ms: the part of it the engine took in the worker;
// - startup_ms: where ready_cold_ms and ready_sw_ms went: when the .wasm files and the
//   dictionaries had arrived, and the worker's marks (its wasm running, the dictionaries
//   fetched, built, the first analysis done), in ms since navigation;
// - throughput_mb_s on the 100k text: the engine in the browser's worker (segmentation
//   and entities), the engine natively (engine/examples/throughput.rs), plain jieba-rs
//   tag() natively, and in this page: npm `jieba-wasm` cut() (segmentation only) and
//   Intl.Segmenter('zh-Hant', {granularity: 'word'});
// - ratios: browser engine / native engine, browser engine / jieba-wasm.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, launch, pasteText, serveDist } from '../../tests/e2e/support.mjs';
import { startup } from './startup.mjs';

const [fileArg, runsArg = '7'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const sighan = (name) => join(ROOT, '..', 'shared', 'data', 'sighan2005', `${name}_test.utf8`);
const files = fileArg
  ? [fileArg]
  : existsSync(sighan('cityu'))
    ? [sighan('cityu'), sighan('as')]
    : [join(ROOT, 'samples', 'jiexi-sample.txt')];
const file = files.join(' + ');
const source = files.map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, '')).join('\n');
const text = (n) => source.repeat(Math.ceil(n / source.length)).slice(0, n);
const SIZES = [1000, 10000, 100000];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const PEER = join(ROOT, 'node_modules', 'jieba-wasm', 'pkg', 'web');
const dir = process.env.JIEXI_DIST ?? DIST;
const THROTTLE = Number(process.env.THROTTLE ?? 1);
/** The browser context's options: a phone's viewport when throttled. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const contextOptions = THROTTLE > 1 ? PHONE : {};

/** A new page of `context`, its CPU slowed THROTTLE times (before anything loads). */
async function newPage(context) {
  const page = await context.newPage();
  if (THROTTLE > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  return page;
}

/** A first visit: waits for the service worker to have cached everything. */
async function firstVisit(browser, encoding) {
  const server = await serveDist({ dir, encoding });
  // Compress every file once before the visit, as a host serving precompressed files
  // would: the time to compress is not the page's.
  for (const name of readdirSync(dir)) {
    await fetch(new URL(name, server.url), { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer());
  }
  server.requests.length = 0;
  const context = await browser.newContext(contextOptions);
  try {
    const page = await newPage(context);
    await page.goto(server.url);
    await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime,
      ready: performance.getEntriesByName('jiexi:ready')[0]?.startTime,
    }));
    const startupCold = await startup(page);
    const byFile = {};
    for (const r of server.requests) byFile[r.path] = (byFile[r.path] ?? 0) + r.bytes;
    const total = Object.values(byFile).reduce((a, b) => a + b, 0);
    // Later visits, served by the service worker.
    const readySw = [];
    const startupSw = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
      readySw.push(await page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0].startTime));
      startupSw.push(await startup(page));
    }
    const sw = startupSw.sort((a, b) => (a?.ready ?? 0) - (b?.ready ?? 0))[1];
    return { total, byFile, timing, readySw: median(readySw), startup: { cold: startupCold, sw } };
  } finally {
    await context.close();
    await server.close();
  }
}

/** Loads npm `jieba-wasm` into the page (as `window.__jieba`) and makes an
 * Intl.Segmenter (`window.__segmenter`), for `peers`. */
async function loadPeers(page, base) {
  await page.evaluate(async (base) => {
    const jieba = await import(`${base}jieba_rs_wasm.js`);
    await jieba.default({ module_or_path: `${base}jieba_rs_wasm_bg.wasm` });
    jieba.cut('預熱', true);
    window.__jieba = jieba;
    window.__segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
  }, base);
}

/** One run of jieba-wasm cut() and of Intl.Segmenter over `t` in the page, in ms. */
async function peers(page, t) {
  return page.evaluate((t) => {
    const time = (f) => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    return {
      jieba_wasm: time(() => window.__jieba.cut(t, true).length),
      intl: time(() => [...window.__segmenter.segment(t)].length),
    };
  }, t);
}

/** Pastes `t` RUNS times; the analyze measures and the worker's engine times, and with
 * `withPeers` a run of each peer on the same text before each paste. The engine and the
 * peers each start from an emptied page left alone for a second, so all of them run with
 * the machine otherwise idle: right after a long text is cleared the garbage collector's
 * threads take a core (the engine measured ~10% slower). Runs alternate
 * with the peers' so a machine whose speed drifts during the run affects both alike. */
async function latency(page, t, withPeers = false) {
  const input = page.getByTestId('article-input');
  const analyze = [];
  const engine = [];
  const peer = { jieba_wasm: [], intl: [] };
  for (let i = 0; i < RUNS; i++) {
    await input.fill('');
    await page.locator('[data-testid=status][data-state=ready]').waitFor();
    await page.waitForTimeout(1000);
    if (withPeers) {
      const p = await peers(page, t);
      peer.jieba_wasm.push(p.jieba_wasm);
      peer.intl.push(p.intl);
      await page.waitForTimeout(1000);
    }
    const before = await page.evaluate(() => performance.getEntriesByName('jiexi:analyze').length);
    await pasteText(input, t + ' '.repeat(i));
    await page.waitForFunction((k) => performance.getEntriesByName('jiexi:analyze').length > k, before, {
      timeout: 120000,
    });
    analyze.push(await page.evaluate(() => performance.getEntriesByName('jiexi:analyze').at(-1).duration));
    engine.push(Number(await page.locator('[data-stat=engine-ms]').getAttribute('data-ms')));
  }
  return {
    analyze: median(analyze),
    engine: median(engine),
    jieba_wasm: withPeers ? median(peer.jieba_wasm) : undefined,
    intl: withPeers ? median(peer.intl) : undefined,
  };
}

function native(t) {
  const dir = mkdtempSync(join(tmpdir(), 'jiexi-perf-'));
  const path = join(dir, 'text.txt');
  writeFileSync(path, t);
  const out = execFileSync(
    'cargo',
    ['run', '-q', '--release', '--offline', '-p', 'jiexi-engine', '--example', 'throughput', '--', path, String(RUNS)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1));
}

const browser = await launch();
try {
  const gzip = await firstVisit(browser, 'gzip');
  const br = await firstVisit(browser, 'br');

  const server = await serveDist({ dir, mounts: { '/__peer/': PEER } });
  const context = await browser.newContext(contextOptions);
  const page = await newPage(context);
  await page.goto(server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
  await loadPeers(page, new URL('/__peer/', server.url).href);
  const analyzeMs = {};
  const engineMsBySize = {};
  let last;
  for (const n of SIZES) {
    last = await latency(page, text(n), n === SIZES.at(-1));
    analyzeMs[n] = round(last.analyze);
    engineMsBySize[n] = round(last.engine);
  }
  const { engine: engineMs, jieba_wasm: jiebaWasmMs, intl: intlMs } = last;
  const big = text(SIZES.at(-1));
  const mb = Buffer.byteLength(big) / 1e6;
  await context.close();
  await server.close();
  const nat = native(big);

  const throughput = {
    browser_engine: round(mb / (engineMs / 1000), 2),
    native_engine: nat.analyze_mb_s,
    native_jieba_tag: nat.jieba_tag_mb_s,
    jieba_wasm_cut: round(mb / (jiebaWasmMs / 1000), 2),
    intl_segmenter: round(mb / (intlMs / 1000), 2),
  };
  console.log(
    JSON.stringify(
      {
        file,
        runs: RUNS,
        throttle: THROTTLE,
        first_visit_bytes: {
          gzip: gzip.total,
          brotli: br.total,
          gzip_by_file: gzip.byFile,
          brotli_by_file: br.byFile,
        },
        first_paint_ms: round(gzip.timing.paint),
        ready_cold_ms: round(gzip.timing.ready),
        ready_sw_ms: round(gzip.readySw),
        // The worker's marks on the cold visit and on the median visit from the cache.
        startup_ms: gzip.startup,
        analyze_ms: analyzeMs,
        // Of which the engine in the worker (the rest: messages, the reader's painting).
        engine_ms: engineMsBySize,
        throughput_mb_s: throughput,
        ratios: {
          browser_vs_native_engine: round(throughput.browser_engine / throughput.native_engine, 3),
          browser_vs_jieba_wasm: round(throughput.browser_engine / throughput.jieba_wasm_cut, 3),
        },
      },
      null,
      1,
    ),
  );
} finally {
  await browser.close();
}
