package io.encours.service.auditor;

import static io.encours.service.auditor.QueryValues.amount;
import static io.encours.service.auditor.QueryValues.instant;

import com.mongodb.client.MongoCursor;
import io.encours.service.audit.AuditChain;
import io.encours.service.audit.AuditReadStore;
import io.encours.service.audit.DecisionCriteria;
import io.encours.service.audit.DecisionOrder;
import io.encours.service.retention.ChainAnchorStore;
import io.encours.service.audit.Subject;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search, export and chain verification of the recorded decisions, for auditors (read-only).
 *
 * <p>Exports write straight to the response while a MongoDB cursor reads, a batch at a time: nothing holds
 * the selection in memory, and the response is sent in chunks as it is written. They are written on the
 * request's thread rather than as an asynchronous {@code StreamingResponseBody}, so that a long export is
 * not cut by the asynchronous request timeout.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
class AuditorController {
    private static final List<String> SUMMARY_EXCLUDED_FIELDS = List.of("input", "output");
    private static final List<String> CSV_COLUMNS = List.of("decisionId", "chainSeq", "receivedAt", "type", "outcome",
            "customerId", "orderId", "requestId", "caller", "amount", "currency", "score", "riskClass", "policyId",
            "policyVersion", "policyContentHash", "reasonCodes", "firedRules", "asOf", "hash", "prevHash");

    private final AuditReadStore decisions;
    private final ChainVerifier verifier;

    AuditorController(AuditReadStore decisions, ChainAnchorStore anchors) {
        this.decisions = decisions;
        this.verifier = new ChainVerifier(decisions, anchors::decisions);
    }

    record Page(List<Map<String, Object>> items, String nextCursor) {
    }

    /**
     * The query parameters shared by the search and the exports, as given (docs/audit.md).
     *
     * @param from receivedAt from (inclusive), an ISO-8601 instant
     * @param to   receivedAt to (exclusive), an ISO-8601 instant
     * @param sort receivedAt, -receivedAt, amount or -amount
     * @param subjectKind ORDER, INVOICE or CUSTOMER, given with {@code subjectId}: the decisions about it
     */
    record Selection(String customer, String orderId, String requestId, String type, String outcome,
                     String reasonCode, String firedRule, String policyVersion, String policyHash, String caller,
                     String from, String to, String minAmount, String maxAmount, String sort,
                     String subjectKind, String subjectId) {

        DecisionCriteria filter() {
            return new DecisionCriteria(customer, orderId, requestId, type, outcome, reasonCode, firedRule,
                    policyVersion, policyHash, caller, instant("from", from), instant("to", to),
                    amount("minAmount", minAmount), amount("maxAmount", maxAmount), subject());
        }

        private Subject subject() {
            boolean kindGiven = subjectKind != null && !subjectKind.isBlank();
            boolean idGiven = subjectId != null && !subjectId.isBlank();
            if (kindGiven != idGiven) {
                throw Problems.invalidField(kindGiven ? "subjectId" : "subjectKind",
                        "must be given with " + (kindGiven ? "subjectKind" : "subjectId"));
            }
            if (!kindGiven) {
                return null;
            }
            try {
                return new Subject(Subject.Kind.valueOf(subjectKind), subjectId);
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("subjectKind", "must be ORDER, INVOICE or CUSTOMER");
            }
        }

        /** Exports run oldest first unless told otherwise. */
        DecisionOrder exportOrder() {
            return sort == null ? DecisionOrder.RECEIVED_AT_ASC : order(sort);
        }
    }

