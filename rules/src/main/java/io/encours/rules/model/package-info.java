/**
 * The credit fact model as callers send it: customers, exposures, orders and overdue invoices.
 * Immutable records, money in {@link java.math.BigDecimal}, dates as {@link java.time.LocalDate}.
 */
package io.encours.rules.model;
