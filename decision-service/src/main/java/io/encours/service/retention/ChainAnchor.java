package io.encours.service.retention;

import java.time.Instant;

/**
 * Where the decisions' chain starts once older records were pruned: record {@code firstSeq} is the first kept,
 * and its {@code prevHash} must be {@code anchorHash}, the hash of the last pruned record (as the archive of
 * {@code throughPeriod} shows it).
 */
public record ChainAnchor(long firstSeq, String anchorHash, String throughPeriod, Instant prunedAt, String prunedBy) {
}
