package io.encours.service.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** JSON strictness, the caller's language and the validation clock. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return JsonSettings::apply;
    }

    /** Reasons are written in English or French, chosen by Accept-Language; English by default. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Locale.ENGLISH, Locale.FRENCH));
        resolver.setDefaultLocale(Locale.ENGLISH);
        return resolver;
    }

    /** "In the future" means after today in the business time zone, not the server's. */
    @Bean
    ValidationConfigurationCustomizer businessClockForValidation(Clock clock, WebProperties properties) {
        Clock businessClock = clock.withZone(properties.timeZone());
        return configuration -> configuration.clockProvider(() -> businessClock);
    }
}
