package io.encours.service.retention;

import com.mongodb.client.MongoCursor;
import io.encours.service.audit.AuditArchiveStore;
import io.encours.service.audit.AuditChain;
import io.encours.service.storage.WriteDurability;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static io.encours.service.retention.RetentionProblems.conflict;

/**
 * Archives the decisions of a closed month and prunes archived months past their retention.
 *
 * <p>An archive is a contiguous range of the chain: from the record after the previous archive (or the first
 * kept record) to the last one before the first record received after the month. Archives thus follow each
 * other with no gap and no overlap, each anchored on the previous one's last hash, and are made in order.
 * Records are chained in the order they reach the writer, which follows their reception time to within
 * milliseconds: a record received in the last milliseconds of a month but chained after one of the next month
 * goes into the next month's archive.
 *
 * <p>The archive reads the chain in order from a known number ({@code chainSeq} from the previous archive's end,
 * a range of the unique chain-number index on MongoDB) and stops at the month's end; the prune deletes by id (the
 * ids of the archived records, read from the verified archive), bounded deletes on the {@code _id} index of
 * either store. The writer's chain head is never pruned (the last record is
 * always kept), so new decisions go on linking after it.
 */
public class AuditArchives {
    private static final Logger log = LoggerFactory.getLogger(AuditArchives.class);
    static final String KIND = "decisions";
    /** Records deleted per command when pruning, by id. */
    static final int DELETE_CHUNK = 1000;
    /** Records read per batch of the archive's cursor. */
    static final int READ_BATCH = 500;

    private final RetentionStore store;
    private final AuditArchiveStore decisions;
    private final WriteDurability durability;
    private final RetentionProperties properties;
    private final ChainAnchorStore anchors;
    private final ArchiveCheck check;
    private final JsonMapper json;
    private final Clock clock;

    AuditArchives(RetentionStore store, ChainAnchorStore anchors, AuditArchiveStore decisions,
                  WriteDurability durability, RetentionProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.durability = durability;
        this.properties = properties;
        this.anchors = anchors;
        this.check = new ArchiveCheck(json);
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.clock = clock;
    }

    RetentionProperties properties() {
        return properties;
    }

    Optional<ChainAnchor> anchor() {
        return anchors.decisions();
    }

    List<ArchiveManifest> archives() {
        return store.auditManifests().stream()
                .sorted(Comparator.comparingLong(ArchiveManifest::firstSeq).thenComparing(ArchiveManifest::period))
                .toList();
    }

    Optional<ArchiveManifest> archive(YearMonth period) {
        return store.auditManifest(KIND, period.toString());
    }

    Path fileOf(ArchiveManifest manifest) {
        return properties.archiveDirectory().resolve(manifest.file());
    }

