// Amounts and days in the page's language: French grouping and decimal comma with the currency after the
// amount, English with the currency before; a day stays the same day whatever the machine's time zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const store = () => { const m = new Map(); return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) }; };
globalThis.localStorage = store();
Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-GB' }, configurable: true });
globalThis.document = { documentElement: {} };

const { setLang } = await import('../src/i18n.js');
const {
  axisDay, dateTimeInput, day, moment, money, number, parseAmount, parseDateTime, parseDay, parseDecimal, parseNumber, percent, ParseError,
} = await import('../src/format.js');
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

test('a moment has no US date nor AM/PM in French', () => {
  process.env.TZ = 'Europe/Paris';
  setLang('fr');
  const text = plain(moment('2026-12-02T15:59:22Z'));
  assert.equal(text, '2 déc. 2026, 16:59');
  assert.doesNotMatch(text, /\d{1,2}\/\d{1,2}\/\d{4}|AM|PM/);
  setLang('en');
  assert.match(moment('2026-12-02T15:59:22Z'), /^Dec 2, 2026, 4:59\sPM$/);
});

test('a chart axis names the day in the language', () => {
  setLang('fr');
  assert.equal(axisDay('2026-12-02'), '2 déc.');
  setLang('en');
  assert.equal(axisDay('2026-12-02'), 'Dec 2');
});

test('percentages, from percent or from a ratio', () => {
  setLang('fr');
  assert.equal(plain(percent(12.5)), '12,5 %');
  assert.equal(plain(percent(0.125, { ratio: true })), '12,5 %');
  setLang('en');
  assert.equal(percent(30), '30%');
});

test('numbers typed in French are read: decimal comma, spaces between thousands', () => {
  setLang('fr');
  assert.equal(parseNumber('2,40'), 2.4);
  assert.equal(parseDecimal('10 000'), '10000');
  assert.equal(parseDecimal('10\u202f000,50'), '10000.50');
  assert.equal(parseDecimal('2.40'), '2.40');
  assert.equal(parseDecimal('-3'), '-3');
  assert.equal(parseAmount('10 000,50 €'), '10000.50');
  assert.equal(parseAmount('150 000 EUR'), '150000');
  assert.equal(parseNumber(''), null);
});

test('numbers typed in English are read: commas between thousands, decimal point', () => {
  setLang('en');
  assert.equal(parseDecimal('150,000'), '150000');
  assert.equal(parseAmount('€10,000.50'), '10000.50');
  assert.equal(parseNumber('2.4'), 2.4);
});

test('what cannot be read is refused with a message in the language, never silently ignored', () => {
  setLang('fr');
  assert.throws(() => parseNumber('dix'), (e) => e instanceof ParseError && /« dix » n'est pas un nombre/.test(e.message));
  assert.throws(() => parseAmount('10 000,50,3'), ParseError);
  assert.throws(() => parseNumber('1,2,3'), ParseError);
  setLang('en');
  assert.throws(() => parseNumber('2,40'), (e) => /'2,40' is not a number/.test(e.message));
  assert.throws(() => parseNumber('10,00'), ParseError);
  assert.throws(() => parseAmount('ten euros'), ParseError);
});

test('days and date-times typed in French are day first; ISO is read in both languages', () => {
  setLang('fr');
  assert.equal(parseDay('03/12/2026'), '2026-12-03');
  assert.equal(parseDay('2026-12-03'), '2026-12-03');
  const d = parseDateTime('03/12/2026 17:45');
  assert.deepEqual([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()], [2026, 11, 3, 17, 45]);
  assert.equal(dateTimeInput(d), '03/12/2026 17:45');
  assert.throws(() => parseDay('31/02/2026'), (e) => /n'est pas une date/.test(e.message));
  assert.throws(() => parseDateTime('12/3/2026 4:59 PM'), ParseError);
  setLang('en');
  assert.equal(dateTimeInput(d), '2026-12-03 17:45');
  assert.equal(parseDateTime('2026-12-03 17:45').getHours(), 17);
  assert.throws(() => parseDay('12/03/2026'), ParseError);
  assert.equal(parseDay(' '), null);
});
