/**
 * The receivables ledger: the ERP's events (orders, shipments, invoices, credit notes, payments, disputes,
 * promises, dunning steps) kept per customer as documents, from which the customer's exposure by category, as
 * of any date, and its payment behaviour are derived. Each accepted event also yields the change it makes to
 * the customer's running totals, so that today's exposure is read without adding up documents. This package
 * is plain Java: no framework, no storage.
 */
package io.encours.service.ledger;
