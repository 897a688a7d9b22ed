package io.encours.service.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What an archive holds, written next to it ({@code decisions-2026-06.manifest.json}) and kept in
 * {@code audit_archives}: the chain range {@code firstSeq..lastSeq} ({@code records} of them, none when the
 * period had no record: then {@code lastSeq = firstSeq - 1} and {@code lastHash = anchorHash}), the hash the
 * first record links to ({@code anchorHash}: its {@code prevHash}, the genesis hash for record 1) and the last
 * record's hash, and the SHA-256 of the archive file. Archives follow each other: an archive's
 * {@code anchorHash} is the previous one's {@code lastHash}. Written with its null fields (an empty month has no
 * reception times, an archive not pruned yet no {@code prunedAt}): a manifest always has the same fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ArchiveManifest(String kind, String period, String file, long firstSeq, long lastSeq, long records,
                              String anchorHash, String lastHash, String sha256, Instant firstReceivedAt,
                              Instant lastReceivedAt, Instant archivedAt, String archivedBy, Instant verifiedAt,
                              Instant prunedAt) {

    ArchiveManifest pruned(Instant at) {
        return new ArchiveManifest(kind, period, file, firstSeq, lastSeq, records, anchorHash, lastHash, sha256,
                firstReceivedAt, lastReceivedAt, archivedAt, archivedBy, verifiedAt, at);
    }
}
