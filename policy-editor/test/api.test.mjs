// The API client modules against a recorded fetch: each call's method, path and body (the ones the pages
// used to write inline), and the shared wrapper's errors as problem+json objects.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

// The few browser globals the modules touch when loaded.
const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };
globalThis.localStorage = store();
globalThis.sessionStorage = store();
Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-GB' }, configurable: true });
globalThis.document = { documentElement: {} };
globalThis.window = new EventTarget();

let calls = [];
let answer = () => new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
globalThis.fetch = async (path, init) => {
  calls.push({ path, method: init.method, headers: init.headers, body: init.body });
  return answer();
};

const http = await import('../src/api/http.js');
const policies = await import('../src/api/policies.js');
const holds = await import('../src/api/holds.js');
const audit = await import('../src/api/audit.js');
const decisions = await import('../src/api/decisions.js');
const simulations = await import('../src/api/simulations.js');
const backtests = await import('../src/api/backtests.js');
const stats = await import('../src/api/stats.js');
const admin = await import('../src/api/admin.js');
const accounts = await import('../src/api/accounts.js');

beforeEach(() => {
  calls = [];
  answer = () => new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'Content-Type': 'application/json' } });
});

async function sent(call) {
  await call();
  assert.equal(calls.length, 1);
  const [c] = calls;
  return [c.method, c.path, typeof c.body === 'string' && c.headers['Content-Type'] === 'application/json' ? JSON.parse(c.body) : c.body];
}

test('each resource call sends the request the pages sent', async () => {
  const form = { multipart: true };
  const q = new URLSearchParams({ status: 'OPEN', size: '1' });
  const expected = [
    [() => policies.listVersions(), 'GET', '/api/v1/policies'],
    [() => policies.activeVersion(), 'GET', '/api/v1/policies/active'],
    [() => policies.version(3), 'GET', '/api/v1/policies/3'],
    [() => policies.tables(3), 'GET', '/api/v1/policies/3/tables'],
    [() => policies.actions(3), 'GET', '/api/v1/policies/3/actions'],
    [() => policies.diff(2, 3), 'GET', '/api/v1/policies/2/diff/3'],
    [() => policies.newDraft('from the editor'), 'POST', '/api/v1/policies/drafts', { comment: 'from the editor' }],
    [() => policies.uploadDraft(form), 'POST', '/api/v1/policies/drafts', form],
    [() => policies.review(3, 'submit', { comment: 'c' }), 'POST', '/api/v1/policies/3/submit', { comment: 'c' }],
    [() => policies.review(3, 'reject', { reason: 'r' }), 'POST', '/api/v1/policies/3/reject', { reason: 'r' }],
    [() => policies.rollback({ comment: 'c' }), 'POST', '/api/v1/policies/rollback', { comment: 'c' }],
    [() => policies.saveTable(3, 'sector caps.csv', { sheet: null, table: 'Caps', rows: [['A']] }), 'PUT',
      '/api/v1/policies/3/tables/sector%20caps.csv', { sheet: null, table: 'Caps', rows: [['A']] }],
    [() => policies.saveParameters(3, [{ name: 'n', value: '1' }]), 'PUT', '/api/v1/policies/3/parameters', [{ name: 'n', value: '1' }]],
    [() => policies.uploadFile(3, 'scoring.xlsx', form), 'PUT', '/api/v1/policies/3/files/scoring.xlsx', form],
    [() => policies.saveText(3, 'rules.drl', 'rule x'), 'PUT', '/api/v1/policies/3/files/rules.drl', 'rule x'],
    [() => policies.validation(3), 'GET', '/api/v1/policies/3/validation'],
    [() => policies.verification(3), 'GET', '/api/v1/policies/3/verification'],
    [() => policies.scenarioResults(3), 'GET', '/api/v1/policies/3/scenario-results'],
    [() => policies.evaluate(3, 'ORDER_CHECK', { order: {} }), 'POST', '/api/v1/policies/3/evaluate', { type: 'ORDER_CHECK', request: { order: {} } }],
    [() => holds.listHolds(q), 'GET', '/api/v1/holds?status=OPEN&size=1'],
    [() => holds.hold('h-1'), 'GET', '/api/v1/holds/h-1'],
    [() => holds.settle('h-1', 'release', 'ok'), 'POST', '/api/v1/holds/h-1/release', { comment: 'ok' }],
    [() => audit.searchDecisions(new URLSearchParams({ orderId: 'SO-1', size: '50' })), 'GET', '/api/v1/audit/decisions?orderId=SO-1&size=50'],
    [() => audit.replay('d-1'), 'GET', '/api/v1/audit/decisions/d-1/replay'],
    [() => audit.whatIf('d-1', '2'), 'GET', '/api/v1/audit/decisions/d-1/what-if?version=2'],
    [() => audit.verifyChain(new URLSearchParams()), 'GET', '/api/v1/audit/verify?'],
    [() => decisions.decision('d-1'), 'GET', '/api/v1/decisions/d-1'],
    [() => simulations.listSimulations(), 'GET', '/api/v1/simulations'],
    [() => simulations.simulation('s-1'), 'GET', '/api/v1/simulations/s-1'],
    [() => simulations.startSimulation({ version: 2, from: 'a', to: 'b' }), 'POST', '/api/v1/simulations', { version: 2, from: 'a', to: 'b' }],
    [() => simulations.cancelSimulation('s-1'), 'POST', '/api/v1/simulations/s-1/cancel'],
    [() => backtests.latestBacktest(2), 'GET', '/api/v1/backtests/latest?version=2'],
    [() => backtests.backtest('b-1'), 'GET', '/api/v1/backtests/b-1'],
    [() => backtests.startBacktest(2, '', form), 'POST', '/api/v1/backtests?version=2', form],
    [() => backtests.startBacktest(2, '2026-11-30', form), 'POST', '/api/v1/backtests?version=2&asOf=2026-11-30', form],
    [() => stats.decisionStats(30), 'GET', '/api/v1/stats/decisions?days=30'],
    [() => admin.me(), 'GET', '/api/v1/admin/me'],
    [() => accounts.listAccounts(new URLSearchParams({ limit: '500' })), 'GET', '/api/v1/accounts?limit=500'],
    [() => accounts.account('C-1001'), 'GET', '/api/v1/accounts/C-1001'],
    [() => accounts.account('C/1 2'), 'GET', '/api/v1/accounts/C%2F1%202'],
    [() => accounts.accountHistory('C-1001'), 'GET', '/api/v1/accounts/C-1001/history'],
    [() => accounts.exposure('C-1001', ''), 'GET', '/api/v1/accounts/C-1001/exposure'],
    [() => accounts.exposure('C-1001', '2026-11-30'), 'GET', '/api/v1/accounts/C-1001/exposure?asOf=2026-11-30'],
    [() => accounts.ledgerEvents('C-1001'), 'GET', '/api/v1/accounts/C-1001/ledger/events?limit=100'],
    [() => accounts.customerDecisions('C-1001'), 'GET', '/api/v1/customers/C-1001/decisions?size=20'],
  ];
  for (const [call, method, path, body] of expected) {
    calls = [];
    assert.deepEqual(await sent(call), [method, path, body], `${method} ${path}`);
  }
});

