// The editor in French in a browser whose own locale is American (en-US, as in issue 19): every page, with data
// on it, is read and the script fails on any US-formatted date or number (12/2/2026, 4:59 PM, 150,000) and on
// any raw code of the label catalogue (src/labels.js) shown as text. Codes shown on purpose as identifiers sit
// in <code> elements; a decision table's cells are the policy's own content: both are left out of the code scan.
// Run by EditorFrenchBrowserTest against a service started on a random port; by hand:
//   BASE_URL=http://localhost:8080 ORDER_SYSTEM_KEY=... node e2e/french.e2e.mjs
// Screenshots: <page>-fr.png in SCREENSHOT_DIR.
import {
  BASE, run, step, expect, call, orderCheck, shot, browser, finish,
} from './lib.mjs';

// The catalogue's codes, read from the page's own module (its browser globals stubbed).
const store = new Map();
globalThis.localStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, String(v)), removeItem: (k) => store.delete(k) };
globalThis.document = { documentElement: {} };
if (!globalThis.navigator) Object.defineProperty(globalThis, 'navigator', { value: { language: 'fr' }, configurable: true });
const { allCodes } = await import('../src/labels.js');
const CODES = [...new Set(Object.values(allCodes()).flat())].filter((c) => /^[A-Z][A-Z0-9_]{2,}$/.test(c));
const CODE = new RegExp(`(?<![\\w.-])(${CODES.sort((a, b) => b.length - a.length).join('|')})(?![\\w-])`);

const US = [
  [/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/, 'a US date (m/d/yyyy)'],
  [/\b\d{1,2}:\d{2}(:\d{2})?\s?(AM|PM)\b/i, 'an AM/PM time'],
  [/\b(AM|PM)\b/, 'AM/PM'],
  [/(?<![\d.,])\d{1,3}(,\d{3})+(\.\d+)?(?![\d,])/, 'a number with US thousands (150,000)'],
  [/[€$£]\d/, 'a currency before its amount (€12)'],
  [/\bmm\/dd\/yyyy\b/i, 'a mm/dd/yyyy pattern'],
];

/** The page's visible text, and the same without <code>, <pre> and decision-table cells. */
async function texts(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main') || document.body;
    const all = main.innerText;
    const copy = main.cloneNode(true);
    // Left out of the code scan: identifiers shown on purpose, a decision table's cells and a parameter's
    // description (the policy's own content, as its files have it).
    copy.querySelectorAll('code, pre, table.grid tbody, form.parameters small.hint, details:not([open]) > :not(summary)')
      .forEach((e) => e.remove());
    // innerText of a detached node is its textContent; keep the rendered text's line breaks where it matters.
    document.body.append(copy);
    copy.style.position = 'absolute';
    copy.style.left = '-99999px';
    const words = copy.innerText;
    copy.remove();
    const placeholders = [...main.querySelectorAll('input[placeholder]')].map((i) => i.placeholder).join(' ');
    const options = [...main.querySelectorAll('select option:checked')].map((o) => o.textContent).join(' ');
    return { all: `${all}\n${placeholders}\n${options}`, words: `${words}\n${options}` };
  });
}

/** Fails when the page shows a US format or a raw code; returns its text. */
async function scan(page, name) {
  const { all, words } = await texts(page);
  for (const [pattern, what] of US) {
    const m = all.match(pattern);
    expect(!m, `${name}: ${what} “${m && all.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, ' ')}”`);
  }
  const code = words.match(CODE);
  expect(!code, `${name}: the raw code ${code && code[1]} “${code && words.slice(Math.max(0, code.index - 40), code.index + 50).replace(/\s+/g, ' ')}”`);
  expect(!/\bundefined\b|\bNaN\b/.test(all), `${name}: undefined or NaN on the page`);
  return all;
}

