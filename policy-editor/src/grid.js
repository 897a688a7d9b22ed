// The decision-table grid: the same rows and columns as the file, headed in words. Keyboard: arrows move,
// Enter or F2 (or typing) edits, Enter keeps the value and moves down, Escape cancels, Tab leaves the grid
// (one Tab stop: the focused cell), Delete empties a cell, Ctrl+Z undoes the last change of a cell or a row.
// Cells are checked against their column's type as they are edited; the API's errors and the verifier's
// findings are shown on the rows and cells they name.
import { h } from './dom.js';
import { t } from './i18n.js';
import { parseDecimal } from './format.js';
import { headingText } from './policy-texts.js';

const CHECKS = {
  NUMBER: (v) => v === '' || /^-?\d+(\.\d+)?$/.test(v.replace(/\s/g, '')) ? null : t('grid.notNumber', { value: v }),
  BOOLEAN: (v) => v === '' || /^(true|false)$/i.test(v) ? null : t('grid.notBoolean', { value: v }),
  TEXT: (v) => v.includes('"') ? t('grid.noQuote') : null,
};

export function tableGrid(table, { editable = false, onChange = () => {}, label } = {}) {
  let rows = table.rows.map((r) => [...r.cells]);
  const cellErrors = new Map(); // "r:c" -> message
  const rowNotes = new Map(); // rowIndex -> [{kind, message}]
  let highlighted = new Set(); // source rows
  let focus = { r: 0, c: 0 };
  let editing = null;
  const undoStack = []; // earlier states of the rows, the last one on top

  const tbody = h('tbody');
  const grid = h('table.grid', {
    role: 'grid', 'aria-label': label || table.table, 'aria-readonly': String(!editable),
    'aria-rowcount': String(rows.length + 1), dataset: { table: table.table, file: table.file },
  },
  h('thead', h('tr', { role: 'row' },
    h('th', { scope: 'col', role: 'columnheader' }, t('grid.row')),
    table.columns.map((c) => h(`th.k-${c.kind.toLowerCase()}`, {
      scope: 'col', role: 'columnheader', title: `${t(`kind.${c.kind}`)} · ${t(`type.${c.type}`)}${c.field ? ` · ${c.field}` : ''}`,
    }, h('span.kind', t(`kind.${c.kind}`)), h('span.head', headingText(c.header)), h('span.type', t(`type.${c.type}`)))),
    h('th', { scope: 'col', role: 'columnheader' }, t('grid.notes')))),
  tbody);

  const sourceRow = (i) => table.firstRow + i;
  /** Keeps the rows as they are before a change, for undo. */
  const remember = () => {
    undoStack.push({ rows: rows.map((r) => [...r]), focus: { ...focus } });
    if (undoStack.length > 100) undoStack.shift();
  };
  const key = (r, c) => `${r}:${c}`;

  function render() {
    tbody.replaceChildren(...rows.map((cells, r) => {
      const notes = rowNotes.get(r) || [];
      const tr = h('tr', {
        role: 'row', 'aria-rowindex': String(r + 2),
        class: [highlighted.has(sourceRow(r)) ? 'fired' : '', notes.length ? `noted ${notes.map((n) => `n-${n.kind}`).join(' ')}` : ''].join(' '),
        dataset: { row: String(r), sourceRow: String(sourceRow(r)) },
      },
      h('th.rownum', { scope: 'row', role: 'rowheader' }, String(sourceRow(r))),
      cells.map((v, c) => {
        const err = cellErrors.get(key(r, c));
        const col = table.columns[c];
        return h(`td.t-${col.type.toLowerCase()}`, {
          role: 'gridcell', tabindex: focus.r === r && focus.c === c ? '0' : '-1',
          'aria-label': `${t('grid.row')} ${sourceRow(r)}, ${headingText(col.header)}: ${v || t('grid.any')}`,
          'aria-invalid': err ? 'true' : null, title: err || null,
          dataset: { row: String(r), col: String(c) },
          onclick: () => moveTo(r, c),
          ondblclick: () => edit(r, c),
        }, v, err ? h('span.cell-error', { role: 'alert' }, err) : null);
      }),
      h('td.notes', notes.map((n) => h(`div.note.n-${n.kind}`, n.message))));
      return tr;
    }));
  }

  function cellEl(r, c) {
    return tbody.querySelector(`td[data-row="${r}"][data-col="${c}"]`);
  }

  function moveTo(r, c, focusIt = true) {
    focus = { r: Math.max(0, Math.min(rows.length - 1, r)), c: Math.max(0, Math.min(table.columns.length - 1, c)) };
    tbody.querySelectorAll('td[tabindex="0"]').forEach((td) => { td.tabIndex = -1; });
    const td = cellEl(focus.r, focus.c);
    if (td) {
      td.tabIndex = 0;
      if (focusIt) td.focus();
    }
  }

  function edit(r, c, initial) {
    if (!editable) return;
    moveTo(r, c);
    const td = cellEl(r, c);
    const col = table.columns[c];
    const input = h('input.cell-input', {
      value: initial ?? rows[r][c],
      'aria-label': `${t('grid.row')} ${sourceRow(r)}, ${headingText(col.header)}`,
    });
    editing = { r, c };
    td.replaceChildren(input);
    input.focus();
    if (initial === undefined) input.select();
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        commit(r, c, input.value);
        moveTo(r + 1 < rows.length ? r + 1 : r, c);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        editing = null;
        render();
        moveTo(r, c);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit(r, c, input.value);
        moveTo(r, c + (e.shiftKey ? -1 : 1));
      }
    });
    input.addEventListener('blur', () => {
      if (editing && editing.r === r && editing.c === c) {
        commit(r, c, input.value);
      }
    });
  }

  function commit(r, c, value) {
    editing = null;
    let v = value.trim();
    // A number typed in the page's language ("2,40", "10 000" in French) is kept as the file writes numbers.
    if (table.columns[c].type === 'NUMBER') {
      try { v = parseDecimal(v) ?? ''; } catch { /* kept as typed: CHECKS marks it */ }
    }
    const changed = rows[r][c] !== v;
    if (changed) remember();
    rows[r][c] = v;
    const problem = CHECKS[table.columns[c].type](v);
    if (problem) cellErrors.set(key(r, c), problem); else cellErrors.delete(key(r, c));
    render();
    if (changed) onChange();
  }

  function undo() {
    const last = undoStack.pop();
    if (!last) return false;
    rows = last.rows;
    cellErrors.clear();
    rowNotes.clear();
    grid.setAttribute('aria-rowcount', String(rows.length + 1));
    render();
    moveTo(last.focus.r, last.focus.c);
    onChange();
    return true;
  }

  grid.addEventListener('keydown', (e) => {
    if (editing || e.target.tagName === 'INPUT') return;
    const { r, c } = focus;
    if (editable && (e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      undo();
      return;
    }
    const moves = { ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
      Home: [r, 0], End: [r, table.columns.length - 1] };
    if (moves[e.key]) {
      e.preventDefault();
      moveTo(...moves[e.key]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      edit(r, c);
    } else if (editable && (e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      commit(r, c, '');
      moveTo(r, c);
    } else if (editable && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      edit(r, c, e.key);
    }
  });

  render();

  return {
    element: grid,
    table,
    /** The current rows, cells in column order. */
    rows: () => rows.map((r) => [...r]),
    focused: () => ({ ...focus }),
    /** Undoes the last change of a cell or a row; false when there is nothing to undo. */
    undo,
    canUndo: () => undoStack.length > 0,
    /** Puts the focus on the grid's current cell (its one Tab stop). */
    focus: () => moveTo(focus.r, focus.c),
    /** Cell problems found in the page before saving. */
    invalid: () => cellErrors.size > 0,
    addRow(after = focus.r) {
      remember();
      const at = Math.min(rows.length, after + 1);
      rows.splice(at, 0, table.columns.map(() => ''));
      cellErrors.clear();
      rowNotes.clear();
      render();
      moveTo(at, 0);
      onChange();
    },
    removeRow(at = focus.r) {
      if (!rows.length) return;
      remember();
      rows.splice(at, 1);
      cellErrors.clear();
      rowNotes.clear();
      render();
      moveTo(Math.min(at, rows.length - 1), focus.c);
      onChange();
    },
    /** API errors: [{rowIndex|row, columnIndex|column, message}] */
    showErrors(errors) {
      for (const e of errors) {
        const r = e.rowIndex ?? (e.row ? e.row - table.firstRow : null);
        const c = e.columnIndex ?? table.columns.findIndex((col) => col.letter === e.column);
        if (r === null || r < 0 || r >= rows.length) continue;
        if (c >= 0) cellErrors.set(key(r, c), e.message);
        rowNotes.set(r, [...(rowNotes.get(r) || []), { kind: 'error', message: e.message }]);
      }
      render();
    },
    /** Notes on rows by their file row number: [{rows:[n], kind, message}] */
    noteRows(notes) {
      for (const n of notes) {
        for (const row of n.rows) {
          const r = row - table.firstRow;
          if (r >= 0 && r < rows.length) rowNotes.set(r, [...(rowNotes.get(r) || []), { kind: n.kind, message: n.message }]);
        }
      }
      render();
    },
    clearNotes() {
      rowNotes.clear();
      cellErrors.forEach((_, k) => cellErrors.delete(k));
      render();
    },
    highlight(sourceRows) {
      highlighted = new Set(sourceRows);
      render();
    },
  };
}
