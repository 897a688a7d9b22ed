package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy editor in French in a browser whose own locale is American ({@code policy-editor/e2e/french.e2e.mjs}
 * through {@link BrowserScript}): every page with data on it, failing on any US-formatted date or number and on
 * any raw code of the label catalogue shown as text; screenshots named {@code *-fr.png}. Runs on its own
 * application: it opens holds, settles them and starts a draft.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/editor-french-${random.uuid}")
class EditorFrenchBrowserTest {
    @LocalServerPort
    private int port;

    @Test
    void every_page_in_french_shows_french_formats_and_words_and_no_raw_code() throws IOException, InterruptedException {
        List<String> log = BrowserScript.run("french", port);

        assertThat(log).as("the script's step log").contains(
                "STEP data: decisions, holds, an account and a draft (API): ok",
                "STEP overview in French: outcomes as a French team says them, the chart title once, days on the axis in French: ok",
                "STEP policies and a version in French: tables, parameters with French numbers, diff, history: ok",
                "STEP Try it in French: reasons with their text, fields by name, the order first: ok",
                "STEP simulation in French: drafts only, dates typed in French, a window without flips says so: ok",
                "STEP holds in French: the customer name, amounts with €, reason texts, rejeté: ok",
                "STEP customer page in French: ok",
                "STEP audit in French: pick lists for codes, amounts typed in French, an error for what cannot be read: ok",
                "STEP a decision in French: order amount and limits with their currency, reasons with their text: ok");
        assertThat(Files.list(BrowserScript.SCREENSHOTS).map(p -> p.getFileName().toString()))
                .contains("overview-fr.png", "policies-fr.png", "policy-tables-fr.png", "policy-parameters-fr.png",
                        "try-it-fr.png", "simulation-fr.png", "holds-fr.png", "hold-fr.png", "customer-fr.png",
                        "audit-search-fr.png", "audit-decision-fr.png");
    }
}
