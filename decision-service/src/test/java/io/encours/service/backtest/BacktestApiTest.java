package io.encours.service.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import io.encours.service.policy.PolicyLifecycle;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A back-test through the API on a hand-made labelled file. The report's figures are checked against an
 * independent computation: each usable row scored on its own through the trial endpoint
 * (POST /api/v1/policies/{n}/evaluate), AUC by comparing every defaulter with every non-defaulter, KS by
 * trying every threshold, class and grid-row counts by counting.
 */
class BacktestApiTest extends FullStackTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AS_OF = "2026-06-15";
    private static final String HEADER = "customer.id,customer.sector,customer.legalForm,customer.foundingDate,"
            + "customer.externalRating.provider,customer.externalRating.score,customer.externalRating.ratedOn,"
            + "customer.paymentBehaviour.incidentsLast12Months,customer.paymentBehaviour.averageDaysLate,"
            + "customer.financials.totalAssets,customer.financials.totalDebts,customer.financials.netIncome,"
            + "customer.financials.revenue,outcome";
    /** 12 usable rows (5 defaults), a blank line, and three bad rows on lines 15, 16 and 17. */
    static final String FILE = HEADER + """

            BT-01,MANUFACTURING,SAS,2010-01-01,Ellisphere,72,2026-03-01,0,2,5000000,2500000,300000,8000000,0
            BT-02,SERVICES,SA,2000-01-01,Ellisphere,85,2026-04-01,0,1,2000000,400000,200000,3000000,0
            BT-03,WHOLESALE,SARL,2015-01-01,Ellisphere,60,2026-01-10,1,8,3000000,2000000,60000,6000000,0
            BT-04,IT,SAS,2021-01-01,Ellisphere,55,2026-02-01,1,12,800000,600000,10000,900000,1
            BT-05,RETAIL,SARL,2023-01-01,Ellisphere,45,2026-05-01,3,20,1600000,1300000,-50000,4000000,0
            BT-06,CONSTRUCTION,SOLE_TRADER,2025-01-01,Ellisphere,15,2026-05-01,6,70,300000,400000,-80000,500000,1
            BT-07,HOSPITALITY,EURL,2019-01-01,Ellisphere,35,2024-01-01,2,30,900000,850000,-20000,1200000,1
            BT-08,TRANSPORT,SAS,2012-01-01,Ellisphere,65,2026-01-01,0,4,4000000,2000000,150000,9000000,0
            BT-09,MANUFACTURING,SARL,2018-01-01,Ellisphere,50,2026-03-01,1,10,1000000,900000,5000,2000000,1
            BT-10,HEALTHCARE,SA,2005-01-01,Ellisphere,80,2026-02-01,0,3,6000000,1500000,500000,12000000,0

            BT-11,ENERGY,SAS,2008-01-01,Ellisphere,70,2026-01-01,0,5,7000000,3000000,400000,15000000,0
            BT-12,SERVICES,SARL,2020-01-01,Ellisphere,40,2026-01-01,2,15,500000,450000,,800000,1
            BT-13,RETAIL,SAS,2016-01-01,Ellisphere,not-a-score,2026-01-01,0,5,1000000,500000,1000,1000000,0
            BT-14,RETAIL,SAS,2016-01-01,Ellisphere,60,2026-01-01,0,5,1000000,500000,1000,1000000,2
            BT-15,RETAIL,SAS,2016-01-01,Ellisphere,60,2026-01-01,0,5
            """;
    private static final Set<String> TEXT_FIELDS = Set.of("customer.id", "customer.sector", "customer.legalForm",
            "customer.foundingDate", "customer.externalRating.provider", "customer.externalRating.ratedOn");

    @Autowired
    PolicyLifecycle lifecycle;

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private TestApi.Response postCsv(TestApi caller, String query, String csv) {
        return caller.send(HttpRequest.newBuilder(URI.create(caller.url("/api/v1/backtests" + query)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private JsonNode awaitEnd(String location) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode b = manager().get(location).json();
            if (!b.get("status").asString().equals("RUNNING")) {
                return b;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("back-test still running after 60 s: " + location);
    }

    @Test
    void the_report_agrees_with_each_row_scored_on_its_own() throws InterruptedException {
        int version = lifecycle.activeNumber();
        TestApi.Response started = postCsv(manager(), "?version=" + version + "&asOf=" + AS_OF, FILE);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
        assertThat(started.json().get("progress").get("total").asLong()).isEqualTo(15);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/v1/backtests/" + started.json().get("id").asString());

        JsonNode done = awaitEnd(location);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("version").asInt()).isEqualTo(version);
        assertThat(done.get("startedBy").asString()).isEqualTo("manager");
        assertThat(done.get("asOf").asString()).isEqualTo(AS_OF);
        assertThat(done.get("progress").get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("progress").get("processed").asLong()).isEqualTo(15);
        JsonNode report = done.get("report");
        assertThat(report.get("rowsUsed").asLong()).isEqualTo(12);
        assertThat(report.get("rowsRejected").asLong()).isEqualTo(3);
        assertThat(report.get("defaults").asLong()).isEqualTo(5);
        List<String> rejected = new ArrayList<>();
        report.get("rejected").forEach(r -> rejected.add(r.get("line").asLong() + ": " + r.get("reason").asString()));
        assertThat(rejected).containsExactly(
                "15: customer.externalRating.score 'not-a-score' is not a whole number",
                "16: outcome '2' is not 0 or 1",
                "17: 9 cells where the header has 14");

        // Independent: every usable row scored on its own by the trial endpoint of the same version.
        List<int[]> scored = new ArrayList<>();
        Map<String, long[]> byClass = new TreeMap<>();
        Map<String, long[]> byGridRow = new HashMap<>();
        List<String> lines = FILE.lines().toList();
        for (String line : lines.subList(1, 14)) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            int outcome = Integer.parseInt(cells[cells.length - 1]);
            TestApi.Response trial = manager().post("/api/v1/policies/" + version + "/evaluate", trialBody(cells));
            assertThat(trial.status()).as(trial.text()).isEqualTo(200);
            JsonNode result = trial.json();
            scored.add(new int[] {result.get("score").asInt(), outcome});
            long[] c = byClass.computeIfAbsent(result.get("riskClass").asString(), k -> new long[2]);
            c[0]++;
            c[1] += outcome;
            for (JsonNode s : result.get("scoreBreakdown")) {
                if (s.hasNonNull("source")) {
                    long[] g = byGridRow.computeIfAbsent(s.get("source").get("file").asString() + "#"
                            + s.get("source").get("row").asInt(), k -> new long[2]);
                    g[0]++;
                    g[1] += outcome;
                }
            }
        }
        assertThat(scored).hasSize(12);
        double auc = pairwiseAuc(scored);
        assertThat(report.get("auc").asDouble()).isCloseTo(auc, within(1e-12));
        assertThat(report.get("gini").asDouble()).isCloseTo(2 * auc - 1, within(1e-12));
        assertThat(report.get("ks").asDouble()).isCloseTo(bruteForceKs(scored), within(1e-12));
        Map<String, long[]> reported = new TreeMap<>();
        report.get("classes").forEach(c -> {
            reported.put(c.get("riskClass").asString(), new long[] {c.get("count").asLong(), c.get("defaults").asLong()});
            assertThat(c.get("defaultRate").asDouble())
                    .isCloseTo((double) c.get("defaults").asLong() / c.get("count").asLong(), within(1e-12));
        });
        assertThat(reported).usingRecursiveComparison().isEqualTo(byClass);
        Map<String, long[]> reportedRows = new HashMap<>();
        report.get("gridRows").forEach(g -> reportedRows.put(g.get("file").asString() + "#" + g.get("row").asInt(),
                new long[] {g.get("count").asLong(), g.get("defaults").asLong()}));
        assertThat(reportedRows).usingRecursiveComparison().isEqualTo(byGridRow);
        JsonNode roc = report.get("roc");
        assertThat(roc.get(0).get("falsePositiveRate").asDouble()).isZero();
        assertThat(roc.get(roc.size() - 1).get("truePositiveRate").asDouble()).isEqualTo(1.0);
        long distributed = 0;
        for (JsonNode s : report.get("distribution")) {
            distributed += s.get("count").asLong();
        }
        assertThat(distributed).isEqualTo(12);

        // Kept with the version: listed for it (without the report), and the latest one with its report.
        JsonNode listed = manager().get("/api/v1/backtests?version=" + version).json();
        assertThat(listed.findValuesAsString("id")).contains(done.get("id").asString());
        assertThat(listed.get(0).has("report")).isFalse();
        JsonNode latest = api().as("analyst", "secret-analyst").get("/api/v1/backtests/latest?version=" + version).json();
        assertThat(latest.get("report").get("auc").asDouble()).isCloseTo(auc, within(1e-12));
    }

    @Test
    void a_multipart_upload_runs_too_and_keeps_the_file_name() throws InterruptedException {
        String boundary = "encours-backtest-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"outcomes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + FILE + "\r\n--" + boundary + "--\r\n";
        TestApi caller = api().as("committee1", "secret-committee1");
        TestApi.Response started = caller.send(HttpRequest.newBuilder(URI.create(caller.url(
                        "/api/v1/backtests?version=" + lifecycle.activeNumber() + "&asOf=" + AS_OF)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode done = awaitEnd(started.header("Location"));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("fileName").asString()).isEqualTo("outcomes.csv");
        assertThat(done.get("report").get("rowsUsed").asLong()).isEqualTo(12);
    }

    @Test
    void a_file_without_any_default_gives_a_report_with_nothing_to_rank() throws InterruptedException {
        String healthy = String.join("\n", FILE.lines().limit(4).toList()).replace(",1\n", ",0\n") + "\n";
        TestApi.Response started = postCsv(manager(), "?version=" + lifecycle.activeNumber() + "&asOf=" + AS_OF,
                healthy);
        assertThat(started.status()).as(started.text()).isEqualTo(202);

        JsonNode done = awaitEnd(started.header("Location"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("report").get("rowsUsed").asLong()).isEqualTo(3);
        assertThat(done.get("report").get("defaults").asLong()).isZero();
        assertThat(done.get("report").get("auc").asString()).isEqualTo("NaN");
    }

    @Test
    void a_header_with_an_unknown_column_is_refused_at_once_naming_it() {
        TestApi.Response refused = postCsv(manager(), "?version=" + lifecycle.activeNumber(),
                "customer.sector,customer.turnover,outcome\nRETAIL,1000,0\n");

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo(BacktestProblems.BAD_FILE);
        assertThat(refused.json().get("detail").asString()).contains("'customer.turnover'");

        TestApi.Response noOutcome = postCsv(manager(), "?version=" + lifecycle.activeNumber(), "customer.sector\nIT\n");
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.json().get("detail").asString()).contains("outcome");
    }

    @Test
    void a_missing_or_unknown_version_and_an_unknown_back_test_are_problems() {
        TestApi.Response noVersion = postCsv(manager(), "", FILE);
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("type").asString()).isEqualTo("/problems/invalid-field");

        TestApi.Response unknownVersion = postCsv(manager(), "?version=999999", FILE);
        assertThat(unknownVersion.status()).as(unknownVersion.text()).isEqualTo(404);
        assertThat(unknownVersion.contentType()).startsWith("application/problem+json");

        TestApi.Response unknown = manager().get("/api/v1/backtests/no-such-backtest");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo(BacktestProblems.NOT_FOUND);
    }

    /** The trial body for one row: the same request fields, with the account the API requires. */
    private static String trialBody(String[] cells) {
        String[] columns = HEADER.split(",");
        ObjectNode request = JSON.createObjectNode();
        request.put("asOf", AS_OF);
        for (int i = 0; i < columns.length - 1; i++) {
            if (cells[i].isEmpty()) {
                continue;
            }
            String[] path = columns[i].split("\\.");
            ObjectNode node = request;
            for (int p = 0; p < path.length - 1; p++) {
                node = node.has(path[p]) ? (ObjectNode) node.get(path[p]) : node.putObject(path[p]);
            }
            if (TEXT_FIELDS.contains(columns[i])) {
                node.put(path[path.length - 1], cells[i]);
            } else {
                node.put(path[path.length - 1], new java.math.BigDecimal(cells[i]));
            }
        }
        ObjectNode account = ((ObjectNode) request.get("customer")).putObject("creditAccount");
        account.put("internalLimit", 0);
        account.put("status", "ACTIVE");
        ObjectNode trial = JSON.createObjectNode();
        trial.put("type", "CUSTOMER_SCORE");
        trial.set("request", request);
        return trial.toString();
    }

    /** Pairs (defaulter, non-defaulter): the defaulter scoring lower counts 1, a tie half. */
    private static double pairwiseAuc(List<int[]> scored) {
        double pairs = 0;
        double favourable = 0;
        for (int[] bad : scored) {
            for (int[] good : scored) {
                if (bad[1] == 1 && good[1] == 0) {
                    pairs++;
                    favourable += bad[0] < good[0] ? 1 : bad[0] == good[0] ? 0.5 : 0;
                }
            }
        }
        return favourable / pairs;
    }

    /** Every threshold t: |share of defaulters scoring <= t - share of non-defaulters scoring <= t|, largest. */
    private static double bruteForceKs(List<int[]> scored) {
        long bads = scored.stream().filter(s -> s[1] == 1).count();
        long goods = scored.size() - bads;
        double best = 0;
        for (int[] threshold : scored) {
            long b = scored.stream().filter(s -> s[1] == 1 && s[0] <= threshold[0]).count();
            long g = scored.stream().filter(s -> s[1] == 0 && s[0] <= threshold[0]).count();
            best = Math.max(best, Math.abs((double) b / bads - (double) g / goods));
        }
        return best;
    }
}
