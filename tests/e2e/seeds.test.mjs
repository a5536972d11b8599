// The seed corpus on the release build: a first visit opens a seed story already
// highlighted, the seed pages are listed as their stories, and the corpus views open a
// story at the place of a hit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openApp, readerContent, useApp } from './support.mjs';

const app = useApp();

/** `jiexi stories` on every seed page: what the app must list. */
function seedStories() {
  // Built by the native tests (debug) or by the benchmarks (release).
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  const bin = ['release', 'debug'].map((p) => join(target, p, 'jiexi')).find((b) => existsSync(b));
  if (!bin) throw new Error('build the CLI first: cargo build -p jiexi-engine --bin jiexi');
  const pages = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
  return pages.map((file) => ({
    page: file.replace(/\.txt$/, ''),
    stories: JSON.parse(execFileSync(bin, ['stories', join(ROOT, 'seeds', file)], { encoding: 'utf8' })),
  }));
}

/** Whether the current selection is inside the viewport. */
function selectionInView(page) {
  return page.evaluate(() => {
    const sel = getSelection();
    if (!sel.rangeCount) return false;
    const r = sel.getRangeAt(0).getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
  });
}

test('a first visit shows a seed story highlighted, and a reload shows it again', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { firstVisit: true });
  const banner = page.getByTestId('doc-banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('data-kind'), 'seed');
  const id = await banner.getAttribute('data-doc-id');
  await page.locator('[data-testid=reader] mark[data-entity]').first().waitFor();
  const { text, entities } = await readerContent(page);
  const [first] = seedStories()[0].stories;
  assert.ok(text.startsWith(first.title), 'the first story of the first page');
  assert.ok(entities.length >= 5, `${entities.length} entities highlighted`);
  assert.ok(entities.some(([t, k]) => t === '羅柳斌' && k === 'PERSON'), 'the reporter');
  // Read-only: the text box stays free for the user's own article, and says how.
  assert.equal(await page.getByTestId('article-input').inputValue(), '');
  assert.match(await banner.textContent(), /Paste your own article|貼上你自己的文章/);

  await page.reload();
  await page.locator(`[data-testid=doc-banner][data-doc-id="${id}"]`).waitFor();
  await page.locator('[data-testid=reader] mark[data-entity]').first().waitFor();
  // A returning user who pastes an article gets that article back, not the seed story.
  await page.getByTestId('article-input').fill('記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港合作將加快。');
  await page.locator('[data-testid=corpus-doc][data-kind=user]').waitFor();
  await page.getByTestId('doc-banner').waitFor({ state: 'detached' });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid=article-input]').value.startsWith('記者羅柳斌'));
  assert.equal(await page.getByTestId('doc-banner').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every seed story is listed with its paper, and each page is one click away', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  const seeds = seedStories();
  for (const { page: pageId, stories } of seeds) {
    const listed = page.locator(`[data-page-id="${pageId}"] [data-testid=corpus-doc][data-kind=seed]`);
    await listed.first().waitFor();
    assert.equal(await listed.count(), stories.length, pageId);
    const ids = await listed.evaluateAll((bs) => bs.map((b) => b.dataset.docId));
    assert.deepEqual(ids, stories.map((_, k) => `${pageId}-${String(k + 1).padStart(2, '0')}`));
    const label = await page.locator(`[data-page-id="${pageId}"] .page-source`).textContent();
    assert.ok(label.includes(stories[0].source), `${label} names ${stories[0].source}`);
  }

  // The whole page, from a story: it lands on the story's headline in the page, and the
  // page view links to where each story starts.
  const { page: pageId, stories } = seeds[2];
  await page.locator(`[data-testid=corpus-doc][data-doc-id="${pageId}-02"]`).click();
  await page.locator(`[data-testid=doc-banner][data-doc-id="${pageId}-02"]`).waitFor();
  await page.getByTestId('open-page').click();
  const landed = `${stories[1].title_start}-${stories[1].title_end}`;
  await page.locator(`[data-testid=reader][data-landed="${landed}"]`).waitFor();
  assert.equal(await page.getByTestId('doc-banner').getAttribute('data-kind'), 'page');
  assert.equal(await page.evaluate(() => getSelection().toString()), stories[1].title);
  assert.ok(await selectionInView(page), 'the headline is scrolled into view');
  assert.equal(await page.getByTestId('page-story').count(), stories.length);
  await page.getByTestId('page-story').last().click();
  const last = stories[stories.length - 1];
  await page.locator(`[data-testid=reader][data-landed="${last.title_start}-${last.title_end}"]`).waitFor();
  assert.ok(await selectionInView(page));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a concordance line opens its seed story at the hit', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=corpus-state][data-state=ready]').waitFor({ timeout: 60000 });
  const docs = Number(await page.getByTestId('corpus-state').getAttribute('data-docs'));
  const listed = await page.getByTestId('corpus-doc').count();
  assert.equal(docs, listed, 'the views count each listed story once (not the pages)');

  await page.getByTestId('kwic-input').fill('量子');
  // A hit far into a long story, so landing must scroll.
  const rows = page.locator('[data-testid=kwic-row][data-doc-id^="001_"]');
  await rows.first().waitFor();
  const line = rows.last();
  const [doc, start, end] = await Promise.all(['data-doc-id', 'data-start', 'data-end'].map((a) => line.getAttribute(a)));
  assert.ok(Number(start) > 500, `hit at ${start}`);
  await line.getByTestId('kwic-open').click();
  await page.locator(`[data-testid=doc-banner][data-doc-id="${doc}"]`).waitFor();
  await page.locator(`[data-testid=reader][data-landed="${start}-${end}"]`).waitFor();
  assert.equal(await page.evaluate(() => getSelection().toString()), '量子');
  assert.ok(await selectionInView(page), 'the hit is scrolled into view');
  assert.deepEqual(errors, []);
  await page.close();
});
