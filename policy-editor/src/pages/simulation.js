// Simulation: a draft replayed over a time window of recorded decisions; progress, then the impact.
import { listVersions } from '../api/policies.js';
import { cancelSimulation, listSimulations, simulation as oneSimulation, startSimulation } from '../api/simulations.js';
import { groupedBars } from '../chart.js';
import { clear, field, fmtAmount, fmtDate, h } from '../dom.js';
import { t } from '../i18n.js';
import { badge, busy, errorBox, messages } from '../ui.js';

const local = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

export async function simulation(root, ctx) {
  const versions = await listVersions();
  const msgs = messages();
  const canStart = ctx.can('simulations.start');
  const version = h('select', { id: 'sim-version' }, versions.filter((v) => !v.active).reverse()
    .map((v) => h('option', { value: String(v.number) }, `${t('policy.version')} ${v.number} · ${t(`status.${v.status}`)}`)));
  const now = new Date();
  const from = h('input', { type: 'datetime-local', id: 'sim-from', value: local(new Date(now.getTime() - 30 * 86400000)) });
  // The input counts in minutes: the window ends after the current one, so that the latest decisions are in it.
  const to = h('input', { type: 'datetime-local', id: 'sim-to', value: local(new Date(now.getTime() + 60000)) });
  const progress = h('div.progress-host', { 'aria-live': 'polite' });
  const result = h('div.sim-result');
  const start = h('button.primary', { type: 'submit', id: 'sim-start' }, t('sim.start'));
  const previous = h('div');

  const follow = async (id) => {
    const bar = h('progress', { max: '100', value: '0', id: 'sim-progress', 'aria-label': t('sim.progress') });
    const label = h('span');
    const cancel = h('button', { type: 'button', onclick: () => cancelSimulation(id).catch((e) => msgs.error(e)) }, t('sim.cancel'));
    clear(progress, h('div.progress', bar, label, canStart ? cancel : null));
    clear(result);
    for (;;) {
      const sim = await oneSimulation(id);
      const p = sim.progress || {};
      bar.value = p.percent || 0;
      label.textContent = ` ${Math.round(p.percent || 0)} % · ${p.processed ?? 0} / ${p.total ?? '?'}${p.etaSeconds ? ` · ${t('sim.eta', { s: p.etaSeconds })}` : ''} · ${t(`sim.${sim.status}`)}`;
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
        const sim = await startSimulation({
          version: Number(version.value), from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString(),
        });
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
  clear(el,
    h('h2', t('sim.impact')),
    groupedBars({ [t('sim.before')]: r.before, [t('sim.after')]: r.after }, t('sim.counts')),
    h('h3', t('sim.flips')),
    h('table.data.flips', { 'aria-label': t('sim.flips') },
      h('thead', h('tr', h('th', { scope: 'col' }, t('sim.fromTo')), outcomes.map((o) => h('th', { scope: 'col' }, t(`outcome.${o}`))))),
      h('tbody', outcomes.map((a) => h('tr', h('th', { scope: 'row' }, t(`outcome.${a}`)), outcomes.map((b) => {
        const f = (r.flips || []).find((x) => x.from === a && x.to === b);
        return h('td', f ? `${f.count} (${fmtAmount(f.exposure)} EUR)` : a === b ? '—' : '0');
      }))))),
    h('p', h('strong', `${t('sim.flippedExposure')}: `), `${fmtAmount(r.flippedExposure)} EUR`),
    (r.reasonsAppeared || []).length ? h('p', `${t('sim.appeared')}: ${r.reasonsAppeared.map((x) => `${x.code} (${x.count})`).join(', ')}`) : null,
    (r.reasonsDisappeared || []).length ? h('p', `${t('sim.disappeared')}: ${r.reasonsDisappeared.map((x) => `${x.code} (${x.count})`).join(', ')}`) : null,
    h('h3', t('sim.samples')),
    h('table.data', { 'aria-label': t('sim.samples') },
      h('thead', h('tr', ['audit.decision', 'audit.type', 'audit.customer', 'audit.amount', 'sim.before', 'sim.after']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', (r.samples || []).map((s) => h('tr',
        h('td', h('a', { href: `#/audit/${s.decisionId}` }, s.decisionId.slice(0, 8))), h('td', t(`type.${s.type}`)),
        h('td', s.customerId), h('td', fmtAmount(s.amount)), h('td', t(`outcome.${s.before}`)), h('td', t(`outcome.${s.after}`)))))));
}
