// A merge from the entity card at scale, on the release build in headless Chromium: a
// generated library of N articles (default 1,000; scripts/data/gen_library.mjs) is imported
// and indexed, an organisation of the open article is merged with another from its card,
// and timed (median of RUNS merges, each undone before the next):
// - index_ms: the click to the entity index no longer listing the merged-away entity (the
//   worker re-applies the authority file to every document and recounts the index);
// - panel_ms: the click to the open article's panel showing one entity fewer (it is
//   analysed again with the file);
//   recount_ms is the worker's part of it (applying the file, recounting);
// - card_ms: choosing the entity to its card shown (counted across the library);
// - timeline_ms: the library's timeline opened to its first row shown.
//   trunk build --release --offline && node scripts/bench/authority_merge.mjs [N] [RUNS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, launch, serveDist } from '../../tests/e2e/support.mjs';

const [n = '1000', runs = '5'] = process.argv.slice(2);
const file = join(mkdtempSync(join(tmpdir(), 'jiexi-merge-')), 'library.json');
execFileSync('node', [join(ROOT, 'scripts', 'data', 'gen_library.mjs'), n, file], { stdio: 'inherit' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
  await page.getByTestId('library-import').setInputFiles(file);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').nth(Number(n) - 1).waitFor({ timeout: 120000 });
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  // Index the library (the corpus views), then read the newest article.
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=corpus-state][data-state=ready]').waitFor({ timeout: 300000 });
  await page.getByTestId('nav-read').click();
  // Wait until that article is the one shown and analysed: the panel still lists the
  // previous document's entities until its answer comes, and choosing one of those, the
  // card is closed again as the new article replaces them.
  const doc = page.locator('[data-testid=corpus-doc][data-kind=user]').first();
  const id = await doc.getAttribute('data-doc-id');
  await doc.click();
  await page.locator(`[data-testid=corpus-doc][data-doc-id="${id}"][aria-current=true]`).waitFor({ timeout: 60000 });
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
  const orgs = page.locator('[data-testid=entity-list] li[data-entity-type=ORG]');
  await orgs.nth(1).waitFor({ timeout: 60000 });
  const index = [];
  const panel = [];
  const cards = [];
  const recount = [];
  for (let run = 0; run < Number(runs); run++) {
    const [first, second] = await orgs.evaluateAll((ls) => ls.slice(0, 2).map((l) => l.dataset.entityText));
    // The index lists its top rows: filtered to the name, the merged-away row is there.
    await page.getByTestId('entity-index-filter').evaluate((el, name) => {
      el.value = name;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, second);
    const t = Date.now();
    await page.locator(`[data-testid=entity-list] li[data-entity-text="${first}"] button`).click();
    await page.getByTestId('card-name').waitFor({ timeout: 300000 });
    cards.push(Date.now() - t);
    const option = await page.getByTestId('card-merge-select').evaluate((s, name) =>
      [...s.options].find((o) => o.textContent.startsWith(`${name} (`))?.value, second);
    if (!option) throw new Error(`${second} is not offered to merge`);
    await page.getByTestId('card-merge-select').selectOption(option);
    const before = await orgs.count();
    const listed = await page.locator(`[data-testid=entity-index] tbody tr[data-entity-text="${second}"]`).count();
    if (!listed) throw new Error(`${second} is not in the entity index's rows`);
    const [indexMs, panelMs] = await page.evaluate(async ([name, count]) => {
      const t0 = performance.now();
      document.querySelector('[data-testid=card-merge]').click();
      const until = (done) => new Promise((resolve) => {
        const poll = () => (done() ? resolve(performance.now() - t0) : requestAnimationFrame(poll));
        poll();
      });
      const indexed = until(() => !document.querySelector(`[data-testid=entity-index] tbody tr[data-entity-text="${name}"]`));
      const paneled = until(() => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length < count);
      return Promise.all([indexed, paneled]);
    }, [second, before]);
    recount.push(Number(await page.getByTestId('corpus-state').getAttribute('data-recount-ms')));
    if (process.env.DEBUG) console.log(await page.getByTestId('corpus-state').evaluate((e) => e.outerHTML));
    index.push(indexMs);
    panel.push(panelMs);
    await page.getByTestId('authority-undo').click();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length === count, before);
  }
  // The timeline of the whole library, read from the index (each document was analysed
  // as of its date when indexed).
  const timeline = await page.evaluate(async () => {
    const t0 = performance.now();
    location.hash = '#/corpus/timeline';
    await new Promise((resolve) => {
      const poll = () => (document.querySelector('[data-testid=timeline-row]') ? resolve() : requestAnimationFrame(poll));
      poll();
    });
    return performance.now() - t0;
  });
  console.log(JSON.stringify({
    documents: Number(n),
    runs: Number(runs),
    index_ms: Math.round(median(index)),
    recount_ms: Math.round(median(recount)),
    panel_ms: Math.round(median(panel)),
    card_ms: Math.round(median(cards)),
    timeline_ms: Math.round(timeline),
    index_all_ms: index.map(Math.round),
    panel_all_ms: panel.map(Math.round),
  }));
} finally {
  await browser.close();
  await server.close();
}
