// Corpus views on the release build, the graphical ones: the co-occurrence network, trends,
// distinctive words and the word cloud, each with its exports, over a generated library.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openApp, useApp } from './support.mjs';

const app = useApp();
const DOCS = 20;

async function withLibrary(options = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'jiexi-graphs-'));
  const file = join(dir, 'library.json');
  execFileSync('node', [join(ROOT, 'scripts', 'data', 'gen_library.mjs'), String(DOCS), file]);
  const opened = await openApp(app.browser, app.server.url, { acceptDownloads: true, ...options });
  const { page } = opened;
  await page.getByTestId('library-import').setInputFiles(file);
  await page.locator('[data-testid=corpus-doc][data-kind=user]').nth(DOCS - 1).waitFor();
  await page.getByTestId('nav-corpus').click();
  await page.locator('[data-testid=corpus-state][data-state=ready]').waitFor({ timeout: 60000 });
  return opened;
}

async function downloaded(page, testid) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const chunks = await (await download.createReadStream()).toArray();
  return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

test('the co-occurrence network: nodes by type, weighted links, selection, filters and exports', async () => {
  const { page, errors } = await withLibrary();
  const graph = page.getByTestId('cooccurrence');
  const nodes = graph.locator('[data-node]');
  await nodes.first().waitFor({ timeout: 30000 });
  const count = await nodes.count();
  assert.equal(String(count), await graph.getAttribute('data-nodes'));
  assert.ok(count >= 5, `${count} nodes`);
  const types = new Set(await nodes.evaluateAll((ns) => ns.map((n) => n.dataset.entity)));
  for (const t of types) assert.ok(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC'].includes(t), t);
  // Each node says what it is in words, not by colour alone.
  const label = await nodes.first().getAttribute('aria-label');
  assert.match(label, /\((PERSON|ORG|GPE|LOC|FAC)\), \d+$/);

  // The links table: heaviest first, each link also drawn.
  const edges = page.getByTestId('cooccurrence-edge');
  await edges.first().waitFor();
  const weights = await edges.evaluateAll((rs) => rs.map((r) => Number(r.dataset.weight)));
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a));
  assert.equal(await graph.locator('line.edge').count(), Number(await graph.getAttribute('data-edges')));

  // Choosing a node (keyboard): its links only, and its mentions in the concordance.
  const first = await edges.first().getAttribute('data-source');
  const node = graph.locator(`[data-node="${first}"]`);
  await node.focus();
  await page.keyboard.press('Enter');
  await graph.locator(`[data-node="${first}"].selected`).waitFor();
  const touching = await edges.evaluateAll((rs, n) => rs.every((r) => r.dataset.source === n || r.dataset.target === n), first);
  assert.ok(touching, 'only the chosen node\'s links are listed');
  await page.locator('[data-testid=kwic-total]').waitFor();
  assert.ok(Number(await page.getByTestId('kwic-total').getAttribute('data-total')) > 0);
  assert.equal(await page.getByTestId('kwic-input').inputValue(), first);

  // Type by shape as well as colour; labels shown never cover each other.
  const shapes = new Map(await nodes.evaluateAll((ns) => ns.map((n) => [n.dataset.entity, n.querySelector('path.shape').getAttribute('d').replace(/[\d.,-]+/g, '')])));
  if (shapes.has('PERSON') && shapes.has('ORG')) assert.notEqual(shapes.get('PERSON'), shapes.get('ORG'));
  const overlapping = await graph.evaluate((g) => {
    const texts = [...g.querySelectorAll('.node text:not(.crowded)')];
    const boxes = texts.map((t) => t.getBoundingClientRect());
    const found = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        found.push([texts[i].textContent, texts[j].textContent, JSON.stringify(a), JSON.stringify(b)]);
      }
    }
    return found;
  });
  assert.deepEqual(overlapping, [], 'labels overlap');
  // Zoom and pan: buttons, and a drag on the background.
  const box = () => page.getByTestId('network-svg').getAttribute('viewBox').then((v) => v.split(' ').map(Number));
  const whole = await box();
  await page.getByTestId('network-zoom-in').click();
  const closer = await box();
  assert.ok(closer[2] < whole[2] * 0.8, `${closer} within ${whole}`);
  const svgBox = await page.getByTestId('network-svg').boundingBox();
  await page.mouse.move(svgBox.x + 5, svgBox.y + 5);
  await page.mouse.down();
  await page.mouse.move(svgBox.x + 85, svgBox.y + 45, { steps: 4 });
  await page.mouse.up();
  const moved = await box();
  assert.ok(moved[0] < closer[0] && moved[1] < closer[1], `panned ${closer} to ${moved}`);
  await page.getByTestId('network-zoom-reset').click();
  assert.deepEqual(await box(), whole);

  // Paragraphs hold more pairs than sentences (among 20 names: 190 pairs at most, under
  // the cap on links drawn).
  await page.getByTestId('cooccurrence-size').selectOption('20');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=cooccurrence]').dataset.nodes) <= 20);
  const sentenceEdges = Number(await graph.getAttribute('data-edges'));
  await page.getByTestId('cooccurrence-unit').selectOption('paragraph');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=cooccurrence]').dataset.edges) > n, sentenceEdges);

  // The type filter: without people, no person is drawn.
  await page.locator('[data-testid=cooccurrence-type][data-group=People]').uncheck();
  await page.waitForFunction(() => {
    const g = document.querySelector('[data-testid=cooccurrence]');
    return g.querySelectorAll('[data-node]').length > 0 && !g.querySelector('[data-node][data-entity=PERSON]');
  });

  const csv = await downloaded(page, 'cooccurrence-export-csv');
  assert.match(csv.bytes.toString('utf8'), /^\uFEFFsource,source_type,target,target_type,weight\r\n"/);
  const svg = await downloaded(page, 'cooccurrence-export-svg');
  assert.match(svg.bytes.toString('utf8'), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*data-node=/);
  const gexf = await downloaded(page, 'cooccurrence-export-gexf');
  assert.equal(gexf.name, 'jiexi-cooccurrence.gexf');
  const xml = gexf.bytes.toString('utf8');
  assert.match(xml, /^<\?xml[\s\S]*<gexf [\s\S]*<nodes[\s\S]*<edges[\s\S]*<\/gexf>\s*$/);
  assert.equal((xml.match(/<node /g) ?? []).length, Number(await graph.getAttribute('data-nodes')));
  const png = await downloaded(page, 'cooccurrence-export-png');
  assert.equal(png.name, 'jiexi-cooccurrence.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.ok(png.bytes.length > 5000, `${png.bytes.length} bytes`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('trends: bars per document, a line over dates, for each chosen entity; exports', async () => {
  const { page, errors } = await withLibrary();
  const chart = page.getByTestId('trend-chart');
  await chart.locator('g[data-series]').nth(2).waitFor();
  assert.equal(await chart.locator('g[data-series]').count(), 3, 'the three most mentioned entities at first');
  // Documents are categories, so bars, not a line that suggests an order.
  assert.equal(await chart.locator('polyline').count(), 0);
  const documents = await page.getByTestId('corpus-doc').count();

  // The values are the entity index's counts (names only: no dates or amounts), over the
  // documents that name one of the chosen; the others are said to be left out.
  const top = page.locator('[data-testid=entity-index] tbody tr:not([data-entity-type=DATE]):not([data-entity-type=MONEY]):not([data-entity-type=PERCENT]):not([data-entity-type=QUANTITY]):not([data-entity-type=TIME])').first();
  const total = Number(await top.getAttribute('data-count'));
  const name = await top.getAttribute('data-entity-text');
  const series = await chart.locator('g[data-series]').evaluateAll((gs) => gs.map((g) => g.dataset.values.split(',').map(Number)));
  const rows = series[0].length;
  assert.equal(await chart.locator('text[data-row]').count(), rows, 'a labelled row per document');
  for (let r = 0; r < rows; r++) assert.ok(series.some((v) => v[r] > 0), `row ${r} names one of them`);
  const values = (await chart.locator(`g[data-series="${name}"]`).getAttribute('data-values')).split(',').map(Number);
  assert.equal(values.reduce((a, b) => a + b, 0), total);
  if (rows < documents) {
    assert.match(await page.getByTestId('trend-left-out').textContent(), new RegExp(`${documents - rows}`));
  }

  await page.locator('[data-testid=trend-entity]').nth(1).uncheck();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=trend-chart] g[data-series]').length === 2);
  await page.getByTestId('trend-by-date').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=trend-chart] polyline').length === 2);
  // One point per date the documents give (the seed stories' and the generated ones').
  const dates = new Set(await page.locator('[data-testid=corpus-doc][data-date]').evaluateAll((bs) =>
    bs.map((b) => b.dataset.date).filter((d) => d)));
  assert.ok(dates.size > 1 && dates.size < documents, `${dates.size} dates`);
  await page.waitForFunction((n) => {
    const p = document.querySelector('[data-testid=trend-chart] polyline');
    return p && p.getAttribute('points').trim().split(/\s+/).length === n;
  }, dates.size);

  const svg = await downloaded(page, 'trend-export-svg');
  assert.match(svg.bytes.toString('utf8'), /^<svg[\s\S]*<polyline/);
  const png = await downloaded(page, 'trend-export-png');
  assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual(errors, []);
  await page.close();
});

