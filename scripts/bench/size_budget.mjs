// The first visit's download against a budget, without a browser: every file of the
// build compressed as scripts/bench/perf.mjs's server does (gzip -9, brotli 11), summed as a
// first visit fetches them (the service worker precaches every file; the page itself is
// fetched twice, as "./" and as "index.html"). Exits non-zero over budget.
//   node scripts/bench/size_budget.mjs [DIST]
// Budgets in bytes: JIEXI_BUDGET_BR, JIEXI_BUDGET_GZ (defaults: today's figures plus a
// little; the goal is 1,500,000 brotli and 1,900,000 gzip: lower them as it comes closer).
// Raised only for a feature, with the reason in docs/performance.md (2026-12-04: the
// worker's values, authority file and zip import, +80 KB brotli).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const budget = {
  brotli: Number(process.env.JIEXI_BUDGET_BR ?? 2_660_000),
  gzip: Number(process.env.JIEXI_BUDGET_GZ ?? 3_380_000),
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const rows = [];
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const path of files(dist).sort()) {
  const body = readFileSync(path);
  const row = {
    file: path.slice(dist.length + 1),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
  rows.push(row);
  const times = row.file === 'index.html' ? 2 : 1;
  for (const k of Object.keys(total)) total[k] += times * row[k];
}
for (const r of rows) {
  console.log(`${r.file.padEnd(40)} ${String(r.raw).padStart(9)} ${String(r.gzip).padStart(9)} ${String(r.brotli).padStart(9)}`);
}
console.log(`${'first visit (raw, gzip -9, brotli 11)'.padEnd(40)} ${String(total.raw).padStart(9)} ${String(total.gzip).padStart(9)} ${String(total.brotli).padStart(9)}`);
let over = false;
for (const k of ['brotli', 'gzip']) {
  if (total[k] > budget[k]) {
    console.error(`over budget: ${k} ${total[k]} bytes > ${budget[k]}`);
    over = true;
  }
}
process.exit(over ? 1 : 0);
