// Shared helpers for the end-to-end tests: a static server for dist/ (optionally
// under a sub-path, as static hosts serve it) and Debian's Chromium via playwright-core.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Compressors a static host may apply (`encoding` of serveDist), at their best settings. */
const ENCODERS = {
  gzip: (body) => gzipSync(body, { level: 9 }),
  br: (body) =>
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
};

/**
 * Serves `dir` on 127.0.0.1 at `prefix` (e.g. "/" or "/jiexi/") as static hosts do, with
 * ETags and 304 answers, optionally compressed (`encoding`: "gzip" or "br", when the
 * browser accepts it); `mounts` maps further URL prefixes to folders. Resolves to
 * { url, close, requests } where `requests` lists every path asked for, its status (200,
 * or 304: no body) and the bytes of body sent. `hold(true)` makes it take requests and never
 * answer (a network that hangs rather than fails, as on a train), until `hold(false)`.
 */
export async function serveDist({ dir = DIST, prefix = '/', encoding, mounts = {} } = {}) {
  const requests = [];
  const encoded = new Map(); // compressed bodies by encoding and ETag: brotli 11 is slow
  let holding = false;
  const held = new Set();
  const server = createServer(async (req, res) => {
    if (holding) {
      held.add(res);
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let sent = 0;
    res.on('finish', () => requests.push({ path, status: res.statusCode, bytes: sent }));
    let [base, root] = [prefix, dir];
    for (const [at, folder] of Object.entries(mounts)) {
      if (path.startsWith(at)) [base, root] = [at, folder];
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', etag };
      let out = body;
      if (encoding && (req.headers['accept-encoding'] ?? '').includes(encoding)) {
        const key = `${encoding} ${etag}`;
        if (!encoded.has(key)) encoded.set(key, ENCODERS[encoding](body));
        out = encoded.get(key);
        headers['content-encoding'] = encoding;
      }
      sent = out.length;
      res.writeHead(200, headers);
      res.end(out);
    } catch (e) {
      // A missing file is a 404; anything else is the server's own fault, said so.
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') res.writeHead(404).end('not found');
      else res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    hold: (on) => {
      holding = on;
    },
    close: () =>
      new Promise((ok) => {
        for (const res of held) res.destroy();
        server.close(ok);
        server.closeAllConnections();
      }),
  };
}

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A fresh browser context (`contextOptions` as Playwright's `newContext`) whose pages open
 * the app as a returning user with nothing open, unless `firstVisit` (see `openApp`).
 */
export async function newContext(browser, { firstVisit = false, ...contextOptions } = {}) {
  const context = await browser.newContext(contextOptions);
  if (!firstVisit) await context.addInitScript(() => localStorage.setItem('jiexi.welcomed', '1'));
  return context;
}

/**
 * Opens the app in a fresh browser context (own storage; `contextOptions` as Playwright's
 * `newContext`) and collects page errors; resolves once the worker says it is ready.
 * The page opens as for a returning user with nothing open (an empty reader), so what a
 * test pastes is the only text shown; `{ firstVisit: true }` opens it as a first visit,
 * which shows a seed story.
 */
export async function openApp(browser, url, { firstVisit = false, ...contextOptions } = {}) {
  const context = await newContext(browser, { firstVisit, ...contextOptions });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  return { page, errors };
}

/**
 * Opens another tab of the app in `context`, its page errors collected in `errors`; resolves
 * once it is ready and has read the library. A `deaf` tab never hears from the others (as
 * one frozen in the background, or a browser without BroadcastChannel).
 */
export async function openTab(context, url, errors, { deaf = false } = {}) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  if (deaf) await page.addInitScript(() => { delete window.BroadcastChannel; });
  await page.goto(url);
  await page.locator('[data-testid=status][data-state=ready]').waitFor({ timeout: 15000 });
  await page.locator('[data-testid=library-state][data-state=saved]').waitFor();
  return page;
}

/**
 * From the next navigation on, collects every main-thread task over 50 ms as
 * `[startTime, duration]` in `window.__longTasks` (PerformanceObserver 'longtask'), for
 * the measuring scripts; read them with longestTask.
 */
export function recordLongTasks(page) {
  return page.addInitScript(() => {
    window.__longTasks = [];
    window.__measureFrom = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * The longest task (ms) recorded by recordLongTasks that started at or after
 * `window.__measureFrom` (a `performance.now()` time, set by pasteText), 0 if none. Earlier
 * ones are left out when read, not when they arrive: the observer hands entries over
 * late, so the page's own start-up (a ~120 ms task) used to slip in after the filter was
 * set. Tasks that started before are the test driver's or the app's start-up, not the
 * app's answer to what is measured.
 */
export function longestTask(page) {
  return page.evaluate(() => Math.max(0, ...window.__longTasks
    .filter(([start]) => start >= window.__measureFrom)
    .map(([, duration]) => Math.round(duration))));
}

/** Chars the app's text box holds (src/paste.rs, `LONG_TEXT_CHARS`). */
export const LONG_TEXT_CHARS = 100_000;

/**
 * Pastes `text` into the text box `input` (a locator) as a user's paste arrives: up to
 * LONG_TEXT_CHARS the box's value changes and one input event fires; a longer text comes
 * as a paste event with the clipboard's data, which the app takes without putting it in
 * the box. (A scripted paste event does not insert text by itself.)
 *
 * The box is looked up through the locator once per page and then kept in the page:
 * Playwright resolves a locator by visiting every element (it looks into shadow roots),
 * which on a page showing a 1 MB text takes ~300 ms and leaves ~1 million short-lived
 * wrappers and strings behind. The minor GC that reclaims them took 80–120 ms, and it
 * ran in whatever task came next, often the app's: the driver's cost was counted as the
 * app's long task.
 */
export async function pasteText(input, text) {
  const page = input.page();
  const key = String(input);
  const known = await page.evaluate((k) => window.__pasteTargets?.[k]?.isConnected === true, key);
  if (!known) await input.evaluate((el, k) => { (window.__pasteTargets ??= {})[k] = el; }, key);
  // The text crosses from the driver into the page first: deserialising a 1 MB argument
  // is a long task of the driver's own (recordLongTasks leaves it out).
  await page.evaluate((t) => { window.__pasted = t; }, text);
  return page.evaluate(({ k, long }) => {
    const el = window.__pasteTargets[k];
    const t = window.__pasted;
    delete window.__pasted;
    // Chars, not UTF-16 units; counted without spreading the text into an array of a
    // million strings (garbage the app's next GC would pay for).
    const chars = t.length - (t.match(/[\uD800-\uDBFF](?=[\uDC00-\uDFFF])/g)?.length ?? 0);
    window.__measureFrom = performance.now();
    if (chars > long) {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    } else {
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, { k: key, long: LONG_TEXT_CHARS });
}

/**
 * Resolves once `selector` (CSS) matches an element in the page, polling with
 * `document.querySelector`: unlike a locator's `waitFor`, it does not visit every element
 * on each poll, so it can wait on a page showing a 1 MB text without adding long tasks
 * and garbage of its own to what is measured.
 */
export function waitForSelector(page, selector, timeout = 60000) {
  return page.waitForFunction((s) => document.querySelector(s) !== null, selector, { timeout });
}

/** The text a reader shows, and its tokens' texts and POS tags. */
export function readerContent(page) {
  return page.locator('[data-testid=reader]').evaluate((el) => ({
    text: el.textContent,
    tokens: [...el.querySelectorAll('[data-token]')].map((t) => [t.textContent, t.dataset.pos]),
    entities: [...el.querySelectorAll('[data-entity]')].map((t) => [t.textContent, t.dataset.entity]),
  }));
}

/**
 * Registers a test file's shared server (dist/ at `/`) and browser; the returned object's
 * `server` and `browser` are set once the file's tests start.
 */
export function useApp() {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    app.server = await serveDist();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** Selects `wanted` in the reader (its first occurrence, or its last, scrolled to as a
 * reader would) and waits for the correction popover. */
export async function selectInReader(page, wanted, { last = false } = {}) {
  await page.getByTestId('reader').evaluate((reader, [wanted, last]) => {
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, all.length]);
      all += walker.currentNode.data;
    }
    const at = last ? all.lastIndexOf(wanted) : all.indexOf(wanted);
    if (at < 0) throw new Error(`${wanted} not in the reader`);
    const locate = (offset) => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
    };
    const range = document.createRange();
    range.setStart(...locate(at));
    const [endNode, endOffset] = locate(at + wanted.length - 1);
    range.setEnd(endNode, endOffset + 1);
    if (last) range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    reader.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, [wanted, last]);
  await page.getByTestId('correction-bar').waitFor();
}
