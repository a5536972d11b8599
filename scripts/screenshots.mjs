// Screenshots for the docs, from the release build (`trunk build --release --offline` first):
//   node scripts/screenshots.mjs        → docs/screenshots/*.png
// - reader-*.png: a first visit (empty storage), which opens a seed story highlighted; light
//   and dark, English and Traditional Chinese interface.
// - library-seeds-en.png: the library, the seed pages listed as their stories.
// - corpus-views-en.png: the corpus views over the seed stories (the concordance of 河套, the
//   entity index).
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
  const { page, errors } = await openApp(browser, server.url, { locale: 'en-GB', viewport: { width: 1280, height: 1400 } });
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=corpus-state][data-state=ready]').waitFor({ timeout: 60000 });
  await page.locator('[data-testid=entity-index] tbody tr').first().waitFor();
  await page.getByTestId('kwic-input').fill('河套');
  await page.getByTestId('kwic-row').first().waitFor();
  // The side column holds the library (the seed pages as their stories) and, under it, the
  // views one under another: the library, and the top of the views (entity index, concordance).
  const clipOf = (selector, height) => page.evaluate(([sel, h]) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: Math.min(r.height, h) };
  }, [selector, height]);
  await page.screenshot({ path: join(OUT, 'library-seeds-en.png'), fullPage: true, clip: await clipOf('nav.library', 1100) });
  await page.screenshot({ path: join(OUT, 'corpus-views-en.png'), fullPage: true, clip: await clipOf('[data-testid=corpus-views]', 1100) });
  console.log(join('docs', 'screenshots', 'library-seeds-en.png'));
  if (errors.length) throw new Error(`corpus views: ${errors.join('; ')}`);
  console.log(join('docs', 'screenshots', 'corpus-views-en.png'));
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
