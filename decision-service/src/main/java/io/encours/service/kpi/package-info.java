/**
 * Receivables KPIs (issue 15): what the credit manager steers with and reports to the committee, for one
 * customer, a group, a segment or the whole book, as of any date: receivables, overdue and its ratio, the aged
 * balance, DSO (simple, count-back, average balance, best possible), average days delinquent, the collection
 * effectiveness index, days late of payments, disputed share, promises kept, and the customers to look at first.
 * Computed from the ledger's invoices and their dated settlements (docs/kpis.md), kept in memory in a compact
 * columnar form ({@link CustomerBook}) so that any past date of a large book is answered in a pass over arrays.
 */
package io.encours.service.kpi;
