// Credit holds: the queue, one hold with its decision and history, release or reject.
import { request } from './http.js';

const BASE = '/api/v1/holds';

/** A page of holds; query is a URLSearchParams (status, customerId, size, sort, direction). */
export const listHolds = (query) => request(`${BASE}?${query}`);
export const hold = (holdId) => request(`${BASE}/${holdId}`);
/** action: 'release' or 'reject'. */
export const settle = (holdId, action, comment) => request(`${BASE}/${holdId}/${action}`, { method: 'POST', json: { comment } });
