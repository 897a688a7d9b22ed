// Holds: the queue of held orders; a hold's decision and reasons; release or reject with a comment, within
// the authority the policy's delegation table gives the caller's role (the service refuses beyond it).
import { account } from '../api/accounts.js';
import { hold as oneHold, listHolds, settle as settleHold } from '../api/holds.js';
import { clear, field, fmtDate, h, setFieldError } from '../dom.js';
import { money, number } from '../format.js';
import { t } from '../i18n.js';
import { label, reasonText } from '../labels.js';
import { badge, busy, messages } from '../ui.js';
import { confirmAction } from '../confirm.js';

/** The names of the customers' accounts (the holds list only has their ids); an id without an account keeps no name. */
async function customerNames(ctx, ids) {
  if (!ctx.can('accounts.read')) return new Map();
  const found = await Promise.all([...new Set(ids)].map((id) => account(id).then((a) => [id, a.name]).catch(() => [id, null])));
  return new Map(found.filter(([, name]) => name));
}

/** A customer as "Name (id)", or the id alone. */
const customerText = (names, id) => (names.get(id) ? `${names.get(id)} (${id})` : id || '');
import { authorityFigures } from './hold-authority.js';

export async function holds(root, ctx) {
  const status = h('select', { id: 'hold-status' }, ['OPEN', 'RELEASED', 'REJECTED', 'EXPIRED', ''].map((s) =>
    h('option', { value: s }, s ? label('hold', s) : t('holds.all'))));
  const customer = h('input', { id: 'hold-customer' });
  const list = h('div.hold-list');
  const detail = h('div.hold-detail');
  const msgs = messages();
  const load = async () => {
    const q = new URLSearchParams({ size: '50', sort: 'openedAt', direction: 'desc' });
    if (status.value) q.set('status', status.value);
    if (customer.value.trim()) q.set('customerId', customer.value.trim());
    try {
      const page = await listHolds(q);
      const names = await customerNames(ctx, page.holds.map((hd) => hd.customerId));
      clear(list, h('p.muted', t('holds.count', { n: number(page.totalElements) })), h('table.data', { 'aria-label': t('nav.holds') },
        h('thead', h('tr', ['holds.order', 'audit.customer', 'audit.amount', 'audit.outcome', 'holds.reasons', 'holds.opened', 'policy.status']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', page.holds.map((hd) => h('tr', { dataset: { hold: hd.holdId, order: hd.orderId } },
          h('td', h('a', { href: `#/holds/${hd.holdId}` }, hd.orderId || hd.holdId)),
          h('td.customer', customerText(names, hd.customerId)), h('td.num', money(hd.amount, hd.currency)),
          h('td', label('outcome', hd.outcome)), h('td', (hd.reasonCodes || []).map((c) => h('div', { dataset: { reason: c } }, label('reason', c)))),
          h('td', fmtDate(hd.openedAt)), h('td', badge(hd.status, 'hold')))))));
    } catch (err) {
      msgs.error(err);
    }
  };
  const filters = h('form.filters', { onsubmit: (e) => { e.preventDefault(); load(); }, 'aria-label': t('holds.filters') },
    h('div.three', field(t('policy.status'), status), field(t('audit.customer'), customer),
      h('div', h('button', { type: 'submit' }, t('audit.search')))));
  status.value = 'OPEN';
  clear(root, h('h1', t('nav.holds')), msgs, filters, list, detail);
  await load();
  if (ctx.params[0]) await showHold(detail, ctx.params[0], load, undefined, ctx);
}

