package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.rules.model.DecisionType;
import io.encours.rules.policy.Outcomes;
import io.encours.rules.policy.PolicyBundle;
import io.encours.rules.policy.PolicyCompiler;
import io.encours.rules.policy.ReasonCatalogue;
import io.encours.service.FullStackTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor's label catalogue ({@code policy-editor/src/labels.js}) has a label for every code the API can
 * return: every enum of the OpenAPI document (/v3/api-docs of this running service), every outcome of every
 * decision type, and every reason code of the default policy's reason catalogue, each in English and French.
 * The catalogue's codes are read by running {@code node scripts/label-codes.mjs}; a new enum value, outcome or
 * reason without a label fails here, naming where the API has it.
 */
class LabelCatalogueTest extends FullStackTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Where the document enumerates values that are no codes of the service: springdoc's description of a
     * free JSON field (a JsonNode's nodeType: ARRAY, OBJECT...). Anything else the API enumerates needs a label.
     */
    private static final Set<String> NOT_SHOWN = Set.of("/components/schemas/JsonNode/");

    @Test
    void every_enum_of_the_api_has_a_label_in_english_and_french() throws Exception {
        Catalogue catalogue = catalogue();
        Map<String, String> codes = new TreeMap<>();
        enums(apiDocs(), "", codes);

        assertThat(codes).as("the OpenAPI document enumerates codes").isNotEmpty();
        List<String> missing = new ArrayList<>();
        codes.forEach((code, where) -> {
            if (!catalogue.all().contains(code)) {
                missing.add(code + " (" + where + ")");
            }
        });
        assertThat(missing).as("codes of the API without a label in policy-editor/src/labels.js").isEmpty();
        assertThat(catalogue.missingFrench()).as("labels without both languages").isEmpty();
    }

    @Test
    void every_outcome_of_every_decision_type_has_a_label() throws Exception {
        Set<String> outcomes = catalogue().kind("outcome");
        for (DecisionType type : DecisionType.values()) {
            assertThat(outcomes).as("outcome labels of %s", type).containsAll(Outcomes.of(type));
        }
        assertThat(catalogue().kind("type")).as("decision type labels")
                .containsAll(java.util.Arrays.stream(DecisionType.values()).map(Enum::name).toList());
    }

    @Test
    void every_reason_of_the_policy_has_the_policy_text() throws Exception {
        ReasonCatalogue reasons = new PolicyCompiler().compile(PolicyBundle.fromClasspath("policies/credit-policy-fr"))
                .policy().reasons();
        Set<String> codes = new TreeSet<>();
        reasons.entries().forEach(entry -> codes.add(entry.code()));

        assertThat(codes).as("the default policy's reason codes").hasSizeGreaterThan(10);
        assertThat(catalogue().kind("reason"))
                .as("reason texts in labels.js (node scripts/reason-labels.mjs writes them from reason-codes.csv)")
                .containsAll(codes);
    }

    /** The OpenAPI document; its first generation can take long on a busy machine, hence a timeout of its own. */
    private JsonNode apiDocs() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api().url("/v3/api-docs")))
                .timeout(Duration.ofMinutes(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /v3/api-docs").isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every value of every "enum" in the document, with the first place it appears. */
    private static void enums(JsonNode node, String where, Map<String, String> codes) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                enums(item, where + "[" + i++ + "]", codes);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("enum") && field.getValue().isArray()
                    && NOT_SHOWN.stream().noneMatch(where::startsWith)) {
                for (JsonNode value : field.getValue()) {
                    if (value.isString()) {
                        codes.putIfAbsent(value.asString(), where);
                    }
                }
            } else {
                enums(field.getValue(), where + "/" + field.getKey(), codes);
            }
        }
    }

    private record Catalogue(Map<String, Set<String>> kinds, List<String> missingFrench) {
        Set<String> kind(String kind) {
            return kinds.getOrDefault(kind, Set.of());
        }

        Set<String> all() {
            Set<String> all = new TreeSet<>();
            kinds.values().forEach(all::addAll);
            return all;
        }
    }

    /** The catalogue's codes by kind, as policy-editor/scripts/label-codes.mjs prints them. */
    private static Catalogue catalogue() throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "scripts/label-codes.mjs").directory(BrowserScript.EDITOR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node scripts/label-codes.mjs ended").isTrue();
        assertThat(node.exitValue()).as("node scripts/label-codes.mjs: %s", out).isZero();
        JsonNode json = JSON.readTree(out);
        Map<String, Set<String>> kinds = new TreeMap<>();
        for (Map.Entry<String, JsonNode> kind : json.get("codes").properties()) {
            Set<String> codes = new TreeSet<>();
            for (Iterator<JsonNode> it = kind.getValue().values().iterator(); it.hasNext();) {
                codes.add(it.next().asString());
            }
            kinds.put(kind.getKey(), codes);
        }
        List<String> missingFrench = new ArrayList<>();
        json.get("missingFrench").forEach(n -> missingFrench.add(n.asString()));
        return new Catalogue(kinds, missingFrench);
    }
}
