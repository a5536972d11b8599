// Offline and updates, on the release build: once opened, the app loads, analyses and
// opens bundled documents with the network off and the server gone; a new deploy is
// announced and taken on request only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, openApp, readerContent, serveDist } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const TEXT = '記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港兩地合作將進一步加快。';

/** Waits until the service worker controls the page (first visit: after it installed). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30000 });
}

test('after one visit the app works with no network and no server, also under a sub-path', async () => {
  const server = await serveDist({ prefix: '/jiexi/' });
  const { page, errors } = await openApp(browser, server.url);
  await controlled(page);
  await page.context().setOffline(true);
  await server.close();

  await page.reload();
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
  await page.getByTestId('article-input').fill(TEXT);
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  const { entities } = await readerContent(page);
  assert.ok(entities.some(([t, k]) => t === '香港中文大學（深圳）' && k === 'ORG'));
  await page.locator('[data-testid=corpus-doc]:not([data-kind=user])').first().click();
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  assert.notEqual((await readerContent(page)).text, TEXT, 'a bundled document opened offline');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await page.close();
});

test('a network that never answers does not keep the app from opening from the cache', async () => {
  const server = await serveDist();
  try {
    const { page } = await openApp(browser, server.url);
    await controlled(page);
    // Requests reach the server and hang (no error to fall back on).
    server.hold(true);
    const started = Date.now();
    await page.reload({ timeout: 20000 });
    await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 20000 });
    const waited = Date.now() - started;
    assert.ok(waited < 10000, `opened after ${waited} ms`);
    await page.getByTestId('article-input').fill(TEXT);
    await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
    await page.close();
  } finally {
    await server.close();
  }
});

test('a new deploy is announced, and taken only when the user asks', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jiexi-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serveDist({ dir });
  try {
    const { page, errors } = await openApp(browser, server.url);
    await controlled(page);
    const first = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
    await page.getByTestId('article-input').fill(TEXT);
    await page.locator('[data-testid=status][data-state=ready]').waitFor();

    // Deploy a changed build: a new service worker version.
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    const before = server.requests.length;
    await writeFile(join(dir, 'sw.js'), sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await page.getByTestId('update-banner').waitFor({ timeout: 30000 });
    // Only what changed was downloaded: the dictionary (and every unchanged file) came
    // from the old cache.
    const fetched = server.requests.slice(before).filter((r) => r.status === 200).map((r) => r.path);
    assert.deepEqual(fetched, ['/sw.js']);
    // Nothing happens by itself: the text is still there.
    assert.equal(await page.getByTestId('article-input').inputValue(), TEXT);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
    await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `old caches deleted: ${caches}`);
    assert.ok(caches[0].endsWith('-next'));
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL), first);
    assert.equal(await page.getByTestId('update-banner').count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
