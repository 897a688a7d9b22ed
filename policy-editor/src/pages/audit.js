// Audit: search the recorded decisions with the audit API's filters, open one with its full record and
// trace, replay it, compare with another version, verify the hash chain over a range, export CSV.
import { exportCsv, replay as replayDecision, searchDecisions, verifyChain, whatIf as whatIfDecision } from '../api/audit.js';
import { decision } from '../api/decisions.js';
import { listVersions } from '../api/policies.js';
import { dateField } from '../date-input.js';
import { clear, field, fmtDate, h, setFieldError } from '../dom.js';
import { money, number, parseAmount } from '../format.js';
import { t } from '../i18n.js';
import { known, label, options, reasonText } from '../labels.js';
import { busy, errorBox, messages, okBox } from '../ui.js';

const FILTERS = ['customer', 'orderId', 'requestId', 'type', 'outcome', 'reasonCode', 'firedRule', 'policyVersion',
  'caller', 'minAmount', 'maxAmount'];

export async function audit(root, ctx) {
  const msgs = messages();
  const inputs = Object.fromEntries(FILTERS.map((f) => [f, h('input', { name: f, id: `audit-${f}` })]));
  // Codes are picked from their labels (the service filters by code); amounts and dates are typed in the page's language.
  const pick = (name, kind) => h('select', { name, id: `audit-${name}` }, h('option', { value: '' }, t('holds.all')),
    options(kind).sort((a, b) => a[1].localeCompare(b[1])).map(([code, text]) => h('option', { value: code }, text)));
  inputs.type = pick('type', 'type');
  inputs.outcome = pick('outcome', 'outcome');
  inputs.reasonCode = pick('reasonCode', 'reason');
  inputs.minAmount.setAttribute('inputmode', 'decimal');
  inputs.maxAmount.setAttribute('inputmode', 'decimal');
  const from = dateField({ id: 'audit-from', name: 'from' });
  const to = dateField({ id: 'audit-to', name: 'to' });
  const results = h('div.audit-results');
  const detail = h('div.audit-detail');
  let cursor = null;

  /** The filters as the API takes them; what cannot be read is marked on its field and stops the search. */
  const query = () => {
    const q = new URLSearchParams();
    const unread = [];
    const read = (el, parse) => {
      try {
        setFieldError(el, '');
        return parse();
      } catch (err) {
        setFieldError(el, err.message);
        unread.push(err);
        return null;
      }
    };
    for (const [k, el] of Object.entries(inputs)) {
      const value = ['minAmount', 'maxAmount'].includes(k) ? read(el, () => parseAmount(el.value)) : el.value.trim();
      if (value) q.set(k, value);
    }
    const fromValue = read(from, () => from.read());
    const toValue = read(to, () => to.read());
    if (fromValue) q.set('from', fromValue);
    if (toValue) q.set('to', toValue);
    if (unread.length) throw Object.assign(new Error(unread[0].message), { title: t('audit.unreadable'), errors: [] });
    return q;
  };
  const search = async (more) => {
    const q = query();
    q.set('size', '50');
    if (more && cursor) q.set('cursor', cursor);
    const page = await searchDecisions(q);
    cursor = page.nextCursor;
    const rows = page.items.map((d) => h('tr', { dataset: { decision: d.decisionId } },
      h('td', h('a', { href: `#/audit/${d.decisionId}` }, String(d.decisionId).slice(0, 13))),
      h('td', fmtDate(d.receivedAt)), h('td', label('type', d.type)), h('td', label('outcome', d.outcome)),
      h('td', d.customerId || ''), h('td', d.orderId || ''), h('td.num', money(d.amount, d.currency)),
      h('td', d.policy?.version || d.policyVersion || ''), h('td', d.caller || '')));
    if (more) {
      results.querySelector('tbody').append(...rows);
    } else {
      clear(results, h('table.data', { 'aria-label': t('audit.results') },
        h('thead', h('tr', ['audit.decision', 'audit.when', 'audit.type', 'audit.outcome', 'audit.customer', 'audit.order', 'audit.amount', 'audit.policy', 'audit.caller']
          .map((k) => h('th', { scope: 'col' }, t(k))))), h('tbody', rows)));
    }
    results.querySelector('.more')?.remove();
    if (cursor) results.append(h('button.more', { type: 'button', onclick: () => search(true).catch((e) => msgs.error(e)) }, t('audit.more')));
    if (!page.items.length && !more) clear(results, h('p.muted', t('audit.none')));
  };
  const searchButton = h('button.primary', { type: 'submit', id: 'audit-search' }, t('audit.search'));
  const form = h('form.filters', {
    'aria-label': t('audit.filters'),
    onsubmit: (e) => { e.preventDefault(); busy(searchButton, msgs, () => search(false)); },
  },
  h('div.grid-fields', Object.entries(inputs).map(([k, el]) => field(t(`audit.f.${k}`), el)),
    field(t('audit.from'), from), field(t('audit.to'), to)),
  h('div.buttons', searchButton,
    h('button', { type: 'button', id: 'export-csv', onclick: (e) => busy(e.target, msgs, () => exportCsv(query(), 'decisions.csv')) }, t('audit.exportCsv'))));

  clear(root, h('h1', t('nav.audit')), msgs, verifyForm(), form, results, detail);
  if (ctx.params[0]) {
    await showDecision(detail, ctx.params[0]);
    detail.scrollIntoView();
  } else {
    await busy(searchButton, msgs, () => search(false));
  }
}

