package io.encours.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API description at /v3/api-docs (Swagger UI at /swagger-ui/index.html). Every operation's examples are
 * files named after its operationId: the request under {@code openapi/examples/requests/}, the answer under
 * {@code openapi/examples/responses/} ({@code .json}, or {@code .csv}, {@code .jsonl}, {@code .txt} for
 * answers that are not JSON). They are real: ApiExamplesTest sends every request example in a sequence and
 * checks each answer against its example's fields.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    static final String EXAMPLES = "openapi/examples/";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "json", "application/json", "csv", "text/csv", "jsonl", "application/x-ndjson");

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
    OpenApiCustomizer examples(JsonMapper json) {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        return api -> api.getPaths().forEach((path, item) -> {
            distinctOperationIds(item);
            item.readOperationsMap().forEach((method, operation) -> {
                String id = operation.getOperationId();
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    find(resources, "requests/", id).ifPresent(file -> {
                        Object value = read(json, file);
                        for (MediaType media : operation.getRequestBody().getContent().values()) {
                            media.addExamples(id, new Example().summary("A typical request").value(value));
                        }
                    });
                }
                find(resources, "responses/", id).ifPresent(file -> addAnswer(operation, file, read(json, file)));
            });
        });
    }

    /**
     * One handler mapped to several HTTP methods (PUT and POST of the hold callback) gets one operationId per
     * method, so that each has its own examples: POST keeps the name, the others get the method appended.
     */
    private static void distinctOperationIds(PathItem item) {
        Map<String, PathItem.HttpMethod> seen = new HashMap<>();
        item.readOperationsMap().forEach((method, operation) -> {
            String base = operation.getOperationId().replaceFirst("_\\d+$", "");
            operation.setOperationId(base);
            PathItem.HttpMethod earlier = seen.putIfAbsent(base, method);
            if (earlier != null) {
                Operation renamed = method == PathItem.HttpMethod.POST ? item.readOperationsMap().get(earlier) : operation;
                PathItem.HttpMethod renamedMethod = renamed == operation ? method : earlier;
                String name = renamedMethod.name();
                renamed.setOperationId(base + name.charAt(0) + name.substring(1).toLowerCase());
            }
        });
    }

    /** The answer example goes on the operation's success response, declared if springdoc could not see it. */
    private static void addAnswer(Operation operation, Resource file, Object value) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        ApiResponse success = responses.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> {
                    ApiResponse ok = new ApiResponse().description("OK");
                    responses.addApiResponse("200", ok);
                    return ok;
                });
        Content content = success.getContent() == null ? new Content() : success.getContent();
        success.setContent(content);
        String extension = extension(file);
        String type = MEDIA_TYPES.get(extension);
        if (type != null && (content.isEmpty() || content.containsKey("*/*"))) {
            MediaType any = content.remove("*/*");
            content.addMediaType(type, any == null ? new MediaType() : any);
        } else if (content.isEmpty()) {
            content.addMediaType("application/octet-stream", new MediaType());
        }
        for (MediaType media : content.values()) {
            media.addExamples(operation.getOperationId(), new Example().summary("A typical answer").value(value));
        }
    }

    private static Optional<Resource> find(PathMatchingResourcePatternResolver resources, String folder, String id) {
        try {
            Resource[] found = resources.getResources("classpath*:" + EXAMPLES + folder + id + ".*");
            return found.length == 0 ? Optional.empty() : Optional.of(found[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(Resource file) {
        String name = file.getFilename();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static Object read(JsonMapper json, Resource file) {
        try (InputStream in = file.getInputStream()) {
            return extension(file).equals("json") ? json.readValue(in, Object.class)
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
