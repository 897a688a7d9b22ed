// Unpacks the headless Chromium that the npm package @sparticuz/chromium ships (a devDependency, so `npm ci`
// fetches it from the npm registry) under target/chromium and prints the binary's path. Used by the editor's
// browser test on machines without Debian's chromium (decision-service: editor/HeadlessChromium).
// Unpacking is skipped when this version is already there; `npm run chromium` runs it by hand. (tar-fs comes with
// @sparticuz/chromium, which uses it the same way.)
import {
  chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-fs';

const editor = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packaged = join(editor, 'node_modules', '@sparticuz', 'chromium', 'bin');
const target = join(editor, 'target', 'chromium');
const binary = join(target, 'chromium');

if (!existsSync(packaged)) {
  console.error(`${packaged} is missing: run npm ci in policy-editor (the Maven build does) to fetch @sparticuz/chromium`);
  process.exit(2);
}
// The package's version is kept beside the binary: another version (after an upgrade) is unpacked afresh.
const version = JSON.parse(readFileSync(join(packaged, '..', 'package.json'), 'utf8')).version;
const stamp = join(target, 'VERSION');
if (!existsSync(binary) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // The archives first, the binary last (written under another name and renamed), so that a binary that exists
  // was unpacked whole, with its fonts, its software GL and its libraries beside it.
  await pipeline(createReadStream(join(packaged, 'fonts.tar.br')), createBrotliDecompress(), extract(join(target, 'fonts')));
  await pipeline(createReadStream(join(packaged, 'swiftshader.tar.br')), createBrotliDecompress(), extract(target));
  // NSS, NSPR and expat built for Amazon Linux 2023, in lib/: only used (LD_LIBRARY_PATH) where the machine lacks
  // them, which HeadlessChromium finds with ldd.
  await pipeline(createReadStream(join(packaged, 'al2023.tar.br')), createBrotliDecompress(), extract(target));
  // The package's fonts.conf names Lambda's folders; this one names the unpacked fonts and the machine's own.
  writeFileSync(join(target, 'fonts', 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(target, 'fonts', 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${join(target, 'fonts-cache')}</cachedir>
</fontconfig>
`);
  const partial = `${binary}.part`;
  await pipeline(createReadStream(join(packaged, 'chromium.br')), createBrotliDecompress(), createWriteStream(partial));
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  writeFileSync(stamp, version);
}
console.log(binary);
