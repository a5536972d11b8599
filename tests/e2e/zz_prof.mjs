import { readFileSync } from 'node:fs';
import { launch, serveDist } from './support.mjs';
const source = readFileSync('samples/jiexi-sample.txt', 'utf8');
const text = source.repeat(Math.ceil(10000 / source.length)).slice(0, 10000);
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url);
await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 30000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
for (let i = 0; i < 5; i++) {
  await page.getByTestId('article-input').evaluate((el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text + ' '.repeat(i));
  await page.waitForFunction((k) => performance.getEntriesByName('jiexi:analyze').length > k, i);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) || 0) + 1);
let total = 0;
for (const [id, c] of counts) { const n = byId.get(id); const name = n.callFrame.functionName || n.callFrame.url.split('/').pop() || '(anon)'; self.set(name, (self.get(name) || 0) + c); total += c; }
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [n, c] of top) console.log((c / total * 100).toFixed(1).padStart(5), n.slice(0, 120));
await browser.close(); await server.close();
