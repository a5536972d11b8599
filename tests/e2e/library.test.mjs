// The library, on the release build: what the user pastes is kept on the device and
// comes back on reload; documents are described, searched, deleted with undo, exported
// and imported (merged, no duplicates, a bad file changes nothing); two tabs lose nothing;
// with storage unavailable the app still works and says so; a crash mid-save breaks nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, openTab, readerContent, useApp, newContext } from './support.mjs';

const app = useApp();
const ARTICLE = '深港科技創新合作區加速發展\n記者羅柳斌報道：香港中文大學（深圳）副校長楊學明表示，深港合作將進一步加快。';
const OTHER = '前海金融中心開幕\n大公報記者胡永愛報道：前海管理局今日宣佈多項措施。';

const userDocs = (page) => page.locator('[data-testid=corpus-doc][data-kind=user]');

/** Pastes `text` (one input event) and waits until it is saved as a user document. */
async function paste(page, text) {
  await page.getByTestId('article-input').fill(text);
  await page.locator('[data-testid=reader] .block').first().waitFor();
  await page.locator(`[data-testid=corpus-doc][data-kind=user]`, { hasText: text.split('\n')[0] }).waitFor();
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
}

/** Types `value` into the open document's field `testid` and commits it (Enter). */
async function describeDoc(page, testid, value) {
  await page.getByTestId(testid).fill(value);
  await page.getByTestId(testid).press('Enter');
}

