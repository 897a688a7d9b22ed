package io.encours.service.auditor;

import static io.encours.service.auditor.AuditorFixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.model.DecisionType;
import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.audit.AuditRecord;
import io.encours.service.audit.AuditTrail;
import io.encours.service.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Search, paging and export of the audit trail over HTTP, as an auditor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSearchTest extends FullStackTest {
    /** Every query is limited to this class's own day, so other tests' decisions never show. */
    private static final String WINDOW = "from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z";

    @Autowired
    AuditTrail trail;

    private AuditRecord d1;
    private AuditRecord d2;
    private AuditRecord d3;
    private AuditRecord d4;
    private AuditRecord d5;

    @BeforeAll
    void recordFiveDecisions() {
        d1 = record(decision().customer("AUD-A").order("O-1").outcome("APPROVE").rules("R-approve")
                .policy("v1", "h1").caller("erp").at("2030-01-01T10:00:00Z").amount("100.00"));
        d2 = record(decision().customer("AUD-A").order("O-2").outcome("BLOCK")
                .reasons("CREDIT_LIMIT_EXCEEDED", "OVERDUE").rules("R-limit", "R-overdue")
                .policy("v2", "h2").caller("analyst").at("2030-01-01T11:00:00Z").amount("5000.00"));
        d3 = record(decision().customer("AUD-B").order("O-3").outcome("REVIEW").reasons("CREDIT_LIMIT_EXCEEDED")
                .rules("R-limit").policy("v2", "h2").caller("erp").at("2030-01-01T12:00:00Z").amount("2500.50"));
        d4 = record(decision().type(DecisionType.CUSTOMER_SCORE).customer("AUD-B").order(null).outcome("SCORED")
                .rules("R-score").policy("v1", "h1").caller("manager").at("2030-01-01T13:00:00Z").amount(null));
        d5 = record(decision().customer("AUD-C").order("O-5").outcome("APPROVE").rules("R-approve")
                .policy("v1", "h1").caller("erp").at("2030-01-01T14:00:00Z").amount("100.00"));
    }

    private TestApi auditor() {
        return api().as("auditor", "secret-auditor");
    }

    private AuditRecord record(AuditorFixtures.Decision d) {
        AuditRecord r = d.build();
        trail.record(r);
        return r;
    }

    private List<String> ids(String query) {
        TestApi.Response response = auditor().get("/api/v1/audit/decisions?size=1000&" + WINDOW + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : response.json().get("items")) {
            ids.add(item.get("decisionId").asString());
        }
        return ids;
    }

    private static List<String> idsOf(AuditRecord... records) {
        List<String> ids = new ArrayList<>();
        for (AuditRecord r : records) {
            ids.add(r.decisionId());
        }
        return ids;
    }

    @Test
    void every_filter_selects_exactly_its_decisions() {
        assertThat(ids("&sort=receivedAt")).containsExactlyElementsOf(idsOf(d1, d2, d3, d4, d5));
        assertThat(ids("&customer=AUD-A")).containsExactlyInAnyOrderElementsOf(idsOf(d1, d2));
        assertThat(ids("&orderId=O-3")).containsExactlyElementsOf(idsOf(d3));
        assertThat(ids("&requestId=" + d3.requestId())).containsExactlyElementsOf(idsOf(d3));
        assertThat(ids("&type=CUSTOMER_SCORE")).containsExactlyElementsOf(idsOf(d4));
        assertThat(ids("&outcome=BLOCK")).containsExactlyElementsOf(idsOf(d2));
        assertThat(ids("&reasonCode=CREDIT_LIMIT_EXCEEDED")).containsExactlyInAnyOrderElementsOf(idsOf(d2, d3));
        assertThat(ids("&firedRule=R-overdue")).containsExactlyElementsOf(idsOf(d2));
        assertThat(ids("&policyVersion=v2")).containsExactlyInAnyOrderElementsOf(idsOf(d2, d3));
        assertThat(ids("&policyHash=h1")).containsExactlyInAnyOrderElementsOf(idsOf(d1, d4, d5));
        assertThat(ids("&caller=erp")).containsExactlyInAnyOrderElementsOf(idsOf(d1, d3, d5));
        assertThat(ids("&minAmount=100.00&maxAmount=2500.50")).containsExactlyInAnyOrderElementsOf(idsOf(d1, d3, d5));
        assertThat(ids("&minAmount=2500.5")).containsExactlyInAnyOrderElementsOf(idsOf(d2, d3));
        assertThat(ids("&maxAmount=99.99")).isEmpty();
        assertThat(ids("&customer=AUD-A&outcome=APPROVE")).containsExactlyElementsOf(idsOf(d1));
    }

    @Test
    void the_time_range_includes_its_start_and_excludes_its_end() {
        TestApi.Response response = auditor().get("/api/v1/audit/decisions?from=2030-01-01T11:00:00Z"
                + "&to=2030-01-01T13:00:00Z&sort=receivedAt");

        assertThat(response.json().get("items").valueStream().map(i -> i.get("decisionId").asString()).toList())
                .containsExactlyElementsOf(idsOf(d2, d3));
    }

    @Test
    void sorts_by_time_or_amount_either_way_with_decisions_without_amount_first_ascending() {
        assertThat(ids("&sort=-receivedAt")).containsExactlyElementsOf(idsOf(d5, d4, d3, d2, d1));
        List<String> tie = d1.decisionId().compareTo(d5.decisionId()) < 0 ? idsOf(d1, d5) : idsOf(d5, d1);
        List<String> ascending = new ArrayList<>(idsOf(d4));
        ascending.addAll(tie);
        ascending.addAll(idsOf(d3, d2));
        assertThat(ids("&sort=amount")).containsExactlyElementsOf(ascending);
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        assertThat(ids("&sort=-amount")).containsExactlyElementsOf(descending);
    }

    @Test
    void pages_of_two_add_up_to_the_whole_selection_in_every_order() {
        for (String sort : List.of("receivedAt", "-receivedAt", "amount", "-amount")) {
            List<String> paged = new ArrayList<>();
            int pages = pageThrough(sort, WINDOW, 2, paged, () -> { });
            assertThat(paged).as(sort).containsExactlyElementsOf(ids("&sort=" + sort));
            assertThat(pages).as(sort).isEqualTo(3);
        }
    }

    @Test
    void paging_while_decisions_arrive_neither_repeats_nor_skips_those_there_at_the_start() {
        String window = "from=2030-02-01T00:00:00Z&to=2030-02-02T00:00:00Z";
        Random random = new Random(42);
        Set<String> atStart = new HashSet<>();
        for (AuditRecord r : recordAtOnce(100, random)) {
            atStart.add(r.decisionId());
        }
        for (String sort : List.of("-receivedAt", "receivedAt", "amount", "-amount")) {
            List<String> seen = new ArrayList<>();
            // New decisions between two pages, before and after the cursor, in the same day.
            pageThrough(sort, window, 10, seen, () -> recordAtOnce(3, random));
            assertThat(new HashSet<>(seen)).as(sort + ": no duplicates").hasSize(seen.size());
            assertThat(seen).as(sort + ": nothing skipped").containsAll(atStart);
        }
    }

    /** Follows the cursor to the last page, adding the ids to {@code ids}; returns the number of pages. */
    private int pageThrough(String sort, String window, int size, List<String> ids, Runnable betweenPages) {
        String cursor = null;
        int pages = 0;
        do {
            TestApi.Response page = auditor().get("/api/v1/audit/decisions?size=" + size + "&sort=" + sort + "&"
                    + window + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.json().get("items").forEach(i -> ids.add(i.get("decisionId").asString()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            pages++;
            betweenPages.run();
        } while (cursor != null);
        return pages;
    }

    /** Records {@code n} decisions from as many threads, so that they share group commits. */
    private List<AuditRecord> recordAtOnce(int n, Random random) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(randomDecision(random).build());
        }
        ExecutorService callers = Executors.newFixedThreadPool(Math.min(n, 32));
        try {
            for (Future<?> f : callers.invokeAll(records.stream().map(r -> (Callable<Object>) () -> {
                trail.record(r);
                return null;
            }).toList())) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            callers.shutdown();
        }
        return records;
    }

    private static AuditorFixtures.Decision randomDecision(Random random) {
        Instant at = Instant.parse("2030-02-01T00:00:00Z").plusMillis(random.nextInt(86_400_000));
        // Few distinct amounts and times to the second: many ties, broken by the decision id.
        return decision().customer("AUD-PAGING").at(at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .amount(random.nextInt(10) == 0 ? null : (100 * (1 + random.nextInt(5))) + ".00");
    }

    @Test
    void csv_export_has_one_row_per_decision_with_the_main_fields() {
        TestApi.Response csv = auditor().get("/api/v1/audit/decisions/export.csv?" + WINDOW + "&customer=AUD-A");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("decisionId,chainSeq,receivedAt,type,outcome,customerId,orderId,requestId,"
                + "caller,amount,currency,score,riskClass,policyId,policyVersion,policyContentHash,reasonCodes,firedRules");
        assertThat(lines[2]).startsWith(d2.decisionId() + ",")
                .contains(",2030-01-01T11:00:00.000Z,ORDER_CHECK,BLOCK,AUD-A,O-2," + d2.requestId()
                        + ",analyst,5000.00,EUR,80,B,credit-policy-fr,v2,h2,CREDIT_LIMIT_EXCEEDED|OVERDUE,R-limit|R-overdue,");
    }

    @Test
    void each_json_lines_record_is_complete_and_hashes_to_its_hash_by_the_documented_recipe() throws Exception {
        TestApi.Response jsonl = auditor().get("/api/v1/audit/decisions/export.jsonl?" + WINDOW);

        assertThat(jsonl.status()).isEqualTo(200);
        String[] lines = jsonl.text().split("\n");
        assertThat(lines).hasSize(5);
        // An independent canonical form: Jackson, keys sorted, no spaces (the records hold no control characters
        // but newlines, which both write as \n).
        JsonMapper canonical = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = canonical.readValue(line, Map.class);
            assertThat(record).containsKeys("input", "output", "chainSeq", "prevHash", "receivedAt", "policy");
            String hash = (String) record.remove("hash");
            String contentHash = (String) record.remove("contentHash");
            Object seq = record.remove("chainSeq");
            String prevHash = (String) record.remove("prevHash");
            assertThat(sha256(canonical.writeValueAsString(record))).isEqualTo(contentHash);
            assertThat(sha256(prevHash + ":" + seq + ":" + contentHash)).isEqualTo(hash);
        }
        assertThat(lines[1]).contains("\"_id\":\"" + d2.decisionId() + "\"").contains("caf\u00e9")
                .contains("\"amount\":\"5000.00\"");
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void only_auditors_may_search() {
        assertThat(api().as("analyst", "secret-analyst").get("/api/v1/audit/decisions?" + WINDOW).status()).isEqualTo(403);
        assertThat(api().anonymous().get("/api/v1/audit/decisions?" + WINDOW).status()).isEqualTo(401);
        assertThat(api().as("analyst", "secret-analyst").get("/api/v1/audit/verify?" + WINDOW).status()).isEqualTo(403);
    }

    @Test
    void auditors_find_the_decisions_about_an_invoice_by_its_subject() {
        AuditRecord dunning = record(decision().type(DecisionType.DUNNING).customer("AUD-S").order("INV-AUD-1")
                .outcome("DUN").at("2030-01-05T09:00:00Z"));
        AuditRecord sameNumberAsOrder = record(decision().customer("AUD-S").order("INV-AUD-1").outcome("APPROVE")
                .at("2030-01-05T10:00:00Z"));

        TestApi.Response response = auditor().get("/api/v1/audit/decisions?subjectKind=INVOICE&subjectId=INV-AUD-1");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("decisionId").asString()).isEqualTo(dunning.decisionId());
        assertThat(items.get(0).get("subjectKind").asString()).isEqualTo("INVOICE");
        assertThat(items.get(0).get("subjectId").asString()).isEqualTo("INV-AUD-1");
        assertThat(auditor().get("/api/v1/audit/decisions?subjectKind=ORDER&subjectId=INV-AUD-1").json().get("items"))
                .extracting(i -> i.get("decisionId").asString()).containsExactly(sameNumberAsOrder.decisionId());
    }

    @Test
    void a_subject_needs_both_its_kind_and_its_id_and_a_known_kind() {
        JsonNode noId = auditor().get("/api/v1/audit/decisions?subjectKind=INVOICE").json();
        JsonNode badKind = auditor().get("/api/v1/audit/decisions?subjectKind=BILL&subjectId=X").json();

        assertThat(noId.get("type").asString()).isEqualTo(Problems.INVALID_FIELD);
        assertThat(noId.get("errors").get(0).get("field").asString()).isEqualTo("subjectId");
        assertThat(badKind.get("errors").get(0).get("field").asString()).isEqualTo("subjectKind");
    }

    @Test
    void a_foreign_cursor_or_a_bad_time_is_a_bad_request() {
        assertThat(auditor().get("/api/v1/audit/decisions?cursor=bm9wZQ").status()).isEqualTo(400);
        assertThat(auditor().get("/api/v1/audit/decisions?from=yesterday").status()).isEqualTo(400);
        assertThat(auditor().get("/api/v1/audit/decisions?sort=customer").status()).isEqualTo(400);
    }

    /** The auditor's search reads the store itself, so its request checks are tested here rather than in a slice. */
    @Test
    void each_bad_parameter_of_the_search_or_the_exports_is_named_in_an_invalid_field_problem() {
        Map<String, String> fieldByQuery = new java.util.LinkedHashMap<>();
        fieldByQuery.put("/api/v1/audit/decisions?size=0", "size");
        fieldByQuery.put("/api/v1/audit/decisions?size=1001", "size");
        fieldByQuery.put("/api/v1/audit/decisions?to=tomorrow", "to");
        fieldByQuery.put("/api/v1/audit/decisions?minAmount=lots", "minAmount");
        fieldByQuery.put("/api/v1/audit/decisions?maxAmount=1e", "maxAmount");
        fieldByQuery.put("/api/v1/audit/decisions?sort=customer", "sort");
        fieldByQuery.put("/api/v1/audit/decisions?cursor=bm9wZQ", "cursor");
        fieldByQuery.put("/api/v1/audit/decisions/export.csv?from=yesterday", "from");
        fieldByQuery.put("/api/v1/audit/decisions/export.jsonl?sort=customer", "sort");
        fieldByQuery.put("/api/v1/audit/verify?from=yesterday", "from");
        fieldByQuery.forEach((query, field) -> {
            TestApi.Response refused = auditor().get(query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).as(query).isEqualTo("/problems/invalid-field");
            assertThat(refused.json().get("errors").findValuesAsString("field")).as(query).containsExactly(field);
        });
    }
}
