// Shared helpers of the editor's browser scripts (e2e/*.e2e.mjs), each run by its own test class through
// decision-service's editor/BrowserScript against a service started on a random port.
// Each step prints "STEP <name>: ok" (or "STEP <name>: PENDING ..."); a failure prints "FAILED <step>: <why>".
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
export const BASE = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
export const KEY = process.env.ORDER_SYSTEM_KEY || 'test-order-system-key';
export const ERP_FEED_KEY = process.env.ERP_FEED_KEY || 'test-erp-feed-key';
export const SHOTS = process.env.SCREENSHOT_DIR || join(here, '..', '..', 'docs', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const example = JSON.parse(readFileSync(join(here, '..', '..', 'decision-service', 'src', 'main', 'resources',
  'openapi', 'examples', 'requests', 'orderCheck.json'), 'utf8'));
export const labelled = readFileSync(join(here, '..', '..', 'decision-service', 'src', 'main', 'resources',
  'openapi', 'examples', 'requests', 'startBacktest.csv'));
export const run = Date.now().toString(36);
export const pending = [];

mkdirSync(SHOTS, { recursive: true });

export function log(line) {
  process.stdout.write(`${line}\n`);
}

export async function step(name, action) {
  try {
    const result = await action();
    if (result && result.pending) {
      pending.push(name);
      log(`STEP ${name}: PENDING ${result.pending}`);
    } else {
      log(`STEP ${name}: ok`);
    }
    return result;
  } catch (err) {
    log(`FAILED ${name}: ${err && err.message ? err.message.split('\n').slice(0, 6).join(' | ') : err}`);
    throw err;
  }
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** A call to the API outside the browser: the order-entry system (API key) or a person (Basic). */
export async function call(method, path, body, who, extraHeaders = {}) {
  const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extraHeaders };
  if (who) headers.Authorization = `Basic ${Buffer.from(`${who}:secret-${who}`).toString('base64')}`;
  else if (!headers['X-API-Key']) headers['X-API-Key'] = KEY;
  const response = await fetch(`${BASE}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** True when the server has no handler for the path yet (404 without a domain problem type). */
export async function missing(path, who, method = 'GET', body) {
  const r = await call(method, path, body, who);
  return r.status === 404 && (!r.json || !r.json.type || r.json.type === '/problems/not-found');
}

export function orderCheck({ customerId, orderId, amount, status = 'ACTIVE', sector = 'ENERGY' }) {
  const body = structuredClone(example);
  body.customer.id = customerId;
  body.customer.sector = sector;
  body.customer.creditAccount.status = status;
  body.customer.paymentBehaviour.averageDaysLate = 10;
  body.order.id = orderId;
  body.order.amount = amount;
  return body;
}

export async function noStackTrace(page) {
  const text = await page.locator('body').innerText();
  expect(!/[A-Za-z]+Exception\b|\n\s+at [\w.$]+\(|stack trace/i.test(text), `the page shows a stack trace: ${text.slice(0, 300)}`);
}

export async function shot(page, name, { fullPage = true } = {}) {
  await noStackTrace(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

export async function logIn(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    if (!localStorage.getItem('encours.language')) localStorage.setItem('encours.language', 'en');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${BASE}/`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(`secret-${user}`);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('nav').waitFor();
  return page;
}

export async function cellOf(page, table, sourceRow, col) {
  return page.locator(`table.grid[data-table="${table}"] tr[data-source-row="${sourceRow}"] td[data-col="${col}"]`);
}

export async function typeInto(page, cell, value) {
  await cell.click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

export async function openTable(page, name) {
  await page.locator('.table-list a', { hasText: name }).click();
  await page.locator(`table.grid[data-table="${name}"]`).waitFor();
}

// launch() gives Chromium a new, empty profile (user-data-dir) of its own each time, removed on close.
export const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});


/** Prints the closing line the test class looks for, closes the browser and exits with the script's code. */
export async function finish(failed) {
  if (!failed) log(`E2E DONE: ${pending.length ? `${pending.length} step(s) pending: ${pending.join('; ')}` : 'every step ran'}`);
  await browser.close();
  process.exit(failed ? 1 : 0);
}
