package io.encours.service.retention;

import java.time.Instant;

/**
 * What an archive holds, written next to it ({@code decisions-2026-06.manifest.json}) and kept in
 * {@code audit_archives}: the chain range {@code firstSeq..lastSeq} ({@code records} of them, none when the
 * period had no record: then {@code lastSeq = firstSeq - 1} and {@code lastHash = anchorHash}), the hash the
 * first record links to ({@code anchorHash}: its {@code prevHash}, the genesis hash for record 1) and the last
 * record's hash, and the SHA-256 of the archive file. Archives follow each other: an archive's
 * {@code anchorHash} is the previous one's {@code lastHash}.
 */
public record ArchiveManifest(String kind, String period, String file, long firstSeq, long lastSeq, long records,
                              String anchorHash, String lastHash, String sha256, Instant firstReceivedAt,
                              Instant lastReceivedAt, Instant archivedAt, String archivedBy, Instant verifiedAt,
                              Instant prunedAt) {

    ArchiveManifest pruned(Instant at) {
        return new ArchiveManifest(kind, period, file, firstSeq, lastSeq, records, anchorHash, lastHash, sha256,
                firstReceivedAt, lastReceivedAt, archivedAt, archivedBy, verifiedAt, at);
    }
}
