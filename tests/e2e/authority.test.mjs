// The user's authority file: merge two entities and see every view follow, block one and
// see it gone everywhere, undo; a reload and a second tab keep both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, openTab, pasteText, useApp } from './support.mjs';

const app = useApp();
// Two universities, each named twice: the engine finds both as organisations.
const ARTICLE = '香港大學與香港科技大學昨日簽署合作協議。香港大學校長表示，雙方將共建實驗室；'
  + '香港科技大學教授指出，項目明年啟動。';

const rows = (page, type) => page.locator(`[data-testid=entity-list] li[data-entity-type=${type}]`);
const names = (page, type) => rows(page, type).evaluateAll((ls) => ls.map((l) => l.dataset.entityText));

async function choose(page, text) {
  await page.locator(`[data-testid=entity-list] li[data-entity-text="${text}"] button`).first().click();
  await page.getByTestId('entity-card').locator('[data-testid=card-name]').waitFor();
}

test('merging two entities makes them one in the panel, the reader and the corpus index; undo parts them', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  const context = page.context();
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  await rows(page, 'ORG').nth(1).waitFor();
  assert.deepEqual((await names(page, 'ORG')).sort(), ['香港大學', '香港科技大學'].sort());

  await choose(page, '香港大學');
  const option = await page.getByTestId('card-merge-select').evaluate((s) =>
    [...s.options].find((o) => o.textContent.startsWith('香港科技大學 ('))?.value);
  assert.ok(option, 'offered to merge with');
  await page.getByTestId('card-merge-select').selectOption(option);
  await page.getByTestId('card-merge').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length === 1);
  const merged = rows(page, 'ORG').first();
  assert.equal(await merged.getAttribute('data-entity-text'), '香港大學');
  assert.equal(await merged.getAttribute('data-count'), '4');
  // The reader still marks all four mentions.
  assert.equal(await page.locator('[data-testid=reader] mark[data-entity=ORG]').count(), 4);
  await page.getByTestId('card-members').waitFor();

  // The corpus index counts them as one, as the card does (the seed stories name them too).
  await page.goto(`${app.server.url}#/corpus/kwic`);
  const indexRow = (name) => page.locator(`[data-testid=entity-index] tbody tr[data-entity-text="${name}"]`);
  await page.waitForFunction(() => {
    const row = document.querySelector('[data-testid=entity-index] tbody tr[data-entity-text="香港大學"]');
    const card = document.querySelector('[data-testid=card-count]')?.textContent.match(/^\d+/)?.[0];
    return row && card && row.dataset.count === card && Number(card) >= 4;
  }, null, { timeout: 60000 });
  assert.equal(await indexRow('香港科技大學').count(), 0);

  // A reload and a second tab keep the merge.
  await page.reload();
  await page.goto(`${app.server.url}#/read`);
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length === 1, null, { timeout: 30000 });
  const other = await openTab(context, app.server.url, errors);
  await pasteText(other.getByTestId('article-input'), ARTICLE);
  await other.waitForFunction(() => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length === 1, null, { timeout: 30000 });
  await other.close();

  // Split it again from its card.
  await choose(page, '香港大學');
  await page.getByTestId('card-split').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=ORG]').length === 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('blocking a name removes it everywhere; it is listed, and can be marked again or undone', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  await rows(page, 'ORG').nth(1).waitFor();
  await choose(page, '香港科技大學');
  await page.getByTestId('card-block').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=entity-list] li[data-entity-text="香港科技大學"]'));
  assert.equal(await page.locator('[data-testid=reader] mark[data-entity=ORG]').count(), 2, 'only 香港大學 is marked');
  await page.locator('[data-testid=blocked-list] summary').click();
  assert.equal(await page.locator('[data-testid=blocked]').getAttribute('data-text'), '香港科技大學');
  await page.getByTestId('authority-undo').click();
  await page.locator('[data-testid=entity-list] li[data-entity-text="香港科技大學"]').waitFor();
  assert.equal(await page.locator('[data-testid=blocked-list]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('retyping an entity changes its type in the panel and the reader; undo gives it back', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  await rows(page, 'ORG').nth(1).waitFor();
  await choose(page, '香港科技大學');
  await page.getByTestId('card-retype').selectOption('FAC');
  await page.locator('[data-testid=entity-list] li[data-entity-type=FAC][data-entity-text="香港科技大學"]').waitFor();
  assert.deepEqual(await names(page, 'ORG'), ['香港大學']);
  assert.equal(await page.locator('[data-testid=reader] mark[data-entity=FAC]').count(), 2);
  // The card follows the entity to its new type.
  await page.waitForFunction(() => document.querySelector('[data-testid=card-name]')?.textContent === '香港科技大學');
  await page.getByTestId('authority-undo').click();
  await rows(page, 'ORG').nth(1).waitFor();
  assert.equal(await page.locator('[data-testid=reader] mark[data-entity=FAC]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the library file carries the authority file to another device', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { acceptDownloads: true });
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  await rows(page, 'ORG').nth(1).waitFor();
  await choose(page, '香港科技大學');
  await page.getByTestId('card-block').click();
  await page.locator('[data-testid=blocked-list]').waitFor();
  // The pasted article is saved a moment after it is typed (and "saved" may still read
  // from before): exported again until the file holds it.
  let file;
  let json;
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-export').click()]);
    file = await download.path();
    json = JSON.parse(Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8'));
    if (json.documents.length > 0) break;
    await page.waitForTimeout(500);
  }
  assert.equal(json.documents.length, 1);
  assert.equal(json.authority.blocked[0].text, '香港科技大學');

  // A fresh device: importing the library brings the decision along.
  const fresh = await openApp(app.browser, app.server.url);
  await fresh.page.getByTestId('library-import').setInputFiles(file);
  await fresh.page.locator('[data-testid=blocked-list]').waitFor({ timeout: 30000 });
  await fresh.page.locator('[data-testid=corpus-doc][data-kind=user]').first().click();
  await fresh.page.locator('[data-testid=entity-list] li[data-entity-type=ORG]').first().waitFor();
  assert.deepEqual(await names(fresh.page, 'ORG'), ['香港大學']);
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.page.close();
  await page.close();
});
