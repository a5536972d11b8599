// Screenshots for the docs, from the release build (`trunk build --release --offline` first):
//   node scripts/screenshots.mjs        → docs/screenshots/*.png
// - reader-*.png: a first visit (empty storage), which opens a seed story highlighted; light
//   and dark, English and Traditional Chinese interface.
// - library-seeds-en.png: the library, the seed pages listed as their stories.
// - corpus-views-en.png: exploring: the corpus views over the seed stories across the width
//   (the concordance of 河套 and the dashboard under it).
// - network-en.png, trends-en.png, shortcuts-en.png: the network, the trends, the keys behind `?`.
// - phone-reader-en.png, phone-corpus-en.png: the same two panes on a 390×844 phone.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, openApp, serveDist, ROOT } from '../tests/e2e/support.mjs';

const OUT = join(ROOT, 'docs', 'screenshots');
await mkdir(OUT, { recursive: true });
const server = await serveDist();
const browser = await launch();
const shots = [
  { file: 'reader-light-en.png', locale: 'en-GB', colorScheme: 'light' },
  { file: 'reader-dark-en.png', locale: 'en-GB', colorScheme: 'dark' },
  { file: 'reader-light-zh-hant.png', locale: 'zh-HK', colorScheme: 'light' },
];
const viewport = { width: 1280, height: 960 };
try {
  for (const { file, locale, colorScheme } of shots) {
    const { page, errors } = await openApp(browser, server.url, { locale, colorScheme, viewport, firstVisit: true });
    await page.locator('[data-testid=doc-banner][data-kind=seed]').waitFor();
    await page.locator('[data-testid=entity-list] li').first().waitFor();
    await page.screenshot({ path: join(OUT, file) });
    if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
    console.log(join('docs', 'screenshots', file));
    await page.close();
  }
  // Exploring: the corpus views across the width, opened by their URL.
  const { page, errors } = await openApp(browser, server.url, { locale: 'en-GB', viewport: { width: 1366, height: 900 } });
  await page.locator('[data-testid=corpus-doc]').first().waitFor();
  await page.screenshot({ path: join(OUT, 'library-seeds-en.png'), clip: await page.locator('nav.library').boundingBox().then((b) => ({ ...b, height: Math.min(b.height, 860) })) });
  console.log(join('docs', 'screenshots', 'library-seeds-en.png'));
  await page.goto(`${server.url}#/corpus/kwic?q=${encodeURIComponent('河套')}`);
  await page.locator('[data-testid=kwic-row]').first().waitFor({ timeout: 60000 });
  await page.locator('[data-testid=entity-index] tbody tr').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, 'corpus-views-en.png') });
  console.log(join('docs', 'screenshots', 'corpus-views-en.png'));
  // The network and the trends, each on its own: shapes by type, labels apart, bars.
  for (const [file, testid] of [['network-en.png', 'cooccurrence'], ['trends-en.png', 'trend-chart']]) {
    const chart = page.getByTestId(testid);
    await chart.locator('svg').first().waitFor({ timeout: 60000 });
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: join(OUT, file) });
    console.log(join('docs', 'screenshots', file));
  }
  // The keyboard shortcuts, behind `?`.
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('?');
  await page.getByTestId('shortcuts').screenshot({ path: join(OUT, 'shortcuts-en.png') });
  console.log(join('docs', 'screenshots', 'shortcuts-en.png'));
  if (errors.length) throw new Error(`corpus views: ${errors.join('; ')}`);
  await page.close();
  // A phone: one pane at a time, the bar at the bottom.
  const phone = { width: 390, height: 844 };
  for (const [file, hash, ready] of [
    ['phone-reader-en.png', '#/read', '[data-testid=reader] mark'],
    ['phone-corpus-en.png', `#/corpus/kwic?q=${encodeURIComponent('河套')}`, '[data-testid=kwic-row]'],
  ]) {
    const { page, errors } = await openApp(browser, server.url, { locale: 'en-GB', viewport: phone, firstVisit: true, isMobile: true, hasTouch: true });
    await page.locator('[data-testid=reader] mark').first().waitFor({ timeout: 60000 });
    await page.goto(`${server.url}${hash}`);
    await page.locator(ready).first().waitFor({ timeout: 60000 });
    await page.screenshot({ path: join(OUT, file) });
    if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
    console.log(join('docs', 'screenshots', file));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
