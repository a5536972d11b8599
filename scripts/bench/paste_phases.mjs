// Where a paste's time goes, page side: input → the worker's answer received
// (`jiexi:response`) → the answer shown (`jiexi:worker`) → highlights painted
// (`jiexi:analyze`); medians over RUNS pastes of N chars of the CityU test text.
// Usage: [JIEXI_DIST=dir] node scripts/bench/paste_phases.mjs [N] [RUNS]
import { readFileSync } from 'node:fs';
import { DIST, launch, openApp, pasteText, serveDist } from '../../tests/e2e/support.mjs';

const N = Number(process.argv[2] ?? 10000);
const RUNS = Number(process.argv[3] ?? 9);
const source = readFileSync('../shared/data/sighan2005/cityu_test.utf8', 'utf8');
const text = source.repeat(Math.ceil(N / source.length)).slice(0, N);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serveDist({ dir: process.env.JIEXI_DIST ?? DIST });
const browser = await launch();
const { page } = await openApp(browser, server.url);
const input = page.getByTestId('article-input');
const rows = [];
for (let i = 0; i < RUNS; i++) {
  await input.fill('');
  await page.locator('[data-testid=status][data-state=ready]').waitFor();
  await page.waitForTimeout(800);
  const before = await page.evaluate(() => performance.getEntriesByName('jiexi:analyze').length);
  await pasteText(input, text + ' '.repeat(i));
  await page.waitForFunction((k) => performance.getEntriesByName('jiexi:analyze').length > k, before);
  rows.push(
    await page.evaluate(() => {
      const last = (n) => performance.getEntriesByName(n).at(-1);
      const input = last('jiexi:input').startTime;
      return {
        response: last('jiexi:response').startTime - input,
        shown: last('jiexi:worker').duration,
        painted: last('jiexi:analyze').duration,
        engine: Number(document.querySelector('[data-stat=engine-ms]')?.dataset.ms),
      };
    }),
  );
}
const out = Object.fromEntries(Object.keys(rows[0]).map((k) => [k, Math.round(median(rows.map((r) => r[k])) * 10) / 10]));
console.log(JSON.stringify({ chars: N, runs: RUNS, median_ms: out }));
await browser.close();
await server.close();
