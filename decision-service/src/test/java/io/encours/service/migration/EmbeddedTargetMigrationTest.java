package io.encours.service.migration;

import io.encours.service.storage.EmbeddedMongo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The migration to a second embedded server standing for MongoDB: it runs everywhere, without Docker. */
class EmbeddedTargetMigrationTest extends MigrationContract {
    @TempDir
    Path targetDir;

    private EmbeddedMongo target;

    @BeforeEach
    void startTarget() {
        target = EmbeddedMongo.start(targetDir);
    }

    @AfterEach
    void stopTarget() {
        target.close();
    }

    @Override
    String targetUri() {
        return "mongodb://127.0.0.1:" + target.port() + "/?serverSelectionTimeoutMS=2000";
    }
}
