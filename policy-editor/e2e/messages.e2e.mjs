// The service's messages in the page's language, in Debian's headless Chromium (run by EditorMessagesBrowserTest).
// In French: a release above the analyst's authority is refused in French, with the limit shown before trying;
// a draft whose scenarios fail is refused in French on submit; the diff of a cell edit and of a parameter names
// the row by its own conditions and the parameter by its description, in French. No English sentence on the way.
import {
  BASE, run, step, expect, call, orderCheck, shot, logIn, cellOf, typeInto, openTable, browser, finish,
} from './lib.mjs';

// Sentences the service or the page said in English before: none may show on a French page.
const ENGLISH = [/needs a higher authority/, /may release up to/, /Beyond your delegated authority/, /Policy scenarios fail/,
  /expected .*, got /, /does not compile/, /\brow \d+, column\b/, /\bsheet \S+, row\b/, /Score every customer/,
  /the attempt has been recorded/, /Not allowed in this status/];

async function noEnglish(page, selector, what) {
  const text = await page.locator(selector).innerText();
  const found = ENGLISH.filter((re) => re.test(text));
  expect(!found.length, `${what} has English (${found.join(', ')}): ${text.slice(0, 400)}`);
  return text;
}

/** A confirmation the page may ask for before an irreversible action: confirmed, with a reason when it asks one. */
async function confirmIfAsked(page, reason) {
  const dialog = page.locator('dialog[open], [role="alertdialog"], [role="dialog"]').first();
  try {
    await dialog.waitFor({ timeout: 1500 });
  } catch {
    return;
  }
  const text = dialog.locator('textarea, input[type="text"]');
  if (await text.count()) await text.first().fill(reason);
  await dialog.locator('button.primary, button[value="confirm"], button[type="submit"]').first().click();
}

async function inFrench(page) {
  await page.getByLabel('Language').selectOption('fr');
  await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
}

/** A policy file of a draft with one text replaced, uploaded as a person does (HTTP Basic). */
async function replaceInFile(version, file, text, replacement, who) {
  const auth = { Authorization: `Basic ${Buffer.from(`${who}:secret-${who}`).toString('base64')}`, 'X-Requested-With': 'XMLHttpRequest' };
  const path = `${BASE}/api/v1/policies/${version}/files/${file}`;
  const content = await (await fetch(path, { headers: auth })).text();
  expect(content.includes(text), `${file} has no '${text}'`);
  const put = await fetch(path, { method: 'PUT', headers: { ...auth, 'Content-Type': 'text/csv' }, body: content.replace(text, replacement) });
  expect(put.ok, `upload of ${file}: ${put.status} ${await put.text()}`);
}

let failed = false;
try {
  const orderId = `SO-MSG-${run}`;
  let holdId;
  await step('a 40,000 EUR order of a blocked account is held (API)', async () => {
    const r = await call('POST', '/api/v1/decisions/order-check', orderCheck({ customerId: `C-MSG-${run}`, orderId, amount: 40000, status: 'BLOCKED' }));
    expect(r.status === 200 && r.json.outcome === 'BLOCK', `order check: ${r.status} ${r.json && r.json.outcome}`);
    const held = await call('GET', `/api/v1/orders/${orderId}/hold`);
    expect(held.status === 200, `hold: ${held.status}`);
    holdId = held.json.holdId;
  });

  const analyst = await logIn(browser, 'analyst');
  await step('in French, the analyst sees their release limit and is refused above it in French', async () => {
    await inFrench(analyst);
    await analyst.goto(`${BASE}/#/holds/${holdId}`);
    await analyst.locator('#hold-title', { hasText: orderId }).waitFor();
    const limit = (await analyst.locator('#hold-authority').innerText()).replace(/[\u202f\u00a0]/g, ' ');
    expect(limit.includes('25 000') && limit.includes('EUR'), `limit shown: ${limit}`);
    await analyst.getByLabel('Commentaire (obligatoire)').fill('Le client a promis de payer vendredi');
    await analyst.getByRole('button', { name: 'Libérer' }).click();
    await confirmIfAsked(analyst, 'Le client a promis de payer vendredi');
    await analyst.waitForFunction(() => /délégation/.test(document.querySelector('#hold-comment-error')?.textContent || ''));
    const refusal = (await noEnglish(analyst, '#hold-comment-error', 'the refusal')).replace(/[\u202f\u00a0]/g, ' ');
    expect(refusal.includes('40 000 EUR') && refusal.includes("jusqu'à 25 000 EUR"), `refusal: ${refusal}`);
    await noEnglish(analyst, 'body', 'the hold page');
    await shot(analyst, 'messages-holds-refused-fr');
  });
  await analyst.context().close();

  const committee = await logIn(browser, 'committee1');
  let version;
  await step('in French, a cell edited in the grid and a parameter changed show in the diff in French words', async () => {
    const draft = await call('POST', '/api/v1/policies/drafts', { comment: 'messages test' }, 'committee1');
    expect(draft.status === 201, `draft: ${draft.status}`);
    version = draft.json.number;
    await replaceInFile(version, 'parameters.csv', 'score.base,50,', 'score.base,55,', 'committee1');
    await inFrench(committee);
    await committee.goto(`${BASE}/#/policies/${version}`);
    await committee.locator('table.grid').first().waitFor();
    await openTable(committee, 'ScoringGrid');
    await typeInto(committee, await cellOf(committee, 'ScoringGrid', 20, 5), '5');
    await committee.getByRole('button', { name: 'Enregistrer la table' }).click();
    await committee.getByText('Table ScoringGrid enregistrée.').waitFor();
    await committee.getByRole('tab', { name: 'Différences' }).click();
    await committee.locator('table.diff tbody tr').nth(1).waitFor();
    const diff = await noEnglish(committee, 'table.diff', 'the diff');
    expect(diff.includes('Critère = SECTOR') && diff.includes('Catégorie = ENERGY') && diff.includes('Points'), `cell: ${diff}`);
    expect(diff.includes('ligne 20, colonne F'), `location: ${diff}`);
    expect(diff.includes('Score de départ de chaque client') && diff.includes('55 points'), `parameter: ${diff}`);
    await shot(committee, 'messages-diff-fr');
  });
  await step('in French, submitting a draft whose scenarios fail is refused in French', async () => {
    await committee.getByLabel('Commentaire ou motif').fill('Score de base relevé');
    await committee.getByRole('button', { name: 'Soumettre pour approbation' }).click();
    const box = committee.locator('.notice.error', { hasText: 'scénario' }).first();
    await box.waitFor();
    const text = await box.innerText();
    expect(text.includes('Des scénarios de la politique échouent') && /attendu .*, obtenu /.test(text), `refusal: ${text}`);
    expect(/scénario \S+, ligne \d+/.test(text), `location of the failure: ${text}`);
    await noEnglish(committee, 'body', 'the version page');
    await shot(committee, 'messages-submit-refused-fr');
  });
  await committee.context().close();
} catch (err) {
  failed = true;
}
await finish(failed);
