package io.encours.service.retention;

import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Archives of the decisions: made and pruned by an administrator in person ({@code /api/v1/admin/...}), listed
 * and downloaded by auditors ({@code /api/v1/audit/...}). An archive is written to the archive directory on the
 * server, where it stays (the prune checks it against its manifest before deleting anything); auditors copy it
 * off with the download.
 */
@RestController
@Tag(name = "Retention", description = "Archives of closed months and pruning past the retention period")
class RetentionController {
    private final AuditArchives archives;
    private final RecordArchives records;

    RetentionController(AuditArchives archives, RecordArchives records) {
        this.archives = archives;
        this.records = records;
    }

    record Retention(Map<String, String> retention, ChainAnchor anchor, List<ArchiveManifest> archives,
                     List<RecordArchives.Manifest> recordArchives) {
    }

    @PostMapping(path = "/api/v1/admin/record-archives/{kind}", produces = "application/json")
    @Operation(summary = "Archive the holds, hold actions, policy actions or administrators' actions of a closed month",
            description = "kind: holds (by the month they were settled in; open holds are not archived), "
                    + "hold-actions, policy-actions, admin-actions. Writes <kind>-<period>.jsonl.gz (gzip JSON Lines, "
                    + "canonical JSON) and its manifest (records, SHA-256) to the archive directory.")
    RecordArchives.Manifest archiveRecords(@PathVariable String kind,
                                           @Parameter(description = "a month, e.g. 2026-06 (UTC)") @RequestParam String period,
                                           Authentication who) {
        return records.archive(kind(kind), month(period), who.getName());
    }

    @PostMapping(path = "/api/v1/admin/record-archives/{kind}/{period}/prune", produces = "application/json")
    @Operation(summary = "Delete the archived records of a month past the kind's retention period",
            description = "Only once the month is older than encours.retention.<kind> and its archive still matches "
                    + "its manifest; never an open hold, nor an action of a hold still open.")
    RecordArchives.Manifest pruneRecords(@PathVariable String kind, @PathVariable String period, Authentication who) {
        return records.prune(kind(kind), month(period), who.getName());
    }

    @GetMapping("/api/v1/audit/record-archives/{kind}/{period}")
    @Operation(summary = "Download the archive of a month of holds or actions (application/gzip: JSON Lines)")
    void recordArchiveFile(@PathVariable String kind, @PathVariable String period, HttpServletResponse response)
            throws IOException {
        RecordArchives.Manifest manifest = records.archive(kind(kind), month(period))
                .orElseThrow(() -> RetentionProblems.notArchived(period, HttpStatus.NOT_FOUND));
        send(records.fileOf(manifest), manifest.file(), manifest.sha256(), response);
    }

    @PostMapping(path = "/api/v1/admin/audit-archives", produces = "application/json")
    @Operation(summary = "Archive the decisions of a closed month",
            description = "Writes decisions-<period>.jsonl.gz (gzip JSON Lines, each line a record in canonical JSON) "
                    + "and its manifest to the archive directory, reads it back to verify it, and records it. Archives "
                    + "follow each other along the chain: each starts after the previous one.")
    ArchiveManifest archiveDecisions(@Parameter(description = "a month, e.g. 2026-06 (UTC)") @RequestParam String period,
                                     Authentication who) {
        return archives.archive(month(period), who.getName());
    }

    @PostMapping(path = "/api/v1/admin/audit-archives/{period}/prune", produces = "application/json")
    @Operation(summary = "Delete the archived decisions up to a month past its retention period",
            description = "Only archived months whose archive still matches its manifest, and only once the month "
                    + "is older than encours.retention.decisions. The chain is verified afterwards from the first kept "
                    + "record, anchored on the last pruned record's hash.")
    AuditArchives.PruneResult pruneDecisions(@PathVariable String period, Authentication who) {
        return archives.prune(month(period), who.getName());
    }

    @GetMapping(path = "/api/v1/audit/archives", produces = "application/json")
    @Operation(summary = "The retention periods, the chain's anchor and the archives made")
    Retention archives() {
        RetentionProperties p = archives.properties();
        Map<String, String> retention = new LinkedHashMap<>();
        retention.put("decisions", p.decisions().toString());
        retention.put("holds", p.holds().toString());
        retention.put("holdActions", p.holdActions().toString());
        retention.put("policyActions", p.policyActions().toString());
        retention.put("adminActions", p.adminActions().toString());
        return new Retention(retention, archives.anchor().orElse(null), archives.archives(), records.archives());
    }

    @GetMapping("/api/v1/audit/archives/{period}")
    @Operation(summary = "Download the archive of a month (application/gzip: JSON Lines)",
            description = "Verify it offline: java docs/tools/ArchiveVerify.java decisions-<period>.jsonl.gz "
                    + "decisions-<period>.manifest.json (docs/audit.md, \"Retention and archiving\").")
    void archiveFile(@PathVariable String period, HttpServletResponse response) throws IOException {
        ArchiveManifest manifest = archives.archive(month(period))
                .orElseThrow(() -> RetentionProblems.notArchived(period, HttpStatus.NOT_FOUND));
        send(archives.fileOf(manifest), manifest.file(), manifest.sha256(), response);
    }

    private static void send(Path file, String name, String sha256, HttpServletResponse response) throws IOException {
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Archive-SHA256", sha256);
        response.setContentLengthLong(Files.size(file));
        try (InputStream in = Files.newInputStream(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static RecordKind kind(String kind) {
        return RecordKind.of(kind).orElseThrow(() -> Problems.invalidField("kind",
                "must be holds, hold-actions, policy-actions or admin-actions"));
    }

    private static YearMonth month(String period) {
        try {
            return YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("period", "must be a month such as 2026-06");
        }
    }
}
