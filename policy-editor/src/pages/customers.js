// Customers: find an account by customer id or name; a customer's page shows the account and the insurer's
// cover, the limit and the insured limit against the exposure as a stacked bar by category, the open
// documents behind each figure, the ledger events, the decisions and holds about the customer, and the
// account's history. Each part is read on its own: one the service does not offer (yet) or refuses says so
// in its place, the others still show.
import { account, accountHistory, customerDecisions, exposure, ledgerEvents, listAccounts } from '../api/accounts.js';
import { listHolds } from '../api/holds.js';
import { stackedBar } from '../chart.js';
import { dateField } from '../date-input.js';
import { clear, field, h, setFieldError } from '../dom.js';
import { day, moment, money, number, percent } from '../format.js';
import { t } from '../i18n.js';
import { label, reasonText } from '../labels.js';
import { badge, busy, errorBox, messages } from '../ui.js';

/** The categories in the order the bar stacks them (those the total counts), then those shown only. */
const COUNTED = ['OPEN_ORDERS', 'APPROVED_NOT_BOOKED', 'SHIPPED_NOT_INVOICED', 'OPEN_INVOICES_NOT_DUE', 'OVERDUE'];
const SHOWN = ['OPEN_ORDERS_BEYOND_HORIZON', 'DISPUTED', 'UNALLOCATED_CASH'];
/** How many accounts a name search reads at most (the account list filters by fields, not by name). */
const SEARCH_PAGES = 4;
const PAGE_SIZE = 500;

export async function customers(root, ctx) {
  const msgs = messages();
  const query = h('input', { id: 'customer-query', type: 'search', autocomplete: 'off' });
  const results = h('div.customer-results');
  const detail = h('div.customer-detail');
  const go = h('button.primary', { type: 'submit', id: 'customer-search' }, t('customers.search'));
  const form = h('form.filters', {
    role: 'search', 'aria-label': t('customers.search'),
    onsubmit: (e) => {
      e.preventDefault();
      msgs.clear();
      busy(go, msgs, () => search(query.value.trim(), results, detail, ctx));
    },
  }, h('div.three', field(t('customers.query'), query, t('customers.queryHint')), h('div', go)));
  clear(root, h('h1', t('nav.customers')), msgs, form, results, detail);
  const customerId = ctx.params.length ? decodeURIComponent(ctx.params.join('/')) : '';
  if (customerId) {
    query.value = customerId;
    await showCustomer(detail, customerId, ctx);
  } else {
    query.focus();
  }
}

function accountBadge(status) {
  return h(`span.badge.a-${String(status).toLowerCase()}`, label('account', status));
}

/** Folds case and accents, so that "societe" finds "Société". */
const fold = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

async function search(text, results, detail, ctx) {
  clear(detail);
  if (!text) {
    clear(results);
    return;
  }
  const wanted = fold(text);
  const found = [];
  let after = null;
  for (let i = 0; i < SEARCH_PAGES; i += 1) {
    const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (after) q.set('after', after);
    const page = await listAccounts(q);
    found.push(...page.accounts.filter((a) => fold(a.customerId).includes(wanted) || fold(a.name).includes(wanted)));
    after = page.next;
    if (!after) break;
  }
  const exact = found.find((a) => a.customerId === text);
  if (found.length === 1 || exact) {
    const customerId = (exact || found[0]).customerId;
    const target = `#/customers/${encodeURIComponent(customerId)}`;
    clear(results);
    if (location.hash === target) await showCustomer(detail, customerId, ctx);
    else location.hash = target;
    return;
  }
  if (!found.length) {
    clear(results, h('p.muted', { role: 'status' }, t('customers.none', { text })));
    return;
  }
  clear(results, h('p.muted', { role: 'status' }, t(after ? 'customers.countPartial' : 'customers.count', { n: found.length })),
    h('table.data', { 'aria-label': t('customers.results') },
      h('thead', h('tr', ['customers.id', 'customers.name', 'policy.status', 'customers.limit', 'figure.riskClass']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', found.map((a) => h('tr', { dataset: { customer: a.customerId } },
        h('th', { scope: 'row' }, h('a', { href: `#/customers/${encodeURIComponent(a.customerId)}` }, a.customerId)),
        h('td', a.name || ''), h('td', accountBadge(a.status?.status)),
        h('td.num', money(a.internalLimit?.amount, a.currency)), h('td', a.assessment?.riskClass || ''))))));
}