test('a pasted article is saved as it is and comes back after a reload', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  assert.equal(await userDocs(page).count(), 1);
  assert.equal(await userDocs(page).first().getAttribute('aria-current'), 'true');

  await page.reload();
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  assert.equal(await page.getByTestId('article-input').inputValue(), ARTICLE);
  assert.ok((await readerContent(page)).entities.some(([t, k]) => t === '羅柳斌' && k === 'PERSON'));
  assert.equal(await userDocs(page).count(), 1, 'reopening saves no copy');

  // Clearing starts a new article; the first one stays in the library.
  await page.getByTestId('new-doc').click();
  await paste(page, OTHER);
  assert.equal(await userDocs(page).count(), 2);
  assert.match(await userDocs(page).first().textContent(), /前海金融中心開幕/, 'newest first');
  await userDocs(page).last().click();
  await page.waitForFunction(
    (t) => document.querySelector('[data-testid=article-input]').value === t,
    ARTICLE,
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test('a paste over the whole text is a new document: the one it replaced stays in the library', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  // What a browser does on Ctrl+A, Ctrl+V: the paste event with the whole text selected,
  // then the box's new text and its input event (a script's paste event inserts nothing).
  const pasteOver = (text, select) =>
    page.getByTestId('article-input').evaluate((el, [t, all]) => {
      if (all) el.select();
      else el.setSelectionRange(el.value.length, el.value.length);
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      el.value = all ? t : el.value + t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, [text, select]);
  await pasteOver(OTHER, true);
  await page.locator('[data-testid=corpus-doc][data-kind=user]', { hasText: '前海金融中心開幕' }).waitFor();
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await userDocs(page).count(), 2, 'the first article is kept');
  assert.match(await page.getByTestId('notice').textContent(), /new document|新文件/);
  await userDocs(page).last().click();
  await page.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, ARTICLE);

  // A paste that adds to the text edits the same document.
  await pasteOver('\n補充：會議明日舉行。', false);
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await userDocs(page).count(), 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('title, source and date are editable and searchable; delete can be undone', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  await describeDoc(page, 'doc-title', '深港合作（測試）');
  await describeDoc(page, 'doc-source', '香港商報');
  await describeDoc(page, 'doc-date', '2024-12-17');
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await page.reload();
  await userDocs(page).first().waitFor();
  const row = await userDocs(page).first().textContent();
  assert.match(row, /深港合作（測試）/);
  assert.match(row, /香港商報 2024-12-17/);

  // Search works in either script and hides what does not match.
  await page.getByTestId('library-search').fill('深港合作（测试）');
  assert.equal(await userDocs(page).count(), 1);
  await page.getByTestId('library-search').fill('沒有這個標題');
  assert.equal(await page.getByTestId('corpus-doc').count(), 0);
  await page.getByTestId('library-search').fill('');

  await page.getByTestId('doc-delete').first().click();
  assert.equal(await userDocs(page).count(), 0);
  await page.getByTestId('undo-delete').click();
  await userDocs(page).first().waitFor();
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await page.reload();
  await userDocs(page).first().waitFor();
  assert.match(await userDocs(page).first().textContent(), /深港合作（測試）/, 'undone delete survives reload');

  await page.getByTestId('doc-delete').first().click();
  await page.waitForTimeout(300);
  await page.reload();
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await userDocs(page).count(), 0, 'a delete not undone is kept');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a save landing while the next field is typed in leaves that field as typed', async () => {
  const context = await newContext(app.browser);
  // IndexedDB commits can be held back and let go (as on a slow disk): the title's save
  // then lands while the source is being typed, however fast or slow the machine. The
  // form was once redrawn from the list on every save, and what was being typed vanished.
  await context.addInitScript(() => {
    const complete = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
    const held = [];
    window.__holdCommits = false;
    window.__releaseCommits = () => {
      window.__holdCommits = false;
      for (const f of held.splice(0)) f();
    };
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      configurable: true,
      get() { return complete.get.call(this); },
      set(f) {
        const tx = this;
        complete.set.call(this, f && ((e) => (window.__holdCommits ? held.push(() => f.call(tx, e)) : f.call(tx, e))));
      },
    });
  });
  const errors = [];
  const page = await openTab(context, app.server.url, errors);
  await paste(page, ARTICLE);
  await page.evaluate(() => { window.__holdCommits = true; });
  await describeDoc(page, 'doc-title', '深港合作（測試）');
  await page.getByTestId('doc-source').fill('香港商報');
  assert.equal(await page.locator('[data-testid=library-state]').getAttribute('data-state'), 'saving');
  // The title's save lands now, with the source typed and not yet committed.
  await page.evaluate(() => window.__releaseCommits());
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await page.getByTestId('doc-source').inputValue(), '香港商報', 'typed text kept');
  await page.getByTestId('doc-source').press('Enter');
  await describeDoc(page, 'doc-date', '2024-12-17');
  // "Saved" only once both saves have landed, not when the first has.
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await page.reload();
  await userDocs(page).first().waitFor();
  assert.match(await userDocs(page).first().textContent(), /深港合作（測試） 香港商報 2024-12-17/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the library exports and imports: merged without duplicates; a bad file changes nothing', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url, { acceptDownloads: true });
  await paste(page, ARTICLE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('library-export').click()]);
  const dir = await mkdtemp(join(tmpdir(), 'jiexi-lib-'));
  const file = join(dir, 'library.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.format, 'jiexi-library');
  assert.equal(exported.documents.length, 1);
  assert.equal(exported.documents[0].text, ARTICLE);

  // Into a fresh browser profile, twice: the second import adds nothing.
  const fresh = await openApp(app.browser, app.server.url);
  await fresh.page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await fresh.page.getByTestId('library-import').setInputFiles(file);
  await userDocs(fresh.page).first().waitFor();
  assert.match(await fresh.page.getByTestId('notice').textContent(), /1 document\(s\) added, 0 already/);
  await fresh.page.getByTestId('library-import').setInputFiles(file);
  await fresh.page.getByTestId('notice').filter({ hasText: '0 document(s) added, 1 already' }).waitFor();
  assert.equal(await userDocs(fresh.page).count(), 1);

  // A damaged file: a message, and the library as it was.
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ ...exported, documents: [{ ...exported.documents[0], id: '' }] }));
  await fresh.page.getByTestId('library-import').setInputFiles(bad);
  await fresh.page.getByTestId('notice').filter({ hasText: 'nothing was changed' }).waitFor();
  assert.equal(await userDocs(fresh.page).count(), 1);
  await fresh.page.reload();
  await userDocs(fresh.page).first().waitFor();
  assert.equal(await userDocs(fresh.page).count(), 1);
  assert.deepEqual([...errors, ...fresh.errors], []);
  await fresh.page.close();
  await page.close();
});

