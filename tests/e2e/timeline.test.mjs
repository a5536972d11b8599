// Values and the timeline: amounts and percentages with their values in the entity panel
// (sortable), and the library's dated sentences in date order, filtered, opened, exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, pasteText, useApp } from './support.mjs';

const app = useApp();
const ARTICLE = '該公司去年融資近1億美元，較前年的3000萬元人民幣多。\n\n員工中九成支持，另有25%反對；港幣2.5億的新項目明年開展。';

test('amounts and percentages show their values in the panel and sort by them', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pasteText(page.getByTestId('article-input'), ARTICLE);
  const money = page.locator('[data-testid=entity-list] li[data-entity-type=MONEY]');
  await money.nth(2).waitFor();
  const shown = await page.locator('[data-testid=entity-list] li[data-entity-type=MONEY] [data-testid=entity-value]').allTextContents();
  assert.ok(shown.includes('≈100,000,000 USD'), shown.join(' | '));
  assert.ok(shown.includes('30,000,000 CNY'), shown.join(' | '));
  assert.ok(shown.includes('250,000,000 HKD'), shown.join(' | '));
  const percents = await page.locator('[data-testid=entity-list] li[data-entity-type=PERCENT]').evaluateAll((ls) => ls.map((l) => Number(l.dataset.value)));
  assert.deepEqual([...percents].sort((a, b) => a - b), [25, 90]);
  await page.locator('[data-entity-group=PERCENT] [data-testid=sort-by-value]').check();
  await page.waitForFunction(() => {
    const v = [...document.querySelectorAll('[data-testid=entity-list] li[data-entity-type=PERCENT]')].map((l) => Number(l.dataset.value));
    return v.join() === '90,25';
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the timeline lists the seed stories\' dated sentences in date order; filter, open, export', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { acceptDownloads: true });
  await page.goto(`${app.server.url}#/corpus/timeline`);
  const rows = page.getByTestId('timeline-row');
  await rows.first().waitFor({ timeout: 60000 });
  const dates = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.date));
  assert.ok(dates.length >= 10, `${dates.length} dated sentences`);
  assert.deepEqual(dates, [...dates].sort(), 'earliest first');
  // A story dated by its page resolves its relative dates (a day, from 昨日 or 本月).
  assert.ok(dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)));

  // A date range keeps what can fall in it.
  await page.getByTestId('timeline-from').fill('2024-01-01');
  await page.getByTestId('timeline-from').dispatchEvent('change');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=timeline-row]')].every((r) => r.dataset.date >= '2024'));
  const inRange = await rows.count();
  assert.ok(inRange > 0 && inRange < dates.length, `${inRange} of ${dates.length}`);

  // A name narrows it to the sentences naming it, in either script.
  const total = Number(await page.getByTestId('timeline-count').getAttribute('data-count'));
  await page.getByTestId('timeline-entity').fill('深圳');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=timeline-count]').dataset.count) < n, total);
  const sentences = await page.locator('[data-testid=timeline-row] .sentence').allTextContents();
  assert.ok(sentences.length > 0 && sentences.every((s) => s.includes('深圳')), sentences.join(' | '));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('timeline-export').click()]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  assert.match(csv, /^\uFEFFdate,precision,document,said,start,end,sentence,entities\r\n/);
  assert.equal(csv.trim().split('\r\n').length - 1, sentences.length);

  // Each sentence opens its story at its place.
  await page.getByTestId('timeline-open').first().click();
  await page.locator('[data-testid=reader][data-landed]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a date given to the open article resolves its relative dates at once, in the panel and on the timeline', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await pasteText(page.getByTestId('article-input'), '運輸署昨日宣布，新巴士線將於下月啟用。');
  const yesterday = page.locator('[data-testid=entity-list] li[data-entity-type=DATE][data-entity-text="昨日"]');
  await yesterday.waitFor();
  assert.equal(await yesterday.getAttribute('data-value'), null, 'undated: 昨日 is no day yet');
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await page.getByTestId('doc-date').fill('2024-12-17');
  await page.getByTestId('doc-date').press('Enter');
  // Analysed again without reopening it.
  await page.locator('[data-testid=entity-list] li[data-entity-text="昨日"][data-value="2024-12-16"]').waitFor();
  assert.equal(
    await page.locator('[data-testid=entity-list] li[data-entity-text="下月"]').getAttribute('data-value'),
    '2025-01',
  );
  // The corpus index took the date too: the sentence is on the timeline at that day.
  await page.goto(`${app.server.url}#/corpus/timeline`);
  await page.locator('[data-testid=timeline-row][data-date="2024-12-16"]', { hasText: '運輸署' }).waitFor({ timeout: 60000 });
  assert.deepEqual(errors, []);
  await page.close();
});
