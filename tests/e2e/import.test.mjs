// Batch import: a .zip of articles (one of them not text) and loose .txt files at once, added
// to the library together; what could not be read is named, duplicates are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, useApp } from './support.mjs';

const app = useApp();
const ARTICLES = [
  '【本報訊】沙田區議會昨日討論單車徑擴建計劃，議員普遍支持。',
  '記者黃小明報道：屯門醫院新翼工程將於明年完成，涉資約12億港元。',
  '九龍城區一所中學今年共有三成學生升讀本地大學。',
];

/** A zip built by Python's zipfile (stdlib): two articles, a binary file, an empty file, a folder. */
async function makeZip(dir) {
  const file = join(dir, 'articles.zip');
  const script = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('news/one.txt', sys.argv[2])
    z.writestr('news/two.txt', sys.argv[3].encode('big5'))
    z.writestr('news/photo.jpg', bytes(range(256)) * 8)
    z.writestr('news/empty.txt', '')
    z.writestr('news/', '')
`;
  execFileSync('python3', ['-c', script, file, ARTICLES[0], ARTICLES[1]]);
  return file;
}

test('a zip and loose files import together: progress, failures named, duplicates skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'jiexi-import-'));
  const zip = await makeZip(dir);
  const loose = join(dir, 'three.txt');
  await writeFile(loose, ARTICLES[2]);
  const again = join(dir, 'again.txt');
  await writeFile(again, ARTICLES[0]);
  const { page, errors } = await openApp(app.browser, app.server.url);
  const users = page.locator('[data-testid=corpus-doc][data-kind=user]');
  const before = await users.count();

  await page.getByTestId('file-input').setInputFiles([zip, loose, again]);
  const notice = page.getByTestId('notice');
  await page.waitForFunction(() => /added/.test(document.querySelector('[data-testid=notice]').textContent), null, { timeout: 30000 });
  const said = await notice.textContent();
  // Three new articles (one twice: skipped), the picture and the empty file named with
  // their reasons (an empty file is no document).
  assert.match(said, /3 added, 1 already in the library/);
  assert.match(said, /photo\.jpg/);
  assert.match(said, /empty\.txt: the file holds no text/);
  assert.equal(said.split('photo.jpg').length - 1, 1, `each file named once: ${said}`);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=corpus-doc][data-kind=user]').length === n, before + 3);
  assert.equal(await page.getByTestId('import-progress').count(), 0, 'the progress goes when done');
  // The Big5 file was decoded: its title is its first line.
  const titles = await users.allTextContents();
  assert.ok(titles.some((t) => t.includes('記者黃小明報道')), titles.join(' | '));

  // The same zip again adds nothing.
  await page.getByTestId('file-input').setInputFiles([zip]);
  await page.waitForFunction(() => /0 added, 2 already/.test(document.querySelector('[data-testid=notice]').textContent), null, { timeout: 30000 });
  assert.equal(await users.count(), before + 3);
  assert.deepEqual(errors, []);
  await page.close();
});
