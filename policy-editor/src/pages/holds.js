// Holds: the queue of held orders; a hold's decision and reasons; release or reject with a comment, within
// the authority the policy's delegation table gives the caller's role (the service refuses beyond it).
import { hold as oneHold, listHolds, settle as settleHold } from '../api/holds.js';
import { clear, field, fmtAmount, fmtDate, h, setFieldError } from '../dom.js';
import { t } from '../i18n.js';
import { badge, busy, messages } from '../ui.js';
import { authorityFigures } from './hold-authority.js';

export async function holds(root, ctx) {
  const status = h('select', { id: 'hold-status' }, ['OPEN', 'RELEASED', 'REJECTED', 'EXPIRED', ''].map((s) =>
    h('option', { value: s }, s ? t(`status.${s}`) : t('holds.all'))));
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
      clear(list, h('p.muted', t('holds.count', { n: page.totalElements })), h('table.data', { 'aria-label': t('nav.holds') },
        h('thead', h('tr', ['holds.order', 'audit.customer', 'audit.amount', 'audit.outcome', 'holds.reasons', 'holds.opened', 'policy.status']
          .map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', page.holds.map((hd) => h('tr', { dataset: { hold: hd.holdId, order: hd.orderId } },
          h('td', h('a', { href: `#/holds/${hd.holdId}` }, hd.orderId || hd.holdId)),
          h('td', hd.customerId), h('td.num', `${fmtAmount(hd.amount)} ${hd.currency || ''}`),
          h('td', t(`outcome.${hd.outcome}`)), h('td', (hd.reasonCodes || []).join(', ')),
          h('td', fmtDate(hd.openedAt)), h('td', badge(hd.status)))))));
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
  if (ctx.params[0]) await showHold(detail, ctx.params[0], load);
}

/** The hold's page; {@code notice}, the result of the action just taken, shows above its new state. */
async function showHold(el, holdId, reload, notice) {
  const d = await oneHold(holdId);
  const { hold, decision } = d;
  const msgs = messages();
  const comment = h('textarea', { id: 'hold-comment', rows: 3, maxlength: 1000 });
  const settle = (action, button) => busy(button, null, async () => {
    setFieldError(comment, '');
    msgs.clear();
    try {
      await settleHold(holdId, action, comment.value);
      const done = t(action === 'release' ? 'holds.released' : 'holds.rejected');
      msgs.ok(done);
      await reload();
      // Drawn again with the settled state: the result stays shown there, not only until the redraw.
      await showHold(el, holdId, reload, done);
    } catch (err) {
      // Beyond authority, missing comment: the message goes next to the comment the person typed.
      setFieldError(comment, err.status === 403 || err.errors.some((e) => e.field === 'comment') ? err.message : '');
      if (err.status !== 403 && !err.errors.length) msgs.error(err);
    }
  });
  const release = h('button.primary', { type: 'button', id: 'release' }, t('holds.release'));
  const reject = h('button', { type: 'button', id: 'reject' }, t('holds.reject'));
  release.addEventListener('click', () => settle('release', release));
  reject.addEventListener('click', () => settle('reject', reject));
  clear(el, h('section.card', { 'aria-labelledby': 'hold-title' },
    h('h2', { id: 'hold-title' }, t('holds.hold', { order: hold.orderId }), ' ', badge(hold.status)),
    h('dl.figures',
      h('dt', t('audit.customer')), h('dd', hold.customerId),
      h('dt', t('audit.amount')), h('dd', `${fmtAmount(hold.amount)} ${hold.currency || ''}`),
      h('dt', t('audit.outcome')), h('dd', t(`outcome.${hold.outcome}`)),
      h('dt', t('figure.riskClass')), h('dd', hold.riskClass || ''),
      hold.status === 'OPEN' ? authorityFigures(d.authority) : null,
      hold.settledBy ? [h('dt', t('holds.settledBy')), h('dd', `${hold.settledBy} · ${fmtDate(hold.settledAt)} · ${hold.comment || ''}`)] : null),
    decision ? [h('h3', t('try.reasons')), h('ul.reasons', decision.reasons.map((r) => h('li', h('code', r.code), ` ${r.message}`))),
      h('p.hint', t('holds.decision', { id: decision.decisionId, version: decision.policy?.version || '' }))] : null,
    msgs,
    hold.status === 'OPEN' ? h('div.settle', field(t('holds.comment'), comment), h('div.buttons', release, reject)) : null,
    d.actions?.length ? [h('h3', t('version.history')), h('ul.plain', d.actions.map((a) =>
      h('li', `${fmtDate(a.at)} · ${a.action} · ${a.by} · ${a.comment || ''}${a.detail ? ` · ${a.detail}` : ''}`)))] : null));
  if (notice) msgs.ok(notice);
}
