import './style.css';
import { me as whoAmI } from './api/admin.js';
import { ApiError, logIn, logOut, loggedIn } from './api/http.js';
import { clear, field, h, setFieldError } from './dom.js';
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
import { changeMyPassword } from './api/password.js';
import { confirmAction, forgetUnsaved, hasUnsaved, noticeAfterRedraw, takeNotice } from './confirm.js';
import { okBox } from './ui.js';

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
/** The password typed on the login form, kept only until the first-login screen has used it. */
let typedPassword = null;
/** The address of the page on screen: where a refused departure returns to. */
let shownHash = null;
/** False until the first page after loading or logging in is drawn. */
let drawnOnce = false;

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
      typedPassword = password.value;
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
  clear(app, skipLink(), h('header.top', h('span.brand', 'Encours'), languageSwitch()), h('main.login-page', { id: 'page', tabindex: '-1' }, form));
  user.focus();
}

function shell() {
  const nav = h('nav', { 'aria-label': t('nav.label') },
    h('ul', SECTIONS.filter(allowed).map((s) => h('li', h('a', { href: `#/${s.path}`, dataset: { path: s.path } },
      t(s.label))))));
  const who = h('span.who', `${me.name} · ${me.roles.map((r) => t(`role.${r}`)).join(', ')}`);
  const out = h('button.link', { type: 'button', onclick: () => { logOut(); me = null; location.hash = ''; loginPage(); } },
    t('logout'));
  const main = h('main', { id: 'page', tabindex: '-1' });
  clear(app, skipLink(), h('header.top', h('span.brand', 'Encours'), nav, h('div.user', who, languageSwitch(), out)), main);
  return main;
}

async function route() {
  if (!me) return;
  if (me.passwordChangeRequired) {
    passwordPage();
    return;
  }
  if (!(await mayLeave())) return;
  const moved = location.hash !== shownHash;
  shownHash = location.hash;
  if (moved) window.scrollTo(0, 0);
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
  afterRoute(main);
}

async function start() {
  me = await whoAmI();
  if (me.passwordChangeRequired) {
    passwordPage();
    return;
  }
  typedPassword = null;
  forgetUnsaved(); // edits left behind by an earlier session of this tab are gone with it
  shownHash = null;
  drawnOnce = false;
  // The home page without a hashchange: the page is drawn once.
  if (!location.hash || location.hash === '#/') history.replaceState(null, '', `#/${home()}`);
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

// ---- first login, skip link, focus after a page is drawn, unsaved edits (issue 19: findings 1, 2, 9)

/** The first section the caller may open: their home page. */
function home() {
  return (SECTIONS.find(allowed) || SECTIONS[0]).path;
}

/** The first link of every page: straight to its main content, past the header (Tab, then Enter). */
function skipLink() {
  return h('a.skip-link', {
    href: '#page',
    onclick: (e) => {
      e.preventDefault();
      const main = document.getElementById('page');
      if (main) main.focus();
    },
  }, t('skip.toContent'));
}

/**
 * A kept result shown at the top of the page just drawn; after a move within the page (not its first drawing,
 * where the first Tab must still reach the skip link) the focus goes to the new content, unless the page put it
 * somewhere itself.
 */
function afterRoute(main) {
  const notice = takeNotice();
  if (notice) {
    const area = main.querySelector('.messages');
    if (area) area.replaceChildren(okBox(notice)); else main.prepend(okBox(notice));
  }
  if (drawnOnce && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  drawnOnce = true;
}

/** With unsaved cell edits, leaving the page asks first; staying puts the address back (no redraw). */
async function mayLeave() {
  if (!hasUnsaved() || shownHash === null) return true;
  const leave = await confirmAction({
    title: t('unsaved.title'), consequence: t('unsaved.consequence'), confirmLabel: t('unsaved.leave'),
  });
  if (leave) {
    forgetUnsaved();
    return true;
  }
  if (location.hash !== shownHash) history.replaceState(null, '', shownHash || '#/');
  return false;
}

/**
 * First login: the service requires a new password (set by an administrator, or reset) and opens nothing else
 * until then; the page says so and asks for one, with the service's rules (PasswordChange: 12 to 72
 * characters, not the current one), then opens the person's home page.
 */
function passwordPage() {
  const current = h('input', { type: 'password', name: 'current-password', autocomplete: 'current-password', required: true,
    value: typedPassword ?? '' });
  const chosen = h('input', { type: 'password', name: 'new-password', autocomplete: 'new-password', required: true,
    'aria-describedby': 'password-rules' });
  const again = h('input', { type: 'password', name: 'new-password-again', autocomplete: 'new-password', required: true });
  const error = h('p.error', { role: 'alert', id: 'password-error' });
  const fields = [current, chosen, again];
  const submit = h('button.primary', { type: 'submit' }, t('password.submit'));
  const form = h('form.login.password', {
    novalidate: true,
    'aria-labelledby': 'password-title',
    onsubmit: async (e) => {
      e.preventDefault();
      fields.forEach((f) => setFieldError(f, ''));
      error.textContent = '';
      const currentPassword = current.value;
      const bytes = new TextEncoder().encode(chosen.value).length;
      if (chosen.value.length < 12 || bytes > 72) {
        setFieldError(chosen, t('password.rule.length'));
        chosen.focus();
        return;
      }
      if (chosen.value === currentPassword) {
        setFieldError(chosen, t('password.rule.different'));
        chosen.focus();
        return;
      }
      if (again.value !== chosen.value) {
        setFieldError(again, t('password.mismatch'));
        again.focus();
        return;
      }
      submit.disabled = true;
      try {
        await changeMyPassword(currentPassword, chosen.value);
        logIn(me.name, chosen.value);
        typedPassword = null;
        me = null;
        noticeAfterRedraw(t('password.changed'));
        history.replaceState(null, '', location.pathname + location.search);
        await start();
      } catch (err) {
        const named = (err.errors || []).find((x) => x.field === 'newPassword' || x.field === 'currentPassword');
        if (named) {
          const control = named.field === 'newPassword' ? chosen : current;
          setFieldError(control, named.field === 'newPassword' ? t('password.refused') : t('password.wrongCurrent'));
          control.focus();
        } else {
          error.textContent = err.message;
        }
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('h1', { id: 'password-title' }, t('password.title')),
  h('p', t('password.why', { name: me.name })),
  h('ul.rules', { id: 'password-rules' }, h('li', t('password.rule.length')), h('li', t('password.rule.different')),
    h('li', t('password.rule.phrase'))),
  field(t('password.current'), current),
  field(t('password.new'), chosen),
  field(t('password.again'), again),
  error,
  h('div.buttons', submit, h('button.link-dark', { type: 'button', onclick: () => { logOut(); me = null; loginPage(); } }, t('logout'))));
  clear(app, skipLink(), h('header.top', h('span.brand', 'Encours'), languageSwitch()),
    h('main.login-page', { id: 'page', tabindex: '-1' }, form));
  (current.value ? chosen : current).focus();
}
