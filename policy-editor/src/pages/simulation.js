// Simulation: a draft replayed over a time window of recorded decisions; progress, then the impact.
import { listVersions } from '../api/policies.js';
import { cancelSimulation, listSimulations, simulation as oneSimulation, startSimulation } from '../api/simulations.js';
import { groupedBars } from '../chart.js';
import { dateField } from '../date-input.js';
import { clear, field, fmtDate, h, setFieldError } from '../dom.js';
import { money, number } from '../format.js';
import { t } from '../i18n.js';
import { label } from '../labels.js';
import { badge, busy, errorBox, messages } from '../ui.js';

export async function simulation(root, ctx) {
  const versions = await listVersions();
  const msgs = messages();
  const canStart = ctx.can('simulations.start');
  // The versions a simulation is for: not the one in force, not the retired or rejected ones.
  const version = h('select', { id: 'sim-version' }, versions.filter((v) => !v.active && !['RETIRED', 'REJECTED'].includes(v.status)).reverse()
    .map((v) => h('option', { value: String(v.number) }, `${t('policy.version')} ${v.number} · ${label('status', v.status)}`)));
  const now = new Date();
  const from = dateField({ id: 'sim-from', value: new Date(now.getTime() - 30 * 86400000) });
  // The input counts in minutes: the window ends after the current one, so that the latest decisions are in it.
  const to = dateField({ id: 'sim-to', value: new Date(now.getTime() + 60000) });
  const progress = h('div.progress-host', { 'aria-live': 'polite' });
  const result = h('div.sim-result');
  const start = h('button.primary', { type: 'submit', id: 'sim-start' }, t('sim.start'));
  const previous = h('div');

  const follow = async (id) => {
    const bar = h('progress', { max: '100', value: '0', id: 'sim-progress', 'aria-label': t('sim.progress') });
    const progressText = h('span');
    const cancel = h('button', { type: 'button', onclick: () => cancelSimulation(id).catch((e) => msgs.error(e)) }, t('sim.cancel'));
    clear(progress, h('div.progress', bar, progressText, canStart ? cancel : null));
    clear(result);
    for (;;) {
      const sim = await oneSimulation(id);
      const p = sim.progress || {};
      bar.value = p.percent || 0;
      progressText.textContent = ` ${number(Math.round(p.percent || 0))} % · ${p.processed ?? 0} / ${p.total ?? '?'}${p.etaSeconds ? ` · ${t('sim.eta', { s: p.etaSeconds })}` : ''} · ${t(`sim.${sim.status}`)}`;
      if (sim.status !== 'RUNNING') {
        cancel.remove();
        if (sim.result) showImpact(result, sim);
        return;
      }
      await new Promise((r) => { setTimeout(r, 1000); });
    }
  };

  const form = h('form.sim', {
    'aria-label': t('nav.simulation'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(start, msgs, async () => {
        msgs.clear();
        const span = {};
        for (const [name, el] of [['from', from], ['to', to]]) {
          setFieldError(el, '');
          try {
            span[name] = el.read();
          } catch (err) {
            setFieldError(el, err.message);
            throw err;
          }
        }
        const sim = await startSimulation({ version: Number(version.value), ...span });
        await follow(sim.id);
      });
    },
  },
  h('div.three', field(t('sim.version'), version), field(t('sim.from'), from), field(t('sim.to'), to)),
  canStart ? start : h('p.hint', t('sim.readOnly')));

  clear(root, h('h1', t('nav.simulation')), msgs, form, progress, result, previous);
  try {
    const list = await listSimulations();
    const items = Array.isArray(list) ? list : list.simulations || list.items || [];
    if (items.length) {
      clear(previous, h('h2', t('sim.previous')), h('ul.plain', items.map((s) => h('li',
        h('a', { href: '#', onclick: (e) => { e.preventDefault(); follow(s.id); } }, `${t('policy.version')} ${s.version}`),
        ` ${fmtDate(s.from)} → ${fmtDate(s.to)} `, badge(s.status)))));
    }
  } catch (err) {
    clear(previous, errorBox(err));
  }
}

function showImpact(el, sim) {
  const r = sim.result;
  const outcomes = [...new Set([...Object.keys(r.before || {}), ...Object.keys(r.after || {})])];
  const currency = r.currency || 'EUR';
  const flipped = (r.flips || []).filter((f) => f.from !== f.to && f.count > 0);
  clear(el,
    h('h2', t('sim.impact')),
    groupedBars({ [t('sim.before')]: r.before, [t('sim.after')]: r.after }, t('sim.counts')),
    h('h3', t('sim.flips')),
    flipped.length ? null : h('p.notice.ok', { id: 'sim-no-flips', role: 'status' }, t('sim.noFlips')),
    flipped.length === 0 ? null : h('table.data.flips', { 'aria-label': t('sim.flips') },
      h('thead', h('tr', h('th', { scope: 'col' }, t('sim.fromTo')), outcomes.map((o) => h('th', { scope: 'col' }, label('outcome', o))))),
      h('tbody', outcomes.map((a) => h('tr', h('th', { scope: 'row' }, label('outcome', a)), outcomes.map((b) => {
        const f = (r.flips || []).find((x) => x.from === a && x.to === b);
        return h('td', f ? `${number(f.count)} (${money(f.exposure, currency)})` : a === b ? '—' : '0');
      }))))),
    h('p', h('strong', `${t('sim.flippedExposure')}: `), money(r.flippedExposure, currency)),
    (r.reasonsAppeared || []).length ? h('p', `${t('sim.appeared')}: ${r.reasonsAppeared.map((x) => `${label('reason', x.code)} (${number(x.count)})`).join(' · ')}`) : null,
    (r.reasonsDisappeared || []).length ? h('p', `${t('sim.disappeared')}: ${r.reasonsDisappeared.map((x) => `${label('reason', x.code)} (${number(x.count)})`).join(' · ')}`) : null,
    h('h3', t('sim.samples')),
    h('table.data', { 'aria-label': t('sim.samples') },
      h('thead', h('tr', ['audit.decision', 'audit.type', 'audit.customer', 'audit.amount', 'sim.before', 'sim.after']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', (r.samples || []).map((s) => h('tr',
        h('td', h('a', { href: `#/audit/${s.decisionId}` }, s.decisionId.slice(0, 8))), h('td', label('type', s.type)),
        h('td', s.customerId), h('td.num', money(s.amount, s.currency || currency)), h('td', label('outcome', s.before)), h('td', label('outcome', s.after)))))));
}
