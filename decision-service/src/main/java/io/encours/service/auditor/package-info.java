/**
 * What auditors use: search and export of the recorded decisions, and verification of the audit trail's
 * hash chain (docs/audit.md). Read-only; reads the {@code decisions} collection directly.
 */
package io.encours.service.auditor;
