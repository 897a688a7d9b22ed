// The Decision tables tab: the version's tables as grids, each with its save, download and upload; the last
// validation errors and verifier findings (the Checks tab's) shown on the rows.
import { downloadFile, saveTable, uploadFile } from '../../api/policies.js';
import { clear, field, h } from '../../dom.js';
import { tableGrid } from '../../grid.js';
import { t } from '../../i18n.js';
import { busy } from '../../ui.js';
import { setUnsaved } from '../../confirm.js';
import { problemDetails } from './problem-details.js';

export function tablesTab(panel, contents, editable, number, state, msgs) {
  const host = h('div.table-host');
  const list = h('ul.table-list', { 'aria-label': t('version.tableList') });
  const show = (table) => {
    const id = `${table.file}#${table.table}`;
    list.querySelectorAll('a').forEach((a) => a.toggleAttribute('aria-current', a.dataset.id === id));
    clear(host, tableView(table, editable, number, state, msgs));
  };
  contents.tables.forEach((table) => list.append(h('li', h('a', {
    href: '#', dataset: { id: `${table.file}#${table.table}` },
    onclick: (e) => { e.preventDefault(); show(table); },
  }, table.table, h('small', ` ${table.file}`)))));
  clear(panel, h('div.tables', list, host));
  if (contents.tables.length) show(contents.tables[0]);
}

function gridOf(table, editable, state, onChange) {
  const id = `${table.file}#${table.table}`;
  if (!state.grids.has(id)) {
    const changed = () => {
      setUnsaved(id, true);
      onChange();
    };
    const grid = tableGrid(table, { editable, onChange: changed, label: table.table });
    state.grids.set(id, grid);
  }
  const grid = state.grids.get(id);
  applyChecks(grid, state);
  return grid;
}

/** Puts the last validation errors and verifier findings on the grid's rows. */
function applyChecks(grid, state) {
  const { table } = grid;
  grid.clearNotes();
  grid.showErrors(state.errors.filter((e) => e.file === table.file && (!e.sheet || !table.sheet || e.sheet === table.sheet)));
  grid.noteRows(state.findings.filter((f) => f.file === table.file && f.table === table.table)
    .map((f) => ({ rows: f.rows, kind: f.kind.toLowerCase(), message: `${t(`finding.${f.kind}`)}: ${f.message}` })));
}

function tableView(table, editable, number, state, msgs) {
  const status = h('span.unsaved', { 'aria-live': 'polite' });
  const grid = gridOf(table, editable, state, () => { status.textContent = t('grid.unsaved'); });
  const save = h('button.primary', { type: 'button', id: 'save-table' }, t('grid.save'));
  save.addEventListener('click', () => busy(save, msgs, async () => {
    if (grid.invalid()) {
      msgs.error({ title: t('grid.fixFirst') });
      return;
    }
    try {
      await saveTable(number, table.file, { sheet: table.sheet, table: table.table, rows: grid.rows() });
      setUnsaved(`${table.file}#${table.table}`, false);
      status.textContent = '';
      msgs.ok(t('grid.saved', { table: table.table }));
    } catch (err) {
      grid.showErrors(err.errors);
      msgs.replaceChildren(problemDetails(err));
    }
  }));
  const file = h('input', { type: 'file', accept: table.file.endsWith('.csv') ? '.csv' : '.xlsx,.xls' });
  const upload = h('button', { type: 'button' }, t('version.replaceFile'));
  upload.addEventListener('click', () => busy(upload, msgs, async () => {
    if (!file.files.length) throw new Error(t('policies.chooseFiles'));
    const form = new FormData();
    form.append('file', file.files[0], table.file);
    await uploadFile(number, table.file, form);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }));
  return h('section.table-view', { 'aria-labelledby': 'table-title' },
    h('h2', { id: 'table-title' }, table.table, h('small', ` ${table.file}${table.sheet ? ` · ${table.sheet}` : ''}`)),
    table.notes ? h('p.notes', table.notes) : null,
    h('div.toolbar',
      editable ? [
        h('button', { type: 'button', id: 'add-row', onclick: () => grid.addRow() }, t('grid.addRow')),
        h('button', { type: 'button', id: 'remove-row', onclick: () => grid.removeRow() }, t('grid.removeRow')),
        h('button', { type: 'button', id: 'undo', 'aria-keyshortcuts': 'Control+Z',
          onclick: () => { if (grid.undo()) status.textContent = t('grid.undone'); } }, t('grid.undo')),
        save, status] : null,
      h('button', { type: 'button', onclick: () => downloadFile(number, table.file) },
        t('version.download', { file: table.file }))),
    editable ? h('p.hint', t('grid.keys'), ' ', t('grid.undoHint')) : null,
    h('div.grid-scroll', grid.element),
    // Behind its own labelled summary: Tab out of the grid lands on it, not on a bare file input.
    editable ? h('details.replace-file', h('summary', t('version.replaceSummary', { file: table.file })),
      h('div.toolbar', field(t('version.replaceLabel', { file: table.file }), file), upload)) : null);
}
