// The Checks tab: compile, verify the tables (findings kept for the grids) and run the scenarios.
import { scenarioResults, validation, verification } from '../../api/policies.js';
import { clear, h } from '../../dom.js';
import { t } from '../../i18n.js';
import { label } from '../../labels.js';
import { busy, okBox } from '../../ui.js';

export function checksTab(panel, number, state, msgs) {
  // One place per check, so the three results stay on the page together.
  const compiled = h('div', { id: 'validation-result', 'aria-live': 'polite' });
  const verified = h('div', { id: 'verification-result', 'aria-live': 'polite' });
  const scenarioOut = h('div', { id: 'scenario-result', 'aria-live': 'polite' });
  const out = h('div.check-results', compiled, verified, scenarioOut);
  const validate = h('button', { type: 'button', id: 'validate' }, t('check.validate'));
  const verify = h('button', { type: 'button', id: 'verify' }, t('check.verify'));
  const scenarios = h('button', { type: 'button', id: 'run-scenarios' }, t('check.scenarios'));
  validate.addEventListener('click', () => busy(validate, msgs, async () => {
    const r = await validation(number);
    state.errors = r.errors;
    clear(compiled, r.compiles ? okBox(t('check.compiles')) : h('div.notice.error', { role: 'alert' }, t('check.errors', { n: r.errors.length }),
      h('ul', r.errors.map((e) => h('li', `${e.location}: ${e.message}`)))));
  }));
  verify.addEventListener('click', () => busy(verify, msgs, async () => {
    const r = await verification(number);
    state.findings = r.findings;
    clear(verified, r.findings.length ? h('div.notice.warn', { role: 'status' }, t('check.findings', { n: r.findings.length }),
      h('ul', r.findings.map((f) => h('li', `${t(`finding.${f.kind}`)} · ${f.table} ${f.rows.length ? `${t('grid.rows')} ${f.rows.join(', ')}` : ''}: ${f.message}`))),
      h('p.hint', t('check.onRows'))) : okBox(t('check.noFindings')));
  }));
  scenarios.addEventListener('click', () => busy(scenarios, msgs, async () => {
    const r = await scenarioResults(number);
    clear(scenarioOut, h(`div.notice.${r.failed ? 'error' : 'ok'}`, { role: 'status', id: 'scenario-summary' },
      t('check.scenarioSummary', { passed: r.passed, failed: r.failed })),
    h('table.data', { 'aria-label': t('check.scenarios') },
      h('thead', h('tr', ['check.id', 'check.decision', 'check.description', 'check.result'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', r.scenarios.slice().sort((a, b) => Number(a.passed) - Number(b.passed)).map((s) => h(`tr.${s.passed ? 'pass' : 'fail'}`,
        h('td', s.id), h('td', label('type', s.decision)), h('td', s.description),
        h('td', s.passed ? t('check.pass') : h('span', `${t('check.fail')}: ${(s.failures || []).join('; ')}`)))))));
  }));
  clear(panel, h('div.toolbar', validate, verify, scenarios), out);
}
