// A DRL code editor: a textarea over a highlighted copy of its text (same font and scroll), so typing is
// the browser's own and the colours follow. Enough for a handful of rules; no editor library needed.
import { h } from './dom.js';

const KEYWORDS = new Set(('package import global function rule when then end salience no-loop lock-on-active '
  + 'agenda-group activation-group dialect not exists forall from collect accumulate eval and or insert update '
  + 'modify retract delete true false null new if else return query declare extends over in matches memberOf '
  + 'contains').split(' '));

function escape(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML with spans for comments, strings, keywords and numbers. */
export function highlight(text) {
  const token = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/|#[^\n]*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(\b\d+(?:\.\d+)?\b)|([A-Za-z_$][\w$-]*)|([\s\S])/g;
  let out = '';
  for (const m of text.matchAll(token)) {
    if (m[1]) out += `<span class="tok-comment">${escape(m[1])}</span>`;
    else if (m[2]) out += `<span class="tok-string">${escape(m[2])}</span>`;
    else if (m[3]) out += `<span class="tok-number">${m[3]}</span>`;
    else if (m[4]) out += KEYWORDS.has(m[4]) ? `<span class="tok-keyword">${m[4]}</span>` : escape(m[4]);
    else out += escape(m[5]);
  }
  return `${out}\n`;
}

/** The editor: el.value, el.readOnly, el.markLine(n, message). */
export function drlEditor({ value, label, readOnly }) {
  const pre = h('pre.code-view', { 'aria-hidden': 'true' });
  const gutter = h('div.gutter', { 'aria-hidden': 'true' });
  const area = h('textarea.code-input', { spellcheck: 'false', 'aria-label': label, wrap: 'off' });
  area.value = value || '';
  area.readOnly = !!readOnly;
  const marks = new Map();
  const render = () => {
    pre.innerHTML = highlight(area.value);
    const lines = area.value.split('\n').length;
    gutter.innerHTML = Array.from({ length: lines }, (_, i) => {
      const m = marks.get(i + 1);
      return m ? `<span class="marked" title="${escape(m)}">${i + 1}</span>` : `<span>${i + 1}</span>`;
    }).join('');
  };
  area.addEventListener('input', render);
  area.addEventListener('scroll', () => {
    pre.scrollTop = area.scrollTop;
    pre.scrollLeft = area.scrollLeft;
    gutter.scrollTop = area.scrollTop;
  });
  area.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !area.readOnly && !e.ctrlKey) {
      // Tab indents; Escape then Tab leaves the editor (keyboard users are never trapped).
      if (area.dataset.escaped === 'true') { area.dataset.escaped = 'false'; return; }
      e.preventDefault();
      area.setRangeText('    ', area.selectionStart, area.selectionEnd, 'end');
      render();
    } else if (e.key === 'Escape') {
      area.dataset.escaped = 'true';
    }
  });
  const el = h('div.code-editor', gutter, h('div.code-stack', pre, area));
  Object.defineProperty(el, 'value', { get: () => area.value, set: (v) => { area.value = v; render(); } });
  el.area = area;
  el.markLine = (line, message) => { marks.set(line, message); render(); };
  el.clearMarks = () => { marks.clear(); render(); };
  render();
  return el;
}
