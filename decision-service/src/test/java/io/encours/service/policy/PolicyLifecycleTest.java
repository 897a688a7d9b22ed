package io.encours.service.policy;

import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.policy.PolicyInstances.within10Seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.encours.rules.policy.DefaultPolicy;
import io.encours.rules.policy.PolicyBundle;
import io.encours.service.TestApi;
import io.encours.service.policy.PolicyInstances.Person;
import io.encours.service.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The policy lifecycle over HTTP on two instances sharing one MongoDB: drafts, edits that round-trip
 * through Excel, checks, four eyes, hot activation under load, the second instance following, scheduled
 * activation, rollback, and the policy's own audit trail.
 */
class PolicyLifecycleTest {
    private static final String XLSX = "scoring-grid.drl.xlsx";
    /** Decisions of the load test on each side of the activation. */
    private static final int LOAD_CALLS = 40;
    private static PolicyInstances instances;
    private static Path dataDir;
    private static Person author;
    private static Person reviewer;
    private static Person auditor;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "policy-lifecycle-");
        instances = new PolicyInstances(dataDir);
        int port = PolicyInstances.port(instances.first);
        author = new Person("committee1", port);
        reviewer = new Person("committee2", port);
        auditor = new Person("auditor", port);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void at_first_start_the_default_policy_is_version_1_active() {
        JsonNode first = auditor.get("/api/v1/policies/1").json();

        assertThat(first.get("author").asString()).isEqualTo("system");
        assertThat(first.get("contentHash").asString()).isEqualTo(DefaultPolicy.bundle().contentHash());
        assertThat(first.get("files").findValuesAsString("name")).contains(XLSX, "manifest.properties");
        assertThat(auditor.get("/api/v1/policies").json().size()).isGreaterThanOrEqualTo(1);
        assertThat(auditor.get("/api/v1/policies/1/actions").json().findValuesAsString("action"))
                .startsWith("CREATE", "ACTIVATE");
    }

    @Test
    void an_xlsx_edited_in_excel_and_uploaded_back_round_trips() throws IOException {
        int draft = newDraft();
        byte[] downloaded = author.download("/api/v1/policies/" + draft + "/files/" + XLSX).body();

        Edit edit = editFirstNumberCell(downloaded);
        HttpResponse<byte[]> put = author.put("/api/v1/policies/" + draft + "/files/" + XLSX,
                "application/octet-stream", edit.workbook());
        byte[] again = author.download("/api/v1/policies/" + draft + "/files/" + XLSX).body();

        assertThat(put.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            assertThat(book.getSheetAt(0).getRow(edit.row()).getCell(edit.column()).getNumericCellValue())
                    .isEqualTo(edit.value());
        }
        JsonNode diff = auditor.get("/api/v1/policies/" + activeNumber() + "/diff/" + draft).json();
        assertThat(diff.size()).isEqualTo(1);
        assertThat(diff.get(0).get("file").asString()).isEqualTo(XLSX);
        assertThat(diff.get(0).get("kind").asString()).isEqualTo("CELL");
        Map<String, byte[]> zip = PolicyArchive.unzip(author.download("/api/v1/policies/" + draft + "/bundle").body());
        assertThat(zip).containsKeys(XLSX, "manifest.properties", "scenarios.csv");
        String hash = auditor.get("/api/v1/policies/" + draft).json().get("contentHash").asString();
        assertThat(PolicyBundle.of(zip).contentHash()).isEqualTo(hash);
        HttpResponse<byte[]> reuploaded = author.post("/api/v1/policies/drafts", "application/zip",
                PolicyArchive.zip(PolicyBundle.of(zip)));
        assertThat(reuploaded.statusCode()).isEqualTo(201);
        String location = reuploaded.headers().firstValue("Location").orElseThrow();
        assertThat(auditor.get(location).json().get("contentHash").asString()).isEqualTo(hash);
    }

    @Test
    void only_the_committee_changes_policies_and_the_readers_read_them() {
        Person analyst = new Person("analyst", author.port());
        Person manager = new Person("manager", author.port());

        assertThat(analyst.post("/api/v1/policies/drafts", "{}").status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/policies/rollback", "{}").status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/policies/1/approve", "{}").status()).isEqualTo(403);
        assertThat(new TestApi(author.port()).anonymous().get("/api/v1/policies").status()).isEqualTo(401);
        assertThat(analyst.get("/api/v1/policies/1/validation").json().get("compiles").asBoolean()).isTrue();
        assertThat(manager.get("/api/v1/policies/1/verification").status()).isEqualTo(200);
    }

    @Test
    void a_broken_upload_shows_its_errors_is_refused_and_the_active_version_keeps_serving() {
        int active = activeNumber();
        String servingHash = orderCheckHash(PolicyInstances.port(instances.first));
        Map<String, byte[]> files = PolicyArchive.unzip(author.download("/api/v1/policies/" + active + "/bundle").body());
        String checks = new String(files.get("order-checks.drl.csv"), StandardCharsets.UTF_8);
        files.put("order-checks.drl.csv", checks.replace("\nLITIGATION,,", "\nLITIGATION,lots,")
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> upload = author.upload("/api/v1/policies/drafts", files);
        int draft = Integer.parseInt(upload.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        JsonNode validation = auditor.get("/api/v1/policies/" + draft + "/validation").json();
        TestApi.Response submit = author.post("/api/v1/policies/" + draft + "/submit", "{}");

        assertThat(upload.statusCode()).isEqualTo(201);
        assertThat(validation.get("compiles").asBoolean()).isFalse();
        JsonNode error = validation.get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("order-checks.drl.csv");
        assertThat(error.get("row").asInt()).isEqualTo(12);
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.contentType()).startsWith("application/problem+json");
        assertThat(submit.json().get("type").asString()).isEqualTo("/problems/policy-invalid");
        assertThat(submit.json().get("errors").get(0).get("file").asString()).isEqualTo("order-checks.drl.csv");
        assertThat(auditor.get("/api/v1/policies/" + draft).json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(activeNumber()).isEqualTo(active);
        assertThat(orderCheckHash(PolicyInstances.port(instances.first))).isEqualTo(servingHash);
    }

    @Test
    void verification_names_the_table_and_rows_of_a_planted_overlap() {
        int draft = newDraft();
        String caps = new String(author.download("/api/v1/policies/" + draft + "/files/sector-caps.drl.csv").body(),
                StandardCharsets.UTF_8).stripTrailing();
        author.put("/api/v1/policies/" + draft + "/files/sector-caps.drl.csv", "text/csv",
                (caps + "\nTRANSPORT,45\n").getBytes(StandardCharsets.UTF_8));

        JsonNode findings = auditor.get("/api/v1/policies/" + draft + "/verification").json().get("findings");

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.get("file").asString()).isEqualTo("sector-caps.drl.csv");
            assertThat(f.get("table").asString()).isEqualTo("SectorCaps");
            assertThat(f.get("kind").asString()).isIn("OVERLAP", "DUPLICATE");
            // Row 11 is TRANSPORT's own cap; the planted row follows the three sector caps (rows 11 to 13).
            assertThat(f.get("rows").toString()).contains("11", "14");
        });
    }

    @Test
    void a_version_whose_scenarios_fail_cannot_be_submitted() {
        int draft = newDraft();
        String parameters = new String(author.download("/api/v1/policies/" + draft + "/files/parameters.csv").body(),
                StandardCharsets.UTF_8);
        author.put("/api/v1/policies/" + draft + "/files/parameters.csv", "text/csv",
                parameters.replace("score.base,50,", "score.base,55,").getBytes(StandardCharsets.UTF_8));

        JsonNode scenarios = auditor.get("/api/v1/policies/" + draft + "/scenario-results").json();
        TestApi.Response submit = author.post("/api/v1/policies/" + draft + "/submit", "{}");

        assertThat(scenarios.get("failed").asInt()).isPositive();
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.json().get("scenarioFailures").get(0).get("failures").get(0).asString()).contains("score");
        assertThat(auditor.get("/api/v1/policies/" + draft).json().get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void the_author_cannot_approve_their_own_version_another_member_can() {
        int draft = submittedDraft("four eyes");

        TestApi.Response own = author.post("/api/v1/policies/" + draft + "/approve", "{\"comment\":\"my own\"}");
        TestApi.Response other = reviewer.post("/api/v1/policies/" + draft + "/approve", "{\"comment\":\"checked\"}");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("type").asString()).isEqualTo("/problems/four-eyes");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(other.json().get("approvals").get(0).get("by").asString()).isEqualTo("committee2");
    }

    @Test
    void with_two_approvals_required_the_same_member_cannot_approve_twice() {
        int draft = submittedDraft("two approvals");
        PolicyLifecycle twoApprovals = new PolicyLifecycle(instances.first.getBean(PolicyStore.class),
                instances.first.getBean(PolicyActions.class), new ActivePolicy(DefaultPolicy.compile(), Clock.systemUTC()),
                new PolicyStore.ActiveState(1, 0), new PolicyProperties(2, java.time.Duration.ofSeconds(2)),
                Clock.systemUTC(), java.util.function.UnaryOperator.identity());

        PolicyVersion once = twoApprovals.approve(draft, "committee2", null);

        assertThat(once.status()).isEqualTo(PolicyStatus.SUBMITTED);
        assertThat(once.approvals()).hasSize(1);
        assertThat(catchProblem(() -> twoApprovals.approve(draft, "committee2", null)).problem().getType())
                .hasToString("/problems/policy-already-approved");
        assertThat(twoApprovals.approve(draft, "committee3", null).status()).isEqualTo(PolicyStatus.APPROVED);
    }

    @Test
    void a_rejected_version_cannot_be_activated() {
        int draft = submittedDraft("to reject");

        TestApi.Response rejected = reviewer.post("/api/v1/policies/" + draft + "/reject", "{\"reason\":\"not now\"}");
        TestApi.Response activate = author.post("/api/v1/policies/" + draft + "/activate", "{\"comment\":\"go\"}");

        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejection").get("reason").asString()).isEqualTo("not now");
        assertThat(activate.status()).isEqualTo(409);
    }

    @Test
    void under_load_activation_fails_no_request_and_each_decision_carries_exactly_one_version() throws Exception {
        int before = activeNumber();
        String oldHash = auditor.get("/api/v1/policies/" + before).json().get("contentHash").asString();
        int next = approvedDraft("hot activation");
        String newHash = auditor.get("/api/v1/policies/" + next).json().get("contentHash").asString();
        int port = PolicyInstances.port(instances.first);

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            load.add(threads.submit(() -> {
                TestApi api = new TestApi(port);
                while (running.get()) {
                    long start = System.nanoTime();
                    TestApi.Response r = api.post(orderCheck().path(), orderCheck().body());
                    calls.add(new Call(start, r.status(), r.status() == 200 ? r.json().get("decisionId").asString() : null,
                            r.status() == 200 ? r.json().get("policy").get("contentHash").asString() : r.text()));
                }
            }));
        }
        // The load is flowing before the activation and goes on until enough decisions started after it.
        await().atMost(Duration.ofSeconds(30)).until(() -> startedAfter(calls, Long.MIN_VALUE) >= LOAD_CALLS);
        TestApi.Response activation = author.post("/api/v1/policies/" + next + "/activate", "{\"comment\":\"go\"}");
        long activated = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> startedAfter(calls, activated) >= LOAD_CALLS);
        running.set(false);
        for (Future<?> f : load) {
            f.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(activation.status()).isEqualTo(200);
        assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c.status()).as(c.hash()).isEqualTo(200));
        assertThat(calls).extracting(Call::hash).containsOnly(oldHash, newHash).contains(oldHash, newHash);
        assertThat(calls).filteredOn(c -> c.start() > activated).isNotEmpty()
                .allSatisfy(c -> assertThat(c.hash()).isEqualTo(newHash));
        MongoTemplate mongo = instances.first.getBean(MongoTemplate.class);
        for (Call c : calls) {
            Document record = mongo.findById(c.decisionId(), Document.class, "decisions");
            assertThat(record.get("policy", Document.class).getString("contentHash")).isEqualTo(c.hash());
        }

        // the second instance follows within a few seconds
        PolicyLifecycle second = instances.second.getBean(PolicyLifecycle.class);
        assertThat(within10Seconds(() -> second.activeNumber() == next)).isTrue();
        assertThat(orderCheckHash(PolicyInstances.port(instances.second))).isEqualTo(newHash);

        // rollback restores the previous version, on both instances
        TestApi.Response rollback = author.post("/api/v1/policies/rollback", "{\"comment\":\"back\"}");
        assertThat(rollback.status()).isEqualTo(200);
        assertThat(rollback.json().get("number").asInt()).isEqualTo(before);
        assertThat(activeNumber()).isEqualTo(before);
        assertThat(orderCheckHash(port)).isEqualTo(oldHash);
        assertThat(within10Seconds(() -> second.activeNumber() == before)).isTrue();
        assertThat(orderCheckHash(PolicyInstances.port(instances.second))).isEqualTo(oldHash);
        assertThat(auditor.get("/api/v1/policies/" + next).json().get("status").asString()).isEqualTo("RETIRED");

        // every step is in the policy's own audit trail, with who and which content
        JsonNode actions = auditor.get("/api/v1/policies/" + next + "/actions").json();
        assertThat(actions.findValuesAsString("action"))
                .containsExactly("CREATE", "REPLACE_FILE", "SUBMIT", "APPROVE", "ACTIVATE");
        assertThat(actions.findValuesAsString("by"))
                .containsExactly("committee1", "committee1", "committee1", "committee2", "committee1");
        assertThat(actions.get(4).get("contentHash").asString()).isEqualTo(newHash);
        assertThat(auditor.get("/api/v1/policies/" + before + "/actions").json().findValuesAsString("action"))
                .contains("ROLLBACK");
    }

    @Test
    void a_scheduled_activation_happens_when_due() {
        int before = activeNumber();
        int next = approvedDraft("scheduled");
        Instant due = Instant.now().plusSeconds(1);

        TestApi.Response scheduled = author.post("/api/v1/policies/" + next + "/activate",
                "{\"effectiveAt\":\"" + due + "\",\"comment\":\"from the due date\"}");

        assertThat(scheduled.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(scheduled.json().get("scheduledFor").asString()).isNotBlank();
        assertThat(within10Seconds(() -> activeNumber() == next)).isTrue();
        assertThat(auditor.get("/api/v1/policies/" + next + "/actions").json().findValuesAsString("action"))
                .contains("SCHEDULE", "SCHEDULED_ACTIVATION");
        author.post("/api/v1/policies/rollback", "{\"comment\":\"back\"}");
        assertThat(activeNumber()).isEqualTo(before);
    }

    private static long startedAfter(List<Call> calls, long nanos) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.start() > nanos).count();
        }
    }

    private record Call(long start, int status, String decisionId, String hash) {
    }

    private record Edit(byte[] workbook, int row, int column, double value) {
    }

    private static int activeNumber() {
        return auditor.get("/api/v1/policies/active").json().get("number").asInt();
    }

    private static int newDraft() {
        TestApi.Response created = author.post("/api/v1/policies/drafts", "{}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("number").asInt();
    }

    /** A draft of the active version whose manifest names a new version label: same rules, another hash. */
    private static int submittedDraft(String label) {
        int draft = newDraft();
        String manifest = new String(author.download("/api/v1/policies/" + draft + "/files/manifest.properties").body(),
                StandardCharsets.UTF_8);
        author.put("/api/v1/policies/" + draft + "/files/manifest.properties", "text/plain",
                manifest.replaceFirst("(?m)^version=.*$", "version=2026.1-" + draft + " " + label)
                        .getBytes(StandardCharsets.UTF_8));
        TestApi.Response submitted = author.post("/api/v1/policies/" + draft + "/submit", "{}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        return draft;
    }

    private static int approvedDraft(String label) {
        int draft = submittedDraft(label);
        assertThat(reviewer.post("/api/v1/policies/" + draft + "/approve", "{\"comment\":\"checked\"}").status()).isEqualTo(200);
        return draft;
    }

    private static String orderCheckHash(int port) {
        TestApi.Response r = new TestApi(port).post(orderCheck().path(), orderCheck().body());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("policy").get("contentHash").asString();
    }

    private static Edit editFirstNumberCell(byte[] xlsx) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        double value = cell.getNumericCellValue() + 1;
                        cell.setCellValue(value);
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        book.write(out);
                        return new Edit(out.toByteArray(), row.getRowNum(), cell.getColumnIndex(), value);
                    }
                }
            }
        }
        throw new AssertionError("no number cell in " + XLSX);
    }

    private static ProblemException catchProblem(Runnable action) {
        try {
            action.run();
        } catch (ProblemException p) {
            return p;
        }
        throw new AssertionError("no problem raised");
    }

}
