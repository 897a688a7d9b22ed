// The editor's flows of issue 19 in Debian's headless Chromium (playwright-core): first login with a password
// set by an administrator, an approval and an activation behind their confirmations (refused without a
// reason, done with one, the reason in the history), a hold released through its confirmation, the phone
// width (390 px) without sideways scrolling of any main page, the acted-on hold in view at 1366x768, and one
// cell edited with the keyboard only (skip link, one Tab stop into the grid, undo, the unsaved-edits warning).
// Run by EditorFlowsBrowserTest against a service started on a random port; by hand:
//   BASE_URL=http://localhost:8080 ORDER_SYSTEM_KEY=... node e2e/flows.e2e.mjs
import {
  BASE, run, step, expect, call, orderCheck, shot, logIn, cellOf, browser, finish,
} from './lib.mjs';

/** A new page in the given language and viewport, not logged in. */
async function blankPage(language, viewport = { width: 1360, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('encours.language')) localStorage.setItem('encours.language', lang);
  }, language);
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${BASE}/`);
  return page;
}

/** Logs in through the form, whatever the page's language. */
async function logInAs(page, user, password) {
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form.login button[type="submit"]').click();
}

/** A person with a test-profile password (secret-<user>), in the given language and viewport. */
async function personPage(user, language, viewport) {
  const page = await blankPage(language, viewport);
  await logInAs(page, user, `secret-${user}`);
  await page.locator('nav').waitFor();
  return page;
}

const noSideways = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
}));

let failed = false;
try {
  // ---- 1. first login: the password set by an administrator is changed first, then the home page
  for (const [language, texts] of [
    ['fr', { title: 'Choisissez votre mot de passe', rule: 'De 12 à 72 caractères', home: "Vue d'ensemble", role: 'Votre rôle ne permet pas' }],
    ['en', { title: 'Choose your password', rule: 'From 12 to 72 characters', home: 'Overview', role: 'Your role does not allow' }],
  ]) {
    await step(`first login (${language}): choose a password, then the home page`, async () => {
      const username = `lea-${language}-${run}`;
      const temporary = 'Provisoire-2026-abc';
      const created = await call('POST', '/api/v1/admin/users', { username, roles: ['CREDIT_ANALYST'], password: temporary }, 'admin');
      expect(created.status === 201 && created.json.passwordChangeRequired, `user: ${created.status} ${JSON.stringify(created.json)}`);
      const page = await blankPage(language);
      await logInAs(page, username, temporary);
      await page.getByRole('heading', { name: texts.title }).waitFor();
      const screen = await page.locator('main').innerText();
      expect(screen.includes(texts.rule), `no password rules: ${screen}`);
      expect(!screen.includes(texts.role), `the role is blamed: ${screen}`);
      await shot(page, `first-login-${language}`);
      const chosen = page.locator('input[name="new-password"]');
      await chosen.fill('court');
      await page.locator('input[name="new-password-again"]').fill('court');
      await page.locator('form.password button[type="submit"]').click();
      await page.waitForFunction(() => document.querySelector('input[name="new-password"]')?.getAttribute('aria-invalid') !== null);
      await chosen.fill('Une phrase assez longue 2026');
      await page.locator('input[name="new-password-again"]').fill('Une phrase assez longue 2026');
      await page.locator('form.password button[type="submit"]').click();
      await page.locator('nav').waitFor();
      await page.getByRole('heading', { name: texts.home, level: 1 }).waitFor();
      expect(page.url().endsWith('#/overview'), `home: ${page.url()}`);
      const home = await page.locator('main').innerText();
      expect(!home.includes(texts.role), `home page refused: ${home}`);
      const me = await fetch(`${BASE}/api/v1/admin/me`, { headers: { 'X-Requested-With': 'XMLHttpRequest',
        Authorization: `Basic ${Buffer.from(`${username}:Une phrase assez longue 2026`).toString('base64')}` } });
      expect(me.status === 200 && (await me.json()).passwordChangeRequired === false, `me after the change: ${me.status}`);
      await page.context().close();
    });
  }

  // ---- 2. approve and activate behind their confirmations; the reasons in the history
  let version;
  await step('a draft copied from the policy in force is submitted (API)', async () => {
    const draft = await call('POST', '/api/v1/policies/drafts', { comment: 'Copy for the confirmation test' }, 'committee1');
    expect(draft.status === 201, `draft: ${draft.status}`);
    version = draft.json.number;
    const submitted = await call('POST', `/api/v1/policies/${version}/submit`, { comment: 'Ready' }, 'committee1');
    expect(submitted.status === 200, `submit: ${submitted.status} ${JSON.stringify(submitted.json)}`);
  });
  await step('the service refuses an approval without a reason, naming the field', async () => {
    for (const body of [{}, { comment: '   ' }]) {
      const r = await call('POST', `/api/v1/policies/${version}/approve`, body, 'committee2');
      expect(r.status === 400 && r.json.type === '/problems/invalid-field' && r.json.errors[0].field === 'comment',
        `approve without a reason: ${r.status} ${JSON.stringify(r.json)}`);
    }
  });
  const committee2 = await logIn(browser, 'committee2');
  await step('approve: a confirmation with its consequence, refused without a reason, done with one', async () => {
    await committee2.goto(`${BASE}/#/policies/${version}`);
    await committee2.getByRole('button', { name: 'Approve', exact: true }).click();
    const dialog = committee2.getByRole('dialog', { name: `Approve version ${version}?` });
    await dialog.waitFor();
    expect((await dialog.innerText()).includes('decide every order'), `consequence: ${await dialog.innerText()}`);
    await dialog.getByRole('button', { name: `Approve version ${version}` }).click();
    await dialog.getByText('Give the reason: the history records it.').waitFor();
    expect(await committee2.locator('h1 .badge', { hasText: 'submitted' }).count() === 1, 'approved without a reason');
    await dialog.getByLabel('Reason (required, kept in the history)').fill('Diff and scenarios checked: a copy of the policy in force');
    await dialog.getByRole('button', { name: `Approve version ${version}` }).click();
    await committee2.locator('h1 .badge', { hasText: 'approved' }).waitFor();
    await committee2.getByText(`Version ${version} is approved.`).waitFor();
  });
  await step('activate: the confirmation says it decides every order from now on; the reason is in the history', async () => {
    await committee2.getByRole('button', { name: 'Activate', exact: true }).click();
    const dialog = committee2.getByRole('dialog', { name: `Activate version ${version}?` });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text.includes(`Version ${version} will decide every order`) && text.includes('at once'), `consequence: ${text}`);
    await shot(committee2, 'confirm-activate', { fullPage: false });
    await dialog.getByRole('button', { name: `Activate version ${version}` }).click();
    await dialog.getByText('Give the reason: the history records it.').waitFor();
    await dialog.getByLabel('Reason (required, kept in the history)').fill('Activated for the month-end order run');
    await dialog.getByRole('button', { name: `Activate version ${version}` }).click();
    await committee2.locator('h1 .badge', { hasText: 'active' }).waitFor();
    await committee2.getByText(`Version ${version} is in force: it decides every order from now on.`).waitFor();
    await committee2.getByRole('tab', { name: 'History' }).click();
    const history = committee2.locator('.tab-panel table.data');
    await history.waitFor();
    const rows = await history.innerText();
    expect(rows.includes('Activated for the month-end order run') && rows.includes('Diff and scenarios checked'),
      `history: ${rows}`);
    const active = await call('GET', '/api/v1/policies/active', null, 'committee2');
    expect(active.json.number === version, `active version ${active.json.number}`);
  });
  await committee2.context().close();

  // ---- a hold released through its confirmation; the acted-on hold in view at 1366x768
  const held = `SO-FLOW-${run}-H1`;
  await step('the order system sends an order of a blocked account (API)', async () => {
    const r = await call('POST', '/api/v1/decisions/order-check',
      orderCheck({ customerId: `C-FLOW-${run}`, orderId: held, amount: 20000, status: 'BLOCKED', sector: 'MANUFACTURING' }));
    expect(r.status === 200 && r.json.outcome === 'BLOCK', `order: ${r.status} ${r.json && r.json.outcome}`);
  });
  await step('at 1366x768 the opened hold and its Release button are in view', async () => {
    const analyst = await blankPage('en', { width: 1366, height: 768 });
    await logInAs(analyst, 'analyst', 'secret-analyst');
    await analyst.locator('nav').waitFor();
    await analyst.getByRole('link', { name: 'Holds' }).click();
    await analyst.locator(`tr[data-order="${held}"] a`).click();
    await analyst.locator('#hold-title', { hasText: held }).waitFor();
    const inView = await analyst.evaluate(() => {
      const r = document.getElementById('release').getBoundingClientRect();
      const title = document.getElementById('hold-title').getBoundingClientRect();
      return { release: r.top >= 0 && r.bottom <= window.innerHeight, title: title.top >= 0 && title.top < window.innerHeight };
    });
    expect(inView.release && inView.title, `in view: ${JSON.stringify(inView)}`);
    await shot(analyst, 'hold-in-view', { fullPage: false });

    await analyst.getByRole('button', { name: 'Release', exact: true }).click();
    await analyst.locator('#hold-comment-error', { hasText: 'Give the reason first' }).waitFor();
    await analyst.getByLabel('Comment (required)').fill('Payment received this morning');
    await analyst.getByRole('button', { name: 'Release', exact: true }).click();
    const dialog = analyst.getByRole('dialog', { name: `Release order ${held}?` });
    await dialog.waitFor();
    expect((await dialog.innerText()).includes('cannot be taken back'), `consequence: ${await dialog.innerText()}`);
    await dialog.getByRole('button', { name: 'Release the order' }).click();
    await analyst.getByText('The order is released.').waitFor();
    await analyst.locator('#hold-status-now .badge', { hasText: 'released' }).waitFor();
    const detail = await analyst.locator('section.card').innerText();
    expect(!detail.includes('undefined') && detail.includes('Payment received this morning'),
      `hold detail after release: ${detail}`);
    expect(await analyst.locator('#release').count() === 0, 'the Release button is still shown');
    await analyst.context().close();
  });

  // ---- 8. the phone width: no sideways scrolling of the page on any main page
  for (const language of ['fr', 'en']) {
    await step(`at 390 px (${language}) no main page scrolls sideways`, async () => {
      const phone = { width: 390, height: 844 };
      const pages = [
        ['committee2', 'overview', '#active-policy .big'], ['committee2', 'policies', 'table.data tbody tr'],
        ['committee2', `policies/${version}`, 'table.grid'], ['committee2', 'try', 'form'],
        ['committee2', 'simulation', '#sim-version'], ['committee2', 'holds', 'table.data'],
        ['committee2', 'customers', 'main h1'], ['auditor', 'audit', 'main form'],
      ];
      const wide = [];
      let page = null;
      let who = null;
      for (const [user, path, ready] of pages) {
        if (user !== who) {
          if (page) await page.context().close();
          page = await personPage(user, language, phone);
          who = user;
        }
        await page.goto(`${BASE}/#/${path}`);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300);
        const size = await noSideways(page);
        if (size.scrollWidth > size.innerWidth) wide.push(`${path}: ${size.scrollWidth} px`);
        const name = path.replace(/\/.*/, '-version');
        if (['audit', 'holds', 'policies-version', 'overview'].includes(name)) await shot(page, `phone-${name}-${language}`);
        const header = await page.locator('header.top').boundingBox();
        if (header.height > phone.height / 6) wide.push(`${path}: header ${Math.round(header.height)} px high`);
      }
      await page.context().close();
      expect(!wide.length, `too wide at 390 px: ${wide.join('; ')}`);
    });
  }

  // ---- 9. one cell edited with the keyboard only
  await step('keyboard only: skip link, one Tab stop into the grid, edit, undo, Tab out, unsaved warning, save', async () => {
    const draft = await call('POST', '/api/v1/policies/drafts', { comment: 'Keyboard test' }, 'committee1');
    const n = draft.json.number;
    const page = await logIn(browser, 'committee1');
    await page.goto(`${BASE}/#/policies/${n}`);
    // Loaded afresh (the credentials stay in the tab): the first Tab of a page just loaded.
    await page.reload();
    await page.locator('table.grid').first().waitFor();
    const active = () => page.evaluate(() => {
      const el = document.activeElement;
      const cell = el.closest('td[role="gridcell"]');
      return { tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 80),
        cls: el.className, id: el.id, type: el.getAttribute('type'),
        grid: cell ? cell.closest('table').dataset.table : null,
        row: cell ? cell.closest('tr').dataset.sourceRow : null, col: cell ? cell.dataset.col : null };
    });
    await page.keyboard.press('Tab');
    let a = await active();
    expect(a.cls.includes('skip-link') && a.text === 'Skip to the main content', `first Tab: ${JSON.stringify(a)}`);
    await page.keyboard.press('Enter');
    a = await active();
    expect(a.id === 'page', `skip link went to ${JSON.stringify(a)}`);
    // To the ScoringGrid's link in the list of tables, then into its grid: one Tab stop.
    let tabs = 0;
    for (; tabs < 40; tabs += 1) {
      await page.keyboard.press('Tab');
      a = await active();
      if (a.tag === 'A' && a.text.startsWith('ScoringGrid')) break;
    }
    expect(a.text.startsWith('ScoringGrid'), `the table list not reached: ${JSON.stringify(a)}`);
    await page.keyboard.press('Enter');
    await page.locator('table.grid[data-table="ScoringGrid"]').waitFor();
    for (tabs = 0; tabs < 12; tabs += 1) {
      await page.keyboard.press('Tab');
      a = await active();
      if (a.grid) break;
    }
    expect(a.grid === 'ScoringGrid', `Tab did not enter the grid: ${JSON.stringify(a)}`);
    for (let i = 0; i < 60 && a.row !== '20'; i += 1) {
      await page.keyboard.press('ArrowDown');
      a = await active();
    }
    for (let i = 0; i < 10 && a.col !== '5'; i += 1) {
      await page.keyboard.press('ArrowRight');
      a = await active();
    }
    expect(a.row === '20' && a.col === '5', `arrows: ${JSON.stringify(a)}`);
    const cell = await cellOf(page, 'ScoringGrid', 20, 5);
    const before = (await cell.innerText()).trim();
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    expect((await cell.innerText()).trim() === '6', `the cell has ${await cell.innerText()}`);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Delete');
    expect((await cell.innerText()).trim() === '', 'Delete did not empty the cell');
    await page.keyboard.press('Control+z');
    expect((await cell.innerText()).trim() === '6', `Ctrl+Z did not bring back 6: '${await cell.innerText()}'`);
    await page.keyboard.press('Tab');
    a = await active();
    expect(a.tag === 'SUMMARY' && a.text.includes('Replace'), `Tab out of the grid landed on ${JSON.stringify(a)}`);
    // Leaving with the unsaved edit asks first; staying keeps it.
    await page.evaluate(() => { location.hash = '#/policies'; });
    const warning = page.getByRole('dialog', { name: 'Leave without saving?' });
    await warning.waitFor();
    await page.keyboard.press('Escape');
    await warning.waitFor({ state: 'detached' });
    expect(page.url().endsWith(`#/policies/${n}`), `left to ${page.url()}`);
    expect((await cell.innerText()).trim() === '6', 'the edit was lost by staying');
    // Back to the Save button with Shift+Tab, and Enter.
    await page.keyboard.press('Shift+Tab');
    for (tabs = 0; tabs < 12; tabs += 1) {
      a = await active();
      if (a.id === 'save-table') break;
      await page.keyboard.press('Shift+Tab');
    }
    expect(a.id === 'save-table', `Save not reached: ${JSON.stringify(a)}`);
    await page.keyboard.press('Enter');
    await page.getByText('Table ScoringGrid saved.').waitFor();
    const tables = await call('GET', `/api/v1/policies/${n}/tables`, null, 'committee1');
    const grid = tables.json.tables.find((t) => t.table === 'ScoringGrid');
    const saved = grid.rows[20 - grid.firstRow].cells[5];
    expect(saved === '6' && before !== '6', `saved cell ${saved} (before ${before})`);
    await page.context().close();
  });
} catch (err) {
  failed = true;
}
await finish(failed);
