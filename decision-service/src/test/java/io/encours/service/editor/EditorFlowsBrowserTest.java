package io.encours.service.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's flows of issue 19 in a real browser ({@code policy-editor/e2e/flows.e2e.mjs} through
 * {@link BrowserScript}): a first login with a password set by an administrator, an approval and an activation
 * behind their confirmations, a hold released through its confirmation and kept in view at 1366x768, every main
 * page at a phone's 390 px without sideways scrolling, and one cell edited with the keyboard only. On its own
 * application: it creates people and activates a policy version, which the shared full-stack context must not see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "encours.storage.data-dir=target/test-data/editor-flows-${random.uuid}")
class EditorFlowsBrowserTest {
    @LocalServerPort
    private int port;

    @Test
    void a_new_user_a_committee_an_analyst_a_phone_and_a_keyboard_get_through_the_editor() throws IOException, InterruptedException {
        List<String> log = BrowserScript.run("flows", port);

        assertThat(log).as("the script's step log").contains(
                "STEP first login (fr): choose a password, then the home page: ok",
                "STEP first login (en): choose a password, then the home page: ok",
                "STEP the service refuses an approval without a reason, naming the field: ok",
                "STEP approve: a confirmation with its consequence, refused without a reason, done with one: ok",
                "STEP activate: the confirmation says it decides every order from now on; the reason is in the history: ok",
                "STEP at 1366x768 the opened hold and its Release button are in view: ok",
                "STEP at 390 px (fr) no main page scrolls sideways: ok",
                "STEP at 390 px (en) no main page scrolls sideways: ok",
                "STEP keyboard only: skip link, one Tab stop into the grid, edit, undo, Tab out, unsaved warning, save: ok");
        assertThat(Files.list(BrowserScript.SCREENSHOTS).map(p -> p.getFileName().toString()))
                .contains("first-login-fr.png", "first-login-en.png", "phone-audit-fr.png", "phone-audit-en.png",
                        "phone-holds-fr.png", "confirm-activate.png");
    }
}
