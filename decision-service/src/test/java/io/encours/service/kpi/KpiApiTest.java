package io.encours.service.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.encours.service.FullStackTest;
import io.encours.service.TestApi;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The KPIs through the API on the embedded store, fed through the ledger's own API: the figures of one account
 * and of its group, an event accepted after the first report seen by the next one (the book follows the
 * ledger's versions), and a scope with two currencies refused by the name of {@code currency}.
 */
class KpiApiTest extends FullStackTest {
    private static final String ERP_FEED_KEY = "test-erp-feed-key";

    private TestApi manager() {
        return api().as("manager", "secret-manager");
    }

    private String account(String id, String currency, String parent) {
        String body = """
                {"customerId": "%s", "name": "Ateliers Dupont SAS", "country": "FR", "sector": "MANUFACTURING",
                 "legalForm": "SAS", "currency": "%s", "standardTermsDays": 30%s}
                """.formatted(id, currency, parent == null ? "" : ", \"parentAccountId\": \"" + parent + "\"");
        TestApi.Response created = manager().post("/api/v1/accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return id;
    }

    private void send(String customer, String currency, String... events) {
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < events.length; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"customerId\": \"").append(customer).append("\", \"currency\": \"")
                    .append(currency).append("\", ").append(events[i]).append('}');
        }
        TestApi.Response answer = api().withApiKey(ERP_FEED_KEY).post("/api/v1/ledger/events", batch.append(']').toString());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().get("rejected").asInt()).as(answer.text()).isZero();
    }

    private JsonNode kpis(String query) {
        TestApi.Response answer = manager().get("/api/v1/kpis/receivables?" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theKpisOfAnAccountAndItsGroupFollowTheLedger() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String parent = account("KPI-P-" + suffix, "EUR", null);
        String child = account("KPI-C-" + suffix, "EUR", parent);
        send(parent, "EUR",
                "\"eventId\": \"KPI-1-" + suffix + "\", \"type\": \"INVOICE_ISSUED\", \"occurredOn\": \"2024-01-10\","
                        + " \"invoiceId\": \"KPI-I1-" + suffix + "\", \"orderId\": \"KPI-O1-" + suffix + "\","
                        + " \"amount\": 1000.00, \"dueOn\": \"2024-02-09\"",
                "\"eventId\": \"KPI-2-" + suffix + "\", \"type\": \"PAYMENT_RECEIVED\", \"occurredOn\": \"2024-02-05\","
                        + " \"paymentId\": \"KPI-P1-" + suffix + "\", \"amount\": 400.00,"
                        + " \"allocations\": [{\"invoiceId\": \"KPI-I1-" + suffix + "\", \"amount\": 400.00}]");
        send(child, "EUR",
                "\"eventId\": \"KPI-3-" + suffix + "\", \"type\": \"INVOICE_ISSUED\", \"occurredOn\": \"2024-02-15\","
                        + " \"invoiceId\": \"KPI-I2-" + suffix + "\", \"orderId\": \"KPI-O2-" + suffix + "\","
                        + " \"amount\": 2400.00, \"dueOn\": \"2024-03-16\"",
                "\"eventId\": \"KPI-4-" + suffix + "\", \"type\": \"CREDIT_NOTE\", \"occurredOn\": \"2024-02-20\","
                        + " \"creditNoteId\": \"KPI-CN-" + suffix + "\", \"invoiceId\": \"KPI-I2-" + suffix + "\","
                        + " \"amount\": 400.00");

        // 2024-02-29, the end of a 29-day month: 600.00 19 days past due, 2,000.00 not yet due
        JsonNode one = kpis("asOf=2024-02-29&customerId=" + parent);
        assertThat(one.get("receivables").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(one.get("aged").get("1-30").decimalValue()).isEqualByComparingTo("600.00");
        JsonNode group = kpis("asOf=2024-02-29&group=" + parent);
        assertThat(group.get("openInvoices").asInt()).isEqualTo(2);
        assertThat(group.get("receivables").decimalValue()).isEqualByComparingTo("2600.00");
        assertThat(group.get("overdue").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(group.get("creditSales").decimalValue()).isEqualByComparingTo("3400.00");
        // 2,600.00 / 3,400.00 x 90
        assertThat(group.get("dsoSimple").decimalValue()).isEqualByComparingTo("68.82");

        send(parent, "EUR",
                "\"eventId\": \"KPI-5-" + suffix + "\", \"type\": \"PAYMENT_RECEIVED\", \"occurredOn\": \"2024-02-26\","
                        + " \"paymentId\": \"KPI-P2-" + suffix + "\", \"amount\": 600.00,"
                        + " \"allocations\": [{\"invoiceId\": \"KPI-I1-" + suffix + "\", \"amount\": 600.00}]");
        JsonNode after = kpis("asOf=2024-02-29&group=" + parent);
        assertThat(after.get("receivables").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(after.get("overdue").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(after.get("paymentsInPeriod").decimalValue()).isEqualByComparingTo("1000.00");
        // 400.00 before the due date, 600.00 17 days after it
        assertThat(after.get("averageDaysLate").decimalValue()).isEqualByComparingTo("10.20");
        assertThat(kpis("asOf=2024-01-31&group=" + parent).get("receivables").decimalValue())
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void aScopeWithTwoCurrenciesMustNameOne() {
        String suffix = String.valueOf(System.nanoTime() % 1_000_000);
        String dollars = account("KPI-USD-" + suffix, "USD", null);
        send(dollars, "USD", "\"eventId\": \"KPI-U-" + suffix + "\", \"type\": \"INVOICE_ISSUED\","
                + " \"occurredOn\": \"" + LocalDate.of(2024, 3, 1) + "\", \"invoiceId\": \"KPI-UI-" + suffix + "\","
                + " \"orderId\": \"KPI-UO-" + suffix + "\", \"amount\": 10.00, \"dueOn\": \"2024-03-31\"");
        String euros = account("KPI-EUR-" + suffix, "EUR", null);
        send(euros, "EUR", "\"eventId\": \"KPI-E-" + suffix + "\", \"type\": \"INVOICE_ISSUED\","
                + " \"occurredOn\": \"2024-03-01\", \"invoiceId\": \"KPI-EI-" + suffix + "\","
                + " \"orderId\": \"KPI-EO-" + suffix + "\", \"amount\": 10.00, \"dueOn\": \"2024-03-31\"");

        TestApi.Response mixed = manager().get("/api/v1/kpis/receivables?asOf=2024-03-31");
        assertThat(mixed.status()).as(mixed.text()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
        assertThat(kpis("asOf=2024-03-31&currency=USD&customerId=" + dollars).get("receivables").decimalValue())
                .isEqualByComparingTo("10.00");
    }
}
