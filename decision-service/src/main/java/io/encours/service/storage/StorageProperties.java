package io.encours.service.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings.
 *
 * @param dataDir      folder of the embedded store's file (ignored when {@code MONGODB_URI} is set)
 * @param database     database name on the embedded server
 * @param writeConcern {@code w} of the audit inserts on a real MongoDB ("majority" or a number); they are
 *                     always journaled
 */
@ConfigurationProperties("encours.storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("encours") String database,
        @DefaultValue("majority") String writeConcern) {
}
