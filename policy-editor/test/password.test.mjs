// The first-login password change through the shared wrapper: what it sends, and the service's refusal of a
// field handed back with the field named (the screen puts it next to that field).
import { test } from 'node:test';
import assert from 'node:assert/strict';

const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };
globalThis.localStorage ??= store();
globalThis.sessionStorage ??= store();
if (!globalThis.navigator?.language) Object.defineProperty(globalThis, 'navigator', { value: { language: 'fr-FR' }, configurable: true });
globalThis.document ??= { documentElement: {} };
globalThis.window ??= new EventTarget();

let calls = [];
let answer = () => new Response(null, { status: 204 });
globalThis.fetch = async (path, init) => {
  calls.push({ path, method: init.method, headers: init.headers, body: init.body });
  return answer();
};

const { changeMyPassword } = await import('../src/api/password.js');

test('the new password is sent with the one given, to the caller\'s own account', async () => {
  calls = [];
  answer = () => new Response(null, { status: 204 });
  assert.equal(await changeMyPassword('Provisoire-2026', 'Une phrase assez longue'), null);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].path, '/api/v1/admin/me/password');
  assert.deepEqual(JSON.parse(calls[0].body), { currentPassword: 'Provisoire-2026', newPassword: 'Une phrase assez longue' });
});

test('a refused new password comes back with the field it names', async () => {
  answer = () => new Response(JSON.stringify({ type: '/problems/invalid-field', title: 'Invalid field', status: 400,
    detail: 'newPassword: must be 12 to 72 characters', errors: [{ field: 'newPassword', reason: 'must be 12 to 72 characters' }] }),
  { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
  await assert.rejects(changeMyPassword('Provisoire-2026', 'court'), (err) => err.status === 400
    && err.errors.length === 1 && err.errors[0].field === 'newPassword');
});
