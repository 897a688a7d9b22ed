package io.encours.service.web;

import static io.encours.service.JsonRequest.orderCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service's problems and the diff in the request's {@code Accept-Language}: French when asked, English
 * otherwise, the same {@code code} and {@code params} in both.
 */
class ProblemLanguageTest extends FullStackTest {
    @Test
    void a_release_above_authority_is_refused_in_french_or_in_english_with_the_same_code_and_params() {
        String holdId = heldOrder(40000);

        TestApi.Response fr = release(holdId, "fr-FR,fr;q=0.9,en;q=0.5");
        TestApi.Response en = release(holdId, "en");
        TestApi.Response none = release(holdId, null);

        assertThat(fr.status()).isEqualTo(403);
        assertThat(fr.json().get("title").asString()).isEqualTo("Au-delà de votre délégation");
        assertThat(fr.json().get("detail").asString()).isEqualTo("Libérer 40 000 EUR demande une délégation plus "
                + "élevée : l'analyste crédit peut libérer jusqu'à 25 000 EUR ; la tentative a été enregistrée");
        assertThat(en.json().get("title").asString()).isEqualTo("Beyond your delegated authority");
        assertThat(en.json().get("detail").asString()).isEqualTo("Releasing 40,000 EUR needs a higher authority: "
                + "CREDIT_ANALYST may release up to 25,000 EUR; the attempt has been recorded");
        assertThat(none.json().get("detail").asString()).isEqualTo(en.json().get("detail").asString());
        for (TestApi.Response r : List.of(fr, en)) {
            assertThat(r.json().get("type").asString()).isEqualTo("/problems/beyond-authority");
            assertThat(r.json().get("code").asString()).isEqualTo("beyond-authority");
            assertThat(r.json().get("params").get("limit").decimalValue()).isEqualByComparingTo("25000");
            assertThat(r.json().get("params").get("roles").get(0).asString()).isEqualTo("CREDIT_ANALYST");
        }
    }

