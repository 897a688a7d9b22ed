package io.encours.service.decision;

import static io.encours.service.JsonRequest.customerScore;
import static io.encours.service.JsonRequest.dunning;
import static io.encours.service.JsonRequest.orderCheck;
import static io.encours.service.JsonRequest.paymentTerms;
import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.JsonRequest;
import io.encours.service.TestApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets a 4xx problem naming the field and the reason, leaves nothing in the audit
 * trail, and the service goes on serving.
 */
class BadInputTest extends FullStackTest {
    private static final String TOMORROW = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();

    private long recordsBefore;

    @BeforeEach
    void countRecords() {
        recordsBefore = auditRecords();
    }

    @AfterEach
    void nothingWasRecordedAndTheServiceStillDecides() {
        assertThat(auditRecords()).as("audit records").isEqualTo(recordsBefore);
        assertThat(api().post(orderCheck().path(), orderCheck().body()).status()).isEqualTo(200);
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                invalid("customer missing", orderCheck().without("customer"), "customer"),
                invalid("customer id missing", orderCheck().without("customer.id"), "customer.id"),
                invalid("credit account missing", orderCheck().without("customer.creditAccount"), "customer.creditAccount"),
                invalid("order amount missing", orderCheck().without("order.amount"), "order.amount"),
                invalid("purchase order not stated", orderCheck().without("order.purchaseOrderPresent"), "order.purchaseOrderPresent"),
                invalid("negative order amount", orderCheck().with("order.amount", -5), "order.amount"),
                invalid("zero order amount", orderCheck().with("order.amount", 0), "order.amount"),
                invalid("absurd order amount", orderCheck().with("order.amount", 5_000_000_000_000L), "order.amount"),
                invalid("fractions of a cent", orderCheck().with("order.amount", 100.001), "order.amount"),
                invalid("negative exposure", orderCheck().with("exposure.openInvoices", -1), "exposure.openInvoices"),
                invalid("absurd limit", orderCheck().with("customer.creditAccount.internalLimit", 1e15), "customer.creditAccount.internalLimit"),
                invalid("unknown payment method", orderCheck().with("order.paymentMethod", "BITCOIN"), "order.paymentMethod"),
                invalid("unknown account status", orderCheck().with("customer.creditAccount.status", "FROZEN"), "customer.creditAccount.status"),
                invalid("a currency other than the policy's", orderCheck().with("order.currency", "USD"), "order.currency"),
                invalid("a currency that is no currency code", orderCheck().with("order.currency", "euro"), "order.currency"),
                invalid("founding date in the future", orderCheck().with("customer.foundingDate", TOMORROW), "customer.foundingDate"),
                invalid("rating date in the future", orderCheck().with("customer.externalRating.ratedOn", TOMORROW), "customer.externalRating.ratedOn"),
                invalid("limit reviewed in the future", orderCheck().with("customer.creditAccount.lastReviewDate", TOMORROW), "customer.creditAccount.lastReviewDate"),
                invalid("account opened in the future", orderCheck().with("customer.creditAccount.openedOn", TOMORROW), "customer.creditAccount.openedOn"),
                invalid("a date that is no date", orderCheck().with("customer.foundingDate", "14/06/2014"), "customer.foundingDate"),
                invalid("external score above 100", orderCheck().with("customer.externalRating.score", 101), "customer.externalRating.score"),
                invalid("a fraction for a whole number", orderCheck().with("customer.externalRating.score", 72.5), "customer.externalRating.score"),
                invalid("text for an amount", orderCheck().with("order.amount", "a lot"), "order.amount"),
                invalid("a misspelt field", orderCheck().with("order.purchaseOrderPresnt", true), "order.purchaseOrderPresnt"),
                invalid("a sector in lower case", orderCheck().with("customer.sector", "manufacturing"), "customer.sector"),
                invalid("terms beyond a year", paymentTerms().with("requestedTerms.days", 400), "requestedTerms.days"),
                invalid("payment terms in another currency", paymentTerms().with("currency", "GBP"), "currency"),
                invalid("invoice in another currency", dunning().with("invoice.currency", "CHF"), "invoice.currency"),
                invalid("invoice due before it was issued", dunning().with("invoice.dueDate", "2026-04-01"), "invoice.dueDate"),
                invalid("invoice issued in the future", dunning().with("invoice.issuedOn", TOMORROW).with("invoice.dueDate", TOMORROW), "invoice.issuedOn"),
                invalid("unknown promise status", dunning().withJson("invoice.promises",
                        "[{\"promisedFor\":\"2026-06-20\",\"amount\":10,\"status\":\"MAYBE\"}]"), "invoice.promises[0].status"),
                invalid("unknown debtor profile", dunning().with("declaredProfile", "GRUMPY"), "declaredProfile"),
                // Issue 12: required inputs, never taken as a favourable zero
                invalid("exposure missing", orderCheck().without("exposure"), "exposure"),
                invalid("open invoices missing", orderCheck().without("exposure.openInvoices"), "exposure.openInvoices"),
                invalid("overdue amount missing", orderCheck().without("exposure.overdueAmount"), "exposure.overdueAmount"),
                invalid("oldest overdue days missing", orderCheck().without("exposure.oldestOverdueDays"), "exposure.oldestOverdueDays"),
                invalid("open orders missing", orderCheck().without("exposure.openOrders"), "exposure.openOrders"),
                invalid("dunning level missing", orderCheck().without("exposure.highestDunningLevel"), "exposure.highestDunningLevel"),
                invalid("account status missing", orderCheck().without("customer.creditAccount.status"), "customer.creditAccount.status"),
                invalid("internal limit missing", orderCheck().without("customer.creditAccount.internalLimit"), "customer.creditAccount.internalLimit"),
                invalid("sector missing", orderCheck().without("customer.sector"), "customer.sector"),
                invalid("legal form missing", orderCheck().without("customer.legalForm"), "customer.legalForm"),
                invalid("sector missing from a customer score", customerScore().without("customer.sector"), "customer.sector"),
                invalid("account status missing from payment terms", paymentTerms().without("customer.creditAccount.status"), "customer.creditAccount.status"),
                invalid("legal form missing from a dunning request", dunning().without("customer.legalForm"), "customer.legalForm"),
                // Issue 12: no coercion
                invalid("an amount as a string", orderCheck().with("order.amount", "20000"), "order.amount"),
                invalid("an amount as a boolean", orderCheck().with("order.amount", true), "order.amount"),
                invalid("a whole number as a string", orderCheck().with("customer.externalRating.score", "72"), "customer.externalRating.score"),
                invalid("a whole number as a boolean", orderCheck().with("exposure.oldestOverdueDays", false), "exposure.oldestOverdueDays"),
                invalid("a flag as a number", orderCheck().with("order.purchaseOrderPresent", 1), "order.purchaseOrderPresent"),
                invalid("a flag as a string", orderCheck().with("order.purchaseOrderPresent", "true"), "order.purchaseOrderPresent"),
                invalid("a text as a number", orderCheck().with("customer.id", 1000), "customer.id"),
                invalid("an enumeration value as its index", orderCheck().with("customer.creditAccount.status", 0), "customer.creditAccount.status"),
                invalid("a date as a day count", orderCheck().with("asOf", 20_619), "asOf"),
                invalid("terms days as a string", paymentTerms().with("requestedTerms.days", "60"), "requestedTerms.days"),
                invalid("an empty string for an amount", orderCheck().with("order.amount", ""), "order.amount"),
                // Issue 12: codes the policy does not know
                invalid("a sector the policy does not know", orderCheck().with("customer.sector", "SPACE_PIRACY"), "customer.sector"),
                invalid("a legal form the policy does not know", customerScore().with("customer.legalForm", "LLC"), "customer.legalForm"),
                invalid("a country that is no ISO 3166 code", orderCheck().with("customer.country", "ZZ"), "customer.country"),
                // Issue 12: business dates outside the window
                invalid("asOf at the end of time", orderCheck().with("asOf", "9999-12-31"), "asOf"),
                invalid("asOf at the beginning of the calendar", orderCheck().with("asOf", "0001-01-01"), "asOf"),
                invalid("asOf far in the future on a dunning request", dunning().with("asOf", "2099-01-01"), "asOf"),
                invalid("asOf far back on a customer score", customerScore().with("asOf", "1990-01-01"), "asOf"));
    }

    @Test
    void an_unknown_sector_is_refused_with_the_policys_own_codes() {
        TestApi.Response response = api().post(orderCheck().path(),
                orderCheck().with("customer.sector", "SPACE_PIRACY").body());

        assertProblem(response, 400, "/problems/invalid-field");
        String reason = response.json().get("errors").get(0).get("reason").asString();
        assertThat(reason).contains("SPACE_PIRACY", "MANUFACTURING", "CONSTRUCTION", "PUBLIC_SECTOR");
    }

    @Test
    void a_string_amount_is_refused_without_naming_internals() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().with("order.amount", "20000").body());

        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("a number");
        assertThat(response.text()).doesNotContain("io.encours", "tools.jackson", "COERCION");
    }

    @Test
    void an_unknown_enumeration_value_names_the_allowed_values() {
        TestApi.Response response = api().post(orderCheck().path(),
                orderCheck().with("customer.creditAccount.status", "FROZEN").body());

        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("ACTIVE", "BLOCKED", "LITIGATION");
    }

    @Test
    void an_asof_outside_the_window_names_the_window() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().with("asOf", "9999-12-31").body());

        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors").get(0).get("reason").asString()).contains("10 years back", "31 days ahead");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void an_invalid_field_is_named(String name, JsonRequest request, String field) {
        TestApi.Response response = api().post(request.path(), request.body());

        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
        assertThat(response.json().get("errors").get(0).get("reason").asString()).isNotBlank();
    }

    @Test
    void malformed_json_is_located() {
        TestApi.Response response = api().post(orderCheck().path(), "{\"customer\": {\"id\": \"C-1\",,}");

        assertProblem(response, 400, "/problems/malformed-json");
        assertThat(response.json().get("line").asInt()).isEqualTo(1);
        assertThat(response.json().get("column").asInt()).isPositive();
    }

    @Test
    void a_repeated_key_is_malformed() {
        String twice = orderCheck().body().replace("\"currency\":\"EUR\"", "\"currency\":\"EUR\",\"currency\":\"USD\"");
        assertThat(twice).contains("\"currency\":\"USD\"");

        assertProblem(api().post(orderCheck().path(), twice), 400, "/problems/malformed-json");
    }

    @Test
    void an_empty_body_is_malformed() {
        assertProblem(api().post(orderCheck().path(), ""), 400, "/problems/malformed-json");
    }

    @Test
    void a_body_over_the_size_limit_is_refused() {
        String huge = orderCheck().with("customer.name", "x".repeat(70_000)).body();

        TestApi.Response response = api().post(orderCheck().path(), huge);

        assertProblem(response, 413, "/problems/payload-too-large");
        assertThat(response.json().get("limitBytes").asLong()).isEqualTo(65_536);
    }

    @Test
    void a_chunked_body_over_the_size_limit_is_refused() {
        String huge = orderCheck().with("customer.name", "x".repeat(70_000)).body();
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(api().url(orderCheck().path())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));

        assertProblem(api().send(chunked), 413, "/problems/payload-too-large");
    }

    @Test
    void an_invalid_idempotency_key_is_named() {
        TestApi.Response response = api().post(orderCheck().path(), orderCheck().body(), "Idempotency-Key", "not a key!");

        assertProblem(response, 400, "/problems/invalid-field");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void a_body_that_is_not_json_is_an_unsupported_media_type() {
        HttpRequest.Builder text = HttpRequest.newBuilder(URI.create(api().url(orderCheck().path())))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("approve me"));

        assertProblem(api().send(text), 415, "/problems/unsupported-media-type");
    }

    private static void assertProblem(TestApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static Arguments invalid(String name, JsonRequest request, String field) {
        return Arguments.of(name, request, field);
    }
}
