// Above a version's tabs: the review actions its status allows a committee member, and on a submitted version
// the evidence the four-eyes reviewer weighs before approving.
import { activeVersion, review, rollback, scenarioResults } from '../../api/policies.js';
import { confirmAction, noticeAfterRedraw } from '../../confirm.js';
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
  /** Takes the action; the page is drawn again with the version's new state and the result above it. */
  const redraw = (done) => {
    noticeAfterRedraw(done);
    location.hash = `#/policies/${n}`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  };
  const failed = (err) => {
    msgs.replaceChildren(problemDetails(err));
    if (err.errors.some((e) => e.field === 'reason' || e.field === 'comment')) setFieldError(comment, err.message);
  };
  const act = (label, id, send) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => busy(b, null, async () => {
      setFieldError(comment, '');
      try {
        const done = await send();
        if (done) redraw(done);
      } catch (err) {
        failed(err);
      }
    }));
    buttons.push(b);
  };
  /**
   * An irreversible action behind a confirmation that states its consequence and asks for the reason the
   * trail records (the comment typed above is its first draft); null when the person cancels.
   */
  const confirmed = (kind, params, send, fields = []) => confirmAction({
    title: t(`confirm.${kind}.title`, params),
    consequence: t(`confirm.${kind}.consequence`, params),
    confirmLabel: t(`confirm.${kind}.ok`, params),
    reason: { label: t('confirm.reason'), value: comment.value, required: true },
    fields,
    perform: send,
  });
  if (version.status === 'DRAFT') {
    act(t('action.submit'), 'submit', async () => {
      await review(n, 'submit', { comment: comment.value });
      return t('done.submit', { n });
    });
  }
  if (version.status === 'SUBMITTED') {
    act(t('action.approve'), 'approve', () => confirmed('approve', { n }, async ({ reason }) => {
      await review(n, 'approve', { comment: reason });
      return t('done.approve', { n });
    }));
    act(t('action.reject'), 'reject', () => confirmed('reject', { n }, async ({ reason }) => {
      await review(n, 'reject', { reason });
      return t('done.reject', { n });
    }));
  }
  if (version.status === 'APPROVED') {
    act(t('action.activate'), 'activate', async () => {
      const current = await activeVersion().then((a) => a.number).catch(() => '');
      const when = h('input', { type: 'datetime-local', id: 'activate-at' });
      return confirmed('activate', { n, current }, async ({ reason, effectiveAt }) => {
        const at = effectiveAt ? new Date(effectiveAt) : null;
        const v = await review(n, 'activate', { comment: reason, effectiveAt: at ? at.toISOString() : undefined });
        return v.status === 'ACTIVE' ? t('done.activate', { n }) : t('done.schedule', { n, when: fmtDate(v.scheduledFor) });
      }, [{ name: 'effectiveAt', label: t('confirm.activate.when'), control: when }]);
    });
  }
  // Only a version that replaced another can be rolled back (the service refuses otherwise).
  if (version.active && version.replaced) {
    act(t('action.rollback'), 'rollback', () => confirmed('rollback', { n, previous: version.replaced }, async ({ reason }) => {
      await rollback({ comment: reason });
      return t('done.rollback', { n: version.replaced });
    }));
  }
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