async function showCustomer(el, customerId, ctx) {
  const acc = await account(customerId);
  const exposureBox = h('section.card', { 'aria-labelledby': 'exposure-title', id: 'customer-exposure' });
  const [history, events, decisions, holds] = await Promise.allSettled([accountHistory(customerId), ledgerEvents(customerId),
    customerDecisions(customerId), listHolds(new URLSearchParams({ customerId, size: '50', sort: 'openedAt', direction: 'desc' }))]);
  clear(el,
    h('h2#customer-title', { id: 'customer-title' }, acc.name ? `${acc.name} (${acc.customerId})` : acc.customerId, ' ',
      accountBadge(acc.status?.status)),
    accountCard(acc),
    exposureBox,
    section('events', t('customers.events'), events, (page) => eventsTable(page.events, acc.currency)),
    section('decisions', t('customers.decisions'), decisions, (page) => decisionsTable(page.decisions, ctx)),
    section('holds', t('nav.holds'), holds, (page) => holdsTable(page.holds, ctx)),
    section('history', t('version.history'), history, (changes) => historyTable(changes)));
  await showExposure(exposureBox, acc, '');
}

/** A card for one part of the page: its table, or the problem that kept it from loading. */
function section(id, title, settled, render) {
  return h('section.card', { 'aria-labelledby': `${id}-title`, id: `customer-${id}` },
    h('h3', { id: `${id}-title` }, title),
    settled.status === 'fulfilled' ? render(settled.value) : errorBox(settled.reason));
}

function accountCard(a) {
  const status = a.status || {};
  const limit = a.internalLimit;
  const cover = a.cover;
  const validity = (from, to) => (from || to ? t('customers.validity', { from: from ? day(from) : '…', to: to ? day(to) : '…' }) : '');
  const row = (key, value) => (value === '' || value === null || value === undefined ? null : [h('dt', t(key)), h('dd', value)]);
  return h('div.cards',
    h('section.card', { 'aria-labelledby': 'account-title', id: 'customer-account' },
      h('h3', { id: 'account-title' }, t('customers.account')),
      h('dl.figures',
        row('customers.id', a.customerId),
        row('customers.name', a.name),
        row('policy.status', status.reason ? `${label('account', status.status)} · ${status.reason}` : label('account', status.status)),
        row('customers.statusBy', status.setBy ? `${status.setBy} · ${moment(status.setAt)}` : ''),
        row('customers.sector', a.sector), row('customers.legalForm', a.legalForm), row('customers.country', a.country),
        row('customers.currency', a.currency),
        row('customers.terms', a.standardTermsDays == null ? '' : t('customers.days', { n: number(a.standardTermsDays) })),
        row('customers.limit', limit ? money(limit.amount, a.currency) : t('customers.noLimit')),
        row('customers.limitValidity', limit ? validity(limit.validFrom, limit.validTo) : ''),
        row('figure.score', a.assessment?.score == null ? '' : number(a.assessment.score)),
        row('figure.riskClass', a.assessment?.riskClass),
        row('customers.nextReview', day(a.nextReviewDate)),
        row('customers.parent', a.parentAccountId))),
    h('section.card', { 'aria-labelledby': 'cover-title', id: 'customer-cover' },
      h('h3', { id: 'cover-title' }, t('customers.cover')),
      cover ? h('dl.figures',
        row('customers.insurer', cover.insurer),
        row('customers.insured', money(cover.insuredAmount, a.currency)),
        row('customers.coverage', cover.coveragePercent == null ? '' : percent(cover.coveragePercent)),
        row('customers.coverValidity', validity(cover.validFrom, cover.validTo)),
        row('customers.maxTerms', cover.maxPaymentTermDays == null ? '' : t('customers.days', { n: number(cover.maxPaymentTermDays) })),
        row('customers.notification', cover.notificationDelayDays == null ? ''
          : t('customers.daysAfterDue', { n: number(cover.notificationDelayDays) })))
        : h('p.muted', t('customers.noCover'))));
}

