// The one fetch wrapper every API client module (policies.js, holds.js, ...) calls; pages never call it nor
// name a path. HTTP Basic on each request (the service is stateless), and X-Requested-With so that a 401
// carries no Basic challenge and the browser shows no login box. Any non-2xx answer becomes an ApiError
// carrying the RFC 9457 problem+json object (built from the status when the body is not one); never a stack trace.
import { lang, t } from '../i18n.js';

const KEY = 'encours.credentials';
let credentials = sessionStorage.getItem(KEY);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || t('error.http', { status }));
    this.status = status;
    this.problem = problem;
    this.title = problem.title || t('error.http', { status });
    /** Field, row or cell problems: [{field, reason}] or [{file,row,column,rowIndex,columnIndex,message}] */
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export function logIn(username, password) {
  credentials = btoa(unescape(encodeURIComponent(`${username}:${password}`)));
  sessionStorage.setItem(KEY, credentials);
}

export function logOut() {
  credentials = null;
  sessionStorage.removeItem(KEY);
}

export function loggedIn() {
  return !!credentials;
}

function headers(extra = {}) {
  const h = { 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': lang(), ...extra };
  if (credentials) h.Authorization = `Basic ${credentials}`;
  return h;
}

/** A readable problem from any failed response, whatever its body. */
async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to the status text
    }
  }
  const known = {
    401: t('error.401'), 403: t('error.403'), 404: t('error.404'), 503: t('error.503'),
  };
  return { title: known[response.status] || t('error.http', { status: response.status }), status: response.status };
}

/** Calls the API; JSON in and out unless told otherwise. Throws ApiError on any non-2xx answer. */
export async function request(path, { method = 'GET', json, body, contentType, raw = false } = {}) {
  const extra = {};
  let payload = body;
  if (json !== undefined) {
    extra['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (contentType) {
    extra['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(path, { method, headers: headers(extra), body: payload });
  } catch {
    throw new ApiError(0, { title: t('error.network') });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) {
      // The password changed or the account was disabled meanwhile: back to the login form.
      window.dispatchEvent(new CustomEvent('encours:unauthorized'));
    }
    if (response.status === 404 && (!problem.type || problem.type === '/problems/not-found')) {
      // No such endpoint on this server (not a missing policy, hold or decision, which have their own type).
      problem.title = t('error.404');
      problem.detail = t('error.notOffered', { path: path.split('?')[0] });
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Downloads a file the API serves (the Basic header rules out a plain link). */
export async function download(path, filename) {
  const response = await request(path, { raw: true });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