    @Test
    void an_invalid_field_and_a_problem_without_a_code_get_a_french_title() {
        TestApi.Response invalid = as("analyst").post("/api/v1/holds/" + UUID.randomUUID() + "/release", "{}",
                "Accept-Language", "fr");
        TestApi.Response notFound = as("analyst").post("/api/v1/holds/" + UUID.randomUUID() + "/release",
                "{\"comment\":\"ok\"}", "Accept-Language", "fr");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("title").asString()).isEqualTo("Champ invalide");
        assertThat(invalid.json().get("detail").asString()).startsWith("comment : ");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("title").asString()).isEqualTo("Blocage introuvable");
        TestApi.Response forbidden = as("auditor").post("/api/v1/holds/" + UUID.randomUUID() + "/release",
                "{\"comment\":\"ok\"}", "Accept-Language", "fr");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("title").asString()).isEqualTo("Action non autorisée");
    }

    @Test
    void a_draft_whose_scenarios_fail_is_refused_in_french() {
        int draft = newDraft();
        TestApi committee = as("committee1");
        replaceInFile(draft, "parameters.csv", "score.base,50,", "score.base,55,");

        TestApi.Response fr = committee.post("/api/v1/policies/" + draft + "/submit", "{}", "Accept-Language", "fr");
        TestApi.Response en = committee.post("/api/v1/policies/" + draft + "/submit", "{}");

        assertThat(fr.status()).isEqualTo(422);
        assertThat(fr.json().get("title").asString()).isEqualTo("Des scénarios de la politique échouent");
        assertThat(fr.json().get("detail").asString()).startsWith("Version " + draft + " : ").endsWith("scénario(s) en échec");
        JsonNode error = fr.json().get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("scenario-failure");
        assertThat(error.get("location").asString()).matches("scénario \\S+, ligne \\d+");
        assertThat(error.get("message").asString()).contains("score : attendu ").contains(", obtenu ")
                .doesNotContain("expected");
        assertThat(fr.json().get("scenarioFailures").get(0).get("failures").get(0).asString()).contains("attendu");
        assertThat(en.json().get("title").asString()).isEqualTo("Policy scenarios fail");
        assertThat(en.json().get("errors").get(0).get("message").asString()).contains("score: expected ", ", got ");
        assertThat(en.json().get("errors").get(0).get("location").asString()).matches("scenario \\S+, line \\d+");
    }

    @Test
    void the_diff_names_a_cell_by_its_rows_conditions_and_a_parameter_by_its_description_in_french() {
        int draft = newDraft();
        replaceInFile(draft, "sector-caps.drl.csv", "TRANSPORT,30,", "TRANSPORT,25,");
        TestApi committee = as("committee1");
        replaceInFile(draft, "parameters.csv", "score.base,50,", "score.base,52,");

        JsonNode fr = committee.get("/api/v1/policies/1/diff/" + draft, "Accept-Language", "fr").json();
        JsonNode en = committee.get("/api/v1/policies/1/diff/" + draft).json();

        JsonNode cell = change(fr, "CELL");
        assertThat(cell.get("where").asString())
                .isEqualTo("Secteur = TRANSPORT : Délai maximal depuis la facture (jours)");
        assertThat(cell.get("location").asString())
                .isEqualTo("ligne 11, colonne B (Délai maximal depuis la facture (jours))");
        assertThat(cell.get("before").asString()).isEqualTo("30");
        assertThat(cell.get("after").asString()).isEqualTo("25");
        JsonNode parameter = change(fr, "PARAMETER");
        assertThat(parameter.get("where").asString())
                .isEqualTo("Score de départ de chaque client, avant les points de la grille de score (score.base)");
        assertThat(parameter.get("before").asString()).isEqualTo("50 points");
        assertThat(parameter.get("after").asString()).isEqualTo("52 points");
        assertThat(change(en, "CELL").get("where").asString())
                .isEqualTo("Sector = TRANSPORT: Maximum days from invoice");
        assertThat(change(en, "CELL").get("location").asString())
                .isEqualTo("row 11, column B (Maximum days from invoice)");
        assertThat(change(en, "PARAMETER").get("where").asString()).startsWith("Score every customer starts from");
    }

    @Test
    void the_tables_carry_the_policys_french_texts_when_asked_in_french() {
        JsonNode fr = as("committee1").get("/api/v1/policies/1/tables", "Accept-Language", "fr").json().get("texts");
        JsonNode en = as("committee1").get("/api/v1/policies/1/tables").json().get("texts");

        assertThat(fr.get("headings").get("Sector").asString()).isEqualTo("Secteur");
        assertThat(fr.get("units").get("days").asString()).isEqualTo("jours");
        assertThat(fr.get("parameters").get("score.base").asString()).startsWith("Score de départ");
        assertThat(en.get("headings").isEmpty()).isTrue();
    }

    private static JsonNode change(JsonNode diff, String kind) {
        for (JsonNode c : diff) {
            if (c.get("kind").asString().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no " + kind + " change in " + diff);
    }

    private String heldOrder(int amount) {
        String orderId = "SO-" + UUID.randomUUID();
        TestApi.Response check = api().post(orderCheck().path(), orderCheck()
                .with("customer.id", "C-" + UUID.randomUUID()).with("customer.creditAccount.status", "BLOCKED")
                .with("order.id", orderId).with("order.amount", amount).body());
        assertThat(check.json().get("outcome").asString()).isEqualTo("BLOCK");
        return api().get("/api/v1/orders/" + orderId + "/hold").json().get("holdId").asString();
    }

    private TestApi.Response release(String holdId, String language) {
        String body = "{\"comment\":\"Customer promised to pay on Friday\"}";
        return language == null ? as("analyst").post("/api/v1/holds/" + holdId + "/release", body)
                : as("analyst").post("/api/v1/holds/" + holdId + "/release", body, "Accept-Language", language);
    }

    private int newDraft() {
        TestApi.Response created = as("committee1").post("/api/v1/policies/drafts", "{\"comment\":\"language test\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("number").asInt();
    }

    /** A draft's policy file with one text replaced, uploaded as the editor's file upload does. */
    private void replaceInFile(int version, String file, String text, String replacement) {
        TestApi api = as("committee1");
        String path = "/api/v1/policies/" + version + "/files/" + file;
        String content = api.get(path).text();
        assertThat(content).contains(text);
        TestApi.Response saved = api.send(HttpRequest.newBuilder(URI.create(api.url(path)))
                .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(
                        content.replace(text, replacement), StandardCharsets.UTF_8)));
        assertThat(saved.status()).as(saved.text()).isBetween(200, 299);
    }

    private TestApi as(String user) {
        return api().as(user, "secret-" + user);
    }
}
