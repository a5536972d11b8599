// Entities on Hong Kong news, as the reader shows them: the paper in a dateline, and a
// short form the article defines, found again and shown as the same entity as its full name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, useApp } from './support.mjs';

const app = useApp();

// Written for this test (names invented): a dateline, a company with its defined short form,
// and the short form twice more.
const ARTICLE = [
  '香港文匯報訊(記者 關雅文 深圳報道)深圳星河量子科技有限公司(以下簡稱「星河量子」)昨日宣布落戶河套。',
  '星河量子行政總裁陳志明表示，星河量子明年將在港招聘一百名研究人員。',
].join('\n');

test('the dateline names its paper as an organisation, and a defined short form is its full name\'s entity', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('article-input').fill(ARTICLE);
  const marks = page.locator('[data-testid=reader] mark[data-entity]');
  await marks.first().waitFor();
  const shown = await marks.evaluateAll((ms) => ms.map((m) => [m.textContent, m.dataset.entity, m.dataset.key]));
  const find = (text) => shown.filter(([t]) => t === text);
  assert.deepEqual(find('香港文匯報').map(([, k]) => k), ['ORG'], JSON.stringify(shown));
  const [full] = find('深圳星河量子科技有限公司');
  assert.ok(full, JSON.stringify(shown));
  assert.equal(full[1], 'ORG');
  const short = find('星河量子');
  assert.ok(short.length >= 2, `the short form found again: ${JSON.stringify(shown)}`);
  for (const [, kind, key] of short) {
    assert.equal(kind, 'ORG');
    assert.equal(key, full[2], 'one entity: the same key as the full name');
  }
  // Choosing the short form marks the full name too.
  await page.locator('[data-testid=reader] mark[data-entity=ORG]', { hasText: /^星河量子$/ }).first().click();
  await page.locator('[data-testid=reader] mark.selected', { hasText: '深圳星河量子科技有限公司' }).waitFor();
  assert.equal(await page.locator('[data-testid=reader] mark.selected').count(), short.length + 1);
  assert.deepEqual(errors, []);
  await page.close();
});
