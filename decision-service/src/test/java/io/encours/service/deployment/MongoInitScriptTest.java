package io.encours.service.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml runs the service as a MongoDB user made by {@code decision-service/docker/mongo-init.js},
 * which may touch only the collections that script names (issue 18: it named only the two audit collections, so
 * the first write to any other was refused). No MongoDB server runs on these machines, so the check is on the
 * names: every collection the service has made on its store, once started (and after whatever the full-stack
 * tests sharing this application did before), is one the script grants.
 */
class MongoInitScriptTest extends FullStackTest {
    private static final Path SCRIPT = Path.of("docker", "mongo-init.js");

    @Test
    void theComposeDatabaseUserMayUseEveryCollectionTheServiceMakes() throws IOException {
        Set<String> granted = granted(Files.readString(SCRIPT));
        assertThat(granted).as("collections granted by %s", SCRIPT).contains("decisions", "audit_chain_head");

        Set<String> made = new TreeSet<>(mongo.getCollectionNames());
        assertThat(made).as("collections of the started service").contains("decisions", "users");
        assertThat(granted).as("collections granted by %s, against those the service made", SCRIPT)
                .containsAll(made);
    }

    /** The collections of the script's privileges: {@code collection: "x"} and the serviceCollections list. */
    private static Set<String> granted(String script) {
        Set<String> names = new TreeSet<>();
        Matcher single = Pattern.compile("collection:\\s*\"([^\"]+)\"").matcher(script);
        while (single.find()) {
            names.add(single.group(1));
        }
        Matcher list = Pattern.compile("const serviceCollections = \\[([^\\]]*)\\]").matcher(script);
        if (list.find()) {
            Matcher name = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
