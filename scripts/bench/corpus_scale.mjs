// The corpus views at scale, on the release build in headless Chromium: a
// generated library of N articles (default 1,000, ~2 million chars; scripts/data/gen_library.mjs)
// is imported, then timed:
// - index_ms: opening the corpus views to the entity index being shown (the worker
//   analyses every document), and index_worker_ms, the worker's own time for it;
// - longest_task_ms: the longest main-thread task (PerformanceObserver 'longtask') meanwhile;
// - kwic_ms: typing a query to its lines shown (median of RUNS queries);
// - entity_index_open_ms: opening the views again (index built) to the rows shown;
// - graph_ms: opening the views to the co-occurrence network drawn (it is asked for once
//   the index is there), graph_worker_ms the worker's time for it, and the longest
//   main-thread task up to then (longest_task_ms covers it).
//   trunk build --release --offline && node scripts/bench/corpus_scale.mjs [N] [RUNS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, longestTask, recordLongTasks, serveDist } from '../../tests/e2e/support.mjs';

const [n = '1000', runs = '7'] = process.argv.slice(2);
const file = join(mkdtempSync(join(tmpdir(), 'jiexi-scale-')), 'library.json');
execFileSync('node', [join(ROOT, 'scripts', 'data', 'gen_library.mjs'), n, file], { stdio: 'inherit' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const QUERIES = ['深圳', '香港科技大學', '项目', '實驗室', '園區', '研發', '科技創新局'];

const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await recordLongTasks(page);
  await page.goto(server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
  const t0 = Date.now();
  await page.getByTestId('library-import').setInputFiles(file);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').nth(Number(n) - 1).waitFor({ timeout: 120000 });
  const importMs = Date.now() - t0;
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();

  await page.evaluate(() => { window.__measureFrom = performance.now(); });
  const t1 = await page.evaluate(() => performance.now());
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=entity-index] tbody tr').first().waitFor({ timeout: 120000 });
  const indexMs = (await page.evaluate(() => performance.now())) - t1;
  const indexWorkerMs = Number(await page.getByTestId('corpus-state').getAttribute('data-ms'));
  const docs = Number(await page.getByTestId('corpus-state').getAttribute('data-docs'));
  await page.locator('[data-testid=cooccurrence] [data-node]').first().waitFor({ timeout: 120000 });
  const graphMs = (await page.evaluate(() => performance.now())) - t1;
  const graphWorkerMs = Number(await page.getByTestId('cooccurrence').getAttribute('data-ms'));
  const graphNodes = Number(await page.getByTestId('cooccurrence').getAttribute('data-nodes'));
  const longest = await longestTask(page);

  const kwic = [];
  const kwicWorker = [];
  for (let i = 0; i < Number(runs); i++) {
    const q = QUERIES[i % QUERIES.length];
    // Query typed in one input event; timed to its lines painted.
    const ms = await page.evaluate(async (q) => {
      const input = document.querySelector('[data-testid=kwic-input]');
      const before = document.querySelector('[data-testid=kwic-total]')?.dataset.answer;
      const t = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Polled: the lines are there once a new total is shown with at least one row.
      while (performance.now() - t < 30000) {
        const now = document.querySelector('[data-testid=kwic-total]')?.dataset.answer;
        if (now && now !== before && document.querySelector('[data-testid=kwic-row] .keyword')) {
          return performance.now() - t;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      throw new Error(`no answer to ${q} in 30 s`);
    }, q);
    kwic.push(ms);
    kwicWorker.push(Number(await page.getByTestId('kwic-total').getAttribute('data-ms')));
  }

  // Leave and come back: the index is there, only re-checked.
  await page.getByTestId('nav-read').click();
  const t2 = await page.evaluate(() => performance.now());
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=entity-index] tbody tr').first().waitFor();
  const reopenMs = (await page.evaluate(() => performance.now())) - t2;

  const round = (x) => Math.round(x);
  console.log(JSON.stringify({
    documents: docs,
    import_ms: importMs,
    index_ms: round(indexMs),
    index_worker_ms: round(indexWorkerMs),
    longest_task_ms: longest,
    kwic_ms: round(median(kwic)),
    kwic_worker_ms: Math.round(median(kwicWorker) * 10) / 10,
    entity_index_open_ms: round(reopenMs),
    graph_ms: round(graphMs),
    graph_worker_ms: Math.round(graphWorkerMs * 10) / 10,
    graph_nodes: graphNodes,
  }));
} finally {
  await browser.close();
  await server.close();
}
