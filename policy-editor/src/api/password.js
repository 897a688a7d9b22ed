// One's own password: the change the service requires at first login (and after a reset) before anything else.
import { request } from './http.js';

export const changeMyPassword = (currentPassword, newPassword) =>
  request('/api/v1/admin/me/password', { method: 'POST', json: { currentPassword, newPassword } });
