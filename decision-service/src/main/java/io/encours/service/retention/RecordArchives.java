package io.encours.service.retention;

import static io.encours.service.retention.RetentionProblems.conflict;

import com.mongodb.client.MongoCursor;
import io.encours.service.audit.AuditChain;
import io.encours.service.storage.ArchivableRecords;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives and prunes, month by month, the records that are not hash-chained ({@link RecordKind}): holds, hold
 * actions, policy actions and administrators' actions. An archive is {@code <kind>-<period>.jsonl.gz}, one record
 * a line in the same canonical JSON as the decisions' archives, with a manifest ({@code <kind>-<period>.manifest.json}:
 * the number of records and the file's SHA-256, which {@code sha256sum} checks offline). A prune deletes, once the
 * month is past the kind's retention and its archive still matches its manifest, the records the archive holds,
 * by id; never an open hold, nor an action of a hold still open (a hold put back to OPEN after its archive is
 * kept).
 */
public class RecordArchives {
    private static final Logger log = LoggerFactory.getLogger(RecordArchives.class);

    /** What an archive holds; {@code prunedAt} and {@code deleted} once pruned. */
    record Manifest(String kind, String period, String file, long records, String sha256, Instant archivedAt,
                    String archivedBy, Instant prunedAt, Long deleted) {
    }

    private final RetentionStore store;
    private final Map<RecordKind, ArchivableRecords> trails;
    private final WriteDurability durability;
    private final RetentionProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    RecordArchives(RetentionStore store, Map<RecordKind, ArchivableRecords> trails, WriteDurability durability,
                   RetentionProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.trails = Map.copyOf(trails);
        this.durability = durability;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    List<Manifest> archives() {
        return store.recordManifests();
    }

    Optional<Manifest> archive(RecordKind kind, YearMonth period) {
        return store.recordManifest(kind.path, period.toString());
    }

    Path fileOf(Manifest manifest) {
        return properties.archiveDirectory().resolve(manifest.file());
    }

    /** Writes the archive of the {@code kind} records of {@code period}, checks it reads back, records it. */
    synchronized Manifest archive(RecordKind kind, YearMonth period, String actor) {
        Instant now = clock.instant();
        Instant start = start(period);
        Instant end = start(period.plusMonths(1));
        if (end.plus(properties.closingMargin()).isAfter(now)) {
            throw conflict(RetentionProblems.PERIOD_NOT_CLOSED, "Period not closed",
                    period + " can be archived from " + end.plus(properties.closingMargin()), period.toString());
        }
        if (archive(kind, period).isPresent()) {
            throw conflict(RetentionProblems.PERIOD_ARCHIVED, "Period already archived",
                    "The " + kind.path + " of " + period + " are archived already", period.toString());
        }
        String name = kind.path + "-" + period + ".jsonl.gz";
        ArchivableRecords records = trails.get(kind);
        try {
            Files.createDirectories(properties.archiveDirectory());
            Path target = properties.archiveDirectory().resolve(name);
            Path partial = properties.archiveDirectory().resolve(name + ".partial");
            long count = 0;
            try (OutputStream out = Files.newOutputStream(partial);
                 Writer lines = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out, 64 * 1024),
                         StandardCharsets.UTF_8), 64 * 1024);
                 MongoCursor<Document> found = records.recordedIn(start, end, AuditArchives.READ_BATCH)) {
                while (found.hasNext()) {
                    lines.write(AuditChain.canonicalJson(found.next()));
                    lines.write('\n');
                    count++;
                }
            }
            String sha256 = ArchiveCheck.fileSha256(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!sha256.equals(ArchiveCheck.fileSha256(target)) || ids(target).size() != count) {
                throw new IllegalStateException("The archive " + name + " does not read back");
            }
            Manifest manifest = new Manifest(kind.path, period.toString(), name, count, sha256, now, actor, null, null);
            Files.writeString(properties.archiveDirectory().resolve(kind.path + "-" + period + ".manifest.json"),
                    json.writeValueAsString(manifest) + "\n");
            store.insertRecordManifest(manifest);
            durability.makeAcknowledgedWritesDurable();
            log.info("record archive written kind={} period={} records={} file={} by={}", kind.path, period, count,
                    target, actor);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Archive of the " + kind.path + " of " + period + " not written", e);
        }
    }

    /**
     * Deletes the records of the archive of {@code period} once it is past the kind's retention and the archive
     * still matches its manifest. Running it again after a prune cut short deletes what is left.
     */
    synchronized Manifest prune(RecordKind kind, YearMonth period, String actor) {
        Instant now = clock.instant();
        Manifest archived = archive(kind, period)
                .orElseThrow(() -> RetentionProblems.notArchived(period.toString(), HttpStatus.CONFLICT));
        Instant keptUntil = start(period.plusMonths(1)).atZone(ZoneOffset.UTC).plus(kind.retention(properties))
                .toInstant();
        if (keptUntil.isAfter(now)) {
            throw conflict(RetentionProblems.WITHIN_RETENTION, "Within retention", "The " + kind.path + " of " + period
                    + " are kept until " + keptUntil + " (" + kind.property() + "=" + kind.retention(properties)
                    + ")", period.toString());
        }
        Path file = fileOf(archived);
        List<String> ids;
        try {
            if (!Files.isRegularFile(file) || !archived.sha256().equals(ArchiveCheck.fileSha256(file))) {
                throw new IOException("the file is missing or its SHA-256 differs from the manifest's");
            }
            ids = ids(file);
        } catch (IOException | RuntimeException e) {
            throw conflict(RetentionProblems.ARCHIVE_INVALID, "Archive does not verify", "The archive of the "
                    + kind.path + " of " + period + " no longer matches its manifest: " + e.getMessage()
                    + "; nothing was deleted", period.toString());
        }
        long deleted = trails.get(kind).deleteArchived(ids, AuditArchives.DELETE_CHUNK);
        durability.makeAcknowledgedWritesDurable();
        long total = (archived.deleted() == null ? 0 : archived.deleted()) + deleted;
        store.markRecordArchivePruned(kind.path, period.toString(), now, total);
        durability.makeAcknowledgedWritesDurable();
        log.info("records pruned kind={} period={} deleted={} by={}", kind.path, period, deleted, actor);
        return archive(kind, period).orElseThrow();
    }

    private List<String> ids(Path archive) throws IOException {
        List<String> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(archive), 64 * 1024), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                ids.add((String) json.readValue(line, Map.class).get("_id"));
            }
        }
        return ids;
    }

    private static Instant start(YearMonth period) {
        return period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
