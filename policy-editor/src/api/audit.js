// The audit explorer: search recorded decisions, export them, replay one, verify the hash chain.
import { download, request } from './http.js';

const BASE = '/api/v1/audit';

/** A page of decisions; query is a URLSearchParams of the audit API's filters (and size, cursor). */
export const searchDecisions = (query) => request(`${BASE}/decisions?${query}`);
export const exportCsv = (query, filename) => download(`${BASE}/decisions/export.csv?${query}`, filename);
export const replay = (decisionId) => request(`${BASE}/decisions/${decisionId}/replay`);
export const whatIf = (decisionId, version) => request(`${BASE}/decisions/${decisionId}/what-if?version=${version}`);
/** query: a URLSearchParams with from and to, or empty for the whole chain. */
export const verifyChain = (query) => request(`${BASE}/verify?${query}`);
