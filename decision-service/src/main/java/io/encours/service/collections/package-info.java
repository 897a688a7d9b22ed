/**
 * Collections: the daily dunning run and the worklist it produces. A run (at a set time each day, or started by
 * a credit person) asks the policy's dunning decision, as {@code POST /api/v1/decisions/dunning} does and with
 * each evaluation in the audit trail, for every open invoice that is overdue or due within the policy's pre-due
 * window, with the facts the ledger and the credit account hold (promises, disputes, steps already sent, account
 * status, payment behaviour). The steps to take become the worklist: per customer one line per action, all its
 * invoices at that step grouped as one letter would carry them, with the priority (risk x amount), the
 * late-payment interest and recovery indemnity of each invoice, and the account's collector. A line marked done
 * writes its step into the ledger, so that the next run moves on.
 */
package io.encours.service.collections;
