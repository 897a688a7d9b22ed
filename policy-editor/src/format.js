// Formatting and parsing by the page's language (Intl): dates, date-times, numbers, amounts with their
// currency, percentages; and the reading back of what a person types in that language ("2,40", "10 000",
// "10 000,50 €", "03/12/2026 17:45" in French), with an error for what cannot be read. Every page formats and
// parses through this module, never with toLocaleString() or Number() on typed text.
import { lang } from './i18n.js';

const locale = () => (lang() === 'fr' ? 'fr-FR' : 'en');
const present = (value) => value !== null && value !== undefined && value !== '';

/** An amount with its currency; the number alone when the currency is unknown. Amounts arrive as JSON numbers or strings. */
export function money(value, currency) {
  if (!present(value)) return '';
  const n = Number(value);
  if (Number.isNaN(n)) return String(value);
  try {
    return currency
      ? new Intl.NumberFormat(locale(), { style: 'currency', currency }).format(n)
      : new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${new Intl.NumberFormat(locale(), { minimumFractionDigits: 2 }).format(n)} ${currency}`;
  }
}

/** A calendar day ('yyyy-MM-dd', as the service writes days): the day itself, whatever the browser's time zone. */
export function day(value) {
  if (!value) return '';
  const d = new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(value)
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** A moment (ISO instant) in the browser's time zone: 3 déc. 2026, 17:45 / Dec 3, 2026, 5:45 PM. */
export function moment(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value)
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A day on a chart's axis: "2 déc." / "Dec 2". */
export function axisDay(value) {
  if (!value) return '';
  const d = new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(value)
    : new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(d);
}

/** A plain number (a score, days, a count); at most `digits` decimals. */
export function number(value, digits = 2) {
  if (!present(value)) return '';
  const n = Number(value);
  return Number.isNaN(n) ? String(value) : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
}

/** A percentage: `value` in percent (12.5 -> 12,5 %), or a ratio with {ratio: true} (0.125 -> 12,5 %). */
export function percent(value, { ratio = false, digits = 1 } = {}) {
  if (!present(value)) return '';
  const n = Number(value);
  if (Number.isNaN(n)) return String(value);
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: digits }).format(ratio ? n : n / 100);
}

// ---- parsing what a person types

/** What cannot be read; message is in the page's language. */
export class ParseError extends Error {
  constructor(message, text) {
    super(message);
    this.name = 'ParseError';
    this.text = text;
  }
}

const MESSAGES = {
  en: {
    number: "'{text}' is not a number (e.g. 10,000.50)",
    date: "'{text}' is not a date (yyyy-mm-dd)",
    dateTime: "'{text}' is not a date and time (yyyy-mm-dd hh:mm)",
  },
  fr: {
    number: "« {text} » n'est pas un nombre (ex. 10 000,50)",
    date: "« {text} » n'est pas une date (jj/mm/aaaa)",
    dateTime: "« {text} » n'est pas une date et une heure (jj/mm/aaaa hh:mm)",
  },
};
const fail = (kind, text) => new ParseError((MESSAGES[lang()] || MESSAGES.en)[kind].replace('{text}', text), text);

/** The format a date or date-time field expects, as a placeholder: jj/mm/aaaa hh:mm / yyyy-mm-dd hh:mm. */
export function datePattern(withTime = false) {
  const p = lang() === 'fr' ? 'jj/mm/aaaa' : 'yyyy-mm-dd';
  return withTime ? `${p} hh:mm` : p;
}

/**
 * A decimal typed in the page's language, as a plain decimal string ("10000.5") so that amounts keep every
 * digit on their way to the service (BigDecimal there); null when empty. French: spaces group thousands, the
 * comma is the decimal mark (a point is read as one too when there is no comma: "2.40"). English: commas group
 * thousands by three, the point is the decimal mark. Throws ParseError for anything else.
 */
export function parseDecimal(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return null;
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  const sign = /^[-\u2212]/.test(s) ? '-' : '';
  s = s.replace(/^[-+\u2212]/, '');
  let whole;
  let fraction = '';
  if (lang() === 'fr') {
    const m = s.match(/^(\d+)(?:[,.](\d+))?$/);
    if (!m) throw fail('number', raw);
    [, whole, fraction = ''] = m;
  } else {
    const m = s.match(/^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/);
    if (!m) throw fail('number', raw);
    whole = m[1].replace(/,/g, '');
    fraction = m[2] || '';
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A number typed in the page's language (see parseDecimal); null when empty. */
export function parseNumber(text) {
  const d = parseDecimal(text);
  return d === null ? null : Number(d);
}

const SYMBOLS = /(€|\$|£|CHF|EUR|USD|GBP)/gi;

/** An amount typed in the page's language, with or without its currency ("10 000,50 €", "EUR 10,000.50"): a decimal string. */
export function parseAmount(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return null;
  try {
    return parseDecimal(raw.replace(SYMBOLS, ''));
  } catch {
    throw fail('number', raw);
  }
}

function checkedDate(y, mo, d, hh = 0, mi = 0) {
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi));
  const ok = date.getFullYear() === Number(y) && date.getMonth() === Number(mo) - 1 && date.getDate() === Number(d)
    && Number(hh) < 24 && Number(mi) < 60;
  return ok ? date : null;
}

function readDate(raw, withTime) {
  const time = '(?:[ T,]+(\\d{1,2})[:h](\\d{2}))?';
  const iso = raw.match(new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${withTime ? time : ''}$`));
  if (iso) return checkedDate(iso[1], iso[2], iso[3], iso[4] || 0, iso[5] || 0);
  if (lang() === 'fr') {
    const fr = raw.match(new RegExp(`^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${withTime ? time : ''}$`));
    if (fr) return checkedDate(fr[3], fr[2], fr[1], fr[4] || 0, fr[5] || 0);
  }
  return null;
}

/** A day typed in the page's language (03/12/2026 in French, 2026-12-03 in both): 'yyyy-MM-dd', or null when empty. */
export function parseDay(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return null;
  const d = readDate(raw, false);
  if (!d) throw fail('date', raw);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A local date and time typed in the page's language (a day alone means its midnight): a Date, or null when empty. */
export function parseDateTime(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') return null;
  const d = readDate(raw, true);
  if (!d) throw fail('dateTime', raw);
  return d;
}

/** A Date as a date-time field shows it, in the form parseDateTime reads: 03/12/2026 17:45 / 2026-12-03 17:45. */
export function dateTimeInput(date) {
  if (!date) return '';
  const p = (n) => String(n).padStart(2, '0');
  const time = `${p(date.getHours())}:${p(date.getMinutes())}`;
  return lang() === 'fr' ? `${p(date.getDate())}/${p(date.getMonth() + 1)}/${date.getFullYear()} ${time}`
    : `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${time}`;
}