test('two tabs adding articles lose nothing, and each sees the other', async () => {
  const context = await newContext(app.browser);
  const a = await context.newPage();
  const b = await context.newPage();
  for (const p of [a, b]) {
    await p.goto(app.server.url);
    await p.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  }
  await paste(a, ARTICLE);
  await paste(b, OTHER);
  // Each tab lists the other's article without a reload.
  await a.locator('[data-testid=corpus-doc][data-kind=user]', { hasText: '前海金融中心開幕' }).waitFor();
  await b.locator('[data-testid=corpus-doc][data-kind=user]', { hasText: '深港科技創新合作區' }).waitFor();
  await a.reload();
  await a.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await userDocs(a).count(), 2);
  await context.close();
});

test('with storage unavailable (private mode) the app works and says nothing is saved', async () => {
  const context = await newContext(app.browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(app.server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  await page.locator('[data-testid=library-state][data-state=unavailable]').waitFor();
  assert.match(await page.getByTestId('library-state').textContent(), /Not saved|未能儲存/);
  await page.getByTestId('article-input').fill(ARTICLE);
  await page.locator('[data-testid=reader] mark[data-entity=PERSON]').first().waitFor();
  // The article is still listed for this visit, and the page never broke.
  await userDocs(page).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save over the storage quota says so, and what was saved before is kept', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  // From now on every write fails as a full disk does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByTestId('article-input').fill(`${ARTICLE}\n補充一段。`);
  const state = page.locator('[data-testid=library-state][data-state=unavailable]');
  await state.waitFor();
  assert.match(await state.textContent(), /quota has been exceeded/);
  // The text being edited is still on screen.
  assert.match(await page.getByTestId('article-input').inputValue(), /補充一段。$/);
  await page.reload();
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await page.getByTestId('article-input').inputValue(), ARTICLE, 'the saved version is intact');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the last keystrokes are kept when another document is opened or the page reloads at once', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await paste(page, ARTICLE);
  // Typed, then straight to a bundled document, inside the save delay.
  await page.getByTestId('article-input').fill(`${ARTICLE}一`);
  await page.locator('[data-testid=corpus-doc]:not([data-kind=user])').first().click();
  await userDocs(page).first().click();
  await page.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, `${ARTICLE}一`);
  // Typed, then reloaded at once.
  await page.getByTestId('article-input').fill(`${ARTICLE}二`);
  await page.reload();
  await page.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, `${ARTICLE}二`, {
    timeout: 15000,
  });
  assert.equal(await userDocs(page).count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a crash in the middle of a save leaves a whole document: the previous version or the new one', async () => {
  const context = await newContext(app.browser);
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  await paste(page, ARTICLE);
  // A long text makes the write long enough to crash inside it.
  const longer = `${ARTICLE}\n${'深港合作持續推進，創新科技成果豐碩。'.repeat(60000)}`;
  await page.getByTestId('article-input').fill(longer);
  // Caught on the DOM change itself: the write lasts only tens of milliseconds.
  await page.waitForFunction(
    () => document.querySelector('[data-testid=library-state]')?.dataset.state === 'saving',
    null,
    { polling: 'raf', timeout: 30000 },
  );
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash', { timeout: 10000 });
  cdp.send('Page.crash').catch(() => {}); // the renderer dies: this call never answers
  await crashed;

  const after = await context.newPage();
  const errors = [];
  after.on('pageerror', (e) => errors.push(String(e)));
  await after.goto(app.server.url);
  await after.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  await after.locator('[data-testid=library-state][data-state=saved]').waitFor();
  assert.equal(await userDocs(after).count(), 1, 'one document, not a broken second one');
  const stored = await storedDocs(after);
  assert.equal(stored.length, 1);
  const text = stored[0][1];
  assert.ok(text === ARTICLE || text === longer, `a whole version came back (${text.length} chars)`);
  // And it is the one reopened (a text this long is shown in the reader, not the box).
  if (text === ARTICLE) assert.equal(await after.getByTestId('article-input').inputValue(), ARTICLE);
  else await after.locator('[data-testid=long-text]:not([hidden])', { hasText: String(longer.length) }).waitFor();
  console.log(`# after the crash: the ${text === ARTICLE ? 'previous' : 'new'} version`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every document stored in the page's IndexedDB: [title, text], sorted by text. */
const storedDocs = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('jiexi');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const get = open.result.transaction('documents').objectStore('documents').getAll(IDBKeyRange.bound('doc:', 'doc:\uffff'));
    get.onsuccess = () => {
      open.result.close();
      resolve(get.result.map((json) => JSON.parse(json)).map((d) => [d.title, d.text]).sort((x, y) => x[1].localeCompare(y[1])));
    };
  };
}));

