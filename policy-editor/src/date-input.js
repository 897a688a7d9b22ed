// Date and date-time fields as text typed in the page's language (format.js reads them back): the browser's own
// date inputs follow the browser's locale, not the page's (mm/dd/yyyy and AM/PM on a French page in an
// American browser), so the page does not use them.
import { h } from './dom.js';
import { dateTimeInput, datePattern, parseDateTime, parseDay } from './format.js';
import { lang } from './i18n.js';

/**
 * A text field for a date and time ({time: true}, the default) or a day. value: a Date (date-time) or
 * 'yyyy-MM-dd' (day). The field's read() gives an ISO instant (date-time) or 'yyyy-MM-dd' (day), null when
 * empty, and throws format.js's ParseError for what it cannot read.
 */
export function dateField({ id, name, value, time = true } = {}) {
  const input = h('input', {
    id, name, type: 'text', lang: lang(), inputmode: 'numeric', autocomplete: 'off', placeholder: datePattern(time),
    value: !value ? '' : time ? dateTimeInput(value) : lang() === 'fr' ? value.split('-').reverse().join('/') : value,
  });
  input.classList.add('date-field');
  input.read = () => {
    if (!time) return parseDay(input.value);
    const d = parseDateTime(input.value);
    return d ? d.toISOString() : null;
  };
  return input;
}
