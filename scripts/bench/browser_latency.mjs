// Start-up and analysis latency of the release build in headless Chromium.
//   trunk build --release --offline && node scripts/bench/browser_latency.mjs [FILE] [CHARS] [RUNS]
// Prints JSON: jiexi:ready (ms since navigation); for RUNS (default 10) pastes of the first
// CHARS (default 10,000) chars of FILE (default: the bundled sample, repeated), each
// jiexi:analyze measure (input event to the first highlights painted) and their median,
// jiexi:rendered (to the whole text painted; long texts are painted a frame at a time),
// the time to the worker's answer (jiexi:worker); and the
// longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) seen while the old
// text is cleared and the new one analysed and painted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, launch, longestTask, pasteText, recordLongTasks, serveDist, waitForSelector,
} from '../../tests/e2e/support.mjs';

const [file, chars = '10000', runs = '10'] = process.argv.slice(2);
const source = readFileSync(file ?? join(ROOT, 'samples', 'jiexi-sample.txt'), 'utf8').replace(/^\uFEFF/, '');
const n = Number(chars);
const text = source.repeat(Math.ceil(n / source.length)).slice(0, n);

// JIEXI_DIST=DIR measures another build (e.g. an older commit's), as in perf.mjs.
const server = await serveDist(process.env.JIEXI_DIST ? { dir: process.env.JIEXI_DIST } : {});
const browser = await launch();
try {
  const page = await browser.newPage();
  await recordLongTasks(page);
  await page.goto(server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0].startTime);
  const input = page.getByTestId('article-input');
  const longest = [];
  for (let i = 0; i < Number(runs); i++) {
    // Long tasks are counted from before the old text goes: clearing a 1 MB reader is
    // part of what the user waits for. REPLACE=1 pastes over the old text instead (as
    // select-all and paste does), without clearing first.
    await page.evaluate(() => { window.__longTasks = []; });
    let clearing = 0;
    if (!process.env.REPLACE) {
      // Not fill() nor a locator's waitFor: on a page showing a long text they visit every
      // element, and their garbage lands in the app's tasks (see pasteText).
      await pasteText(input, '');
      await waitForSelector(page, '[data-testid=status][data-state=ready]');
      // Read before the next text is handed to the page: that is a long task of the driver's.
      clearing = await longestTask(page);
    }
    // As a paste arrives (fill() types per line): see pasteText.
    await pasteText(input, text + ' '.repeat(i));
    await page.waitForFunction((k) => performance.getEntriesByName('jiexi:analyze').length > k, i, { timeout: 60000 });
    // Let the reader finish painting (it renders long texts in slices).
    await page.waitForFunction(() => !document.querySelector('[data-testid=reader][data-rendering=true]'), null, { timeout: 60000 });
    await page.waitForTimeout(100);
    longest.push(Math.max(clearing, await longestTask(page)));
  }
  const analyze = await page.evaluate(() =>
    performance.getEntriesByName('jiexi:analyze').map((e) => Math.round(e.duration)));
  const rendered = await page.evaluate(() =>
    performance.getEntriesByName('jiexi:rendered').map((e) => Math.round(e.duration)));
  const worker = await page.evaluate(() =>
    performance.getEntriesByName('jiexi:worker').map((e) => Math.round(e.duration)));
  const median = [...analyze].sort((a, b) => a - b)[Math.floor(analyze.length / 2)];
  console.log(JSON.stringify({
    chars: text.length,
    ready_ms: Math.round(ready),
    analyze_ms: analyze,
    analyze_median_ms: median,
    rendered_ms: rendered,
    worker_ms: worker,
    longest_task_ms: longest,
  }));
} finally {
  await browser.close();
  await server.close();
}
