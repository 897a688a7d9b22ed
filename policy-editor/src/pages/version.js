// One policy version: its decision tables as grids, parameters, DRL, checks, diff, history, and the review
// actions the caller's role allows in its status.
import { api, download } from '../api.js';
import { drlEditor } from '../drl.js';
import { clear, field, fmtDate, h, setFieldError } from '../dom.js';
import { tableGrid } from '../grid.js';
import { t } from '../i18n.js';
import { badge, busy, errorBox, messages, okBox, tabs } from '../ui.js';
import { backtestSummary, backtestTab, latestBacktest } from './backtest.js';

export async function policyVersion(root, ctx) {
  const number = Number(ctx.params[0]);
  const [version, contents] = await Promise.all([
    api(`/api/v1/policies/${number}`), api(`/api/v1/policies/${number}/tables`)]);
  const editable = version.status === 'DRAFT' && ctx.has('CREDIT_COMMITTEE');
  const msgs = messages();
  const state = { grids: new Map(), errors: [], findings: [] };
  const panel = h('div.tab-panel', { role: 'tabpanel' });

  const sections = [
    { id: 'tables', label: t('version.tables'), show: () => tablesTab(panel, contents, editable, number, state, msgs) },
    { id: 'parameters', label: t('version.parameters'), show: () => parametersTab(panel, contents, editable, number, msgs) },
    { id: 'rules', label: t('version.rules'), show: () => rulesTab(panel, contents, editable, number, msgs) },
    { id: 'checks', label: t('version.checks'), show: () => checksTab(panel, number, state, msgs) },
    { id: 'backtest', label: t('version.backtest'), show: () => backtestTab(panel, number, ctx, msgs).catch((e) => msgs.error(e)) },
    { id: 'diff', label: t('version.diff'), show: () => diffTab(panel, number, version) },
    { id: 'history', label: t('version.history'), show: () => historyTab(panel, number) },
  ];
  const bar = tabs(sections, (s) => { msgs.clear(); panel.setAttribute('aria-labelledby', `tab-${s.id}`); s.show(); });

  clear(root,
    h('p', h('a', { href: '#/policies' }, `← ${t('nav.policies')}`)),
    h('h1', `${t('policy.version')} ${number} `, badge(version.status),
      version.active && version.status !== 'ACTIVE' ? h('span.badge.s-in-force', t('policy.inForce')) : null),
    h('p.meta', t('version.meta', { author: version.author, when: fmtDate(version.createdAt) }),
      version.basedOn ? ` · ${t('version.basedOn', { n: version.basedOn })}` : '',
      version.approvals?.length ? ` · ${t('version.approvedBy', { who: version.approvals.map((a) => a.by).join(', ') })}` : '',
      version.rejection ? ` · ${t('version.rejectedBy', { who: version.rejection.by, reason: version.rejection.reason || '' })}` : ''),
    reviewActions(version, ctx, msgs),
    approvalEvidence(version, ctx),
    msgs,
    bar,
    panel);
  bar.select(0);
}

function reviewActions(version, ctx, msgs) {
  if (!ctx.has('CREDIT_COMMITTEE')) return null;
  const n = version.number;
  const comment = h('input', { name: 'comment', id: 'review-comment' });
  const buttons = [];
  const act = (label, id, path, body) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => busy(b, null, async () => {
      setFieldError(comment, '');
      try {
        await api(path, { method: 'POST', json: body() });
        location.hash = `#/policies/${n}`;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (err) {
        msgs.replaceChildren(problemDetails(err));
        if (err.errors.some((e) => e.field === 'reason' || e.field === 'comment')) setFieldError(comment, err.message);
      }
    }));
    buttons.push(b);
  };
  if (version.status === 'DRAFT') act(t('action.submit'), 'submit', `/api/v1/policies/${n}/submit`, () => ({ comment: comment.value }));
  if (version.status === 'SUBMITTED') {
    act(t('action.approve'), 'approve', `/api/v1/policies/${n}/approve`, () => ({ comment: comment.value }));
    act(t('action.reject'), 'reject', `/api/v1/policies/${n}/reject`, () => ({ reason: comment.value }));
  }
  if (version.status === 'APPROVED') act(t('action.activate'), 'activate', `/api/v1/policies/${n}/activate`, () => ({ comment: comment.value }));
  if (version.active) act(t('action.rollback'), 'rollback', '/api/v1/policies/rollback', () => ({ comment: comment.value }));
  if (!buttons.length) return null;
  return h('div.review', { role: 'group', 'aria-label': t('version.review') }, field(t('version.comment'), comment), h('div.buttons', buttons));
}

