package io.encours.service.hold;

import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    private final CallbackTargets targets;

    OrderHoldController(CreditHolds holds, CallbackTargets targets) {
        this.holds = holds;
        this.targets = targets;
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
            description = "POST of {holdId, orderId, status, comment, validUntil, maxAmount} as JSON, signed "
                    + "(Encours-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">) and identified "
                    + "(Encours-Event-Id); a call not answered 2xx is retried with exponential back-off, and every "
                    + "attempt is recorded. The URL's scheme, host and port must be on the callback allowlist, and "
                    + "its host must not resolve to a loopback, link-local or private address unless the entry "
                    + "allows it; both are checked again before each call.")
    @ApiResponse(responseCode = "400", description = "The URL is malformed, not allowlisted or resolves to a refused "
            + "address (errors[0].field = url, with the reason)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Map<String, String> callback(@PathVariable String orderId, @RequestBody(required = false) HoldViews.CallbackBody body,
                                 Principal principal) {
        String url = body == null || body.url() == null ? "" : body.url().strip();
        if (url.isEmpty()) {
            throw Problems.invalidField("url", "is required");
        }
        if (url.length() > MAX_URL) {
            throw Problems.invalidField("url", "must be at most " + MAX_URL + " characters");
        }
        try {
            targets.check(url);
        } catch (CallbackTargets.Refused e) {
            throw Problems.invalidField("url", e.getMessage());
        }
        holds.registerCallback(orderId, url, principal == null ? "anonymous" : principal.getName());
        return Map.of("orderId", orderId, "url", url);
    }
}
