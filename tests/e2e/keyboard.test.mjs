// Keys and scripts across the workspace: the shortcuts behind `?`, and the one display-script
// switch reaching the corpus views and (on request) the exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, pasteText, useApp } from './support.mjs';

const app = useApp();
const PARAGRAPH = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快。\n\n';

async function withArticle(options = {}) {
  const opened = await openApp(app.browser, app.server.url, options);
  await pasteText(opened.page.getByTestId('article-input'), PARAGRAPH.repeat(6));
  await opened.page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  return opened;
}

const current = (page) => page.locator('[data-testid=nav] [aria-current=page]').getAttribute('data-testid');

test('shortcuts: ? lists them, digits change the view, / searches, n and p step through mentions', async () => {
  const { page, errors } = await withArticle();
  // Keys typed into the text box are text, never shortcuts.
  await page.getByTestId('article-input').press('End');
  await page.keyboard.type('3');
  assert.equal(await current(page), 'nav-read');
  await page.evaluate(() => document.activeElement.blur());

  await page.keyboard.press('?');
  const list = page.getByTestId('shortcuts');
  await list.waitFor();
  assert.ok(await page.getByTestId('shortcut').count() >= 8);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'shortcuts-close');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });

  await page.keyboard.press('3');
  await page.waitForFunction(() => location.hash.startsWith('#/corpus'));
  assert.equal(await current(page), 'nav-corpus');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'kwic-input');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('1');
  await page.waitForFunction(() => location.hash.startsWith('#/read'));
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'entity-filter');
  await page.evaluate(() => document.activeElement.blur());

  // Choose a person in the panel, then step with the keys.
  await page.locator('[data-testid=entity-list] li[data-entity-type=PERSON] button').first().click();
  const count = page.getByTestId('mention-count');
  await count.waitFor();
  const total = Number((await count.textContent()).split('/')[1]);
  assert.ok(total >= 6, `${total} mentions`);
  await page.keyboard.press('n');
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-count]').textContent.startsWith('2 /'));
  // The focus is now on the mention in the reader; the keys still step.
  await page.keyboard.press('j');
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-count]').textContent.startsWith('3 /'));
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.querySelector('[data-testid=mention-count]').textContent.startsWith('2 /'));
  assert.ok(await page.locator('[data-testid=reader] mark.current').isVisible());
  assert.deepEqual(errors, []);
  await page.close();
});

test('the display script reaches the corpus views, and the exports when asked', async () => {
  const { page, errors } = await withArticle({ acceptDownloads: true });
  await page.getByTestId('view-simplified').check();
  await page.goto(`${app.server.url}#/corpus/kwic?q=${encodeURIComponent('楊學明')}`);
  const row = page.getByTestId('kwic-row').first();
  await row.waitFor({ timeout: 60000 });
  assert.equal(await row.locator('.keyword').textContent(), '杨学明');
  // While exploring, the status line is still in sight.
  assert.ok(await page.getByTestId('explore-status').isVisible());
  assert.notEqual((await page.getByTestId('explore-status').textContent()).trim(), '');
  const indexRow = page.locator('[data-testid=entity-index] tbody tr[data-entity-text="楊學明"]');
  await indexRow.waitFor({ timeout: 60000 });
  assert.equal((await indexRow.locator('button').textContent()).trim(), '杨学明');

  await page.goto(`${app.server.url}#/read`);
  const save = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    return Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  };
  // As written unless asked: offsets hold either way, the mapping is char for char.
  const written = await save();
  assert.ok(written.includes('楊學明') && !written.includes('杨学明'));
  await page.getByTestId('export-in-script').check();
  const simplified = await save();
  assert.ok(simplified.includes('杨学明') && !simplified.includes('楊學明'));
  assert.equal(simplified.length, written.length);
  assert.deepEqual(errors, []);
  await page.close();
});
