package io.encours.service.hold;

import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The order-entry system's view of its held orders: read the hold, register a callback. */
@RestController
@RequestMapping(path = "/api/v1/orders/{orderId}/hold", produces = "application/json")
@Tag(name = "Credit holds")
class OrderHoldController {
    static final int MAX_URL = 2000;

    private final CreditHolds holds;

    OrderHoldController(CreditHolds holds) {
        this.holds = holds;
    }

    @GetMapping
    @Operation(operationId = "orderHold", summary = "The latest hold of an order",
            description = "OPEN, RELEASED, REJECTED or EXPIRED (a release past validUntil). A released order may ship "
                    + "until validUntil and for up to maxAmount; beyond either, check the order again.")
    @ApiResponse(responseCode = "404", description = "The order has no hold",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    HoldViews.OrderHoldView hold(@PathVariable String orderId) {
        CreditHold hold = holds.latestForOrder(orderId)
                .orElseThrow(() -> HoldProblems.notFound("Order " + orderId + " has no hold"));
        return HoldViews.OrderHoldView.of(hold, holds.now(), holds.callbackOf(orderId).orElse(null));
    }

    @RequestMapping(path = "/callback", method = {RequestMethod.PUT, RequestMethod.POST})
    @Operation(operationId = "registerHoldCallback", summary = "Register the URL called when the order's hold is released or rejected",
            description = "POST of {holdId, orderId, status, comment, validUntil, maxAmount} as JSON; a call not "
                    + "answered 2xx is retried with exponential back-off, and every attempt is recorded.")
    Map<String, String> callback(@PathVariable String orderId, @RequestBody(required = false) HoldViews.CallbackBody body,
                                 Principal principal) {
        String url = body == null || body.url() == null ? "" : body.url().strip();
        if (url.isEmpty()) {
            throw Problems.invalidField("url", "is required");
        }
        if (url.length() > MAX_URL || !httpUrl(url)) {
            throw Problems.invalidField("url", "must be an absolute http or https URL");
        }
        holds.registerCallback(orderId, url, principal == null ? "anonymous" : principal.getName());
        return Map.of("orderId", orderId, "url", url);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
