package io.encours.service.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web settings.
 *
 * @param maxRequestSize largest request body accepted; larger ones get a 413
 * @param timeZone       the business time zone: "today" for a missing {@code asOf} and for dates that
 *                       cannot be in the future
 */
@ConfigurationProperties("encours.web")
public record WebProperties(
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("Europe/Paris") ZoneId timeZone) {
}
