// Shared pieces of the page: messages, tabs, status badges, a busy button.
import { h } from './dom.js';
import { t } from './i18n.js';
import { label } from './labels.js';

/** A readable error box (title and detail of the API's problem) at the top of el, or in place of old. */
export function errorBox(err) {
  const title = err.title || t('error.title');
  const detail = err.message && err.message !== title ? err.message : '';
  return h('div.notice.error', { role: 'alert' }, h('strong', title), detail ? h('span', ` ${detail}`) : null);
}

export function showError(el, err) {
  el.prepend(errorBox(err));
}

export function okBox(text) {
  return h('div.notice.ok', { role: 'status' }, text);
}

/** A message area that shows one notice at a time. */
export function messages() {
  const el = h('div.messages', { 'aria-live': 'polite' });
  el.error = (err) => el.replaceChildren(errorBox(err));
  el.ok = (text) => el.replaceChildren(okBox(text));
  el.clear = () => el.replaceChildren();
  return el;
}

/** A status as a badge; kind names its catalogue (labels.js): 'status' for versions and jobs, 'hold' for holds. */
export function badge(status, kind = 'status') {
  return h(`span.badge.s-${String(status).toLowerCase()}`, label(kind, status));
}

/** Runs action while the button shows it is busy; errors go to msgs. */
export async function busy(button, msgs, action) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (err) {
    if (msgs) msgs.error(err); else throw err;
    return undefined;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Tabs with the ARIA tab pattern; arrows move between tabs. */
export function tabs(items, onSelect, selected = 0) {
  const list = h('div.tabs', { role: 'tablist' });
  const buttons = items.map((item, i) => h('button', {
    type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-selected': String(i === selected),
    tabindex: i === selected ? '0' : '-1', dataset: { tab: item.id },
    onclick: () => select(i),
    onkeydown: (e) => {
      if (e.key === 'ArrowRight') { select((i + 1) % items.length); buttons[(i + 1) % items.length].focus(); }
      if (e.key === 'ArrowLeft') { select((i - 1 + items.length) % items.length); buttons[(i - 1 + items.length) % items.length].focus(); }
    },
  }, item.label));
  function select(i) {
    buttons.forEach((b, j) => {
      b.setAttribute('aria-selected', String(i === j));
      b.tabIndex = i === j ? 0 : -1;
    });
    onSelect(items[i], i);
  }
  list.append(...buttons);
  list.select = select;
  return list;
}
