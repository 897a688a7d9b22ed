package io.encours.service.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Storage settings.
 *
 * @param dataDir      folder of the embedded store's file (ignored when {@code MONGODB_URI} is set)
 * @param database     database name on the embedded server
 * @param writeConcern {@code w} of the audit inserts on a real MongoDB ("majority" or a number); they are
 *                     always journaled
 * @param compaction   how the embedded store's file gives back the space of superseded pages
 * @param timeouts     the MongoDB driver's timeouts, short so that a store outage is answered at once
 * @param pageCompression how the embedded store compresses the pages it writes ({@link PageCompression})
 * @param capacityWarning the embedded store's file size above which the storage health says the store nears
 *                     what it can serve (move to MongoDB with {@code MONGODB_URI}); about a million decisions
 */
@ConfigurationProperties("encours.storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("encours") String database,
        @DefaultValue("majority") String writeConcern,
        @DefaultValue Compaction compaction,
        @DefaultValue Timeouts timeouts,
        @DefaultValue("FAST") PageCompression pageCompression,
        @DefaultValue("4GB") DataSize capacityWarning) {

    public StorageProperties {
        if (capacityWarning.toBytes() <= 0) {
            throw new IllegalArgumentException("encours.storage.capacity-warning must be positive, not "
                    + capacityWarning);
        }
    }

    /**
     * The driver's timeouts, for the embedded server and MongoDB alike: a request waits at most about
     * {@code serverSelection} for a store that is down (instead of the driver's 30 s), and at most {@code read}
     * for one that stopped answering mid-operation.
     *
     * @param serverSelection how long an operation waits for a reachable server
     * @param connect         how long opening a connection may take
     * @param read            how long a socket read may wait on a MongoDB (not the embedded server, which is in
     *                        this process): longer than the slowest legitimate command
     */
    public record Timeouts(
            @DefaultValue("2s") Duration serverSelection,
            @DefaultValue("2s") Duration connect,
            @DefaultValue("60s") Duration read) {
    }

    /** See {@link EmbeddedCompaction}; an interval of 0 turns compaction off. */
    public record Compaction(
            @DefaultValue("2s") Duration interval,
            @DefaultValue("60") int targetFillRate,
            @DefaultValue("2MB") DataSize rewritePerRun,
            @DefaultValue("45s") Duration retention,
            @DefaultValue("100") int busyCommitsPerSecond) {

        EmbeddedCompaction settings() {
            return new EmbeddedCompaction(interval, targetFillRate, rewritePerRun.toBytes(), retention,
                    busyCommitsPerSecond);
        }
    }
}