test('two tabs editing one document lose nothing: a tab with nothing unsaved follows, a stale one saves a copy', async () => {
  const context = await newContext(app.browser);
  const errors = [];
  const open = (deaf) => openTab(context, app.server.url, errors, { deaf });
  const a = await open(false);
  await paste(a, ARTICLE);
  const input = (page) => page.getByTestId('article-input');
  // Both other tabs open the same document (the stale one never hears from the others).
  const following = await open(false);
  const stale = await open(true);
  for (const p of [following, stale]) {
    await userDocs(p).first().click();
    await p.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, ARTICLE);
  }

  await input(a).fill(`${ARTICLE}甲`);
  await a.locator('[data-testid=library-state][data-state=saved]').waitFor();
  // The tab with nothing unsaved shows the new version at once.
  await following.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, `${ARTICLE}甲`);

  // The stale tab edits the version it opened: it must not overwrite 甲.
  await input(stale).fill(`${ARTICLE}乙`);
  await stale.waitForFunction(() => /another tab/.test(document.querySelector('[data-testid=notice]').textContent));
  await stale.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await stale.locator('[data-testid=corpus-doc][data-kind=user][aria-current=true]', { hasText: '（副本）' }).waitFor();
  const docs = await storedDocs(a);
  assert.deepEqual(docs.map(([, text]) => text), [`${ARTICLE}乙`, `${ARTICLE}甲`].sort((x, y) => x.localeCompare(y)));
  assert.ok(docs.some(([title, text]) => text.endsWith('乙') && title.endsWith('（副本）')), JSON.stringify(docs));
  // Editing on in the stale tab goes on in its copy.
  await input(stale).fill(`${ARTICLE}乙丙`);
  await stale.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await expectStored(a, [`${ARTICLE}乙丙`, `${ARTICLE}甲`]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a document deleted in one tab while another edits it comes back with that text and a notice', async () => {
  const context = await newContext(app.browser);
  const errors = [];
  const a = await openTab(context, app.server.url, errors);
  await paste(a, ARTICLE);
  // The editing tab never hears of the delete (as one frozen in the background).
  const editing = await openTab(context, app.server.url, errors, { deaf: true });
  await userDocs(editing).first().click();
  await editing.waitForFunction((t) => document.querySelector('[data-testid=article-input]').value === t, ARTICLE);

  await a.getByTestId('doc-delete').first().click();
  await a.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await expectStored(a, []);

  await editing.getByTestId('article-input').fill(`${ARTICLE}丁`);
  await editing.waitForFunction(() => /deleted in another tab/.test(document.querySelector('[data-testid=notice]')?.textContent));
  await editing.locator('[data-testid=library-state][data-state=saved]').waitFor();
  await expectStored(a, [`${ARTICLE}丁`]);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits until the stored texts are exactly `texts`. */
async function expectStored(page, texts) {
  const want = JSON.stringify([...texts].sort((x, y) => x.localeCompare(y)));
  for (let i = 0; i < 100; i++) {
    const have = JSON.stringify((await storedDocs(page)).map(([, t]) => t));
    if (have === want) return;
    await page.waitForTimeout(50);
  }
  assert.equal(JSON.stringify((await storedDocs(page)).map(([, t]) => t)), want);
}
