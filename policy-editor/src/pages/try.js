// Try it: a request for any of the four decisions, as a form or as JSON, evaluated against a chosen version
// without being recorded; the result, and the table rows that fired highlighted in their tables.
import orderCheck from '../../../decision-service/src/main/resources/openapi/examples/requests/orderCheck.json';
import customerScore from '../../../decision-service/src/main/resources/openapi/examples/requests/customerScore.json';
import paymentTerms from '../../../decision-service/src/main/resources/openapi/examples/requests/paymentTerms.json';
import dunning from '../../../decision-service/src/main/resources/openapi/examples/requests/dunning.json';
import { evaluate as evaluateRequest, listVersions, tables as versionTables } from '../api/policies.js';
import { clear, field, fmtAmount, h, setFieldError } from '../dom.js';
import { tableGrid } from '../grid.js';
import { t } from '../i18n.js';
import { busy, messages } from '../ui.js';

const EXAMPLES = { ORDER_CHECK: orderCheck, CUSTOMER_SCORE: customerScore, PAYMENT_TERMS: paymentTerms, DUNNING: dunning };

/** Every leaf of a JSON object as [path, value]: customer.creditAccount.status, invoices[0].amount. */
function leaves(value, path = '') {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

function setPath(obj, path, value) {
  const parts = path.match(/[^.[\]]+/g);
  let o = obj;
  parts.slice(0, -1).forEach((p) => { o = o[p]; });
  o[parts[parts.length - 1]] = value;
}

/** The table rows a decision names: every {file, table, row} in its reasons and score lines. */
export function firedRows(result) {
  const found = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (v.file && v.table && v.row > 0) found.push({ file: v.file, table: v.table, row: v.row, rule: v.rule });
      Object.values(v).forEach(walk);
    }
  };
  walk(result);
  return found;
}

export async function tryIt(root) {
  const versions = await listVersions();
  const msgs = messages();
  const type = h('select', { id: 'try-type' }, Object.keys(EXAMPLES).map((k) => h('option', { value: k }, t(`type.${k}`))));
  const version = h('select', { id: 'try-version' }, versions.slice().reverse().map((v) => h('option', { value: String(v.number) },
    `${t('policy.version')} ${v.number} · ${t(`status.${v.status}`)}${v.active ? ` (${t('policy.inForce')})` : ''}`)));
  version.value = String((versions.find((v) => v.active) || versions[versions.length - 1]).number);
  const json = h('textarea.json', { id: 'try-json', rows: 18, spellcheck: 'false' });
  const formHost = h('div.request-form');
  const result = h('div.try-result', { 'aria-live': 'polite' });
  let request = structuredClone(EXAMPLES.ORDER_CHECK);
  let inputs = new Map();

  const renderForm = () => {
    inputs = new Map();
    const groups = new Map();
    for (const [path, value] of leaves(request)) {
      const top = path.split(/[.[]/)[0];
      const input = h('input', { name: path, value: value ?? '', title: path, dataset: { kind: typeof value } });
      input.addEventListener('change', () => {
        const raw = input.value.trim();
        const v = input.dataset.kind === 'number' && raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw)
          : input.dataset.kind === 'boolean' ? raw === 'true' : raw === '' && value === null ? null : raw;
        setPath(request, path, v);
        json.value = JSON.stringify(request, null, 2);
      });
      inputs.set(path, input);
      if (!groups.has(top)) groups.set(top, []);
      groups.get(top).push(field(path.slice(top.length).replace(/^\./, '') || top, input));
    }
    clear(formHost, ...[...groups].map(([top, fields]) => h('fieldset', h('legend', top), h('div.request-fields', fields))));
    json.value = JSON.stringify(request, null, 2);
  };
  json.addEventListener('change', () => {
    try {
      request = JSON.parse(json.value);
      setFieldError(json, '');
      renderForm();
    } catch (err) {
      setFieldError(json, t('try.badJson', { message: err.message }));
    }
  });
  type.addEventListener('change', () => { request = structuredClone(EXAMPLES[type.value]); renderForm(); clear(result); });

  const evaluate = h('button.primary', { type: 'submit', id: 'evaluate' }, t('try.evaluate'));
  const form = h('form.try', {
    'aria-label': t('nav.try'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(evaluate, msgs, async () => {
        msgs.clear();
        inputs.forEach((input) => setFieldError(input, ''));
        try {
          const answer = await evaluateRequest(version.value, type.value, request);
          await showResult(result, answer, version.value);
        } catch (err) {
          // Field problems name the JSON path: shown next to the form field concerned.
          for (const fe of err.errors) {
            const input = inputs.get(fe.field);
            if (input) setFieldError(input, fe.reason || fe.message);
          }
          throw err;
        }
      });
    },
  },
  h('div.two', field(t('try.type'), type), field(t('try.version'), version)),
  h('details', { open: true }, h('summary', t('try.form')), formHost),
  h('details', h('summary', t('try.json')), field(t('try.jsonLabel'), json)),
  evaluate);
  renderForm();
  clear(root, h('h1', t('nav.try')), h('p.hint', t('try.intro')), msgs, form, result);
}

async function showResult(el, answer, versionNumber) {
  const figures = ['outcome', 'score', 'riskClass', 'recommendedLimit', 'availableCredit', 'exposureAfterOrder',
    'approvalLevel', 'depositPercent'].filter((k) => answer[k] !== undefined && answer[k] !== null);
  const fired = firedRows(answer);
  const tables = fired.length ? (await versionTables(versionNumber)).tables : [];
  const firedTables = tables.filter((tb) => fired.some((f) => f.file === tb.file && f.table === tb.table));
  clear(el,
    h('h2', t('try.result')),
    h('p.outcome', { id: 'try-outcome' }, h(`span.badge.o-${String(answer.outcome).toLowerCase()}`, t(`outcome.${answer.outcome}`))),
    h('dl.figures', figures.flatMap((k) => [h('dt', t(`figure.${k}`)),
      h('dd', { dataset: { figure: k } }, typeof answer[k] === 'number' ? fmtAmount(answer[k]) : t(`outcome.${answer[k]}`))])),
    answer.dunningStep ? h('p', `${t('figure.dunningStep')}: ${JSON.stringify(answer.dunningStep)}`) : null,
    h('h3', t('try.reasons')),
    h('ul.reasons', (answer.reasons || []).map((r) => h('li', h('code', r.code), ` ${r.message}`,
      r.source ? h('small', ` — ${r.source.file}${r.source.row ? ` ${t('grid.row')} ${r.source.row}` : ` “${r.source.rule}”`}`) : null))),
    firedTables.length ? h('h3', t('try.fired')) : null,
    ...firedTables.map((tb) => {
      const grid = tableGrid(tb, { label: tb.table });
      grid.highlight(fired.filter((f) => f.file === tb.file && f.table === tb.table).map((f) => f.row));
      return h('section.fired-table', h('h4', tb.table, h('small', ` ${tb.file}`)), h('div.grid-scroll', grid.element));
    }));
}