/**
 * What the four-eyes reviewer weighs before approving a submitted version, side by side: its scenarios, the
 * latest simulation and the latest back-test of this version.
 */
function approvalEvidence(version, ctx) {
  if (version.status !== 'SUBMITTED' || !ctx.has('CREDIT_COMMITTEE')) return null;
  const n = version.number;
  const scenarios = h('div.evidence', { id: 'evidence-scenarios' }, h('h3', t('evidence.scenarios')), h('p.muted', t('loading')));
  const simulation = h('div.evidence', { id: 'evidence-simulation' }, h('h3', t('evidence.simulation')), h('p.muted', t('loading')));
  const backtest = h('div.evidence', { id: 'evidence-backtest' }, h('h3', t('evidence.backtest')), h('p.muted', t('loading')));
  const fill = (el, promise) => promise.then((content) => el.replaceChildren(el.firstChild, content))
    .catch((err) => el.replaceChildren(el.firstChild, errorBox(err)));
  fill(scenarios, api(`/api/v1/policies/${n}/scenario-results`).then((r) => h(`div.notice.${r.failed ? 'error' : 'ok'}`,
    { role: 'status' }, t('check.scenarioSummary', { passed: r.passed, failed: r.failed }))));
  fill(simulation, api('/api/v1/simulations').then((list) => {
    const s = (Array.isArray(list) ? list : []).find((x) => x.version === n);
    return s ? h('p', h('a', { href: '#/simulation' }, `${fmtDate(s.from)} → ${fmtDate(s.to)}`), ' ', badge(s.status))
      : h('p.muted', t('evidence.noSimulation'));
  }));
  fill(backtest, latestBacktest(n).then((b) => (b ? backtestSummary(b) : h('p.muted', t('bt.none')))));
  return h('section.approval-evidence', { 'aria-label': t('evidence.title') }, h('h2', t('evidence.title')),
    h('div.three', scenarios, simulation, backtest));
}

/** An API refusal with everything it lists: compile errors and failing scenarios are both in `errors`. */
function problemDetails(err) {
  const box = errorBox(err);
  const list = err.errors.map((e) => `${e.location || e.field || ''}: ${e.message || e.reason}`);
  if (list.length) box.append(h('ul', list.map((s) => h('li', s))));
  return box;
}

function tablesTab(panel, contents, editable, number, state, msgs) {
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
    const grid = tableGrid(table, { editable, onChange, label: table.table });
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
      await api(`/api/v1/policies/${number}/tables/${encodeURIComponent(table.file)}`, {
        method: 'PUT', json: { sheet: table.sheet, table: table.table, rows: grid.rows() },
      });
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
    await api(`/api/v1/policies/${number}/files/${encodeURIComponent(table.file)}`, { method: 'PUT', body: form });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }));
  return h('section.table-view', { 'aria-labelledby': 'table-title' },
    h('h2', { id: 'table-title' }, table.table, h('small', ` ${table.file}${table.sheet ? ` · ${table.sheet}` : ''}`)),
    table.notes ? h('p.notes', table.notes) : null,
    h('div.toolbar',
      editable ? [
        h('button', { type: 'button', id: 'add-row', onclick: () => grid.addRow() }, t('grid.addRow')),
        h('button', { type: 'button', id: 'remove-row', onclick: () => grid.removeRow() }, t('grid.removeRow')),
        save, status] : null,
      h('button', { type: 'button', onclick: () => download(`/api/v1/policies/${number}/files/${encodeURIComponent(table.file)}`, table.file) },
        t('version.download', { file: table.file }))),
    editable ? h('p.hint', t('grid.keys')) : null,
    h('div.grid-scroll', grid.element),
    editable ? h('div.toolbar', field(t('version.replaceLabel', { file: table.file }), file), upload) : null);
}

