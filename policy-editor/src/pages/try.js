// Try it: a request for any of the four decisions, as a form or as JSON, evaluated against a chosen version
// without being recorded; the result, and the table rows that fired highlighted in their tables.
import orderCheck from '../../../decision-service/src/main/resources/openapi/examples/requests/orderCheck.json';
import customerScore from '../../../decision-service/src/main/resources/openapi/examples/requests/customerScore.json';
import paymentTerms from '../../../decision-service/src/main/resources/openapi/examples/requests/paymentTerms.json';
import dunning from '../../../decision-service/src/main/resources/openapi/examples/requests/dunning.json';
import { evaluate as evaluateRequest, listVersions, tables as versionTables } from '../api/policies.js';
import { clear, field, h, setFieldError } from '../dom.js';
import { money, number, parseNumber, percent } from '../format.js';
import { tableGrid } from '../grid.js';
import { t } from '../i18n.js';
import { label, reasonText } from '../labels.js';
import { fieldName } from './try-fields.js';
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
  const type = h('select', { id: 'try-type' }, Object.keys(EXAMPLES).map((k) => h('option', { value: k }, label('type', k))));
  const version = h('select', { id: 'try-version' }, versions.slice().reverse().map((v) => h('option', { value: String(v.number) },
    `${t('policy.version')} ${v.number} · ${label('status', v.status)}${v.active ? ` (${t('policy.inForce')})` : ''}`)));
  version.value = String((versions.find((v) => v.active) || versions[versions.length - 1]).number);
  const json = h('textarea.json', { id: 'try-json', rows: 18, spellcheck: 'false' });
  // The whole request stays visible (the order and the exposure first), not clipped in a scrolling box.
  const formHost = h('div.request-form.unclipped');
  const result = h('div.try-result', { 'aria-live': 'polite' });
  let request = structuredClone(EXAMPLES.ORDER_CHECK);
  let inputs = new Map();

  const renderForm = () => {
    inputs = new Map();
    const groups = new Map();
    for (const [path, value] of leaves(request)) {
      const top = path.split(/[.[]/)[0];
      const shown = typeof value === 'number' ? number(value, 6) : value === null || value === undefined ? '' : String(value);
      const input = h('input', { name: path, value: shown, title: path, dataset: { kind: typeof value } });
      input.addEventListener('change', () => {
        const raw = input.value.trim();
        let v;
        try {
          // A number typed in the page's language: "2,40", "10 000" in French.
          v = input.dataset.kind === 'number' ? parseNumber(raw)
            : input.dataset.kind === 'boolean' ? raw === 'true' : raw === '' && value === null ? null : raw;
          setFieldError(input, '');
        } catch (err) {
          setFieldError(input, err.message);
          return;
        }
        setPath(request, path, v);
        json.value = JSON.stringify(request, null, 2);
      });
      inputs.set(path, input);
      if (!groups.has(top)) groups.set(top, []);
      const inner = path.slice(top.length).replace(/^\./, '');
      groups.get(top).push(field(inner ? inner.split('.').map(fieldName).join(' · ') : fieldName(top), input));
    }
    const first = ['order', 'exposure'];
    const ordered = [...groups].sort(([a], [b]) => (first.includes(b) ? 1 : 0) - (first.includes(a) ? 1 : 0)
      || first.indexOf(a) - first.indexOf(b));
    clear(formHost, ...ordered.map(([top, fields]) => h('fieldset', { dataset: { group: top } }, h('legend', fieldName(top)),
      h('div.request-fields', fields))));
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
          await showResult(result, answer, version.value, request.order?.currency || request.currency || 'EUR');
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

/** A figure of the result in the page's language: amounts with the request's currency, codes by their label. */
function figure(k, v, currency) {
  if (['recommendedLimit', 'availableCredit', 'exposureAfterOrder'].includes(k)) return money(v, currency);
  if (k === 'depositPercent') return percent(v);
  if (k === 'approvalLevel') return label('approvalLevel', v);
  if (k === 'outcome') return label('outcome', v);
  return typeof v === 'number' ? number(v) : String(v);
}

async function showResult(el, answer, versionNumber, currency = 'EUR') {
  const figures = ['outcome', 'score', 'riskClass', 'recommendedLimit', 'availableCredit', 'exposureAfterOrder',
    'approvalLevel', 'depositPercent'].filter((k) => answer[k] !== undefined && answer[k] !== null);
  const fired = firedRows(answer);
  const tables = fired.length ? (await versionTables(versionNumber)).tables : [];
  const firedTables = tables.filter((tb) => fired.some((f) => f.file === tb.file && f.table === tb.table));
  clear(el,
    h('h2', t('try.result')),
    h('p.outcome', { id: 'try-outcome' }, h(`span.badge.o-${String(answer.outcome).toLowerCase()}`, label('outcome', answer.outcome))),
    h('dl.figures', figures.flatMap((k) => [h('dt', t(`figure.${k}`)),
      h('dd', { dataset: { figure: k } }, figure(k, answer[k], currency))])),
    answer.dunningStep ? h('p', `${t('figure.dunningStep')}: ${JSON.stringify(answer.dunningStep)}`) : null,
    h('h3', t('try.reasons')),
    h('ul.reasons', (answer.reasons || []).map((r) => h('li', { dataset: { reason: r.code } }, reasonText(r), ' ', h('code.reason-code', r.code),
      r.source ? h('small', ` — ${r.source.file}${r.source.row ? ` ${t('grid.row')} ${r.source.row}` : ` “${r.source.rule}”`}`) : null))),
    firedTables.length ? h('h3', t('try.fired')) : null,
    ...firedTables.map((tb) => {
      const grid = tableGrid(tb, { label: tb.table });
      grid.highlight(fired.filter((f) => f.file === tb.file && f.table === tb.table).map((f) => f.row));
      return h('section.fired-table', h('h4', tb.table, h('small', ` ${tb.file}`)), h('div.grid-scroll', grid.element));
    }));
}
