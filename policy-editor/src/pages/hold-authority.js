// The caller's release limit on a hold's page, from the service (the policy's delegation table), shown before a
// release is tried.
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import '../messages.js';

export function authorityFigures(authority) {
  if (!authority) return null;
  const limit = authority.limit === null || authority.limit === undefined ? t('holds.authorityUnlimited')
    : Number(authority.limit) === 0 ? t('holds.authorityNone')
      : t('holds.authorityUpTo', { limit: new Intl.NumberFormat(lang()).format(Number(authority.limit)), currency: authority.currency || '' });
  return [h('dt', t('holds.authority')), h('dd', { id: 'hold-authority' }, limit,
    authority.allowed || Number(authority.limit) === 0 ? null : h('span.hint', ` · ${t('holds.authorityBeyond')}`))];
}
