package io.encours.service.migration;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.encours.service.storage.EmbeddedMongo;
import io.encours.service.storage.StorageProperties;
import io.encours.service.storage.WriteDurability;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bson.Document;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar decision-service.jar --encours.migrate.to=mongodb://...}: copies the embedded store of a
 * stopped service to a MongoDB, then exits (0: copied and checked, 1: the check failed, 2: could not run).
 *
 * <p>The settings are read as the service reads them (application.properties, environment, arguments), so the
 * store found is the one the service would open: {@code encours.storage.data-dir} ({@code ENCOURS_DATA_DIR}) and
 * {@code encours.storage.database}; the target database is {@code spring.mongodb.database}
 * ({@code MONGODB_DATABASE}, "encours"), the one the service will use with {@code MONGODB_URI}. The embedded
 * store's file is locked while a service has it open, so the migration refuses to run beside one.
 */
public final class MigrationCommand {
    static final String TARGET = "encours.migrate.to";
    static final String BATCH_SIZE = "encours.migrate.batch-size";
    static final int EXIT_CHECK_FAILED = 1;
    static final int EXIT_CANNOT_RUN = 2;

    private MigrationCommand() {
    }

    /** Whether the arguments ask for a migration rather than the service. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + TARGET + "="));
    }

    /** Runs the migration the arguments describe; returns the process's exit code. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            Environment env = settings.getEnvironment();
            StorageProperties storage = settings.getBean(StorageProperties.class);
            ConnectionString target = new ConnectionString(env.getRequiredProperty(TARGET));
            String targetDatabase = env.getProperty("spring.mongodb.database", storage.database());
            int batchSize = env.getProperty(BATCH_SIZE, Integer.class, 1000);
            Path file = storage.dataDir().toAbsolutePath().normalize().resolve(EmbeddedMongo.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                out.println("No embedded store at " + file + " (set encours.storage.data-dir or ENCOURS_DATA_DIR)");
                return EXIT_CANNOT_RUN;
            }
            out.printf("Migrating %s (database %s) to %s (database %s), batches of %,d%n", file,
                    storage.database(), target.getHosts(), targetDatabase, batchSize);
            EmbeddedMongo embedded;
            try {
                embedded = EmbeddedMongo.start(storage.dataDir());
            } catch (RuntimeException e) {
                out.println("Cannot open " + file + ": " + e.getMessage()
                        + " (is the service still running on it? Stop it first)");
                return EXIT_CANNOT_RUN;
            }
            try (embedded;
                 MongoClient sourceClient = MongoClients.create(embedded.connectionString(storage.database()));
                 MongoClient targetClient = MongoClients.create(target)) {
                MongoDatabase targetDb = targetClient.getDatabase(targetDatabase);
                targetDb.runCommand(new Document("ping", 1));
                StoreMigration migration = new StoreMigration(sourceClient.getDatabase(storage.database()), targetDb,
                        WriteDurability.journaled(storage.writeConcern()).writeConcern(), batchSize, out);
                StoreMigration.Summary summary = migration.run();
                out.printf("%s: %,d documents in %d collections, %,.1f s (%,.0f documents/s)%n",
                        summary.ok() ? "MIGRATED" : "CHECK FAILED", summary.documents(), summary.collections().size(),
                        summary.millis() / 1000.0, summary.documents() * 1000.0 / Math.max(1, summary.millis()));
                if (summary.ok()) {
                    out.println("Start the service with MONGODB_URI set to the target; keep " + file
                            + " until it runs there.");
                }
                return summary.ok() ? 0 : EXIT_CHECK_FAILED;
            } catch (RuntimeException e) {
                out.println("Migration stopped: " + e + " (run it again to go on: what is copied is skipped)");
                return EXIT_CANNOT_RUN;
            }
        }
    }

    /** Only the settings: no web server, no store, no policy. */
    @EnableConfigurationProperties(StorageProperties.class)
    static class Settings {
    }
}
