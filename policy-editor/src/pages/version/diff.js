// The Differences tab: the version against the one in force (or any other), cell by cell.
import { diff, listVersions } from '../../api/policies.js';
import { clear, field, h } from '../../dom.js';
import { t } from '../../i18n.js';
import { errorBox } from '../../ui.js';
import '../../messages.js';

export async function diffTab(panel, number, version) {
  const versions = await listVersions();
  const active = versions.find((v) => v.active);
  const against = h('select', { id: 'diff-against' }, versions.filter((v) => v.number !== number)
    .map((v) => h('option', { value: String(v.number) }, `${t('policy.version')} ${v.number}${v.active ? ` (${t('policy.inForce')})` : ''}`)));
  against.value = String(active && active.number !== number ? active.number : version.basedOn || '');
  const out = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    try {
      const changes = await diff(against.value, number);
      clear(out, changes.length ? h('table.data.diff', { 'aria-label': t('version.diff') },
        h('thead', h('tr', ['diff.file', 'diff.kind', 'diff.where', 'diff.before', 'diff.after'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', changes.map((c) => h('tr', h('td', c.file), h('td', t(`diff.${c.kind}`)), h('td.where', h('span', c.where),
          c.location && c.location !== c.where ? h('small.muted', { title: t('diff.location') }, ` · ${c.location}`) : null),
          h('td.before', c.before ?? ''), h('td.after', c.after ?? ''))))) : h('p.muted', t('diff.none')));
    } catch (err) {
      clear(out, errorBox(err));
    }
  };
  against.addEventListener('change', load);
  clear(panel, field(t('diff.against'), against), out);
  if (against.value) await load();
}
