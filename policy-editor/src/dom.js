// A few helpers to build the page without a framework.
import { moment, number } from './format.js';

/** h('button.primary', {onclick, 'aria-label': ...}, 'text', child...) */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
export function uid(prefix = 'f') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled field: label + control + a place for its error message. */
export function field(label, control, hint) {
  const id = control.id || uid();
  control.id = id;
  const error = h('span.field-error', { id: `${id}-error`, role: 'alert' });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div.field', h('label', { for: id }, label), control, hint ? h('small.hint', hint) : null, error);
}

export function setFieldError(control, message) {
  const error = document.getElementById(`${control.id}-error`);
  if (error) error.textContent = message || '';
  control.toggleAttribute('aria-invalid', !!message);
}

/** A moment in the page's language (format.js): never the browser's US default. */
export function fmtDate(v) {
  return moment(v);
}

/** A number in the page's language (format.js); amounts with their currency use format.js's money(). */
export function fmtAmount(v) {
  return number(v);
}
