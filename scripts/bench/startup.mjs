// Where a page's `jiexi:ready` went, read from the page and its worker: shared by
// perf.mjs and ready_ab.mjs.
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Where `jiexi:ready` went: the worker's start-up marks (`worker/src/worker.rs`: its wasm
 * running, the dictionaries fetched, built, the first analysis done) in ms since the
 * page's navigation, as the page's `jiexi:ready` is. */
export async function startup(page) {
  const worker = page.workers().at(-1);
  if (!worker) return undefined;
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  // Marks, and when each file the page or the worker fetched had arrived.
  const entries = () => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
    files: performance.getEntriesByType('resource').map((r) => [r.name, r.responseEnd]),
  });
  const inPage = await page.evaluate(entries);
  const inWorker = await worker.evaluate(entries);
  const out = {};
  for (const { origin, files } of [inPage, inWorker]) {
    for (const [url, t] of files) {
      const name = new URL(url).pathname.split('/').at(-1);
      if (/\.(wasm|txt)$/.test(name)) out[`${name.replace(/-[0-9a-f]{16}/, '')} arrived`] = round(t + origin - pageOrigin);
    }
  }
  for (const [name, t] of inWorker.marks) {
    if (name.startsWith('jiexi:worker:')) out[name.slice(13)] = round(t + inWorker.origin - pageOrigin);
  }
  out.ready = round(await page.evaluate(() => performance.getEntriesByName('jiexi:ready')[0]?.startTime));
  return out;
}
