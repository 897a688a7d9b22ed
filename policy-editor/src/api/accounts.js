// Credit accounts and what the ledger and the decisions know of them: the account, its history, its
// exposure by category with the open documents, its ledger events, its decisions and its holds.
import { request } from './http.js';

const BASE = '/api/v1/accounts';
const id = (customerId) => encodeURIComponent(customerId);

/** A page of accounts in customer-id order; query is a URLSearchParams (status, riskClass, ..., after, limit). */
export const listAccounts = (query) => request(`${BASE}?${query}`);
export const account = (customerId) => request(`${BASE}/${id(customerId)}`);
export const accountHistory = (customerId) => request(`${BASE}/${id(customerId)}/history`);
/** asOf: 'yyyy-MM-dd' or empty for today. */
export const exposure = (customerId, asOf) => request(`${BASE}/${id(customerId)}/exposure${asOf ? `?asOf=${asOf}` : ''}`);
export const ledgerEvents = (customerId, limit = 100) => request(`${BASE}/${id(customerId)}/ledger/events?limit=${limit}`);
export const customerDecisions = (customerId, size = 20) => request(`/api/v1/customers/${id(customerId)}/decisions?size=${size}`);