async function showExposure(box, acc, asOf) {
  const date = dateField({ id: 'exposure-as-of', value: asOf, time: false });
  const go = h('button', { type: 'submit', id: 'exposure-show' }, t('customers.show'));
  const msgs = messages();
  const form = h('form.inline', {
    'aria-label': t('customers.asOf'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(go, msgs, () => {
        setFieldError(date, '');
        try {
          return showExposure(box, acc, date.read() || '');
        } catch (err) {
          setFieldError(date, err.message);
          throw err;
        }
      });
    },
  }, field(t('customers.asOf'), date), go);
  let body;
  try {
    body = exposureView(await exposure(acc.customerId, asOf), acc);
  } catch (err) {
    body = errorBox(err);
  }
  clear(box, h('h3', { id: 'exposure-title' }, t('customers.exposure')), form, msgs, body);
}

function exposureView(x, acc) {
  const currency = x.currency || acc.currency;
  const categoryLabel = (c) => label('exposure', c);
  const amountOf = (c) => Number(x.categories?.[c] ?? 0);
  const segments = COUNTED.map((c) => ({ key: c, label: categoryLabel(c), value: amountOf(c), text: money(amountOf(c), currency) }));
  const marks = [
    { key: 'limit', label: t('customers.limit'), value: x.limit == null ? null : Number(x.limit), text: money(x.limit, currency) },
    { key: 'insured', label: t('customers.insured'), value: x.insuredLimit == null ? null : Number(x.insuredLimit), text: money(x.insuredLimit, currency) },
  ];
  const parts = segments.filter((s) => s.value > 0).map((s) => `${s.label} ${s.text}`).join(', ');
  const description = t('customers.barText', {
    total: money(x.total, currency),
    parts: parts || t('customers.nothingOpen'),
    limit: x.limit == null ? t('customers.noLimit') : money(x.limit, currency),
    insured: x.insuredLimit == null ? t('customers.noCover') : money(x.insuredLimit, currency),
  });
  const figures = h('table.data.exposure-figures', { 'aria-label': t('customers.figures') },
    h('thead', h('tr', h('th', { scope: 'col' }, t('customers.category')), h('th.num', { scope: 'col' }, t('audit.amount')),
      h('th', { scope: 'col' }, t('customers.counted')))),
    h('tbody',
      [...COUNTED, ...SHOWN].map((c) => h('tr', { dataset: { category: c } }, h('th', { scope: 'row' }, categoryLabel(c)),
        h('td.num', money(amountOf(c), currency)),
        h('td', t(c === 'UNALLOCATED_CASH' ? 'customers.subtracted' : COUNTED.includes(c) ? 'customers.added' : 'customers.shownOnly')))),
      h('tr.total', { dataset: { category: 'TOTAL' } }, h('th', { scope: 'row' }, t('customers.total')), h('td.num', money(x.total, currency)), h('td')),
      h('tr', h('th', { scope: 'row' }, t('customers.limit')), h('td.num', x.limit == null ? t('customers.noLimit') : money(x.limit, currency)), h('td')),
      h('tr', h('th', { scope: 'row' }, t('customers.insured')), h('td.num', x.insuredLimit == null ? t('customers.noCover') : money(x.insuredLimit, currency)), h('td')),
      h('tr', { dataset: { category: 'AVAILABLE' } }, h('th', { scope: 'row' }, t('customers.available')), h('td.num', money(x.available, currency)), h('td'))));
  const lines = Object.entries(x.documents || {}).flatMap(([category, docs]) => docs.map((d) => ({ ...d, category })));
  const documents = lines.length
    ? h('table.data.open-documents', { 'aria-labelledby': 'documents-title' },
      h('thead', h('tr', ['customers.category', 'customers.document', 'customers.dated', 'audit.amount', 'customers.daysOverdue']
        .map((k) => h('th', { scope: 'col', class: k === 'audit.amount' || k === 'customers.daysOverdue' ? 'num' : null }, t(k))))),
      h('tbody', lines.map((d) => h('tr', { dataset: { document: d.documentId, category: d.category } },
        h('td', categoryLabel(d.category)), h('th', { scope: 'row' }, d.documentId), h('td', day(d.dated)),
        h('td.num', money(d.amount, currency)), h('td.num', d.daysOverdue ? number(d.daysOverdue) : '')))))
    : h('p.muted', t('customers.noDocuments'));
  return [
    h('p', { id: 'exposure-as-of-text' }, t('customers.asOfText', { day: day(x.asOf) })),
    stackedBar(segments, marks, t('customers.barTitle', { day: day(x.asOf) }), description),
    figures,
    h('h4', { id: 'documents-title' }, t('customers.documents')),
    documents,
  ];
}

