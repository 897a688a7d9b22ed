/**
 * The audit trail: one record per decision, written durably before the decision is returned, and read
 * back by decision id, by request id (idempotency) and by customer.
 */
package io.encours.service.audit;
