// The layout the editor keeps: only the API client modules (src/api/) know the service's paths and call
// fetch; the pages ask for permissions, never for roles; a version's tabs live in one module each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function modules(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name))
    : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

const outsideApi = () => modules().filter((f) => !relative(SRC, f).startsWith('api'));
const offending = (files, pattern) => files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));

test('no module outside src/api names a path of the service', () => {
  assert.deepEqual(offending(outsideApi(), /\/api\/v1/), []);
});

test('only the shared wrapper calls fetch', () => {
  assert.deepEqual(offending(modules().filter((f) => relative(SRC, f) !== join('api', 'http.js')), /\bfetch\(/), []);
});

test('pages and the shell ask for permissions, not roles (role names are only translated, in i18n.js and labels.js)', () => {
  const roles = /\b(CREDIT_ANALYST|CREDIT_MANAGER|CREDIT_COMMITTEE|AUDITOR|ORDER_SYSTEM|ADMIN)\b|ctx\.has\(|\.roles\.includes/;
  assert.deepEqual(offending(modules().filter((f) => !f.endsWith('i18n.js') && !f.endsWith('labels.js')), roles), []);
});

test('every tab of a version has its own module under pages/version/', () => {
  const shell = readFileSync(join(SRC, 'pages', 'version.js'), 'utf8');
  const tabs = [...shell.matchAll(/\{ id: '(\w+)'/g)].map((m) => m[1]);
  assert.deepEqual(tabs, ['tables', 'parameters', 'rules', 'checks', 'backtest', 'diff', 'history']);
  for (const tab of tabs) {
    assert.match(shell, new RegExp(`import \\{ ${tab}Tab \\} from './version/${tab}\\.js';`), `${tab}Tab imported from its module`);
  }
});