/** The hold's page; {@code notice}, the result of the action just taken, shows above its new state. */
async function showHold(el, holdId, reload, notice, ctx) {
  const d = await oneHold(holdId);
  const { hold, decision } = d;
  const names = ctx ? await customerNames(ctx, [hold.customerId]) : new Map();
  const msgs = messages();
  const comment = h('textarea', { id: 'hold-comment', rows: 3, maxlength: 1000 });
  // Release and reject are irreversible: the reason typed here is required, then a confirmation states the
  // consequence; the result shows above the hold drawn again in its settled state.
  const settle = (action, button) => busy(button, null, async () => {
    setFieldError(comment, '');
    msgs.clear();
    if (!comment.value.trim()) {
      setFieldError(comment, t('holds.commentFirst'));
      comment.focus();
      return;
    }
    const kind = action === 'release' ? 'release' : 'rejectHold';
    const params = { order: hold.orderId, customer: hold.customerName || hold.customerId,
      amount: money(hold.amount, hold.currency) };
    try {
      const done = await confirmAction({
        title: t(`confirm.${kind}.title`, params),
        consequence: t(`confirm.${kind}.consequence`, params),
        confirmLabel: t(`confirm.${kind}.ok`, params),
        perform: async () => {
          await settleHold(holdId, action, comment.value);
          return t(action === 'release' ? 'holds.released' : 'holds.rejected');
        },
      });
      if (!done) return;
      await reload();
      // Drawn again with the settled state: the result stays shown there, not only until the redraw.
      await showHold(el, holdId, reload, done, ctx);
    } catch (err) {
      // Beyond authority, missing comment: the message goes next to the comment the person typed.
      setFieldError(comment, err.status === 403 || err.errors.some((e) => e.field === 'comment') ? err.message : '');
      if (err.status !== 403 && !err.errors.length) msgs.error(err);
      comment.focus();
    }
  });
  const release = h('button.primary', { type: 'button', id: 'release' }, t('holds.release'));
  const reject = h('button', { type: 'button', id: 'reject' }, t('holds.reject'));
  release.addEventListener('click', () => settle('release', release));
  reject.addEventListener('click', () => settle('reject', reject));
  clear(el, h('section.card', { 'aria-labelledby': 'hold-title' },
    h('h2', { id: 'hold-title' }, t('holds.hold', { order: hold.orderId }), ' ', badge(hold.status, 'hold')),
    h('dl.figures',
      h('dt', t('audit.customer')), h('dd', customerText(names, hold.customerId)),
      h('dt', t('audit.amount')), h('dd', money(hold.amount, hold.currency)),
      h('dt', t('policy.status')), h('dd', { id: 'hold-status-now' }, badge(hold.status, 'hold')),
      // The decision's outcome stays what it was (a block); the status above says what became of the hold.
      h('dt', t('holds.decisionOutcome')), h('dd', label('outcome', hold.outcome)),
      h('dt', t('figure.riskClass')), h('dd', hold.riskClass || ''),
      hold.status === 'OPEN' ? authorityFigures(d.authority) : null,
      hold.settledBy ? [h('dt', t('holds.settledBy')), h('dd', `${hold.settledBy} · ${fmtDate(hold.settledAt)} · ${hold.comment || ''}`)] : null,
      hold.status === 'RELEASED' && hold.validUntil ? [h('dt', t('holds.release')), h('dd', t('holds.releaseTerms', {
        until: fmtDate(hold.validUntil), max: money(hold.maxAmount, hold.currency) }))] : null),
    decision ? [h('h3', t('try.reasons')), h('ul.reasons', decision.reasons.map((r) => h('li', { dataset: { reason: r.code } }, reasonText(r), ' ', h('code.reason-code', r.code)))),
      h('p.hint', t('holds.decision', { id: decision.decisionId, version: decision.policy?.version || '' }))] : null,
    msgs,
    hold.status === 'OPEN' ? h('div.settle', field(t('holds.comment'), comment), h('div.buttons', release, reject)) : null,
    d.actions?.length ? [h('h3', t('version.history')), h('ul.plain', d.actions.map((a) =>
      h('li', [fmtDate(a.at), label('holdAction', a.action), a.who || a.by, a.comment, a.detail].filter(Boolean).join(' · '))))] : null));
  if (notice) msgs.ok(notice);
  // The acted-on hold in view (its detail opens below the list): its title and its buttons on screen.
  const card = el.querySelector('section.card');
  if (card) {
    card.scrollIntoView({ block: 'start' });
    const title = card.querySelector('#hold-title');
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }
}
