// Accessibility: the keyboard path from the top of the page to the entities, the reader
// as one tab stop, and an axe-core scan in both themes and both interface languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, newContext, openApp, pasteText, useApp } from './support.mjs';

const app = useApp();
const DESKTOP = { width: 1366, height: 900 };
const PARAGRAPH = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快，'
  + '預計2024年底完成，總投資約290億元人民幣。\n\n';

test('from the top of the page the entity filter is a few keys away, and the reader is one tab stop', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { viewport: DESKTOP });
  await pasteText(page.getByTestId('article-input'), PARAGRAPH.repeat(10));
  await page.locator('[data-testid=reader] mark').first().waitFor();
  await page.locator('[data-testid=reader][data-rendering=false]').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  let presses = 0;
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.id);
  while (presses < 15 && (await focused()) !== 'entity-filter') {
    if ((await focused()) === 'skip-entities') {
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Tab');
    }
    presses++;
  }
  assert.equal(await focused(), 'entity-filter', `not reached in ${presses} presses`);
  // The reader: Tab enters it once, the arrows move between highlights, Tab leaves it.
  await page.getByTestId('reader').focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => document.activeElement?.dataset?.start);
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement?.dataset?.start);
  assert.ok(first !== undefined && second !== undefined && Number(second) > Number(first), `${first} then ${second}`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-testid=reader]')), null, 'Tab leaves the reader');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an accessibility scan finds nothing serious, in both themes and both languages', async () => {
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Each theme once and each language once (light in Chinese, dark in English): the scan
  // costs seconds per page, and a contrast or a label failing in one pairing fails in it alone.
  for (const [colorScheme, lang] of [['light', 'zh'], ['dark', 'en']]) {
    // bypassCSP: the page's policy allows no injected script, and axe is one.
    const context = await newContext(app.browser, { colorScheme, viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
    await pasteText(page.getByTestId('article-input'), PARAGRAPH.repeat(3));
    await page.locator('[data-testid=reader] mark').first().waitFor();
    if (lang === 'en') await page.getByTestId('lang-toggle').click();
    for (const hash of ['#/read', '#/corpus/kwic?q=深港']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      if (hash.includes('corpus')) await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 60000 });
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(found, [], `${colorScheme}, ${lang}, ${hash}`);
    }
    await context.close();
  }
});