    /** Writes the archive of {@code period}, reads it back to verify it, then records it. */
    synchronized ArchiveManifest archive(YearMonth period, String actor) {
        Instant now = clock.instant();
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (end.plus(properties.closingMargin()).isAfter(now)) {
            throw conflict(RetentionProblems.PERIOD_NOT_CLOSED, "Period not closed",
                    period + " can be archived from " + end.plus(properties.closingMargin()), period.toString());
        }
        if (archive(period).isPresent()) {
            throw conflict(RetentionProblems.PERIOD_ARCHIVED, "Period already archived",
                    "The decisions of " + period + " are archived already", period.toString());
        }
        List<ArchiveManifest> done = archives();
        long firstSeq;
        String anchorHash;
        if (!done.isEmpty()) {
            ArchiveManifest previous = done.get(done.size() - 1);
            if (YearMonth.parse(previous.period()).isAfter(period)) {
                throw conflict(RetentionProblems.ARCHIVE_OUT_OF_ORDER, "Archives go in order",
                        previous.period() + " is archived already: " + period + " is in it", period.toString());
            }
            firstSeq = previous.lastSeq() + 1;
            anchorHash = previous.lastHash();
        } else {
            Optional<ChainAnchor> anchor = anchors.decisions();
            firstSeq = anchor.map(ChainAnchor::firstSeq).orElse(1L);
            anchorHash = anchor.map(ChainAnchor::anchorHash).orElse(AuditChain.GENESIS);
        }
        String name = KIND + "-" + period + ".jsonl.gz";
        try {
            Files.createDirectories(properties.archiveDirectory());
            Path target = properties.archiveDirectory().resolve(name);
            Path partial = properties.archiveDirectory().resolve(name + ".partial");
            Written written = write(partial, firstSeq, anchorHash, end, period);
            String sha256 = ArchiveCheck.fileSha256(partial);
            ArchiveManifest manifest = new ArchiveManifest(KIND, period.toString(), name, firstSeq,
                    firstSeq + written.records - 1, written.records, anchorHash, written.lastHash, sha256,
                    written.firstReceivedAt, written.lastReceivedAt, now, actor, null, null);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String problem = check.problemOf(target, manifest);
            if (problem != null) {
                throw new IllegalStateException("The archive of " + period + " does not read back: " + problem);
            }
            manifest = new ArchiveManifest(KIND, period.toString(), name, manifest.firstSeq(), manifest.lastSeq(),
                    manifest.records(), anchorHash, manifest.lastHash(), sha256, manifest.firstReceivedAt(),
                    manifest.lastReceivedAt(), now, actor, clock.instant(), null);
            Files.writeString(properties.archiveDirectory().resolve(KIND + "-" + period + ".manifest.json"),
                    json.writeValueAsString(manifest) + "\n");
            store.insertAuditManifest(manifest);
            recordAction("ARCHIVED", actor, manifest);
            log.info("audit archive written period={} firstSeq={} lastSeq={} records={} file={} by={}", period,
                    manifest.firstSeq(), manifest.lastSeq(), manifest.records(), target, actor);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Archive of " + period + " not written", e);
        }
    }

    private record Written(long records, String lastHash, Instant firstReceivedAt, Instant lastReceivedAt) {
    }

