/**
 * Verification of decision tables before a policy is submitted: rows that can never apply, rows that
 * overlap with different results, and input combinations no row covers.
 */
package io.encours.rules.verify;
