// The History tab: every action on the version.
import { actions as versionActions } from '../../api/policies.js';
import { clear, fmtDate, h } from '../../dom.js';
import { t } from '../../i18n.js';
import { label } from '../../labels.js';

export async function historyTab(panel, number) {
  const actions = await versionActions(number);
  clear(panel, h('table.data', { 'aria-label': t('version.history') },
    h('thead', h('tr', ['history.when', 'history.action', 'history.by', 'history.comment'].map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', actions.map((a) => h('tr', h('td', fmtDate(a.at)), h('td', label('action', a.action)), h('td', a.by), h('td', a.comment || ''))))));
}
