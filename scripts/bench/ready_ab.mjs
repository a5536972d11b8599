// `jiexi:ready` of two builds, measured alternately in the same run (the machine's load
// moves between runs, so only figures taken side by side compare): ROUNDS times, for
// each build, a first visit in a fresh browser context (cold) and three reloads served
// by the service worker (the median). Prints each build's medians over the rounds, and
// where the median round's start-up went (scripts/bench/startup.mjs).
// Usage: [THROTTLE=N] node scripts/bench/ready_ab.mjs DIST_A DIST_B [ROUNDS]
// THROTTLE=N slows each page's main thread N times, at a phone's size, as perf.mjs does.
import { readdirSync } from 'node:fs';
import { launch, serveDist } from '../../tests/e2e/support.mjs';
import { startup } from './startup.mjs';

const [a, b, roundsArg = '5'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node scripts/bench/ready_ab.mjs DIST_A DIST_B [ROUNDS]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg);
const THROTTLE = Number(process.env.THROTTLE ?? 1);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ready = (page) => page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0]?.startTime);

/** A server for `dir`, every file compressed once beforehand, as a host serving
 * precompressed files would: the time to compress is not the page's. */
async function serve(dir) {
  const server = await serveDist({ dir, encoding: 'br' });
  for (const name of readdirSync(dir)) {
    await fetch(new URL(name, server.url), { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer());
  }
  return server;
}

async function visit(browser, server) {
  const context = await browser.newContext(THROTTLE > 1 ? PHONE : {});
  try {
    const page = await context.newPage();
    if (THROTTLE > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    }
    const wait = () => page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 60000 });
    await page.goto(server.url);
    await wait();
    const cold = await ready(page);
    const coldSteps = await startup(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 60000 });
    const sw = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await wait();
      sw.push({ ready: await ready(page), steps: await startup(page) });
    }
    sw.sort((x, y) => x.ready - y.ready);
    return { cold, coldSteps, sw: sw[1].ready, swSteps: sw[1].steps };
  } finally {
    await context.close();
  }
}

const servers = { [a]: await serve(a), [b]: await serve(b) };
const browser = await launch();
const runs = { [a]: [], [b]: [] };
for (let r = 0; r < ROUNDS; r++) {
  for (const dir of r % 2 ? [b, a] : [a, b]) runs[dir].push(await visit(browser, servers[dir]));
}
await browser.close();
for (const server of Object.values(servers)) await server.close();
const out = {};
for (const [dir, rs] of Object.entries(runs)) {
  const mid = [...rs].sort((x, y) => x.cold - y.cold)[Math.floor(rs.length / 2)];
  out[dir] = {
    ready_cold_ms: Math.round(median(rs.map((x) => x.cold))),
    ready_sw_ms: Math.round(median(rs.map((x) => x.sw))),
    all_cold: rs.map((x) => Math.round(x.cold)),
    all_sw: rs.map((x) => Math.round(x.sw)),
    startup_cold: mid.coldSteps,
    startup_sw: mid.swSteps,
  };
}
console.log(JSON.stringify({ throttle: THROTTLE, rounds: ROUNDS, builds: out }, null, 1));