function verifyForm() {
  const from = dateField({ id: 'verify-from' });
  const to = dateField({ id: 'verify-to' });
  const out = h('div', { 'aria-live': 'polite', id: 'verify-result' });
  const go = h('button', { type: 'submit', id: 'verify-chain' }, t('audit.verify'));
  return h('form.verify', {
    'aria-label': t('audit.verify'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(go, null, async () => {
        const q = new URLSearchParams();
        try {
          for (const [name, el] of [['from', from], ['to', to]]) {
            setFieldError(el, '');
            try {
              const v = el.read();
              if (v) q.set(name, v);
            } catch (err) {
              setFieldError(el, err.message);
              throw err;
            }
          }
          const r = await verifyChain(q);
          clear(out, r.valid ? okBox(t('audit.chainValid', { n: number(r.checked), first: number(r.firstSeq), last: number(r.lastSeq) }))
            : h('div.notice.error', { role: 'alert' }, t('audit.chainBroken', { n: number(r.checked) }),
              r.firstProblem ? h('p', JSON.stringify(r.firstProblem)) : null));
        } catch (err) {
          clear(out, errorBox(err));
        }
      });
    },
  }, h('h2', t('audit.verify')), h('div.three', field(t('audit.from'), from), field(t('audit.to'), to), go), out);
}

/** A replayed figure: an outcome by its label, a number in the page's language, anything else as recorded. */
function shownValue(v) {
  if (typeof v === 'string' && known('outcome', v)) return label('outcome', v);
  if (typeof v === 'number') return number(v);
  return v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The order amount and currency of a decision, from its line in the audit search (the decision's answer has neither). */
async function orderAmount(d) {
  if (!d.requestId && !d.orderId) return null;
  const q = new URLSearchParams({ size: '20' });
  if (d.requestId) q.set('requestId', d.requestId); else q.set('orderId', d.orderId);
  const page = await searchDecisions(q).catch(() => ({ items: [] }));
  return (page.items || []).find((x) => x.decisionId === d.decisionId) || null;
}

async function showDecision(el, id) {
  const d = await decision(id);
  const line = await orderAmount(d);
  const currency = line?.currency || 'EUR';
  const replayOut = h('div.replay', { 'aria-live': 'polite' });
  const replay = h('button.primary', { type: 'button', id: 'replay' }, t('audit.replay'));
  const versions = await listVersions().catch(() => []);
  const whatIfVersion = h('select', { id: 'whatif-version' }, versions.map((v) => h('option', { value: String(v.number) }, `${t('policy.version')} ${v.number}`)));
  const whatIf = h('button', { type: 'button', id: 'what-if' }, t('audit.whatIf'));
  const showComparison = (r) => clear(replayOut,
    r.identical ? okBox(t('audit.identical', { recorded: r.recordedPolicy?.number ?? r.recordedPolicy?.label ?? '', replayed: r.replayPolicy?.number ?? '' }))
      : h('div.notice.warn', { role: 'status' }, t('audit.different', { n: (r.differences || []).length })),
    (r.differences || []).length ? h('table.data', { 'aria-label': t('audit.differences') },
      h('thead', h('tr', ['audit.field', 'audit.recorded', 'audit.replayed'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', r.differences.map((x) => h('tr', h('td', x.field), h('td', shownValue(x.recorded)), h('td', shownValue(x.replayed)))))) : null);
  replay.addEventListener('click', () => busy(replay, null, async () => {
    try { showComparison(await replayDecision(id)); } catch (err) { clear(replayOut, errorBox(err)); }
  }));
  whatIf.addEventListener('click', () => busy(whatIf, null, async () => {
    try { showComparison(await whatIfDecision(id, whatIfVersion.value)); } catch (err) { clear(replayOut, errorBox(err)); }
  }));
  clear(el, h('section.card', { 'aria-labelledby': 'decision-title', id: 'decision-record' },
    h('h2', { id: 'decision-title' }, t('audit.decisionTitle', { id })),
    h('dl.figures',
      ...[['audit.type', label('type', d.type)], ['audit.outcome', label('outcome', d.outcome)], ['audit.when', fmtDate(d.decidedAt)],
        ['audit.customer', d.customerId], ['audit.order', d.orderId], ['audit.orderAmount', line ? money(line.amount, currency) : ''],
        ['figure.score', number(d.score)], ['figure.riskClass', d.riskClass],
        ['figure.recommendedLimit', money(d.recommendedLimit, currency)], ['audit.internalLimit', money(d.internalLimit, currency)],
        ['audit.insuredLimit', money(d.insuredLimit, currency)], ['figure.exposureAfterOrder', money(d.exposureAfterOrder, currency)],
        ['figure.availableCredit', money(d.availableCredit, currency)], ['figure.approvalLevel', label('approvalLevel', d.approvalLevel)],
        ['audit.policy', d.policy ? `${d.policy.id} ${d.policy.version} · ${String(d.policy.contentHash).slice(0, 12)}` : '']]
        .filter(([, v]) => v !== undefined && v !== null && v !== '').flatMap(([k, v]) => [h('dt', t(k)), h('dd', String(v))])),
    h('h3', t('audit.trace')),
    h('ol.trace', (d.reasons || []).map((r) => h('li', { dataset: { reason: r.code } }, reasonText(r), ' ', h('code.reason-code', r.code),
      r.source ? h('small', ` — ${r.source.rule} · ${r.source.file}${r.source.row ? ` ${t('grid.row')} ${r.source.row}` : ''}`) : null))),
    h('details', h('summary', t('audit.fullRecord')), h('pre.json', JSON.stringify(d, null, 2))),
    h('div.buttons', replay, field(t('audit.whatIfVersion'), whatIfVersion), whatIf),
    replayOut));
}
