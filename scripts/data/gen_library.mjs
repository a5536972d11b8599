// Writes a library file of N articles (default 1,000, about 2 million chars) made from
// the bundled documents' sentences (seeds/ and samples/), shuffled with a fixed seed, for
// the corpus views' scale test (scripts/bench/corpus_scale.mjs) and for trying the app at size.
//   node scripts/data/gen_library.mjs [N] [OUT]      (OUT default: stdout)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const [n = '1000', out] = process.argv.slice(2);

const sentences = [];
for (const dir of ['seeds', 'samples']) {
  let files = [];
  try {
    files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    continue;
  }
  for (const f of files) {
    const text = readFileSync(join(ROOT, dir, f), 'utf8').replace(/^\uFEFF/, '');
    sentences.push(...(text.match(/[^。！？\n]+[。！？]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 4));
  }
}
if (sentences.length === 0) throw new Error('no bundled text to take sentences from');

// mulberry32: a small seeded PRNG, so every run writes the same library.
let seed = 20261123;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = () => sentences[Math.floor(random() * sentences.length)];

const documents = [];
for (let i = 0; i < Number(n); i++) {
  const paragraphs = [];
  let length = 0;
  while (length < 2000) {
    const p = Array.from({ length: 3 }, pick).join('');
    paragraphs.push(p);
    length += p.length;
  }
  const title = `${String(i + 1).padStart(4, '0')} ${pick().slice(0, 24)}`;
  documents.push({
    id: `gen-${i + 1}`,
    title,
    source: 'generated',
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    text: `${title}\n${paragraphs.join('\n')}`,
    updated: 1732000000000 + i,
  });
}
const json = JSON.stringify({ format: 'jiexi-library', version: 1, documents });
if (out) {
  writeFileSync(out, json);
  const chars = documents.reduce((a, d) => a + d.text.length, 0);
  console.error(`${out}: ${documents.length} documents, ${chars} chars`);
} else {
  process.stdout.write(json);
}
