// Start-up and analysis latency of the release build in headless Chromium.
//   trunk build --release --offline && node scripts/browser_latency.mjs [FILE] [CHARS]
// Prints JSON: jiexi:ready (ms since navigation) and five jiexi:analyze measures (input
// event to highlights painted) for the first CHARS (default 10,000) chars of FILE
// (default: the bundled sample, repeated).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launch, serveDist } from '../tests/e2e/support.mjs';

const [file, chars = '10000'] = process.argv.slice(2);
const source = readFileSync(file ?? join(ROOT, 'samples', 'jiexi-sample.txt'), 'utf8').replace(/^\uFEFF/, '');
const n = Number(chars);
const text = source.repeat(Math.ceil(n / source.length)).slice(0, n);

const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
  const ready = await page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0].startTime);
  const input = page.getByTestId('article-input');
  for (let i = 0; i < 5; i++) {
    await input.fill('');
    await input.fill(text + ' '.repeat(i));
    await page.waitForFunction((k) => performance.getEntriesByName('jiexi:analyze').length > k, i);
  }
  const analyze = await page.evaluate(() =>
    performance.getEntriesByName('jiexi:analyze').map((e) => Math.round(e.duration)));
  console.log(JSON.stringify({ chars: text.length, ready_ms: Math.round(ready), analyze_ms: analyze }));
} finally {
  await browser.close();
  await server.close();
}