function parametersTab(panel, contents, editable, number, msgs) {
  const params = contents.parameters;
  if (!params) {
    clear(panel, h('p.muted', t('version.noParameters')));
    return;
  }
  const inputs = params.rows.map((row) => {
    const [name, value, unit, description] = row.cells;
    const input = h('input', { name, value, readonly: !editable, dataset: { unit } });
    return { name, unit, description, input };
  });
  const save = h('button.primary', { type: 'submit', id: 'save-parameters' }, t('version.saveParameters'));
  const form = h('form.parameters', {
    'aria-label': t('version.parameters'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(save, msgs, async () => {
        inputs.forEach((p) => setFieldError(p.input, ''));
        try {
          await api(`/api/v1/policies/${number}/parameters`, {
            method: 'PUT', json: inputs.map((p) => ({ name: p.name, value: p.input.value, unit: p.unit, description: p.description })),
          });
          msgs.ok(t('version.parametersSaved'));
        } catch (err) {
          for (const e2 of err.errors) {
            const i = e2.rowIndex ?? (e2.row ? e2.row - params.firstRow : -1);
            if (inputs[i]) setFieldError(inputs[i].input, e2.message);
          }
          msgs.replaceChildren(problemDetails(err));
        }
      });
    },
  },
  inputs.map((p) => field(`${p.name}${p.unit ? ` (${p.unit})` : ''}`, p.input, p.description)),
  editable ? save : null);
  clear(panel, form);
}

function rulesTab(panel, contents, editable, number, msgs) {
  clear(panel, ...contents.rules.map((rule) => {
    const editor = drlEditor({ value: rule.text, label: t('version.drlLabel', { file: rule.file }), readOnly: !editable });
    const save = h('button.primary', { type: 'button' }, t('version.saveDrl'));
    save.addEventListener('click', () => busy(save, msgs, async () => {
      editor.clearMarks();
      await api(`/api/v1/policies/${number}/files/${encodeURIComponent(rule.file)}`, {
        method: 'PUT', body: editor.value, contentType: 'text/plain;charset=UTF-8',
      });
      const check = await api(`/api/v1/policies/${number}/validation`);
      const mine = check.errors.filter((e) => e.file === rule.file);
      mine.forEach((e) => e.line && editor.markLine(e.line, e.message));
      if (mine.length) msgs.replaceChildren(problemDetails({ title: t('version.drlErrors'), message: '', errors: mine }));
      else msgs.ok(t('version.drlSaved', { file: rule.file }));
    }));
    return h('section.drl', h('h2', rule.file), editor, editable ? h('div.toolbar', save) : null);
  }));
}