    private Written write(Path file, long firstSeq, String anchorHash, Instant end, YearMonth period)
            throws IOException {
        long expected = firstSeq;
        String previous = anchorHash;
        Instant first = null;
        Instant last = null;
        try (OutputStream out = Files.newOutputStream(file);
             Writer lines = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out, 64 * 1024),
                     StandardCharsets.UTF_8), 64 * 1024)) {
            try (MongoCursor<Document> records = decisions.chainFrom(firstSeq, READ_BATCH)) {
                while (records.hasNext()) {
                    Document record = records.next();
                    Instant receivedAt = AuditArchiveStore.receivedAt(record);
                    if (!receivedAt.isBefore(end)) {
                        break;
                    }
                    long seq = ((Number) record.get(AuditChain.SEQ)).longValue();
                    // An archive is evidence: a broken chain is not archived (and so never pruned) before it is explained.
                    if (seq != expected || !previous.equals(record.getString(AuditChain.PREV_HASH))
                            || !AuditChain.hashOf(record).equals(record.getString(AuditChain.HASH))) {
                        throw chainBroken(expected, period);
                    }
                    lines.write(AuditChain.canonicalJson(record));
                    lines.write('\n');
                    first = first == null ? receivedAt : first;
                    last = receivedAt;
                    previous = record.getString(AuditChain.HASH);
                    expected++;
                }
            }
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Written(expected - firstSeq, previous, first, last);
    }

    private static RuntimeException chainBroken(long expected, YearMonth period) {
        return conflict(RetentionProblems.CHAIN_BROKEN, "Chain broken", "Record " + expected
                + " is missing, altered or not linked to the one before it; see GET /api/v1/audit/verify",
                period.toString());
    }

    /**
     * Deletes the decisions of every archived month up to {@code period} once {@code period} is past the
     * decisions' retention. Each archive concerned is read back and checked against its manifest first.
     */
    synchronized PruneResult prune(YearMonth period, String actor) {
        Instant now = clock.instant();
        ArchiveManifest through = archive(period)
                .orElseThrow(() -> RetentionProblems.notArchived(period.toString(), HttpStatus.CONFLICT));
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant keptUntil = end.atZone(ZoneOffset.UTC).plus(properties.decisions()).toInstant();
        if (keptUntil.isAfter(now)) {
            throw conflict(RetentionProblems.WITHIN_RETENTION, "Within retention",
                    "The decisions of " + period + " are kept until " + keptUntil + " (encours.retention.decisions="
                            + properties.decisions() + ")", period.toString());
        }
        Optional<ChainAnchor> anchor = anchors.decisions();
        long firstKept = anchor.map(ChainAnchor::firstSeq).orElse(1L);
        if (through.lastSeq() < firstKept - 1) {
            throw conflict(RetentionProblems.PERIOD_PRUNED, "Period pruned already",
                    "The decisions of " + period + " were pruned already", period.toString());
        }
        // Pruning the same period again finishes a prune cut short (records left below the anchor).
        long from = through.lastSeq() == firstKept - 1 ? anchors.prunedFrom() : firstKept;
        long to = through.lastSeq();
        List<ArchiveManifest> covering = new ArrayList<>();
        for (ArchiveManifest archive : archives()) {
            if (archive.lastSeq() >= from && archive.firstSeq() <= to) {
                covering.add(archive);
                String problem;
                try {
                    problem = check.problemOf(fileOf(archive), archive);
                } catch (IOException | RuntimeException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    throw conflict(RetentionProblems.ARCHIVE_INVALID, "Archive does not verify",
                            "The archive of " + archive.period() + " no longer matches its manifest: " + problem
                                    + "; nothing was deleted", archive.period());
                }
            }
        }
        if (to >= from && !decisions.anyAfter(to)) {
            throw conflict(RetentionProblems.CHAIN_HEAD_KEPT, "The chain's last record is kept",
                    "No decision was recorded after " + period + ": the last record carries the chain's head and "
                            + "is never pruned", period.toString());
        }
        ChainAnchor next = new ChainAnchor(to + 1, through.lastHash(), period.toString(), now, actor);
        anchors.set(next, from);
        durability.makeAcknowledgedWritesDurable();
        long deleted = 0;
        for (ArchiveManifest archive : covering) {
            deleted += deleteArchived(archive, from, to);
        }
        durability.makeAcknowledgedWritesDurable();
        store.markAuditArchivesPruned(to, now);
        PruneResult result = new PruneResult(period.toString(), from, to, deleted, next);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("firstSeq", from);
        details.put("lastSeq", to);
        details.put("deleted", deleted);
        details.put("anchorSeq", next.firstSeq());
        details.put("anchorHash", next.anchorHash());
        insertAction("PRUNED", actor, period.toString(), details);
        log.info("audit trail pruned through={} firstSeq={} lastSeq={} deleted={} anchorHash={} by={}", period, from,
                to, deleted, next.anchorHash(), actor);
        return result;
    }

    /**
     * Deletes the records of a verified archive whose chain numbers lie in {@code from..to}, by their ids read
     * from the archive, {@value #DELETE_CHUNK} at a time: each delete is bounded and answered from the
     * {@code _id} index on either store, never a scan of the trail.
     */
    private long deleteArchived(ArchiveManifest archive, long from, long to) {
        long deleted = 0;
        List<String> ids = new ArrayList<>(DELETE_CHUNK);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(fileOf(archive)), 64 * 1024), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Map<?, ?> record = json.readValue(line, Map.class);
                long seq = ((Number) record.get(AuditChain.SEQ)).longValue();
                if (seq >= from && seq <= to) {
                    ids.add((String) record.get("_id"));
                }
                if (ids.size() == DELETE_CHUNK) {
                    deleted += decisions.deleteByIds(ids);
                    ids.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Archive " + archive.file() + " not readable", e);
        }
        if (!ids.isEmpty()) {
            deleted += decisions.deleteByIds(ids);
        }
        return deleted;
    }

    /** {@code deleted} counts the records this call deleted ({@code firstSeq..lastSeq} is the range it covered). */
    record PruneResult(String period, long firstSeq, long lastSeq, long deleted, ChainAnchor anchor) {
    }

    private void recordAction(String action, String actor, ArchiveManifest manifest) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("firstSeq", manifest.firstSeq());
        details.put("lastSeq", manifest.lastSeq());
        details.put("records", manifest.records());
        details.put("anchorHash", manifest.anchorHash());
        details.put("lastHash", manifest.lastHash());
        details.put("sha256", manifest.sha256());
        insertAction(action, actor, manifest.period(), details);
    }

    private void insertAction(String action, String actor, String period, Map<String, Object> details) {
        store.insertAction(actor, action, KIND, period, details, clock.instant());
    }

    List<Document> actions() {
        return store.actions();
    }
}
