// trunk post_build hook: writes sw.js into the build with the list of every file to
// cache (hashed names included, never kept by hand) with a hash of each file's content,
// and a version hash of them all, so each deploy that changes anything installs a new
// cache, and an update downloads only the files that changed (not the dictionary again).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk (TRUNK_STAGING_DIR is not set)');
const source = join(process.env.TRUNK_SOURCE_DIR ?? process.cwd(), 'assets', 'sw.js');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const paths = (await files(staging))
  .map((p) => relative(staging, p).split(sep).join('/'))
  .filter((p) => p !== 'sw.js')
  .sort();
const version = createHash('sha256');
const precache = {};
for (const p of paths) {
  const hash = createHash('sha256').update(await readFile(join(staging, p))).digest('hex').slice(0, 16);
  precache[p] = hash;
  version.update(`${p} ${hash}\n`);
}
// The page itself is fetched as the scope's root too; it is index.html.
precache['./'] = precache['index.html'];
const template = await readFile(source, 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__PRECACHE__', JSON.stringify(precache));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`sw.js: ${paths.length} files`);
