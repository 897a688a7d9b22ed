package io.encours.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description at /v3/api-docs (Swagger UI at /swagger-ui/index.html). Each POST endpoint's request
 * example is the JSON file of the same name under {@code openapi/examples/}, so the examples are real
 * requests: the tests send them and check the decision they produce.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String EXAMPLES = "openapi/examples/";

    @Bean
    OpenAPI encoursApi() {
        return new OpenAPI().info(new Info()
                .title("Encours decision service")
                .version("v1")
                .description("Credit decisions (order check, customer score, payment-term exception, dunning step) "
                        + "under a credit policy written as decision tables. Every decision is recorded in the audit "
                        + "trail before it is returned. Errors are RFC 9457 problems (application/problem+json) whose "
                        + "type names the problem, e.g. /problems/invalid-field with the fields and reasons.")
                .license(new License().name("Apache-2.0")));
    }

    @Bean
    OpenApiCustomizer requestExamples(JsonMapper json) {
        return api -> api.getPaths().forEach((path, item) -> {
            if (item.getPost() == null || item.getPost().getRequestBody() == null) {
                return;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            ClassPathResource file = new ClassPathResource(EXAMPLES + name + ".json");
            if (!file.exists()) {
                return;
            }
            Object value = read(json, file);
            for (MediaType media : item.getPost().getRequestBody().getContent().values()) {
                media.addExamples(name, new Example().summary("A typical " + name + " request").value(value));
            }
        });
    }

    private static Object read(JsonMapper json, ClassPathResource file) {
        try (InputStream in = file.getInputStream()) {
            return json.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
