// Renders assets/icon.svg to the PNG sizes browsers want for installing the app
// (assets/icon-192.png, assets/icon-512.png). Run once after changing the icon:
//   node scripts/build/icons.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from '../../tests/e2e/support.mjs';

const svg = await readFile(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const browser = await launch();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
    await page.screenshot({ path: join(ROOT, 'assets', `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
