// Simulations: a version replayed over a time window of recorded decisions.
import { request } from './http.js';

const BASE = '/api/v1/simulations';

export const listSimulations = () => request(BASE);
export const simulation = (id) => request(`${BASE}/${id}`);
/** body: {version, from, to} (ISO instants). */
export const startSimulation = (body) => request(BASE, { method: 'POST', json: body });
export const cancelSimulation = (id) => request(`${BASE}/${id}/cancel`, { method: 'POST' });
