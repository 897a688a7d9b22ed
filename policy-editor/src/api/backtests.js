// Back-tests: a version scored on a labelled CSV.
import { request } from './http.js';

const BASE = '/api/v1/backtests';

export const latestBacktest = (version) => request(`${BASE}/latest?version=${version}`);
export const backtest = (id) => request(`${BASE}/${id}`);
/** form: multipart with the field "file"; asOf: yyyy-MM-dd or empty. */
export const startBacktest = (version, asOf, form) =>
  request(`${BASE}?version=${version}${asOf ? `&asOf=${asOf}` : ''}`, { method: 'POST', body: form });
