// Amounts and days in the page's language: French grouping and decimal comma with the currency after the
// amount, English with the currency before; a day stays the same day whatever the machine's time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };
globalThis.localStorage = store();
Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-GB' }, configurable: true });
globalThis.document = { documentElement: {} };

const { setLang } = await import('../src/i18n.js');
const { day, money, number } = await import('../src/format.js');
const plain = (s) => s.replace(/[\u202f\u00a0]/g, ' ');

test('an amount shows its currency in the page language', () => {
  setLang('fr');
  assert.equal(plain(money('125000.5', 'EUR')), '125 000,50 €');
  assert.equal(plain(money(-200, 'EUR')), '-200,00 €');
  setLang('en');
  assert.equal(money('125000.5', 'EUR'), '€125,000.50');
  assert.equal(money(1000, 'USD'), '$1,000.00');
});

test('an amount without currency, or nothing, stays readable', () => {
  setLang('en');
  assert.equal(money(12.5), '12.50');
  assert.equal(money(null, 'EUR'), '');
  assert.equal(money('', 'EUR'), '');
});

test('a day is written in the page language and never moves to the day before', () => {
  process.env.TZ = 'America/Los_Angeles';
  setLang('fr');
  assert.equal(day('2026-11-20'), '20 nov. 2026');
  setLang('en');
  assert.equal(day('2026-11-20'), 'Nov 20, 2026');
  assert.equal(day(null), '');
});

test('plain numbers follow the language too', () => {
  setLang('fr');
  assert.equal(plain(number(1234.5)), '1 234,5');
  setLang('en');
  assert.equal(number(90), '90');
});
