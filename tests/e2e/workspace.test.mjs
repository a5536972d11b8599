// The workspace: panes in the URL, a layout that fits the desktop and the phone, the
// correction popover by the selection, the mention stepper in view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, pasteText, selectInReader, useApp } from './support.mjs';

const app = useApp();
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
// Many paragraphs: the last mention of 楊學明 is thousands of pixels down the page.
const PARAGRAPH = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快，'
  + '預計2024年底完成，總投資約290億元人民幣。\n\n';

function inViewport(box, viewport) {
  return box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 1 && box.y + box.height <= viewport.height + 1;
}

/** Whether anything on the page is wider than the screen (the page scrolls sideways). */
function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('a URL names the view and the query: it opens there after a reload, also offline', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30000 });
  await page.goto(`${app.server.url}#/corpus/kwic?q=${encodeURIComponent('河套')}`);
  await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('kwic-input').inputValue(), '河套');
  assert.equal(await page.getByTestId('nav-corpus').getAttribute('aria-current'), 'page');
  // Typing changes the query in the URL without a history entry per key.
  await page.getByTestId('kwic-input').fill('前海');
  await page.waitForFunction(() => decodeURIComponent(location.hash) === '#/corpus/kwic?q=前海');
  for (const offline of [false, true]) {
    await page.context().setOffline(offline);
    await page.reload();
    await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 60000 });
    assert.equal(await page.getByTestId('kwic-input').inputValue(), '前海', offline ? 'offline' : 'online');
  }
  await page.context().setOffline(false);
  // A line opens its document in the reader; Back returns to the concordance.
  await page.getByTestId('kwic-open').first().click();
  await page.locator('[data-testid=reader][data-landed]').waitFor();
  assert.equal(await page.getByTestId('nav-read').getAttribute('aria-current'), 'page');
  await page.goBack();
  await page.locator('[data-testid=kwic-row]').first().waitFor();
  assert.equal(await page.getByTestId('kwic-input').inputValue(), '前海');
  assert.deepEqual(errors, []);
  await page.close();
});

test('no view is wider than the screen, on a desktop or a phone', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, errors } = await openApp(app.browser, app.server.url, { viewport });
    await pasteText(page.getByTestId('article-input'), PARAGRAPH.repeat(20));
    await page.locator('[data-testid=reader] mark').first().waitFor();
    for (const pane of ['read', 'entities', 'library', 'corpus']) {
      await page.goto(`${app.server.url}#/${pane === 'corpus' ? 'corpus/kwic?q=深港' : pane}`);
      if (pane === 'corpus') {
        await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 60000 });
        await page.locator('[data-testid=cooccurrence] svg, [data-testid=network-empty]').first().waitFor({ timeout: 60000 }).catch(() => {});
      }
      assert.ok(await overflow(page) <= 0, `${pane} at ${viewport.width}px is ${await overflow(page)} px too wide`);
    }
    // On a phone one pane at a time: the entities are a tab of their own.
    if (viewport === PHONE) {
      await page.getByTestId('nav-entities').click();
      assert.ok(await page.getByTestId('entity-filter').isVisible());
      assert.equal(await page.getByTestId('reader').isVisible(), false);
      const box = await page.getByTestId('entity-filter').boundingBox();
      assert.ok(box.y < PHONE.height, `the entity panel starts on screen, at ${box.y} px`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('correcting a mention far down the page opens the popover by it, with a type guessed from the text', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { viewport: DESKTOP });
  await pasteText(page.getByTestId('article-input'), PARAGRAPH.repeat(60) + '另外，深圳晶泰科技有限公司今日宣布擴充。');
  await page.locator('[data-testid=reader] mark').first().waitFor();
  await page.locator('[data-testid=reader][data-rendering=false]').waitFor();
  await selectInReader(page, '晶泰科技有限公司', { last: true });
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 4000, `the selection is ${y} px down`);
  const bar = page.getByTestId('correction-bar');
  assert.ok(inViewport(await bar.boundingBox(), DESKTOP), 'the popover is on screen');
  assert.equal(await page.getByTestId('correction-type').inputValue(), 'ORG', 'a company is offered as an organisation');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the mention stepper stays in view and marks the current mention', async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const { page, errors } = await openApp(app.browser, app.server.url, { viewport });
    await pasteText(page.getByTestId('article-input'), PARAGRAPH.repeat(30));
    await page.locator('[data-testid=reader] mark').first().waitFor();
  await page.locator('[data-testid=reader][data-rendering=false]').waitFor();
    if (viewport === PHONE) await page.getByTestId('nav-entities').click();
    await page.locator('[data-testid=entity-list] li[data-entity-text="楊學明"] button').click();
    if (viewport === PHONE) await page.getByTestId('nav-read').click();
    let last = 0;
    for (let i = 1; i <= 4; i++) {
      await page.getByTestId('mention-next').click();
      assert.ok(inViewport(await page.getByTestId('mention-next').boundingBox(), viewport), `stepper in view at step ${i}`);
      const [at, of] = (await page.getByTestId('mention-count').textContent()).split(' / ').map(Number);
      assert.ok(of === 30 && at > last, `${at} / ${of} after ${last}`);
      last = at;
      assert.equal(await page.locator('[data-testid=reader] mark.current').count(), 1);
      assert.ok(inViewport(await page.locator('[data-testid=reader] mark.current').boundingBox(), viewport), 'the mention is shown');
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});
