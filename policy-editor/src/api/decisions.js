// Recorded decisions.
import { request } from './http.js';

export const decision = (decisionId) => request(`/api/v1/decisions/${decisionId}`);
