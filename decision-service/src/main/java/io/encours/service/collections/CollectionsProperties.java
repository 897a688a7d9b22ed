package io.encours.service.collections;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dunning run. These are the service's (when and how fast it runs), not the policy's: the
 * pre-due window and the priority's weights, which change what is chased, are the policy's parameters.
 *
 * @param scheduled     whether a run starts by itself every day at {@code runAt}
 * @param runAt         the time of day of the daily run, in the business time zone ({@code encours.web.time-zone})
 * @param workers       evaluations in flight at once; most of each one's time is spent waiting for its audit
 *                      record to be durable (group commit), so more than the cores
 * @param maxPageSize   most lines in one worklist answer
 * @param createIndexes whether the service creates the worklist's indexes at start
 */
@ConfigurationProperties("encours.collections")
public record CollectionsProperties(
        @DefaultValue("true") boolean scheduled,
        @DefaultValue("06:00") LocalTime runAt,
        @DefaultValue("32") int workers,
        @DefaultValue("1000") int maxPageSize,
        @DefaultValue("true") boolean createIndexes) {

    public CollectionsProperties {
        if (runAt == null) {
            throw new IllegalArgumentException("encours.collections.run-at must be a time of day such as 06:00");
        }
        if (workers < 1 || workers > 512) {
            throw new IllegalArgumentException("encours.collections.workers must be between 1 and 512");
        }
        if (maxPageSize < 1 || maxPageSize > 10_000) {
            throw new IllegalArgumentException("encours.collections.max-page-size must be between 1 and 10000");
        }
    }
}
