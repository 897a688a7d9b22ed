// The caller's own identity: name, kind, roles and the permissions they grant (what the page shows).
import { request } from './http.js';

export const me = () => request('/api/v1/admin/me');
