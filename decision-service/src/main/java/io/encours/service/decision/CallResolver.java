package io.encours.service.decision;

import io.encours.service.web.Problems;
import io.encours.service.web.RequestContext;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turns the headers every decision request may carry into a {@link DecisionService.Call}: the caller's
 * request id ({@code Idempotency-Key}), who calls (the authenticated name: an API key's name or a username;
 * {@code X-Caller} only when the request is not authenticated) and when the request arrived. Refuses
 * malformed values before the body is evaluated, and documents both headers on every decision endpoint.
 */
@Configuration(proxyBeanMethods = false)
class CallResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    static final String IDEMPOTENCY_DOC = "The caller's request id (1 to 128 letters, digits or . _ : -). "
            + "Sending it again with the same body returns the recorded decision without recording a second one "
            + "(response header Idempotent-Replayed: true); with a different body the answer is 409. "
            + "Without it the service gives the request an id of its own (the decision id) and a retry makes "
            + "a new decision.";
    static final String CALLER_DOC = "Ignored when the request is authenticated (always, on a secured service): "
            + "the decision records the authenticated caller, the API key's name or the user's name.";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DecisionService.Call.class;
    }

    @Override
    public DecisionService.Call resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                                NativeWebRequest webRequest, WebDataBinderFactory binders) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        String requestId = token(request, RequestContext.IDEMPOTENCY_KEY);
        String declared = token(request, RequestContext.CALLER);
        // The authenticated caller (API key name, username); the header counts only without authentication.
        java.security.Principal principal = request.getUserPrincipal();
        String caller = principal != null ? principal.getName()
                : declared != null ? declared : RequestContext.ANONYMOUS;
        return new DecisionService.Call(requestId, caller, RequestContext.arrival(request));
    }

    private static String token(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value != null && !RequestContext.isToken(value)) {
            throw Problems.invalidField(header, RequestContext.TOKEN_RULE);
        }
        return value;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Bean
    OperationCustomizer decisionHeaders() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
                operation.addParametersItem(new HeaderParameter().name(RequestContext.IDEMPOTENCY_KEY)
                        .description(IDEMPOTENCY_DOC).schema(new StringSchema().example("order-SO-2026-0042")));
                operation.addParametersItem(new HeaderParameter().name(RequestContext.CALLER)
                        .description(CALLER_DOC).schema(new StringSchema().example("erp-sales")));
            }
            return operation;
        };
    }
}