    @GetMapping(path = "/decisions", produces = "application/json")
    @Operation(summary = "Search the recorded decisions",
            description = "Every filter given must hold. Sort by receivedAt or amount (prefix '-' for descending; "
                    + "default -receivedAt). Pass nextCursor back as cursor for the next page: paging stays "
                    + "correct while new decisions arrive. Each item carries integrity: WHOLE (the record matches "
                    + "its own content hash and chain link), ALTERED (it does not) or UNSEALED (it has no hashes).")
    Page search(@ParameterObject Selection selection,
                @RequestParam(required = false) String cursor,
                @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "50") int size) {
        if (size < 1 || size > 1000) {
            throw Problems.invalidField("size", "must be between 1 and 1000");
        }
        DecisionCriteria filter = selection.filter();
        DecisionOrder order = order(selection.sort());
        AuditReadStore.SearchPage found;
        try {
            // Whole records: each item's integrity is checked over all of its content, input and output included.
            found = decisions.search(filter, order, cursor, size);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", e.getMessage());
        }
        List<Map<String, Object>> items = new ArrayList<>(found.records().size());
        for (Document record : found.records()) {
            items.add(exported(record));
        }
        return new Page(items, found.nextCursor());
    }

    @GetMapping("/decisions/export.jsonl")
    @Operation(summary = "Export the selection as JSON Lines: each line one complete record, in canonical JSON "
            + "(the form its hash is computed over, see docs/audit.md)")
    void exportJsonLines(@ParameterObject Selection selection, HttpServletResponse response) throws IOException {
        DecisionCriteria filter = selection.filter();
        DecisionOrder order = selection.exportOrder();
        response.setContentType("application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"decisions.jsonl\"");
        try (MongoCursor<Document> records = decisions.wholeRecords(filter, order);
             Writer out = writer(response)) {
            while (records.hasNext()) {
                out.write(AuditChain.canonicalJson(records.next()));
                out.write('\n');
            }
        }
    }

    @GetMapping("/decisions/export.csv")
    @Operation(summary = "Export the selection as CSV (RFC 4180): one row per decision, the main fields; "
            + "reason codes and fired rules joined with '|'")
    void exportCsv(@ParameterObject Selection selection, HttpServletResponse response) throws IOException {
        DecisionCriteria filter = selection.filter();
        DecisionOrder order = selection.exportOrder();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"decisions.csv\"");
        try (MongoCursor<Document> records = decisions.summaries(filter, order);
             Writer out = writer(response)) {
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\r\n");
            while (records.hasNext()) {
                writeCsvRow(records.next(), out);
            }
        }
    }

    @GetMapping(path = "/verify", produces = "application/json")
    @Operation(summary = "Verify the hash chain of the decisions received in a time range",
            description = "Reports every missing record (a gap in chainSeq), altered record (hash mismatch) and "
                    + "broken link (prevHash mismatch), the first one apart. Without from, the chain is checked "
                    + "from its first record.")
    ChainVerifier.Report verify(@RequestParam(required = false) String from,
                                @RequestParam(required = false) String to) {
        return verifier.verify(instant("from", from), instant("to", to));
    }

    private static Writer writer(HttpServletResponse response) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    }

    /**
     * A search item: the record without its input and output, in the export's value forms, and what its own
     * hashes say of it ({@code integrity}: WHOLE, ALTERED or UNSEALED), so that an altered record is never
     * listed as if whole.
     */
    private static Map<String, Object> exported(Document d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("decisionId", d.get("_id"));
        item.put("integrity", AuditChain.integrityOf(d).name());
        for (Map.Entry<String, Object> e : d.entrySet()) {
            String field = e.getKey();
            if (!field.equals("_id") && !SUMMARY_EXCLUDED_FIELDS.contains(field)) {
                item.put(field, AuditChain.exportValue(e.getValue()));
            }
        }
        return item;
    }

    private static void writeCsvRow(Document d, Writer out) throws IOException {
        Document policy = d.get("policy", Document.class);
        Object[] values = {d.get("_id"), d.get(AuditChain.SEQ), d.get("receivedAt"), d.get("type"), d.get("outcome"),
                d.get("customerId"), d.get("orderId"), d.get("requestId"), d.get("caller"), d.get("amount"),
                d.get("currency"), d.get("score"), d.get("riskClass"),
                policy == null ? null : policy.get("id"), policy == null ? null : policy.get("version"),
                policy == null ? null : policy.get("contentHash"),
                joined(d.get("reasonCodes")), joined(d.get("firedRules")), d.get("asOf"),
                d.get(AuditChain.HASH), d.get(AuditChain.PREV_HASH)};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = AuditChain.exportValue(values[i]);
            if (v != null) {
                out.write(csv(v.toString()));
            }
        }
        out.write("\r\n");
    }

    private static String joined(Object list) {
        return list instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf).toList()) : null;
    }

    private static String csv(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** The sort parameter of a search or an export. */
    private static DecisionOrder order(String sort) {
        try {
            return DecisionOrder.parse(sort);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("sort", e.getMessage());
        }
    }
}
