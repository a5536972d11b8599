// Library hygiene: the same text is one document, and exports say which document a
// row comes from (by title) and what the document is (title, source, date).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, useApp } from './support.mjs';

const app = useApp();

test('the same text opened twice is one document, and exports name documents by title', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  const article = '深港合作新聞\n記者關雅文報道：深圳星河量子科技有限公司昨日宣布，將於河套設立研究中心。';
  const file = { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(article) };
  await page.getByTestId('file-input').setInputFiles(file);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').waitFor();
  await page.getByTestId('new-doc').click();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: 'not added twice' }).waitFor({ timeout: 15000 });
  assert.equal(await page.locator('[data-testid=corpus-doc][data-kind=user]').count(), 1);
  // The JSON export says what the document is.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json.title, '深港合作新聞');
  assert.ok('source' in json && 'date' in json);
  // The concordance CSV names documents by title.
  await page.getByTestId('nav-corpus').click();
  await page.getByTestId('kwic-input').fill('關雅文');
  await page.getByTestId('kwic-row').first().waitFor({ timeout: 60000 });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('kwic-export').click()]);
  const text = await readFile(await csv.path(), 'utf8');
  assert.match(text, /^\uFEFF?document,document_id,/);
  assert.match(text, /"深港合作新聞"/);
  assert.deepEqual(errors, []);
  await page.close();
});