/** A person logged in, the page in French, in a browser whose locale is en-US. */
async function logInFrench(user) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US', timezoneId: 'Europe/Paris' });
  await context.addInitScript(() => localStorage.setItem('encours.language', 'fr'));
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${BASE}/`);
  await page.getByLabel("Nom d'utilisateur").fill(user);
  await page.getByLabel('Mot de passe').fill(`secret-${user}`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('nav').waitFor();
  return page;
}

const plain = (s) => s.replace(/[\u202f\u00a0]/g, ' ');

let failed = false;
/** A page's step: its failure is printed and marks the run failed, and the next pages are still visited. */
async function page(name, action) {
  try {
    await step(name, action);
  } catch {
    failed = true;
  }
}
try {
  const held = `C-FR-${run}`;
  const name = `Établissements Moreau ${run}`;
  const orders = { approved: `SO-FR-${run}-1`, released: `SO-FR-${run}-2`, rejected: `SO-FR-${run}-3`, open: `SO-FR-${run}-4` };
  const decisions = {};
  await step('data: decisions, holds, an account and a draft (API)', async () => {
    const ok = await call('POST', '/api/v1/decisions/order-check', orderCheck({ customerId: `C-FR-${run}-OK`, orderId: orders.approved, amount: 150000 }));
    expect(ok.status === 200, `order check: ${ok.status}`);
    decisions.approved = ok.json;
    const small = await call('POST', '/api/v1/decisions/order-check', orderCheck({ customerId: `C-FR-${run}-OK`, orderId: `SO-FR-${run}-0`, amount: 20000 }));
    expect(small.status === 200 && small.json.outcome === 'APPROVE', `small order: ${small.status} ${small.json && small.json.outcome}`);
    for (const [key, amount] of [['released', 12000], ['rejected', 15000], ['open', 18500.5]]) {
      const r = await call('POST', '/api/v1/decisions/order-check',
        orderCheck({ customerId: held, orderId: orders[key], amount, status: 'BLOCKED', sector: 'MANUFACTURING' }));
      expect(r.status === 200 && r.json.outcome === 'BLOCK', `order ${orders[key]}: ${r.status} ${r.json && r.json.outcome}`);
      decisions[key] = r.json;
    }
    const account = await call('POST', '/api/v1/accounts', {
      customerId: held, name, country: 'FR', sector: 'MANUFACTURING', legalForm: 'SAS', currency: 'EUR', standardTermsDays: 30,
      status: { status: 'BLOCKED', reason: 'Deux factures impayées' }, internalLimit: { amount: 150000, validFrom: '2026-01-05' },
      cover: { insurer: 'Allianz Trade', insuredAmount: 120000, coveragePercent: 90, maxPaymentTermDays: 90, notificationDelayDays: 30 },
      nextReviewDate: '2027-06-01', reason: 'Compte ouvert pour le test en français',
    }, 'analyst');
    expect(account.status === 201, `account: ${account.status} ${JSON.stringify(account.json)}`);
    const holds = await call('GET', `/api/v1/holds?customerId=${held}&size=10`, null, 'committee1');
    const holdOf = (orderId) => holds.json.holds.find((x) => x.orderId === orderId).holdId;
    for (const [key, action] of [['released', 'release'], ['rejected', 'reject']]) {
      const r = await call('POST', `/api/v1/holds/${holdOf(orders[key])}/${action}`, { comment: 'Décision du comité' }, 'committee1');
      expect(r.status === 200, `${action}: ${r.status} ${JSON.stringify(r.json)}`);
    }
    decisions.openHold = holdOf(orders.open);
    const draft = await call('POST', '/api/v1/policies/drafts', { comment: 'Brouillon pour la simulation' }, 'committee1');
    expect(draft.status === 201 || draft.status === 200, `draft: ${draft.status}`);
    decisions.draft = draft.json.number;
  });

  const committee = await logInFrench('committee1');
  await page('overview in French: outcomes as a French team says them, the chart title once, days on the axis in French', async () => {
    await committee.locator('#active-policy .big').waitFor();
    await committee.locator('#daily svg').waitFor();
    const text = await scan(committee, 'overview');
    expect(text.includes('Bloquée') && text.includes('Acceptée'), `outcomes: ${text.slice(0, 400)}`);
    expect(text.split("Décisions par jour, 30 derniers jours").length === 2, 'the chart title appears more than once');
    const axis = await committee.locator('#daily svg text.axis').evaluateAll((els) => els.map((e) => e.textContent));
    expect(axis.some((a) => /^\d{1,2} [a-zéû]+\.?$/.test(a.trim())), `chart days: ${axis.join(' | ')}`);
    await shot(committee, 'overview-fr');
  });
  await page('policies and a version in French: tables, parameters with French numbers, diff, history', async () => {
    await committee.getByRole('link', { name: 'Politiques' }).click();
    await committee.locator('table.data tbody tr').first().waitFor();
    await scan(committee, 'policies');
    await shot(committee, 'policies-fr');
    await committee.goto(`${BASE}/#/policies/${decisions.draft}`);
    await committee.locator('table.grid').first().waitFor();
    await scan(committee, 'version tables');
    await shot(committee, 'policy-tables-fr');
    await committee.getByRole('tab', { name: 'Paramètres' }).click();
    await committee.locator('form.parameters input').first().waitFor();
    await scan(committee, 'version parameters');
    const values = await committee.locator('form.parameters input').evaluateAll((inputs) => inputs.map((i) => i.value));
    expect(!values.some((v) => /^\d{1,3}(,\d{3})+$/.test(v) || /^\d+\.\d+$/.test(v)), `parameters not in French: ${values.join(' | ')}`);
    await shot(committee, 'policy-parameters-fr');
    await committee.getByRole('tab', { name: 'Différences' }).click();
    await committee.locator('.tab-panel select#diff-against').waitFor();
    await committee.locator('.tab-panel p.muted, .tab-panel table.diff').first().waitFor();
    await scan(committee, 'version diff');
    await committee.getByRole('tab', { name: 'Historique' }).click();
    await committee.locator('.tab-panel table.data tbody tr').first().waitFor();
    const history = await scan(committee, 'version history');
    expect(history.includes('Brouillon créé'), `history: ${history.slice(-300)}`);
  });
  await page('Try it in French: reasons with their text, fields by name, the order first', async () => {
    await committee.getByRole('link', { name: 'Essayer' }).click();
    await committee.getByRole('button', { name: 'Évaluer' }).waitFor();
    const legends = await committee.locator('.request-form legend').allInnerTexts();
    expect(legends[0] === 'Commande' && legends[1] === 'Encours', `groups: ${legends.join(', ')}`);
    await committee.getByLabel('Montant', { exact: true }).waitFor();
    expect(await committee.getByLabel('Montant', { exact: true }).isVisible(), 'the order amount is not visible');
    await committee.getByLabel('Dettes totales').waitFor();
    await committee.getByLabel('Montant', { exact: true }).fill('150 000,50');
    await committee.getByLabel('Montant', { exact: true }).press('Tab');
    await committee.getByRole('button', { name: 'Évaluer' }).click();
    await committee.locator('#try-outcome .badge').waitFor();
    const reasons = await committee.locator('ul.reasons li').allInnerTexts();
    expect(reasons.length && reasons.every((r) => r.replace(/\s*[A-Z_]{4,}.*$/s, '').trim().length > 10), `reasons: ${reasons.join(' | ')}`);
    expect(/Montant de la commande|Encours après la commande/.test(await committee.locator('.try-result').innerText()), 'no figures');
    await scan(committee, 'try it');
    await shot(committee, 'try-it-fr');
  });
  await page('simulation in French: drafts only, dates typed in French, a window without flips says so', async () => {
    await committee.getByRole('link', { name: 'Simulation' }).click();
    await committee.locator('#sim-version').waitFor();
    const offered = await committee.locator('#sim-version option').allInnerTexts();
    expect(offered.length && offered.every((o) => !/retirée|rejetée/.test(o)), `versions offered: ${offered.join(' | ')}`);
    const from = await committee.locator('#sim-from').inputValue();
    expect(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(from), `from: ${from}`);
    await committee.locator('#sim-from').fill('32/13/2026');
    await committee.getByRole('button', { name: 'Lancer la simulation' }).click();
    await committee.locator('#sim-from-error', { hasText: "n'est pas une date" }).waitFor();
    await committee.locator('#sim-from').fill(from);
    await committee.getByRole('button', { name: 'Lancer la simulation' }).click();
    await committee.waitForFunction(() => /terminée|en échec|annulée/.test(document.querySelector('.progress')?.innerText || ''), null, { timeout: 120000 });
    await committee.locator('#sim-no-flips').waitFor();
    await scan(committee, 'simulation');
    await shot(committee, 'simulation-fr');
  });
  await page('holds in French: the customer name, amounts with €, reason texts, rejeté', async () => {
    await committee.getByRole('link', { name: 'Blocages' }).click();
    await committee.locator('#hold-status').selectOption('');
    await committee.getByRole('button', { name: 'Rechercher' }).click();
    await committee.locator(`tr[data-order="${orders.rejected}"]`).waitFor();
    const row = plain(await committee.locator(`tr[data-order="${orders.open}"]`).innerText());
    expect(row.includes(name) && row.includes('18 500,50 €') && row.includes('Bloquée'), `open hold row: ${row}`);
    expect((await committee.locator(`tr[data-order="${orders.rejected}"]`).innerText()).includes('rejeté'), 'rejected hold');
    await scan(committee, 'holds');
    await shot(committee, 'holds-fr');
    await committee.locator(`tr[data-order="${orders.released}"] a`).click();
    await committee.locator('#hold-title', { hasText: orders.released }).waitFor();
    await committee.locator('ul.plain li').first().waitFor();
    await scan(committee, 'hold');
    await shot(committee, 'hold-fr');
  });
  await page('customer page in French', async () => {
    await committee.goto(`${BASE}/#/customers/${encodeURIComponent(held)}`);
    await committee.locator('#customer-title', { hasText: held }).waitFor();
    await committee.locator(`#customer-holds tr[data-order="${orders.rejected}"]`).waitFor();
    const text = plain(await scan(committee, 'customer'));
    expect(text.includes('150 000,00 €') && text.includes('90 %'), `limit and cover in French: ${text.slice(0, 600)}`);
    await shot(committee, 'customer-fr');
  });
  await committee.context().close();

  const auditor = await logInFrench('auditor');
  await page('audit in French: pick lists for codes, amounts typed in French, an error for what cannot be read', async () => {
    await auditor.getByRole('link', { name: 'Audit' }).click();
    await auditor.locator('#audit-outcome').waitFor();
    const outcomes = await auditor.locator('#audit-outcome option').allInnerTexts();
    expect(outcomes.includes('Bloquée') && outcomes.includes('Acceptée') && outcomes.includes('À examiner'), `outcomes: ${outcomes.join(', ')}`);
    await auditor.locator('#audit-outcome').selectOption('BLOCK');
    await auditor.getByLabel('Montant à partir de').fill('dix mille');
    await auditor.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await auditor.locator('#audit-minAmount-error', { hasText: "n'est pas un nombre" }).waitFor();
    await auditor.getByLabel('Montant à partir de').fill('15 000');
    await auditor.getByLabel("Montant jusqu'à").fill('18 500,50 €');
    await auditor.getByRole('button', { name: 'Rechercher', exact: true }).click();
    // The first search (on opening the page) listed every decision: the 12 000 € order leaves the list.
    await auditor.locator(`tr[data-decision="${decisions.released.decisionId}"]`).waitFor({ state: 'detached' });
    await auditor.locator(`tr[data-decision="${decisions.open.decisionId}"]`).waitFor();
    await auditor.locator(`tr[data-decision="${decisions.rejected.decisionId}"]`).waitFor();
    const found = await auditor.locator('.audit-results tbody tr').count();
    expect(found === 2, `${found} decisions between 15 000 and 18 500,50 €`);
    await scan(auditor, 'audit search');
    await shot(auditor, 'audit-search-fr');
  });
  await page('a decision in French: order amount and limits with their currency, reasons with their text', async () => {
    await auditor.goto(`${BASE}/#/audit/${decisions.approved.decisionId}`);
    await auditor.locator('#decision-record').waitFor();
    await auditor.locator('#decision-record dd', { hasText: '€' }).first().waitFor();
    const text = plain(await scan(auditor, 'audit decision'));
    expect(text.includes('Montant de la commande') && text.includes('150 000,00 €'), `order amount: ${text.slice(0, 500)}`);
    await shot(auditor, 'audit-decision-fr');
  });
  await auditor.context().close();
} catch (err) {
  failed = true;
}
await finish(failed);
