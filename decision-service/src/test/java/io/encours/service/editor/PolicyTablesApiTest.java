package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The typed tables over HTTP: read by credit staff and auditors, edited by the committee on drafts only. */
class PolicyTablesApiTest extends FullStackTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_draft_table_edited_through_the_grid_shows_in_the_diff_cell_by_cell() {
        int draft = newDraft();

        TestApi.Response saved = putCell(draft, "risk-classes.drl.xlsx", "RiskClasses", 0, 6, "60000");

        assertThat(saved.status()).isEqualTo(200);
        JsonNode diff = as("committee1").get("/api/v1/policies/1/diff/" + draft).json();
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("location").asString()).contains("row 11", "Largest order (EUR)");
        assertThat(diff.get(0).get("where").asString()).startsWith("Score from = ").endsWith(": Largest order (EUR)");
        assertThat(diff.get(0).get("before").asString()).isEqualTo("75000");
        assertThat(diff.get(0).get("after").asString()).isEqualTo("60000");
    }

    @Test
    void an_edit_that_does_not_compile_is_refused_on_its_row_and_column_and_nothing_is_saved() {
        int draft = newDraft();

        TestApi.Response refused = putCell(draft, "scoring-grid.drl.xlsx", "ScoringGrid", 9, 5, "ten");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(20);
        assertThat(error.get("rowIndex").asInt()).isEqualTo(9);
        assertThat(error.get("column").asString()).isEqualTo("F");
        assertThat(error.get("columnIndex").asInt()).isEqualTo(5);
        assertThat(error.get("message").asString()).contains("'ten'", "Points", "not a number");
        assertThat(as("committee1").get("/api/v1/policies/1/diff/" + draft).json()).isEmpty();
    }

    @Test
    void parameters_are_edited_as_a_form_and_checked_by_unit() {
        int draft = newDraft();
        JsonNode parameters = as("committee1").get("/api/v1/policies/" + draft + "/tables").json().get("parameters");
        List<Object> body = new ArrayList<>();
        for (JsonNode row : parameters.get("rows")) {
            List<String> c = new ArrayList<>(row.get("cells").valueStream().map(JsonNode::asString).toList());
            if (c.get(0).equals("score.base")) {
                c.set(1, "fifty");
            }
            body.add(java.util.Map.of("name", c.get(0), "value", c.get(1), "unit", c.get(2), "description", c.get(3)));
        }

        TestApi.Response refused = send("PUT", "/api/v1/policies/" + draft + "/parameters", JSON.writeValueAsString(body));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("score.base", "not a number");
    }

    @Test
    void the_tables_are_read_by_auditors_and_edited_only_by_the_committee_on_drafts() {
        assertThat(as("auditor").get("/api/v1/policies/1/tables").json().get("tables")).isNotEmpty();
        assertThat(as("analyst").get("/api/v1/policies/1/tables").status()).isEqualTo(200);

        JsonNode grid = table(as("auditor").get("/api/v1/policies/1/tables").json(), "SectorCaps");
        String body = JSON.writeValueAsString(java.util.Map.of("table", "SectorCaps", "rows", rows(grid)));
        assertThat(send("PUT", "/api/v1/policies/1/tables/sector-caps.drl.csv", body, "analyst").status()).isEqualTo(403);
        TestApi.Response active = send("PUT", "/api/v1/policies/1/tables/sector-caps.drl.csv", body, "committee1");
        assertThat(active.status()).isEqualTo(409);
        assertThat(active.json().get("type").asString()).isEqualTo("/problems/policy-status-conflict");
    }

    private int newDraft() {
        TestApi.Response created = as("committee1").post("/api/v1/policies/drafts", "{\"comment\":\"grid test\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("number").asInt();
    }

    /** The table as the draft has it, with one cell changed, sent back as the grid sends it. */
    private TestApi.Response putCell(int version, String file, String table, int row, int column, String value) {
        List<List<String>> rows = rows(table(as("committee1").get("/api/v1/policies/" + version + "/tables").json(), table));
        rows.get(row).set(column, value);
        return send("PUT", "/api/v1/policies/" + version + "/tables/" + file,
                JSON.writeValueAsString(java.util.Map.of("table", table, "rows", rows)));
    }

    private TestApi.Response send(String method, String path, String body) {
        return send(method, path, body, "committee1");
    }

    private TestApi.Response send(String method, String path, String body, String user) {
        TestApi api = as(user);
        return api.send(HttpRequest.newBuilder(URI.create(api.url(path))).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode table(JsonNode contents, String name) {
        for (JsonNode t : contents.get("tables")) {
            if (t.get("table").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }

    private static List<List<String>> rows(JsonNode table) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            rows.add(new ArrayList<>(row.get("cells").valueStream().map(JsonNode::asString).toList()));
        }
        return rows;
    }

    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }
}