/** The document an event is about, and its amount, from the event as the ERP sent it. */
const DOCUMENT_FIELDS = ['invoiceId', 'orderId', 'shipmentId', 'paymentId', 'creditNoteId', 'promiseId'];

function eventsTable(events, currency) {
  if (!events?.length) return h('p.muted', t('customers.noEvents'));
  return h('table.data', { 'aria-label': t('customers.events') },
    h('thead', h('tr', ['customers.occurredOn', 'customers.eventType', 'customers.document', 'audit.amount', 'customers.eventId', 'customers.received']
      .map((k) => h('th', { scope: 'col', class: k === 'audit.amount' ? 'num' : null }, t(k))))),
    h('tbody', events.map((e) => {
      const wire = e.event || {};
      const doc = DOCUMENT_FIELDS.filter((f) => wire[f]).map((f) => wire[f]).join(' · ');
      return h('tr', { dataset: { event: e.eventId } }, h('td', day(e.occurredOn)), h('td', label('event', e.type)), h('td', doc),
        h('td.num', money(wire.amount, wire.currency || currency)), h('th', { scope: 'row' }, e.eventId), h('td', moment(e.receivedAt)));
    })));
}

function decisionsTable(decisions, ctx) {
  if (!decisions?.length) return h('p.muted', t('customers.noDecisions'));
  return h('table.data', { 'aria-label': t('customers.decisions') },
    h('thead', h('tr', ['audit.when', 'audit.type', 'audit.outcome', 'audit.order', 'audit.amount', 'audit.policy']
      .map((k) => h('th', { scope: 'col', class: k === 'audit.amount' ? 'num' : null }, t(k))))),
    h('tbody', decisions.map((d) => h('tr', { dataset: { decision: d.decisionId, order: d.orderId || '' } },
      h('th', { scope: 'row' }, ctx.can('audit.read') ? h('a', { href: `#/audit/${d.decisionId}` }, moment(d.receivedAt)) : moment(d.receivedAt)),
      h('td', label('type', d.type)), h('td', h(`span.badge.o-${String(d.outcome).toLowerCase()}`, label('outcome', d.outcome))),
      h('td', d.orderId || ''), h('td.num', money(d.amount, d.currency)), h('td', d.policy?.version ?? '')))));
}

function holdsTable(holds, ctx) {
  if (!holds?.length) return h('p.muted', t('customers.noHolds'));
  return h('table.data', { 'aria-label': t('nav.holds') },
    h('thead', h('tr', ['holds.order', 'audit.amount', 'audit.outcome', 'holds.reasons', 'holds.opened', 'policy.status']
      .map((k) => h('th', { scope: 'col', class: k === 'audit.amount' ? 'num' : null }, t(k))))),
    h('tbody', holds.map((hd) => h('tr', { dataset: { hold: hd.holdId, order: hd.orderId } },
      h('th', { scope: 'row' }, ctx.can('holds.settle') ? h('a', { href: `#/holds/${hd.holdId}` }, hd.orderId || hd.holdId) : hd.orderId || hd.holdId),
      h('td.num', money(hd.amount, hd.currency)), h('td', label('outcome', hd.outcome)), h('td', (hd.reasonCodes || []).map((c) => reasonText({ code: c })).join(' ')),
      h('td', moment(hd.openedAt)), h('td', badge(hd.status, 'hold'))))));
}

const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy']);

/** The top-level fields a change set, cleared or changed, as "field: before → after". */
function changed(before, after) {
  const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])].filter((k) => !BOOKKEEPING.has(k));
  const text = (v, k) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v)
    : k === 'status' ? label('account', v) : String(v));
  return keys.filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .map((k) => (before ? `${k}: ${text(before[k], k)} → ${text(after?.[k], k)}` : k));
}

function historyTable(changes) {
  if (!changes?.length) return h('p.muted', t('overview.none'));
  return h('table.data', { 'aria-label': t('version.history') },
    h('thead', h('tr', ['audit.when', 'customers.by', 'policy.version', 'customers.reason', 'customers.changes']
      .map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', [...changes].reverse().map((c) => h('tr', { dataset: { version: c.version } },
      h('th', { scope: 'row' }, moment(c.at)), h('td', c.by || ''), h('td.num', c.version), h('td', c.reason || ''),
      h('td', c.before ? h('ul.plain', changed(c.before, c.after).map((line) => h('li', line))) : t('customers.created'))))));
}
