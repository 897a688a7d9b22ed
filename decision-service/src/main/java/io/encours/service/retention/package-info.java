/**
 * Retention and archiving of the audit trail: how long each kind of record is kept (ten years for decisions by
 * default, the period of the Code de commerce, L123-22), the archive of a closed month as compressed JSON Lines
 * with the chain's anchor and last hash, verifiable offline, and the pruning of archived months past their
 * retention, after which the chain is verified from its first kept record with its predecessor's hash as the
 * anchor (docs/audit.md, "Retention and archiving"); holds and the hold, policy and administrators' actions are
 * archived and pruned by month likewise, never an open hold.
 */
package io.encours.service.retention;
