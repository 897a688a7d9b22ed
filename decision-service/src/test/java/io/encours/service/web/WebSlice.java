package io.encours.service.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** What a {@code @WebMvcTest} of a feature's controllers needs from the web package to behave as in production. */
@TestConfiguration(proxyBeanMethods = false)
@Import(WebConfiguration.class)
@EnableConfigurationProperties(WebProperties.class)
public class WebSlice {
}
