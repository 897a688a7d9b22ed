package io.encours.service.audit;

/**
 * What a stored decision record says of itself when read: checked against its own content hash and chain link
 * ({@link AuditChain#integrityOf}). Only a WHOLE record is what the service wrote; the chain walk
 * ({@code /api/v1/audit/verify}) also finds deleted records and broken links between records.
 */
public enum Integrity {
    /** Its content hashes to its {@code contentHash}, and its {@code hash} links that to its place in the chain. */
    WHOLE,
    /** Its content, its content hash or its chain fields were changed after it was written. */
    ALTERED,
    /** It carries no hash at all: written before the chain existed, or stripped of its hashes (see docs/audit.md). */
    UNSEALED
}
