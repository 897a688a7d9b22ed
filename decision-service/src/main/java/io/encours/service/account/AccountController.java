package io.encours.service.account;

import io.encours.service.web.LimitedBody;
import io.encours.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credit staff keep the accounts; auditors read them; the ERP feed loads them from its export. A read answers
 * the account's version as its ETag; a change names it in {@code If-Match} (or as {@code version}), so that
 * nobody overwrites a change they have not seen.
 */
@RestController
@RequestMapping(path = "/api/v1/accounts", produces = "application/json")
@Tag(name = "Credit accounts", description = "Customers' master data, terms, status, limit and insurer cover, "
        + "with their history")
@ApiResponse(responseCode = "400", description = "An invalid field (the problem names it)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class AccountController {
    private final CreditAccounts accounts;
    private final AccountProperties properties;

    AccountController(CreditAccounts accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createAccount", summary = "Open a customer's credit account",
            description = "Required: customerId, sector, legalForm, currency. No status: ACTIVE; no internalLimit: "
                    + "no credit (an order check counts a limit of 0).")
    @ApiResponse(responseCode = "201", description = "Created; ETag is its version (1)")
    @ApiResponse(responseCode = "409", description = "The customer already has an account",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CreditAccount> createAccount(@RequestBody AccountBody body, Principal who) {
        return withVersion(ResponseEntity.created(URI.create("/api/v1/accounts/" + body.customerId())),
                accounts.create(body, who.getName()));
    }

    @GetMapping("/{customerId}")
    @Operation(operationId = "account", summary = "A customer's credit account", description = "ETag: its version.")
    @ApiResponse(responseCode = "404", description = "No account for this customer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CreditAccount> account(@PathVariable String customerId) {
        return withVersion(ResponseEntity.ok(), accounts.get(customerId));
    }

    @PutMapping(path = "/{customerId}", consumes = "application/json")
    @Operation(operationId = "replaceAccount", summary = "Replace a credit account's data",
            description = "The whole account as it must be; fields left out are cleared. Name the version the change "
                    + "was made on in If-Match (\"3\") or as version: another version is a 409, none a 428.")
    @ApiResponse(responseCode = "409", description = "The account is at another version (changed meanwhile)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CreditAccount> replaceAccount(@PathVariable String customerId,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                 @RequestBody AccountBody body, Principal who) {
        return withVersion(ResponseEntity.ok(), accounts.replace(customerId, version(ifMatch), body, who.getName()));
    }

    @PatchMapping(path = "/{customerId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(operationId = "patchAccount", summary = "Change some fields of a credit account",
            description = "A JSON merge patch (RFC 7396): a field with a value is set, null clears it, a field left "
                    + "out stays. Version as for PUT; add reason to say why in the history.")
    @ApiResponse(responseCode = "409", description = "The account is at another version (changed meanwhile)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<CreditAccount> patchAccount(@PathVariable String customerId,
                                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                               @RequestBody AccountPatch patch, Principal who) {
        return withVersion(ResponseEntity.ok(), accounts.patch(customerId, version(ifMatch), patch.fields(),
                who.getName()));
    }

    record AccountPage(List<CreditAccount> accounts, String next) {
    }

    @GetMapping
    @Operation(operationId = "listAccounts", summary = "Accounts, filtered, in customer-id order",
            description = "Keyset paging: pass the answer's next as after for the following page (none on the last).")
    AccountPage listAccounts(
            @RequestParam(required = false) AccountStatus status,
            @RequestParam(required = false) String riskClass,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String insurer,
            @Parameter(description = "accounts of this group") @RequestParam(required = false) String parentAccountId,
            @Parameter(description = "next review date before this day", example = "2027-01-01")
            @RequestParam(required = false) LocalDate reviewDueBefore,
            @Parameter(description = "the next of the previous page") @RequestParam(required = false) String after,
            @Parameter(description = "accounts per page, 1 to encours.accounts.max-page-size (500)")
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw Problems.invalidField("limit", "must be between 1 and " + properties.maxPageSize());
        }
        CreditAccounts.Page page = accounts.list(new CreditAccounts.Search(status, riskClass, sector, country, insurer,
                parentAccountId, reviewDueBefore), after, limit);
        return new AccountPage(page.accounts(), page.next());
    }

    @GetMapping("/{customerId}/history")
    @Operation(operationId = "accountHistory", summary = "Every change of an account, oldest first",
            description = "Who, when, why, and the account before (none at its creation) and after.")
    @ApiResponse(responseCode = "404", description = "No account for this customer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    List<AccountChange> accountHistory(@PathVariable String customerId) {
        return accounts.history(customerId);
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", "text/plain"})
    @Operation(operationId = "importAccounts", summary = "Load accounts from an ERP export (CSV)",
            description = "One account per line; query parameters name the columns (customerId=Code client, "
                    + "internalLimit=Encours autorisé...; a field not named is read from the column of its own name) "
                    + "and the format (separator, decimalSeparator, dateFormat, charset; currency for files without "
                    + "one; reason for the history). Creates, changes, or leaves an account that already holds the "
                    + "line's data: importing the same file again changes nothing. Bad lines are listed with their "
                    + "number and reason; the others are imported. See docs/accounts.md for the fields.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @ApiResponse(responseCode = "413", description = "The file is larger than encours.accounts.max-import-size",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    CreditAccounts.ImportReport importAccounts(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
                                               HttpServletRequest request, Principal who) {
        return accounts.importCsv(body(request), parameters, who.getName());
    }

    private static ResponseEntity<CreditAccount> withVersion(ResponseEntity.BodyBuilder answer, CreditAccount account) {
        return answer.eTag("\"" + account.version() + "\"").body(account);
    }

    /** The version an If-Match names: "3", W/"3" or 3; null when there is no header. */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Problems.invalidField("If-Match", "must be the account's version as its ETag gives it, e.g. \"3\"");
        }
    }

    private byte[] body(HttpServletRequest request) {
        return LimitedBody.read(request, properties.maxImportSize().toBytes(), AccountProblems::importTooLarge);
    }
}
