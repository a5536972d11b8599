// The page under its Content-Security-Policy, and faults on the way in: no inline
// script, nothing the policy blocks during a whole session; a dictionary download that
// fails says why and recovers with Retry, the text kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openApp, pasteText, readerContent, useApp, newContext } from './support.mjs';

const app = useApp();
const TEXT = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港合作將加快。';

test('the built page has a strict Content-Security-Policy and no inline script', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'the policy is in index.html');
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(attrs, /\bsrc=/, 'every script is a file');
    assert.equal(body.trim(), '');
  }
});

test('a whole session runs without anything blocked by the policy', async () => {
  const context = await newContext(app.browser);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const console = [];
  page.on('console', (m) => m.type() === 'error' && console.push(m.text()));
  page.on('pageerror', (e) => console.push(String(e)));
  await page.goto(app.server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  await page.getByTestId('article-input').fill(TEXT);
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  await page.getByTestId('view-tokens').click();
  await page.locator('[data-testid=corpus-doc]:not([data-kind=user])').first().click();
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(console.filter((m) => /Content.Security.Policy|Refused/i.test(m)), []);
  await context.close();
});

test('a failed dictionary download says why; Retry loads it, the text kept', async () => {
  const context = await newContext(app.browser);
  let fail = true;
  await context.route('**/dictionaries.txt', (route) =>
    fail ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
  );
  const page = await context.newPage();
  await page.goto(app.server.url);
  const status = page.locator('[data-testid=status][data-state=error]');
  await status.waitFor({ timeout: 15000 });
  assert.match(await status.textContent(), /503/);
  // Typing meanwhile tries again (a new worker), fails the same way and loses nothing.
  await page.getByTestId('article-input').fill(TEXT);
  await page.locator('[data-testid=status][data-state=working]').waitFor({ state: 'detached' });
  await status.waitFor();
  fail = false;
  await page.getByTestId('retry').click();
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor({ timeout: 15000 });
  assert.equal(await page.getByTestId('article-input').inputValue(), TEXT);
  assert.ok((await readerContent(page)).entities.some(([t, k]) => t === '羅柳斌' && k === 'PERSON'));
  await context.close();
});

test('a panic in the page shows a notice with a reload link; the text stays and comes back after reloading', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('article-input').fill(TEXT);
  await page.locator('[data-testid=reader] mark').first().waitFor();
  // Let the library save it (it waits a moment after the last change).
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    try {
      window.wasmBindings.jiexi_debug_panic();
    } catch (e) {
      window.__trap = String(e);
    }
  });
  const crash = page.getByTestId('crash');
  await crash.waitFor();
  assert.equal(await crash.getAttribute('role'), 'alert');
  assert.match(await crash.textContent(), /internal error/);
  assert.equal(await page.getByTestId('article-input').inputValue(), TEXT, 'the text is still there');
  assert.ok(errors.some((e) => e.includes('jiexi_debug_panic')), 'the panic is logged for diagnosis');
  await page.getByTestId('crash-reload').click();
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  assert.equal(await page.getByTestId('crash').count(), 0);
  assert.equal(await page.getByTestId('article-input').inputValue(), TEXT, 'the saved text is reopened');
  await page.close();
});

test('a worker that falls silent (as after a panic) is restarted; the text is kept and Retry works', async () => {
  const context = await newContext(app.browser);
  // Lets the test swallow the next message to the worker: the worker never answers it,
  // exactly as a worker whose wasm trapped on a panic.
  await context.addInitScript(() => {
    window.__swallow = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
      if (window.__swallow > 0) {
        window.__swallow -= 1;
        return undefined;
      }
      return post.apply(this, args);
    };
  });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  // The corpus views are open: the worker holds the corpus index.
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=entity-index] tbody tr').first().waitFor({ timeout: 15000 });
  await page.evaluate(() => { window.__swallow = 1; });
  await page.getByTestId('nav-read').click();
  await page.getByTestId('article-input').fill(TEXT);
  const error = page.locator('[data-testid=status][data-state=error]');
  await error.waitFor({ timeout: 30000 });
  assert.match(await error.textContent(), /restarted|重新啟動|text is kept/);
  assert.equal(await page.getByTestId('article-input').inputValue(), TEXT);
  // The new worker started without the corpus index; the views, shown again, send it the
  // library, so a search finds lines (before, none until the library changed or a reload).
  await page.getByTestId('nav-corpus').click();
  await page.getByTestId('kwic-input').fill('深圳');
  await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 15000 });
  await page.getByTestId('nav-read').click();
  await page.getByTestId('retry').click();
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor({ timeout: 15000 });
  assert.ok((await readerContent(page)).entities.some(([t, k]) => t === '羅柳斌' && k === 'PERSON'));
  await context.close();
});

test('a paste over the 5 MB limit is refused with a message; the text is kept and the next one is analysed', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  const input = page.getByTestId('article-input');
  await input.fill(TEXT);
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  const big = '深港合作持續推進，創新科技成果豐碩。'.repeat(100000); // 5.4 MB in UTF-8
  await pasteText(input, big);
  const status = page.locator('[data-testid=status][data-state=error]');
  await status.waitFor();
  assert.match(await status.textContent(), /5\.4 MB, more than the 5 MB/);
  // Nothing stale in the reader; the text is still the page's (described, not lost).
  assert.equal(await page.locator('[data-testid=reader] .block').count(), 0);
  // (The paste went in after the short text: that text and the big one.)
  await page.locator('[data-testid=long-text]:not([hidden])', { hasText: String(big.length + TEXT.length) }).waitFor();
  // The page still answers, and the next text is analysed.
  await pasteText(input, TEXT);
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
