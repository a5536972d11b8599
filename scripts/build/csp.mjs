// trunk post_build hook (runs before precache.mjs): makes the page pass a strict
// Content-Security-Policy. trunk writes its loader as an inline <script>; this moves it
// to a file of its own (named by its content hash) and adds the policy as a <meta>, so it
// holds on any static host without server configuration:
// - scripts only from the app's own files, plus 'wasm-unsafe-eval' to compile its wasm;
//   never inline script or eval;
// - the analysis worker starts from a blob: URL (gloo-worker's loader), which then loads
//   worker.js from the app's own origin;
// - connections (dictionary, service worker precache) to the app's own origin only.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
const index = join(staging, 'index.html');
let html = await readFile(index, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const scripts = [...html.matchAll(inline)];
if (scripts.length !== 1) throw new Error(`expected trunk's one inline loader script, found ${scripts.length}`);
const code = scripts[0][1].trim() + '\n';
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
await writeFile(join(staging, name), code);
html = html.replace(scripts[0][0], `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('an inline script is left in index.html');
html = html.replace(
  '<meta charset="utf-8" />',
  `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`,
);
await writeFile(index, html);
console.log(`csp: loader moved to ${name}; policy set`);
