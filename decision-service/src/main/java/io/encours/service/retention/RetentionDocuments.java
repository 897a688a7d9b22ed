package io.encours.service.retention;

import static io.encours.service.storage.BsonValues.date;
import static io.encours.service.storage.BsonValues.instant;

import java.time.Instant;
import java.util.Map;
import org.bson.Document;

/**
 * The stored shapes of retention's own collections, written once: the manifests of the decisions' archives
 * ({@code audit_archives}) and of the other trails' ({@code record_archives}), keyed {@code <kind>-<period>}, the
 * retention actions ({@code retention_actions}) and the chain's anchor ({@code audit_chain_anchor}).
 */
final class RetentionDocuments {
    static final String ID = "_id";
    static final String LAST_SEQ = "lastSeq";
    static final String PRUNED_AT = "prunedAt";
    static final String DELETED = "deleted";
    static final String PRUNED_FROM = "prunedFrom";

    private RetentionDocuments() {
    }

    static String manifestId(String kind, String period) {
        return kind + "-" + period;
    }

    static Document auditManifest(ArchiveManifest m) {
        return new Document(ID, manifestId(m.kind(), m.period())).append("kind", m.kind()).append("period", m.period())
                .append("file", m.file()).append("firstSeq", m.firstSeq()).append(LAST_SEQ, m.lastSeq())
                .append("records", m.records()).append("anchorHash", m.anchorHash()).append("lastHash", m.lastHash())
                .append("sha256", m.sha256()).append("firstReceivedAt", date(m.firstReceivedAt()))
                .append("lastReceivedAt", date(m.lastReceivedAt())).append("archivedAt", date(m.archivedAt()))
                .append("archivedBy", m.archivedBy()).append("verifiedAt", date(m.verifiedAt()))
                .append(PRUNED_AT, date(m.prunedAt()));
    }

    static ArchiveManifest auditManifest(Document d) {
        return new ArchiveManifest(d.getString("kind"), d.getString("period"), d.getString("file"),
                ((Number) d.get("firstSeq")).longValue(), ((Number) d.get(LAST_SEQ)).longValue(),
                ((Number) d.get("records")).longValue(), d.getString("anchorHash"), d.getString("lastHash"),
                d.getString("sha256"), instant(d, "firstReceivedAt"), instant(d, "lastReceivedAt"),
                instant(d, "archivedAt"), d.getString("archivedBy"), instant(d, "verifiedAt"), instant(d, PRUNED_AT));
    }

    static Document recordManifest(RecordArchives.Manifest m) {
        return new Document(ID, manifestId(m.kind(), m.period())).append("kind", m.kind()).append("period", m.period())
                .append("file", m.file()).append("records", m.records()).append("sha256", m.sha256())
                .append("archivedAt", date(m.archivedAt())).append("archivedBy", m.archivedBy());
    }

    static RecordArchives.Manifest recordManifest(Document d) {
        Object deleted = d.get(DELETED);
        return new RecordArchives.Manifest(d.getString("kind"), d.getString("period"), d.getString("file"),
                ((Number) d.get("records")).longValue(), d.getString("sha256"), instant(d, "archivedAt"),
                d.getString("archivedBy"), instant(d, PRUNED_AT), deleted == null ? null : ((Number) deleted).longValue());
    }

    static Document action(String id, Instant at, String actor, String action, String kind, String period,
                           Map<String, Object> details) {
        return new Document(ID, id).append("at", date(at)).append("actor", actor).append("action", action)
                .append("kind", kind).append("period", period).append("details", new Document(details));
    }

    static Document anchor(String id, ChainAnchor anchor, long prunedFrom) {
        return new Document(ID, id).append("firstSeq", anchor.firstSeq()).append("anchorHash", anchor.anchorHash())
                .append("throughPeriod", anchor.throughPeriod()).append("prunedAt", date(anchor.prunedAt()))
                .append("prunedBy", anchor.prunedBy()).append(PRUNED_FROM, prunedFrom);
    }

    static ChainAnchor anchor(Document d) {
        return new ChainAnchor(((Number) d.get("firstSeq")).longValue(), d.getString("anchorHash"),
                d.getString("throughPeriod"), instant(d, "prunedAt"), d.getString("prunedBy"));
    }

    static long prunedFrom(Document anchor) {
        return ((Number) anchor.get(PRUNED_FROM)).longValue();
    }
}
