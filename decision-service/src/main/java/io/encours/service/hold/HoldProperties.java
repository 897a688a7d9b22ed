package io.encours.service.hold;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Callbacks to the order-entry system when a hold is settled.
 *
 * @param callbackAttempts     calls before giving up (the first one included)
 * @param callbackFirstDelay   wait before the second call; each further wait doubles (1 s, 2 s, 4 s, 8 s)
 * @param callbackTimeout      how long one call may take, connection included
 */
@ConfigurationProperties("encours.holds")
public record HoldProperties(
        @DefaultValue("5") int callbackAttempts,
        @DefaultValue("1s") Duration callbackFirstDelay,
        @DefaultValue("5s") Duration callbackTimeout) {
}
