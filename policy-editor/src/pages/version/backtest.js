// Back-test of one policy version: a labelled CSV uploaded, progress followed, then the report: AUC, Gini, KS,
// the ROC curve, the default rate per risk class with the monotonicity verdict, the rate per scoring-grid row.
import { backtest, latestBacktest as latestOfVersion, startBacktest } from '../../api/backtests.js';
import { rateBars, rocCurve } from '../../chart.js';
import { dateField } from '../../date-input.js';
import { clear, field, fmtDate, h, setFieldError } from '../../dom.js';
import { day } from '../../format.js';
import { lang, t } from '../../i18n.js';
import { busy } from '../../ui.js';

const pct = (rate) => (Number.isFinite(Number(rate)) ? `${(Number(rate) * 100).toLocaleString(lang(), { maximumFractionDigits: 1 })} %` : '—');
const dec = (v) => (Number.isFinite(Number(v)) ? Number(v).toLocaleString(lang(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }) : '—');

/** The latest finished back-test of a version, or null when it has none. */
export async function latestBacktest(number) {
  try {
    return await latestOfVersion(number);
  } catch (err) {
    if (err.status === 404) return null;
    throw err;
  }
}

/** One line: AUC, Gini, KS, rows used and rejected, and the verdict on the classes. */
export function backtestSummary(job) {
  const r = job.report;
  return h(`div.notice.${r.classesMonotone ? 'ok' : 'warn'}`, { role: 'status', id: 'backtest-summary' },
    h('strong', t('bt.figures', { auc: dec(r.auc), gini: dec(r.gini), ks: dec(r.ks) })), ' · ',
    t('bt.rows', { used: r.rowsUsed, rejected: r.rowsRejected, defaults: r.defaults }), ' · ',
    h('span', { id: 'backtest-verdict' }, r.classesMonotone ? t('bt.monotone') : t('bt.notMonotone')),
    h('br'), h('small', t('bt.meta', { when: fmtDate(job.finishedAt || job.startedAt), who: job.startedBy, asOf: day(job.asOf) })));
}

function report(el, job) {
  const r = job.report;
  clear(el,
    backtestSummary(job),
    h('div.charts',
      rocCurve(r.roc || [], t('bt.roc'), { x: t('bt.fpr'), y: t('bt.tpr'), chance: t('bt.chance') }),
      rateBars((r.classes || []).map((c) => ({ label: c.riskClass, rate: c.defaultRate, note: `${c.defaults} / ${c.count}` })),
        t('bt.classRates'))),
    h('h3', t('bt.classes')),
    h('table.data', { 'aria-label': t('bt.classes'), id: 'backtest-classes' },
      h('thead', h('tr', ['bt.class', 'bt.count', 'bt.defaults', 'bt.rate', 'bt.meanScore'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', (r.classes || []).map((c) => h('tr', h('td', c.riskClass), h('td', String(c.count)), h('td', String(c.defaults)),
        h('td', pct(c.defaultRate)), h('td', Number(c.meanScore).toLocaleString(lang(), { maximumFractionDigits: 1 })))))),
    h('h3', t('bt.gridRows')),
    h('table.data', { 'aria-label': t('bt.gridRows'), id: 'backtest-grid-rows' },
      h('thead', h('tr', ['bt.row', 'bt.criterion', 'bt.points', 'bt.count', 'bt.defaults', 'bt.rate'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', (r.gridRows || []).map((g) => h('tr', h('td', `${g.table || g.file} ${g.row}`), h('td', g.criterion), h('td', String(g.points)),
        h('td', String(g.count)), h('td', String(g.defaults)), h('td', pct(g.defaultRate)))))),
    h('h3', t('bt.distribution')),
    h('table.data.compact', { 'aria-label': t('bt.distribution') },
      h('thead', h('tr', ['bt.score', 'bt.count', 'bt.defaults'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', (r.distribution || []).map((d) => h('tr', h('td', String(d.score)), h('td', String(d.count)), h('td', String(d.defaults)))))),
    (r.rejected || []).length ? [h('h3', t('bt.rejected', { n: r.rowsRejected })),
      h('ul', { id: 'backtest-rejected' }, r.rejected.map((x) => h('li', t('bt.line', { line: x.line, reason: x.reason }))))] : null);
}

/** The Back-test tab of a version's page. */
export async function backtestTab(panel, number, ctx, msgs) {
  const canStart = ctx.can('backtests.start');
  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'backtest-file' });
  const asOf = dateField({ id: 'backtest-asof', time: false });
  const start = h('button.primary', { type: 'button', id: 'backtest-start' }, t('bt.start'));
  const progress = h('div.progress-host', { 'aria-live': 'polite' });
  const out = h('div.backtest-report');

  const follow = async (id) => {
    const bar = h('progress', { max: '100', value: '0', id: 'backtest-progress', 'aria-label': t('bt.progress') });
    const label = h('span');
    clear(progress, h('div.progress', bar, label));
    for (;;) {
      const job = await backtest(id);
      const p = job.progress || {};
      bar.value = p.percent || 0;
      label.textContent = ` ${p.percent || 0} % · ${p.processed ?? 0} / ${p.total ?? '?'} · ${t(`status.${job.status}`)}`;
      if (job.status === 'DONE') {
        report(out, job);
        return;
      }
      if (job.status !== 'RUNNING') {
        clear(out, h('div.notice.error', { role: 'alert' }, t('bt.failed', { error: job.error || '' })));
        return;
      }
      await new Promise((r) => { setTimeout(r, 500); });
    }
  };

  start.addEventListener('click', () => busy(start, msgs, async () => {
    msgs.clear();
    if (!file.files.length) throw new Error(t('policies.chooseFiles'));
    const form = new FormData();
    form.append('file', file.files[0], file.files[0].name);
    let asOfDay;
    try {
      setFieldError(asOf, '');
      asOfDay = asOf.read() || '';
    } catch (err) {
      setFieldError(asOf, err.message);
      throw err;
    }
    const job = await startBacktest(number, asOfDay, form);
    await follow(job.id);
  }));

  clear(panel,
    h('p.hint', t('bt.explain')),
    canStart ? h('div.toolbar', field(t('bt.file'), file), field(t('bt.asOf'), asOf, t('bt.asOfHint')), start)
      : h('p.hint', t('bt.readOnly')),
    progress, out);
  const latest = await latestBacktest(number);
  if (latest && !out.hasChildNodes()) {
    report(out, latest);
  } else if (!latest) {
    clear(out, h('p.muted', t('bt.none')));
  }
}
