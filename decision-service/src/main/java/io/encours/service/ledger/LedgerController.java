package io.encours.service.ledger;

import io.encours.service.web.LimitedBody;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receivables ledger: the ERP's events and invoice exports in, an account's exposure and events out, and
 * the rebuild and check of the running totals. Bodies are read here, not by a message converter: a batch or
 * an export is larger than the service's request limit for single objects, and amounts are read as exact
 * decimals.
 */
@RestController
@Tag(name = "Receivables ledger", description = "ERP events and exports in; exposure by category, with its "
        + "documents, out")
@ApiResponse(responseCode = "400", description = "An invalid field (the problem names it)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class LedgerController {
    private final Ledger ledger;
    private final LedgerProperties properties;
    private final JsonMapper json;

    LedgerController(Ledger ledger, LedgerProperties properties, JsonMapper json) {
        this.ledger = ledger;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/ledger/events", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "recordLedgerEvents", summary = "Record a batch of ERP events",
            description = "A JSON array of at most encours.ledger.max-batch-size (1000) events (see docs/ledger.md "
                    + "for the types). Each is answered on its own, in the batch's order: ACCEPTED, DUPLICATE (same "
                    + "eventId and content: nothing changed) or REJECTED with its problems (field, reason); a "
                    + "rejected event changes nothing and does not stop the others. An event of a customer without "
                    + "an account is rejected. Durable before the answer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = "application/json", schema = @Schema(type = "array"))))
    @ApiResponse(responseCode = "413", description = "More events than encours.ledger.max-batch-size",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    LedgerAnswers.BatchAnswer recordEvents(HttpServletRequest request) {
        return LedgerAnswers.BatchAnswer.of(ledger.record(batch(request)));
    }

    @GetMapping(path = "/api/v1/accounts/{customerId}/exposure", produces = "application/json")
    @Operation(operationId = "accountExposure", summary = "A customer's exposure by category, with its documents",
            description = "As of today (default: from the account's running totals alone) or of a past date "
                    + "(asOf=yyyy-MM-dd: what was open that day by the documents' own dates). With the limit and "
                    + "the insured limit in force that day. The open documents behind each figure are listed by "
                    + "date, at most `documents` per category (default 100, at most encours.ledger.max-page-size), with how many there are in all "
                    + "(documentCounts) and, where more are left, a cursor in next: pass it as after with that "
                    + "category to read the next page of that category alone. An account that heads a group (other accounts "
                    + "name it as their parentAccountId) also has group: the group's limit (its own limit in force), "
                    + "its own and its members' exposure by category, each member's total, the available credit, "
                    + "and the members left out (another currency than the group's) with the reason.")
    @ApiResponse(responseCode = "404", description = "No account for this customer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    LedgerAnswers.ExposureAnswer exposure(@PathVariable String customerId,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                          @RequestParam(required = false) Integer documents,
                                          @RequestParam(required = false) ExposureCategory category,
                                          @RequestParam(required = false) String after) {
        int listed = documents == null ? Math.min(100, properties.maxPageSize()) : documents;
        if (listed < 0 || listed > properties.maxPageSize()) {
            throw Problems.invalidField("documents", "must be between 0 and " + properties.maxPageSize());
        }
        if (after != null && category == null) {
            throw Problems.invalidField("after", "pages through one category: give the category too");
        }
        LocalDate day = asOf == null ? ledger.today() : asOf;
        return ledger.read(customerId, day, ExposureRules.DEFAULT, new Ledger.Listing(listed, category, after))
                .map(read -> LedgerAnswers.ExposureAnswer.of(read, day.equals(ledger.today()),
                        ledger.groupHeadedBy(read.account(), day).orElse(null)))
                .orElseThrow(() -> LedgerProblems.accountNotFound(customerId));
    }

    @GetMapping(path = "/api/v1/accounts/{customerId}/ledger/events", produces = "application/json")
    @Operation(operationId = "accountLedgerEvents", summary = "A customer's accepted events, in their order of acceptance",
            description = "Paged: pass the answer's next as after for the next page.")
    LedgerAnswers.EventsAnswer events(@PathVariable String customerId, @RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw Problems.invalidField("limit", "must be between 1 and " + properties.maxPageSize());
        }
        return LedgerAnswers.EventsAnswer.of(customerId, ledger.events(customerId, after, limit));
    }

    @PostMapping(path = "/api/v1/accounts/{customerId}/rebuild", produces = "application/json")
    @Operation(operationId = "rebuildAccountLedger", summary = "Rebuild an account's running totals from its events",
            description = "Replays the account's events in their order of acceptance and compares the totals with "
                    + "the running totals kept; with fix=true (the default) a drift is corrected.")
    Ledger.Drift rebuild(@PathVariable String customerId, @RequestParam(defaultValue = "true") boolean fix) {
        return ledger.rebuild(customerId, fix);
    }

    @PostMapping(path = "/api/v1/ledger/checks", produces = "application/json")
    @Operation(operationId = "checkLedger", summary = "Rebuild every account's totals and report drift",
            description = "Lists the accounts whose running totals differ from their replayed events; fix=true "
                    + "corrects them.")
    Ledger.Check check(@RequestParam(defaultValue = "false") boolean fix) {
        return ledger.check(fix);
    }

    @PostMapping(path = "/api/v1/ledger/imports/invoices", consumes = {"text/csv", "text/plain"},
            produces = "application/json")
    @Operation(operationId = "importInvoices", summary = "Import open items and paid history from an ERP export (CSV)",
            description = "Query parameters name the columns (customerId, invoiceId, issuedOn, dueOn, amount, paidOn "
                    + "(empty cell: open), disputed) and the format (dateFormat, currency, separator); "
                    + "createAccounts=true opens a minimal account for an unknown customer; mode=snapshot with "
                    + "snapshotId and snapshotOn closes, by an explicit listed event, every open invoice the file "
                    + "does not list. Each line becomes the events the API takes, with ids derived from the invoice "
                    + "id: importing again changes nothing. See docs/ledger.md.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    Ledger.ImportReport importInvoices(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                       HttpServletRequest request, Principal who) {
        return ledger.importInvoices(new String(body(request, properties.maxImportSize().toBytes()),
                StandardCharsets.UTF_8), parameters, who.getName());
    }

    private List<Map<String, Object>> batch(HttpServletRequest request) {
        JsonNode tree;
        try {
            // Floats as BigDecimal: an amount never goes through a double (1234567890123456.78 stays exact)
            tree = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(body(request, properties.maxImportSize().toBytes()));
        } catch (JacksonException e) {
            throw Problems.invalidField("body", "is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray()) {
            throw Problems.invalidField("body", "must be a JSON array of events");
        }
        if (tree.size() > properties.maxBatchSize()) {
            throw LedgerProblems.batchTooLarge(tree.size(), properties.maxBatchSize());
        }
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            Object value = plain(tree.get(i));
            if (value instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> event = (Map<String, Object>) value;
                batch.add(event);
            } else {
                // the parser names what is missing; an empty object has every required field missing
                batch.add(Map.of("", String.valueOf(value)));
            }
        }
        return batch;
    }

    /** A JSON value as plain Java values, numbers as exact decimals (never through a double). */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asString();
    }

    private static byte[] body(HttpServletRequest request, long max) {
        return LimitedBody.read(request, max, LedgerProblems::importTooLarge);
    }
}
