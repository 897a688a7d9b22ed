/**
 * Decision counts for the overview page: today's decisions by outcome and by type, and each day's by outcome,
 * in the business time zone, counted by the database (one aggregation) from the audit trail.
 */
package io.encours.service.stats;