test('distinctive words of a document and the word cloud', async () => {
  const { page, errors } = await withLibrary();
  const rows = page.locator('[data-testid=distinctive-words] tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  const scores = await rows.evaluateAll((rs) => rs.map((r) => Number(r.cells[2].textContent)));
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');

  // Another document, another list.
  const before = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.word).join(' '));
  const options = page.locator('[data-testid=distinctive-doc] option');
  const other = await options.nth(await options.count() - 1).getAttribute('value');
  await page.getByTestId('distinctive-doc').selectOption(other);
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll('[data-testid=distinctive-words] tbody tr')].map((r) => r.dataset.word).join(' ');
    return now && now !== b;
  }, before);
  const csv = await downloaded(page, 'distinctive-export');
  assert.match(csv.bytes.toString('utf8'), /^\uFEFFword,count,score\r\n"/);

  const words = page.locator('[data-testid=word-cloud] svg text[data-word]');
  await words.first().waitFor();
  const freq = await page.locator('[data-testid=word-freq] tbody tr').count();
  assert.equal(await words.count(), Math.min(60, freq));
  const cloud = await downloaded(page, 'word-cloud-export');
  assert.match(cloud.bytes.toString('utf8'), /^<svg[\s\S]*data-word=/);
  assert.deepEqual(errors, []);
  await page.close();
});
