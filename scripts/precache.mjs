// trunk post_build hook: writes sw.js into the build with the list of every file to
// cache (hashed names included, never kept by hand) and a version hash of their contents,
// so each deploy that changes anything installs a new cache.
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
const hash = createHash('sha256');
for (const p of paths) {
  hash.update(p);
  hash.update(await readFile(join(staging, p)));
}
const version = hash.digest('hex').slice(0, 16);
const template = await readFile(source, 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(['./', ...paths]));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`sw.js: ${paths.length} files, version ${version}`);
