// Screenshots of the reader for the docs: light and dark, English and Traditional Chinese
// interface, a bundled story. Run after `trunk build --release --offline`:
//   node scripts/screenshots.mjs        → docs/screenshots/*.png
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
try {
  for (const { file, locale, colorScheme } of shots) {
    const { page, errors } = await openApp(browser, server.url, {
      locale,
      colorScheme,
      viewport: { width: 1280, height: 960 },
    });
    // The first bundled document: a seed page when seeds are present.
    await page.locator('[data-testid=corpus-doc]:not([data-kind=user])').first().click();
    await page.locator('[data-testid=entity-list] li').first().waitFor();
    await page.locator('[data-testid=entity-list] li button').first().click();
    await page.screenshot({ path: join(OUT, file) });
    if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
    console.log(join('docs', 'screenshots', file));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
