// Above a version's tabs: the review actions its status allows a committee member, and on a submitted version
// the evidence the four-eyes reviewer weighs before approving.
import { review, rollback, scenarioResults } from '../../api/policies.js';
import { listSimulations } from '../../api/simulations.js';
import { field, fmtDate, h, setFieldError } from '../../dom.js';
import { t } from '../../i18n.js';
import { badge, busy, errorBox } from '../../ui.js';
import { backtestSummary, latestBacktest } from './backtest.js';
import { problemDetails } from './problem-details.js';

export function reviewActions(version, ctx, msgs) {
  if (!ctx.can('policies.change')) return null;
  const n = version.number;
  const comment = h('input', { name: 'comment', id: 'review-comment' });
  const buttons = [];
  const act = (label, id, send) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => busy(b, null, async () => {
      setFieldError(comment, '');
      try {
        await send();
        location.hash = `#/policies/${n}`;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } catch (err) {
        msgs.replaceChildren(problemDetails(err));
        if (err.errors.some((e) => e.field === 'reason' || e.field === 'comment')) setFieldError(comment, err.message);
      }
    }));
    buttons.push(b);
  };
  if (version.status === 'DRAFT') act(t('action.submit'), 'submit', () => review(n, 'submit', { comment: comment.value }));
  if (version.status === 'SUBMITTED') {
    act(t('action.approve'), 'approve', () => review(n, 'approve', { comment: comment.value }));
    act(t('action.reject'), 'reject', () => review(n, 'reject', { reason: comment.value }));
  }
  if (version.status === 'APPROVED') act(t('action.activate'), 'activate', () => review(n, 'activate', { comment: comment.value }));
  if (version.active) act(t('action.rollback'), 'rollback', () => rollback({ comment: comment.value }));
  if (!buttons.length) return null;
  return h('div.review', { role: 'group', 'aria-label': t('version.review') }, field(t('version.comment'), comment), h('div.buttons', buttons));
}

/**
 * What the four-eyes reviewer weighs before approving a submitted version, side by side: its scenarios, the
 * latest simulation and the latest back-test of this version.
 */
export function approvalEvidence(version, ctx) {
  if (version.status !== 'SUBMITTED' || !ctx.can('policies.change')) return null;
  const n = version.number;
  const scenarios = h('div.evidence', { id: 'evidence-scenarios' }, h('h3', t('evidence.scenarios')), h('p.muted', t('loading')));
  const simulation = h('div.evidence', { id: 'evidence-simulation' }, h('h3', t('evidence.simulation')), h('p.muted', t('loading')));
  const backtest = h('div.evidence', { id: 'evidence-backtest' }, h('h3', t('evidence.backtest')), h('p.muted', t('loading')));
  const fill = (el, promise) => promise.then((content) => el.replaceChildren(el.firstChild, content))
    .catch((err) => el.replaceChildren(el.firstChild, errorBox(err)));
  fill(scenarios, scenarioResults(n).then((r) => h(`div.notice.${r.failed ? 'error' : 'ok'}`,
    { role: 'status' }, t('check.scenarioSummary', { passed: r.passed, failed: r.failed }))));
  fill(simulation, listSimulations().then((list) => {
    const s = (Array.isArray(list) ? list : []).find((x) => x.version === n);
    return s ? h('p', h('a', { href: '#/simulation' }, `${fmtDate(s.from)} → ${fmtDate(s.to)}`), ' ', badge(s.status))
      : h('p.muted', t('evidence.noSimulation'));
  }));
  fill(backtest, latestBacktest(n).then((b) => (b ? backtestSummary(b) : h('p.muted', t('bt.none')))));
  return h('section.approval-evidence', { 'aria-label': t('evidence.title') }, h('h2', t('evidence.title')),
    h('div.three', scenarios, simulation, backtest));
}
