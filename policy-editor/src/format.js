// Amounts and dates in the page's language (Intl): 12 000,00 € in French, €12,000.00 in English.
import { lang } from './i18n.js';

const locale = () => (lang() === 'fr' ? 'fr-FR' : 'en');

/** An amount with its currency; the number alone when the currency is unknown. Amounts arrive as JSON numbers or strings. */
export function money(value, currency) {
  if (value === null || value === undefined || value === '') return '';
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

/** A moment (ISO instant) in the browser's time zone. */
export function moment(value) {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value)
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A plain number (a percentage, days, a score). */
export function number(value) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  return Number.isNaN(n) ? String(value) : new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
}
