// One policy version: the review actions the caller's role allows in its status, and one tab per view of it
// (each tab in its own module under version/): decision tables as grids, parameters, DRL, checks, back-test,
// diff, history.
import { tables, version as policyVersionOf } from '../api/policies.js';
import { clear, fmtDate, h } from '../dom.js';
import { t } from '../i18n.js';
import { badge, messages, tabs } from '../ui.js';
import { backtestTab } from './version/backtest.js';
import { checksTab } from './version/checks.js';
import { diffTab } from './version/diff.js';
import { historyTab } from './version/history.js';
import { parametersTab } from './version/parameters.js';
import { approvalEvidence, reviewActions } from './version/review.js';
import { rulesTab } from './version/rules.js';
import { tablesTab } from './version/tables.js';
import { setPolicyTexts } from '../policy-texts.js';

export async function policyVersion(root, ctx) {
  const number = Number(ctx.params[0]);
  const [version, contents] = await Promise.all([policyVersionOf(number), tables(number)]);
  setPolicyTexts(contents.texts);
  const editable = version.status === 'DRAFT' && ctx.can('policies.change');
  const msgs = messages();
  // Shared by the tabs: the grids with their unsaved edits, the last compile errors and verifier findings.
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
