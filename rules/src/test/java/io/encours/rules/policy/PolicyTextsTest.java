package io.encours.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default policy says every parameter, unit and table column heading in French too. */
class PolicyTextsTest {
    private final PolicyBundle bundle = DefaultPolicy.bundle();
    private final PolicyTexts french = PolicyTexts.of(bundle, "fr");

    @Test
    void every_parameter_and_unit_has_its_french_text() {
        List<List<String>> rows = Csv.parse(bundle.text("parameters.csv"));

        assertThat(rows.subList(1, rows.size())).filteredOn(row -> !row.isEmpty()).allSatisfy(row -> {
            assertThat(french.has("parameter", row.get(0).trim())).as("French description of %s", row.get(0)).isTrue();
            assertThat(french.has("unit", row.get(2).trim())).as("French unit %s", row.get(2)).isTrue();
        });
        assertThat(french.parameter("score.base", "Score every customer starts from"))
                .isEqualTo("Score de départ de chaque client, avant les points de la grille de score");
        assertThat(french.unit("days")).isEqualTo("jours");
    }

    @Test
    void every_column_heading_of_every_table_has_its_french_text() throws Exception {
        List<String> headings = new ArrayList<>();
        for (String file : bundle.files().keySet().stream().filter(f -> f.contains(".drl.")).toList()) {
            for (TableSheet sheet : TableSheet.read(file, bundle.bytes(file))) {
                for (int r = 0; r < sheet.rows().size(); r++) {
                    if (sheet.rows().get(r).stream().anyMatch(v -> v != null && v.trim().startsWith("RuleTable"))) {
                        for (String heading : sheet.rows().get(r + 4)) {
                            if (heading != null && !heading.isBlank()) {
                                headings.add(heading.trim());
                            }
                        }
                    }
                }
            }
        }

        assertThat(headings).contains("Sector", "Points", "Criterion")
                .allSatisfy(h -> assertThat(french.has("heading", h)).as("French heading for '%s'", h).isTrue());
        assertThat(french.heading("Category is")).isEqualTo("Catégorie");
    }

    @Test
    void in_english_every_text_is_the_policys_own() {
        PolicyTexts english = PolicyTexts.of(bundle, "en");

        assertThat(english.heading("Sector")).isEqualTo("Sector");
        assertThat(english.parameter("score.base", "as written")).isEqualTo("as written");
    }
}
