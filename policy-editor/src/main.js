import './style.css';
import { me as whoAmI } from './api/admin.js';
import { ApiError, logIn, logOut, loggedIn } from './api/http.js';
import { clear, field, h } from './dom.js';
import { lang, onLanguageChange, setLang, t } from './i18n.js';
import { overview } from './pages/overview.js';
import { policies } from './pages/policies.js';
import { policyVersion } from './pages/version.js';
import { tryIt } from './pages/try.js';
import { simulation } from './pages/simulation.js';
import { holds } from './pages/holds.js';
import { audit } from './pages/audit.js';
import { customers } from './pages/customers.js';
import { showError } from './ui.js';

/**
 * The sections of the page and the permissions that show them (any of): the service lists the caller's
 * permissions in its who-am-I answer (api/admin.js) and enforces the same rules; this only hides.
 */
const SECTIONS = [
  { path: 'overview', label: 'nav.overview', needs: ['stats.read', 'administration'], page: overview },
  { path: 'policies', label: 'nav.policies', needs: ['policies.read'], page: policies },
  { path: 'try', label: 'nav.try', needs: ['policies.evaluate'], page: tryIt },
  { path: 'simulation', label: 'nav.simulation', needs: ['simulations.read'], page: simulation },
  { path: 'holds', label: 'nav.holds', needs: ['holds.settle'], page: holds },
  { path: 'customers', label: 'nav.customers', needs: ['accounts.read'], page: customers },
  { path: 'audit', label: 'nav.audit', needs: ['audit.read'], page: audit },
];

const app = document.getElementById('app');
let me = null;

/** True when the caller holds the permission (one of those the who-am-I answer lists). */
function can(permission) {
  return !!me && (me.permissions || []).includes(permission);
}

function allowed(section) {
  return section.needs.some(can);
}

function languageSwitch() {
  const select = h('select', { id: 'language', onchange: (e) => setLang(e.target.value) },
    h('option', { value: 'en' }, 'English'), h('option', { value: 'fr' }, 'Français'));
  select.value = lang();
  return h('div.language', h('label', { for: 'language' }, t('language')), select);
}

function loginPage(message) {
  const user = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p.error', { role: 'alert', id: 'login-error' }, message || '');
  const form = h('form.login', {
    'aria-labelledby': 'login-title',
    onsubmit: async (e) => {
      e.preventDefault();
      logIn(user.value.trim(), password.value);
      try {
        await start();
      } catch (err) {
        logOut();
        error.textContent = err instanceof ApiError && err.status === 401 ? t('login.wrong') : err.message;
      }
    },
  },
  h('h1#login-title', { id: 'login-title' }, t('login.title')),
  field(t('login.username'), user),
  field(t('login.password'), password),
  error,
  h('button.primary', { type: 'submit' }, t('login.submit')));
  clear(app, h('header.top', h('span.brand', 'Encours'), languageSwitch()), h('main.login-page', form));
  user.focus();
}

function shell() {
  const nav = h('nav', { 'aria-label': t('nav.label') },
    h('ul', SECTIONS.filter(allowed).map((s) => h('li', h('a', { href: `#/${s.path}`, dataset: { path: s.path } },
      t(s.label))))));
  const who = h('span.who', `${me.name} · ${me.roles.map((r) => t(`role.${r}`)).join(', ')}`);
  const out = h('button.link', { type: 'button', onclick: () => { logOut(); me = null; location.hash = ''; loginPage(); } },
    t('logout'));
  const main = h('main#page', { id: 'page', tabindex: '-1' });
  clear(app, h('header.top', h('span.brand', 'Encours'), nav, h('div.user', who, languageSwitch(), out)), main);
  return main;
}

async function route() {
  if (!me) return;
  const [path = 'overview', ...params] = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const section = SECTIONS.find((s) => s.path === path) || SECTIONS[0];
  const main = shell();
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.dataset.path === section.path) a.setAttribute('aria-current', 'page');
  });
  if (!allowed(section)) {
    clear(main, h('h1', t(section.label)), h('p.error', { role: 'alert' }, t('error.403')));
    return;
  }
  const ctx = { me, params, can };
  try {
    await (section.path === 'policies' && params[0] ? policyVersion : section.page)(main, ctx);
  } catch (err) {
    showError(main, err);
  }
}

async function start() {
  me = await whoAmI();
  if (!location.hash || location.hash === '#/') location.hash = '#/overview';
  await route();
}

window.addEventListener('hashchange', route);
window.addEventListener('encours:unauthorized', () => {
  if (!me) return; // a failed login says so itself
  me = null;
  logOut();
  loginPage(t('error.401'));
});
onLanguageChange(() => (me ? route() : loginPage()));

if (loggedIn()) {
  start().catch(() => { logOut(); loginPage(); });
} else {
  loginPage();
}