test('a problem+json answer becomes an ApiError carrying the problem and its errors', async () => {
  answer = () => new Response(JSON.stringify({ type: '/problems/policy-invalid', title: 'Policy invalid', status: 422,
    detail: 'does not compile', errors: [{ file: 'a.csv', row: 3, message: 'not a number' }] }),
  { status: 422, headers: { 'Content-Type': 'application/problem+json' } });

  const err = await policies.saveTable(3, 'a.csv', { rows: [] }).catch((e) => e);

  assert.ok(err instanceof http.ApiError);
  assert.equal(err.status, 422);
  assert.equal(err.title, 'Policy invalid');
  assert.equal(err.message, 'does not compile');
  assert.equal(err.problem.type, '/problems/policy-invalid');
  assert.deepEqual(err.errors, [{ file: 'a.csv', row: 3, message: 'not a number' }]);
});

test('an answer without a problem body still becomes a problem, titled from its status', async () => {
  answer = () => new Response('<html>busy</html>', { status: 503, headers: { 'Content-Type': 'text/html' } });

  const err = await holds.hold('h-1').catch((e) => e);

  assert.equal(err.status, 503);
  assert.equal(err.problem.status, 503);
  assert.equal(err.title, 'The service is temporarily unavailable.');
  assert.deepEqual(err.errors, []);
});

test('a missing endpoint says the service does not offer it, a missing hold keeps its own problem', async () => {
  answer = () => new Response(JSON.stringify({ type: '/problems/not-found', title: 'Not Found', status: 404 }),
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  const endpoint = await backtests.latestBacktest(2).catch((e) => e);
  assert.equal(endpoint.message, 'This service does not offer /api/v1/backtests/latest (yet).');

  answer = () => new Response(JSON.stringify({ type: '/problems/hold-not-found', title: 'No such hold', status: 404, detail: 'h-9' }),
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
  const hold = await holds.hold('h-9').catch((e) => e);
  assert.equal(hold.title, 'No such hold');
  assert.equal(hold.message, 'h-9');
});

test('a 401 tells the page to log in again; an unreachable service is an ApiError with status 0', async () => {
  let unauthorized = 0;
  window.addEventListener('encours:unauthorized', () => { unauthorized += 1; });
  answer = () => new Response(JSON.stringify({ type: '/problems/unauthenticated', title: 'Unauthenticated', status: 401 }),
    { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
  assert.equal((await admin.me().catch((e) => e)).status, 401);
  assert.equal(unauthorized, 1);

  answer = () => { throw new TypeError('Failed to fetch'); };
  const err = await admin.me().catch((e) => e);
  assert.equal(err.status, 0);
  assert.equal(err.title, 'The service cannot be reached. Check the connection and try again.');
});

test('every call carries the credentials, the language and X-Requested-With', async () => {
  http.logIn('committee1', 'secret-committee1');
  await policies.listVersions();
  http.logOut();

  const { headers } = calls[0];
  assert.equal(headers.Authorization, `Basic ${btoa('committee1:secret-committee1')}`);
  assert.equal(headers['X-Requested-With'], 'XMLHttpRequest');
  assert.equal(headers['Accept-Language'], 'en');
});
