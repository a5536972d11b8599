// Corrections end to end: marking selected text as an entity or a word, changing and
// removing entities, the user dictionary surviving a reload (IndexedDB), its export and
// import (jieba format), and a bad import changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openApp, openTab, readerContent, selectInReader, useApp, newContext } from './support.mjs';

const app = useApp();

const ARTICLE = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快。';

async function paste(page, text) {
  await page.getByTestId('article-input').fill(text);
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  await page.locator('[data-testid=reader] .block').first().waitFor();
}

async function afterChange(page) {
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  await page.locator('[data-testid=storage-state][data-state=saved]').waitFor();
}

test('a selection marked as an entity applies at once and survives a reload', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  await selectInReader(page, '深港兩地');
  assert.equal(await page.getByTestId('correction-text').textContent(), '深港兩地');
  await page.getByTestId('correction-type').selectOption('EVENT');
  await page.getByTestId('mark-entity').click();
  await page.locator('[data-testid=reader] mark[data-entity=EVENT]').waitFor();
  await afterChange(page);
  let { entities } = await readerContent(page);
  assert.ok(entities.some(([t, k]) => t === '深港兩地' && k === 'EVENT'), JSON.stringify(entities));
  assert.equal(await page.locator('[data-testid=entity-list] li[data-entity-type=EVENT]').getAttribute('data-entity-text'), '深港兩地');
  assert.equal(await page.locator('[data-testid=dictionary-list] li[data-correction-kind=entity]').getAttribute('data-correction-text'), '深港兩地');

  await page.reload();
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  await page.locator('[data-testid=storage-state][data-state=saved]').waitFor();
  await paste(page, ARTICLE.replace('深港兩地', '深港兩地與灣區'));
  await page.locator('[data-testid=reader] mark[data-entity=EVENT]').waitFor();
  ({ entities } = await readerContent(page));
  assert.ok(entities.some(([t, k]) => t === '深港兩地' && k === 'EVENT'), 'the correction is still applied after a reload');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity can change type or be removed everywhere; a selection can be made a word', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, `${ARTICLE}\n羅柳斌再說。`);
  await page.locator('[data-testid=entity-list] li[data-entity-text="羅柳斌"] button').click();
  await page.getByTestId('remove-entity').click();
  await afterChange(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid=reader] mark')].some((m) => m.textContent === '羅柳斌'));

  await page.locator('[data-testid=entity-list] li[data-entity-text="楊學明"] button').click();
  await page.getByTestId('change-type').selectOption('ORG');
  await page.locator('[data-testid=entity-list] li[data-entity-type=ORG][data-entity-text="楊學明"]').waitFor();
  await afterChange(page);

  await selectInReader(page, '進一步加快');
  await page.getByTestId('mark-word').click();
  await page.getByTestId('view-tokens').check();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=reader] [data-token]')].some((t) => t.textContent === '進一步加快'));
  await afterChange(page);
  const kinds = await page.locator('[data-testid=dictionary-list] li').evaluateAll((rows) => rows.map((r) => [r.dataset.correctionText, r.dataset.correctionKind]));
  assert.deepEqual(kinds, [['羅柳斌', 'not_entity'], ['楊學明', 'entity'], ['進一步加快', 'word']]);

  // Removing a correction undoes it.
  await page.locator('[data-testid=dictionary-list] li[data-correction-text="羅柳斌"] [data-testid=dictionary-remove]').click();
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]', { hasText: '羅柳斌' }).first().waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the user dictionary exports and imports in jieba format; a bad file changes nothing', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  await page.getByTestId('dictionary-import').setInputFiles({
    name: 'user.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('# jieba user dictionary\n深港兩地 100 GPE\n楊學明 100 -PERSON\n合作將 5 n\n'),
  });
  await page.locator('[data-testid=dictionary-list] li').nth(2).waitFor();
  await afterChange(page);
  const { entities } = await readerContent(page);
  assert.ok(entities.some(([t, k]) => t === '深港兩地' && k === 'GPE'));
  assert.ok(!entities.some(([t]) => t === '楊學明'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dictionary-export').click()]);
  const exported = await readFile(await download.path(), 'utf8');
  assert.equal(exported, '深港兩地 100 GPE\n楊學明 100 -PERSON\n合作將 100 n\n');

  await page.getByTestId('dictionary-import').setInputFiles({
    name: 'bad.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('好詞 100 n\n壞詞 100 <img src=x>\n'),
  });
  await page.waitForFunction(() => /bad\.txt: line 2/.test(document.querySelector('[data-testid=notice]').textContent));
  assert.equal(await page.locator('[data-testid=dictionary-list] li').count(), 3, 'nothing imported from a bad file');
  assert.deepEqual(errors, []);
  await page.close();
});

test('two tabs correcting at once keep both corrections, and a tab shows the other tab\'s at once', async () => {
  const context = await newContext(app.browser);
  const errors = [];
  const open = async (deaf) => {
    // A deaf tab's dictionary is stale when it saves.
    const page = await openTab(context, app.server.url, errors, { deaf });
    await paste(page, ARTICLE);
    return page;
  };
  const a = await open(false);
  const listening = await open(false);
  const stale = await open(true);
  const corrections = (page) => page.locator('[data-testid=dictionary-list] li').evaluateAll((rows) => rows.map((r) => r.dataset.correctionText).sort());

  await selectInReader(a, '深港兩地');
  await a.getByTestId('correction-type').selectOption('EVENT');
  await a.getByTestId('mark-entity').click();
  await afterChange(a);
  // The listening tab applies it without a reload.
  await listening.locator('[data-testid=reader] mark[data-entity=EVENT]', { hasText: '深港兩地' }).waitFor();

  // The stale tab still has no corrections; its change is made to the stored dictionary.
  assert.deepEqual(await corrections(stale), []);
  await selectInReader(stale, '進一步加快');
  await stale.getByTestId('mark-word').click();
  await afterChange(stale);
  await stale.locator('[data-testid=dictionary-list] li').nth(1).waitFor();
  assert.deepEqual(await corrections(stale), ['深港兩地', '進一步加快']);
  // (It cannot tell the others: they see it on their next change or reload.)

  await a.reload();
  await a.locator('[data-testid=storage-state][data-state=saved]').waitFor();
  assert.deepEqual(await corrections(a), ['深港兩地', '進一步加快']);
  assert.deepEqual(errors, []);
  await context.close();
});
