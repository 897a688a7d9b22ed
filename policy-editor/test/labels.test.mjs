// The label catalogue: every code in both languages, the words a French credit team uses, the policy's own
// reason texts (reason-labels.js kept in step with the policy's reason catalogue).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };
globalThis.localStorage = store();
Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-GB' }, configurable: true });
globalThis.document = { documentElement: {} };

const { setLang } = await import('../src/i18n.js');
const { CATALOGUE, label, options, reasonText } = await import('../src/labels.js');
const { OUTPUT, reasonLabels, source, withoutFigures } = await import('../scripts/reason-labels.mjs');

test('every code has an English and a French label', () => {
  for (const [kind, entries] of Object.entries(CATALOGUE)) {
    for (const [code, text] of Object.entries(entries)) {
      assert.ok(text.en && text.fr, `${kind}.${code} needs both languages`);
    }
  }
});

test('outcomes read as a French team says them; a hold is masculine', () => {
  setLang('fr');
  assert.deepEqual(options('outcome', ['APPROVE', 'BLOCK', 'REVIEW']).map(([, l]) => l), ['Acceptée', 'Bloquée', 'À examiner']);
  assert.equal(label('hold', 'REJECTED'), 'rejeté');
  assert.equal(label('status', 'REJECTED'), 'rejetée');
  assert.equal(label('action', 'REPLACE_FILE'), 'Table ou fichier modifié');
  setLang('en');
  assert.equal(label('outcome', 'BLOCK'), 'Blocked');
  assert.equal(label('outcome', 'SOMETHING_NEW'), 'SOMETHING_NEW');
  assert.equal(label('outcome', null), '');
});

test('a reason is shown with its text: the service message, else the policy text for its code', () => {
  setLang('fr');
  assert.equal(reasonText({ code: 'RISK_CLASS_A', messageEn: 'Risk class A (score 90): very low risk.', messageFr: 'Classe de risque A (score 90) : risque très faible.' }),
    'Classe de risque A (score 90) : risque très faible.');
  assert.equal(reasonText({ code: 'RISK_CLASS_A' }), 'Classe de risque A : risque très faible.');
  assert.equal(reasonText({ code: 'X', message: 'given' }), 'given');
  setLang('en');
  assert.equal(label('reason', 'CREDIT_LIMIT_EXCEEDED'), 'With this order the exposure exceeds the credit limit: a credit analyst must review it.');
});

test('the reason texts are those of the policy reason catalogue (run node scripts/reason-labels.mjs when it changes)', () => {
  assert.equal(readFileSync(OUTPUT, 'utf8'), source(reasonLabels()));
  assert.equal(withoutFigures('Risk class A (score {score}): very low risk.'), 'Risk class A: very low risk.');
  assert.equal(withoutFigures('exposure at {exposureAfterOrder} EUR.'), 'exposure at …');
});
