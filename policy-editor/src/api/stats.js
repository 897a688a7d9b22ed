// Decision counts for the overview.
import { request } from './http.js';

export const decisionStats = (days) => request(`/api/v1/stats/decisions?days=${days}`);
