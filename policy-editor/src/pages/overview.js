// Overview: the policy in force, what waits for approval, today's decisions, open holds, 30 days of decisions.
import { activeVersion, listVersions } from '../api/policies.js';
import { listHolds } from '../api/holds.js';
import { decisionStats } from '../api/stats.js';
import { stackedBars } from '../chart.js';
import { clear, fmtDate, h } from '../dom.js';
import { axisDay, number } from '../format.js';
import { t } from '../i18n.js';
import { label } from '../labels.js';
import { badge, errorBox } from '../ui.js';

/** A card filled by its own call: one failing call leaves a readable message, not an empty page. */
function card(title, id, load) {
  const body = h('div.card-body', h('p.muted', t('loading')));
  const el = h('section.card', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), body);
  load().then((content) => clear(body, content)).catch((err) => clear(body, errorBox(err)));
  return el;
}

function counts(map, kind) {
  const entries = Object.entries(map || {});
  if (!entries.length) return h('p.muted', t('overview.none'));
  return h('dl.counts', entries.flatMap(([k, v]) => [h('dt', label(kind, k)), h('dd', number(v))]));
}

export async function overview(root, ctx) {
  const canSeeHolds = ctx.can('holds.read');
  const canSeePolicies = ctx.can('policies.read');
  const stats = ctx.can('stats.read') ? decisionStats(30) : Promise.reject(new Error(t('error.403')));
  stats.catch(() => {});
  clear(root,
    h('h1', t('nav.overview')),
    h('div.cards',
      canSeePolicies && card(t('overview.active'), 'active-policy', async () => {
        const v = await activeVersion();
        return h('div', h('p.big', h('a', { href: `#/policies/${v.number}` }, `${t('policy.version')} ${v.number}`), ' ', badge(v.status)),
          h('p', t('overview.since', { when: fmtDate(v.activatedAt || v.createdAt), who: v.activatedBy || v.author })));
      }),
      canSeePolicies && card(t('overview.waiting'), 'waiting', async () => {
        const list = (await listVersions()).filter((v) => ['SUBMITTED', 'APPROVED'].includes(v.status));
        return list.length ? h('ul.plain', list.map((v) => h('li', h('a', { href: `#/policies/${v.number}` },
          `${t('policy.version')} ${v.number}`), ' ', badge(v.status), ` ${v.author}`))) : h('p.muted', t('overview.noneWaiting'));
      }),
      card(t('overview.today'), 'today', async () => {
        const s = await stats;
        return h('div.two', h('div', h('h3', t('overview.byOutcome')), counts(s.today?.byOutcome, 'outcome')),
          h('div', h('h3', t('overview.byType')), counts(s.today?.byType, 'type')));
      }),
      canSeeHolds && card(t('overview.openHolds'), 'open-holds', async () => {
        const page = await listHolds(new URLSearchParams({ status: 'OPEN', size: '1' }));
        return h('p.big', h('a', { href: '#/holds' }, number(page.totalElements)));
      })),
    card(t('overview.chart'), 'daily', async () => {
      const s = await stats;
      const days = new Map();
      for (const d of s.daily || []) {
        if (!days.has(d.day)) days.set(d.day, {});
        days.get(d.day)[d.outcome] = (days.get(d.day)[d.outcome] || 0) + d.count;
      }
      const data = [...days.entries()].sort().map(([day, values]) => ({ label: axisDay(day), values }));
      return data.length ? stackedBars(data, t('overview.chart'), { caption: false }) : h('p.muted', t('overview.none'));
    }));
}
