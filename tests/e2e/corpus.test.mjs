// Corpus views on the release build: the entity index and the KWIC concordance over the
// bundled documents and the user's, kept up to date as the library changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openApp, useApp } from './support.mjs';

const app = useApp();
// 關雅文 is named in no bundled document: the counts below are this article's alone.
const ARTICLE = '深港合作新聞\n記者關雅文報道：香港中文大學（深圳）副校長楊學明表示，深港合作將加快。關雅文補充說，前海將設新中心。';

async function openViews(page) {
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=corpus-state][data-state=ready]').waitFor({ timeout: 60000 });
}

test('the entity index lists entities across documents; choosing one shows its mentions', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('article-input').fill(ARTICLE);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').waitFor();
  await openViews(page);
  const row = page.locator('[data-testid=entity-index] tr[data-entity-text=關雅文][data-entity-type=PERSON]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-count'), '2');
  assert.equal(await row.getAttribute('data-doc-count'), '1');
  // Most frequent first.
  const counts = await page.locator('[data-testid=entity-index] tbody tr').evaluateAll((rows) =>
    rows.map((r) => Number(r.dataset.count)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));

  await row.getByTestId('entity-index-open').click();
  await page.locator('[data-testid=kwic-total][data-total="2"]').waitFor();
  const rows = await page.getByTestId('kwic-row').evaluateAll((rs) => rs.map((r) => r.querySelector('.keyword').textContent));
  assert.deepEqual(rows, ['關雅文', '關雅文']);

  // The filter narrows the index (either script).
  await page.getByTestId('entity-index-filter').fill('关雅');
  assert.equal(await page.locator('[data-testid=entity-index] tbody tr').count(), 1);

  // Editing the article updates the index.
  await page.getByTestId('nav-read').click();
  await page.getByTestId('article-input').fill(ARTICLE + '關雅文最後說。');
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=entity-index] tr[data-entity-text=關雅文][data-count="3"]').waitFor({ timeout: 30000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the concordance finds words in either script and patterns, sorts, and opens the document', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jiexi-corpus-'));
  const file = join(dir, 'library.json');
  execFileSync('node', [join(ROOT, 'scripts', 'data', 'gen_library.mjs'), '30', file]);
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('library-import').setInputFiles(file);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').nth(29).waitFor();
  await openViews(page);
  const listed = await page.getByTestId('corpus-doc').count();
  assert.equal(await page.getByTestId('corpus-state').getAttribute('data-docs'), String(listed));

  // Simplified query, Traditional text: the document's own form is shown.
  await page.getByTestId('kwic-input').fill('香港科技大学');
  await page.locator('[data-testid=kwic-total]').waitFor();
  const total = Number(await page.getByTestId('kwic-total').getAttribute('data-total'));
  // Every occurrence in the imported library and in the bundled documents, once each.
  const texts = JSON.parse(await readFile(file, 'utf8')).documents.map((d) => d.text);
  for (const dir of ['seeds', 'samples']) {
    for (const f of (await readdir(join(ROOT, dir))).filter((f) => f.endsWith('.txt'))) {
      texts.push(await readFile(join(ROOT, dir, f), 'utf8'));
    }
  }
  // A page's column wrap inside the name (a lone space, or a line break) is read through.
  const wrapped = new RegExp([...'香港科技大學'].join('(?: |\\s*[\\r\\n]\\s*)?'), 'g');
  const expected = texts.reduce((n, t) => n + (t.match(wrapped)?.length ?? 0), 0);
  assert.ok(expected > 20);
  assert.equal(total, expected, 'hits across the library');
  const first = page.getByTestId('kwic-row').first();
  assert.equal(await first.locator('.keyword').textContent(), '香港科技大學');

  // Right-context order.
  await page.getByTestId('kwic-order').selectOption('right');
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll('[data-testid=kwic-row] .right')].map((e) => e.textContent);
    return r.length > 1 && r.every((x, i) => i === 0 || r[i - 1] <= x);
  });

  // A pattern, and a bad pattern is a message, not a failure.
  await page.getByTestId('kwic-regex').check();
  await page.getByTestId('kwic-input').fill('深[圳港]');
  await page.locator('[data-testid=kwic-row] .keyword', { hasText: /^深[圳港]$/ }).first().waitFor();
  await page.getByTestId('kwic-input').fill('深[');
  await page.getByTestId('kwic-error').waitFor();

  // Many hits: the first 50 lines, then more on request.
  await page.getByTestId('kwic-input').fill('[深港]');
  await page.getByTestId('kwic-more').waitFor();
  const many = Number(await page.getByTestId('kwic-total').getAttribute('data-total'));
  assert.ok(many > 250, `${many} hits`);
  assert.equal(await page.getByTestId('kwic-row').count(), 50);
  await page.getByTestId('kwic-more').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=kwic-row]').length === 250);

  // A line opens its document in the reader.
  await page.getByTestId('kwic-input').fill('深[圳港]');
  const line = page.locator('[data-testid=kwic-row][data-doc-id^=gen-]').first();
  await line.waitFor();
  const id = await line.getAttribute('data-doc-id');
  await line.getByTestId('kwic-open').click();
  await page.locator(`[data-testid=corpus-doc][data-doc-id="${id}"][aria-current=true]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('word frequencies: table and chart agree, stop words (either script) are kept, both export', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { acceptDownloads: true });
  await page.getByTestId('article-input').fill(ARTICLE);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').waitFor();
  await openViews(page);
  const rows = page.locator('[data-testid=word-freq] tbody tr');
  await rows.first().waitFor();
  const counts = await rows.evaluateAll((rs) => rs.map((r) => Number(r.dataset.count)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most frequent first');
  const words = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.word));
  assert.ok(!words.includes('的') && !words.includes('，'), 'stop words and punctuation left out');
  const bars = await page.locator('[data-testid=word-chart] svg g[data-bar]').evaluateAll((gs) => gs.map((g) => g.dataset.bar));
  assert.deepEqual(bars, words.slice(0, bars.length), 'the chart shows the table\'s top words');

  // A stop word typed in Simplified removes the Traditional word, and is remembered.
  // 灣區 is among the most frequent words of the seed stories; typed as 湾区 it goes.
  assert.ok(words.includes('灣區'), words.join(' '));
  await page.getByTestId('stopwords').fill('湾区');
  await page.getByTestId('stopwords').dispatchEvent('change');
  await page.locator('[data-testid=word-freq] tr[data-word=灣區]').waitFor({ state: 'detached' });
  await page.reload();
  await openViews(page);
  await rows.first().waitFor();
  assert.equal(await page.locator('[data-testid=word-freq] tr[data-word=灣區]').count(), 0);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('word-chart-export').click()]);
  const text = await (await svg.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('word-freq-export').click()]);
  const table = await (await csv.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  assert.match(table, /^\uFEFFword,count,documents\r\n/);
  assert.deepEqual(errors, []);
  await page.close();
});
