package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The policy editor in a real browser: a headless Chromium ({@link HeadlessChromium} says which) driven by
 * playwright-core runs {@code policy-editor/e2e/editor.e2e.mjs} ({@link BrowserScript}) against this service, the whole flow from a committee
 * member's edit to an analyst's refused release, saving a screenshot of each page under target/e2e-screenshots
 * ({@code -Dencours.e2e.screenshots=<repository>/docs/screenshots} refreshes the ones the docs show).
 * It runs on its own application (it activates a new policy version, which the shared full-stack context
 * must not see). Without any browser it fails, saying how to get one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/editor-e2e-${random.uuid}")
class EditorEndToEndTest {
    @LocalServerPort
    private int port;

    @Test
    void a_committee_changes_the_policy_in_the_browser_and_the_auditor_and_the_analyst_follow_it()
            throws IOException, InterruptedException {
        List<String> log = BrowserScript.run("editor", port);

        assertThat(log).as("the script's step log").contains(
                "STEP order check before the change (API): ok",
                "STEP a wrong cell is refused inline, next to the cell: ok",
                "STEP committee1 edits a scoring cell (sector ENERGY: 3 -> 5 points) and saves: ok",
                "STEP committee1 edits a limit (largest order of class A: 75000 -> 50000) with the keyboard: ok",
                "STEP a row added, its overlap found by the verifier and shown on the rows, then the row removed: ok",
                "STEP the diff against the policy in force shows both cells: ok",
                "STEP committee1 validates, verifies and runs the scenarios: ok",
                "STEP committee1 back-tests the draft on a labelled file: figures, ROC curve, class rates, grid rows: ok",
                "STEP committee1 submits the draft: ok",
                "STEP committee2 approves (the latest back-test beside the scenarios) and activates: ok",
                "STEP an order check through the API reflects the change: ok",
                "STEP Try it: a request evaluated against a version, the fired rows highlighted: ok",
                "STEP Simulation: a draft over a time window, progress, impact: ok",
                "STEP the page is in French when switched: ok",
                "STEP the auditor finds the decision by its order id: ok",
                "STEP the auditor replays the decision: ok",
                "STEP the auditor verifies the chain: ok",
                "STEP the auditor exports the search as CSV: ok",
                "STEP the analyst is refused above authority, with the reason next to the comment: ok",
                "STEP the analyst releases a hold within authority: ok",
                "STEP the account of the held customer is opened and changed, and the ERP feed sends its events (API): ok",
                "STEP the analyst finds the customer by part of its name, accents ignored: ok",
                "STEP the customer page shows the exposure by category against the limit and the insured limit: ok",
                "STEP the customer page lists the events, the decisions and holds, and the history: ok",
                "STEP the customer page in French: amounts and dates in French: ok");
        assertThat(Files.list(BrowserScript.SCREENSHOTS).map(p -> p.getFileName().toString()))
                .contains("overview.png", "policy-tables.png", "policy-checks.png", "audit-decision.png", "holds.png",
                        "customer.png");
    }
}
