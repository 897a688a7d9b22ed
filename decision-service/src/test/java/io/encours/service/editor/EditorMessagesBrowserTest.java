package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service's messages on a French page, in a real browser ({@code policy-editor/e2e/messages.e2e.mjs} through
 * {@link BrowserScript}): a release above authority refused in French with the limit shown before, the diff of a
 * grid edit and a parameter in French words, a submit refused on failing scenarios in French; no English sentence.
 * On its own application, as {@link EditorEndToEndTest}: it creates drafts and holds the shared context must not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/editor-messages-${random.uuid}")
class EditorMessagesBrowserTest {
    @LocalServerPort
    private int port;

    @Test
    void a_french_page_shows_the_services_refusals_and_the_diff_in_french() throws IOException, InterruptedException {
        List<String> log = BrowserScript.run("messages", port);

        assertThat(log).as("the script's step log").contains(
                "STEP a 40,000 EUR order of a blocked account is held (API): ok",
                "STEP in French, the analyst sees their release limit and is refused above it in French: ok",
                "STEP in French, a cell edited in the grid and a parameter changed show in the diff in French words: ok",
                "STEP in French, submitting a draft whose scenarios fail is refused in French: ok");
    }
}
