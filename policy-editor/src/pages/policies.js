// Policies: every version with its status and author; the committee starts a draft from the active version
// or from uploaded files.
import { listVersions, newDraft as startDraft, uploadDraft } from '../api/policies.js';
import { clear, field, fmtDate, h } from '../dom.js';
import { t } from '../i18n.js';
import { badge, busy, messages } from '../ui.js';

export async function policies(root, ctx) {
  const versions = await listVersions();
  const msgs = messages();
  const committee = ctx.can('policies.change');
  const newDraft = h('button.primary', { type: 'button', id: 'new-draft' }, t('policies.newDraft'));
  newDraft.addEventListener('click', () => busy(newDraft, msgs, async () => {
    const v = await startDraft(t('policies.draftComment'));
    location.hash = `#/policies/${v.number}`;
  }));
  const files = h('input', { type: 'file', multiple: true, accept: '.xlsx,.xls,.csv,.drl,.properties,.zip' });
  const upload = h('button', { type: 'submit' }, t('policies.upload'));
  const uploadForm = h('form.inline', {
    onsubmit: (e) => {
      e.preventDefault();
      busy(upload, msgs, async () => {
        if (!files.files.length) throw new Error(t('policies.chooseFiles'));
        const form = new FormData();
        [...files.files].forEach((f) => form.append('files', f, f.name));
        const v = await uploadDraft(form);
        location.hash = `#/policies/${v.number}`;
      });
    },
  }, field(t('policies.uploadLabel'), files), upload);

  clear(root,
    h('h1', t('nav.policies')),
    msgs,
    committee ? h('div.toolbar', newDraft, uploadForm) : null,
    h('table.data', { 'aria-label': t('nav.policies') },
      h('thead', h('tr', ['policy.version', 'policy.status', 'policy.author', 'policy.created', 'policy.comment']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', versions.slice().reverse().map((v) => h('tr', { dataset: { version: String(v.number) } },
        h('td', h('a', { href: `#/policies/${v.number}` }, `${t('policy.version')} ${v.number}`)),
        h('td', badge(v.status), v.active && v.status !== 'ACTIVE' ? h('span.badge.s-in-force', t('policy.inForce')) : null),
        h('td', v.author),
        h('td', fmtDate(v.createdAt)),
        h('td', v.comment || ''))))));
}
