// Policy versions: list, read, drafts, edits of tables, parameters and files, checks, review actions, diff,
// history, and trying a request against a version.
import { download, request } from './http.js';

const BASE = '/api/v1/policies';
const file = (number, name) => `${BASE}/${number}/files/${encodeURIComponent(name)}`;

export const listVersions = () => request(BASE);
export const activeVersion = () => request(`${BASE}/active`);
export const version = (number) => request(`${BASE}/${number}`);
export const tables = (number) => request(`${BASE}/${number}/tables`);
export const actions = (number) => request(`${BASE}/${number}/actions`);
export const diff = (from, to) => request(`${BASE}/${from}/diff/${to}`);

/** A draft copied from the version in force. */
export const newDraft = (comment) => request(`${BASE}/drafts`, { method: 'POST', json: { comment } });
/** A draft from uploaded files or a zip (multipart, the field "files"). */
export const uploadDraft = (form) => request(`${BASE}/drafts`, { method: 'POST', body: form });

/** submit, approve, reject or activate a version: body {comment} or, to reject, {reason}. */
export const review = (number, action, body) => request(`${BASE}/${number}/${action}`, { method: 'POST', json: body });
export const rollback = (body) => request(`${BASE}/rollback`, { method: 'POST', json: body });

export const saveTable = (number, fileName, { sheet, table, rows }) =>
  request(`${BASE}/${number}/tables/${encodeURIComponent(fileName)}`, { method: 'PUT', json: { sheet, table, rows } });
export const saveParameters = (number, parameters) => request(`${BASE}/${number}/parameters`, { method: 'PUT', json: parameters });
/** A file replaced by an upload (multipart, the field "file"). */
export const uploadFile = (number, fileName, form) => request(file(number, fileName), { method: 'PUT', body: form });
/** A text file (DRL) replaced by its new text. */
export const saveText = (number, fileName, text) =>
  request(file(number, fileName), { method: 'PUT', body: text, contentType: 'text/plain;charset=UTF-8' });
export const downloadFile = (number, fileName) => download(file(number, fileName), fileName);

export const validation = (number) => request(`${BASE}/${number}/validation`);
export const verification = (number) => request(`${BASE}/${number}/verification`);
export const scenarioResults = (number) => request(`${BASE}/${number}/scenario-results`);

/** A request of one decision type evaluated against a version; nothing recorded. */
export const evaluate = (number, type, body) => request(`${BASE}/${number}/evaluate`, { method: 'POST', json: { type, request: body } });