function checksTab(panel, number, state, msgs) {
  // One place per check, so the three results stay on the page together.
  const compiled = h('div', { id: 'validation-result', 'aria-live': 'polite' });
  const verified = h('div', { id: 'verification-result', 'aria-live': 'polite' });
  const scenarioOut = h('div', { id: 'scenario-result', 'aria-live': 'polite' });
  const out = h('div.check-results', compiled, verified, scenarioOut);
  const validate = h('button', { type: 'button', id: 'validate' }, t('check.validate'));
  const verify = h('button', { type: 'button', id: 'verify' }, t('check.verify'));
  const scenarios = h('button', { type: 'button', id: 'run-scenarios' }, t('check.scenarios'));
  validate.addEventListener('click', () => busy(validate, msgs, async () => {
    const r = await api(`/api/v1/policies/${number}/validation`);
    state.errors = r.errors;
    clear(compiled, r.compiles ? okBox(t('check.compiles')) : h('div.notice.error', { role: 'alert' }, t('check.errors', { n: r.errors.length }),
      h('ul', r.errors.map((e) => h('li', `${e.location}: ${e.message}`)))));
  }));
  verify.addEventListener('click', () => busy(verify, msgs, async () => {
    const r = await api(`/api/v1/policies/${number}/verification`);
    state.findings = r.findings;
    clear(verified, r.findings.length ? h('div.notice.warn', { role: 'status' }, t('check.findings', { n: r.findings.length }),
      h('ul', r.findings.map((f) => h('li', `${t(`finding.${f.kind}`)} · ${f.table} ${f.rows.length ? `${t('grid.rows')} ${f.rows.join(', ')}` : ''}: ${f.message}`))),
      h('p.hint', t('check.onRows'))) : okBox(t('check.noFindings')));
  }));
  scenarios.addEventListener('click', () => busy(scenarios, msgs, async () => {
    const r = await api(`/api/v1/policies/${number}/scenario-results`);
    clear(scenarioOut, h(`div.notice.${r.failed ? 'error' : 'ok'}`, { role: 'status', id: 'scenario-summary' },
      t('check.scenarioSummary', { passed: r.passed, failed: r.failed })),
    h('table.data', { 'aria-label': t('check.scenarios') },
      h('thead', h('tr', ['check.id', 'check.decision', 'check.description', 'check.result'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', r.scenarios.slice().sort((a, b) => Number(a.passed) - Number(b.passed)).map((s) => h(`tr.${s.passed ? 'pass' : 'fail'}`,
        h('td', s.id), h('td', s.decision), h('td', s.description),
        h('td', s.passed ? t('check.pass') : h('span', `${t('check.fail')}: ${(s.failures || []).join('; ')}`)))))));
  }));
  clear(panel, h('div.toolbar', validate, verify, scenarios), out);
}

async function diffTab(panel, number, version) {
  const versions = await api('/api/v1/policies');
  const active = versions.find((v) => v.active);
  const against = h('select', { id: 'diff-against' }, versions.filter((v) => v.number !== number)
    .map((v) => h('option', { value: String(v.number) }, `${t('policy.version')} ${v.number}${v.active ? ` (${t('policy.inForce')})` : ''}`)));
  against.value = String(active && active.number !== number ? active.number : version.basedOn || '');
  const out = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    try {
      const changes = await api(`/api/v1/policies/${against.value}/diff/${number}`);
      clear(out, changes.length ? h('table.data.diff', { 'aria-label': t('version.diff') },
        h('thead', h('tr', ['diff.file', 'diff.kind', 'diff.where', 'diff.before', 'diff.after'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', changes.map((c) => h('tr', h('td', c.file), h('td', t(`diff.${c.kind}`)), h('td', c.where),
          h('td.before', c.before ?? ''), h('td.after', c.after ?? ''))))) : h('p.muted', t('diff.none')));
    } catch (err) {
      clear(out, errorBox(err));
    }
  };
  against.addEventListener('change', load);
  clear(panel, field(t('diff.against'), against), out);
  if (against.value) await load();
}

async function historyTab(panel, number) {
  const actions = await api(`/api/v1/policies/${number}/actions`);
  clear(panel, h('table.data', { 'aria-label': t('version.history') },
    h('thead', h('tr', ['history.when', 'history.action', 'history.by', 'history.comment'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', actions.map((a) => h('tr', h('td', fmtDate(a.at)), h('td', a.action), h('td', a.by), h('td', a.comment || ''))))));
}
