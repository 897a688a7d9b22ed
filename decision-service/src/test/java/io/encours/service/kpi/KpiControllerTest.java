package io.encours.service.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.ReceivableHistories;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The KPI API over HTTP on the hand-made ledger of {@link ReceivablesReportTest} (held in memory, read through
 * the same {@link ReceivableHistories} interface as the store): the fields and their decimals, the series of
 * month ends of 28 to 31 days, paging and sorting, the exports, and every bad parameter refused by its name.
 */
@WebMvcTest(KpiController.class)
@Import({io.encours.service.web.WebSlice.class, KpiControllerTest.Settings.class})
class KpiControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KpiProperties.class)
    static class Settings {
        @Bean
        ReceivableHistories histories() {
            return new InMemoryHistories(ReceivablesReportTest.handMade());
        }

        @Bean
        ReceivablesBook receivablesBook(ReceivableHistories histories, CreditAccounts accounts, KpiProperties properties,
                                        Clock clock) {
            return new ReceivablesBook(histories, accounts, properties, clock);
        }

        @Bean
        KpiReports kpiReports(ReceivablesBook book, KpiProperties properties) {
            return new KpiReports(book, properties);
        }
    }

    /** The hand-made books behind the interface the ledger's store implements. */
    record InMemoryHistories(List<ReceivablesReportTest.Book> books) implements ReceivableHistories {
        @Override
        public Map<String, StoredCustomer> customers() {
            Map<String, StoredCustomer> all = new LinkedHashMap<>();
            books.forEach(b -> all.put(b.id(), new StoredCustomer("EUR", 1)));
            return all;
        }

        @Override
        public void readAll(BiConsumer<String, io.encours.service.ledger.Invoice> invoices,
                            BiConsumer<String, io.encours.service.ledger.Promise> promises) {
            books.forEach(b -> {
                b.invoices().forEach(i -> invoices.accept(b.id(), i));
                b.promises().forEach(p -> promises.accept(b.id(), p));
            });
        }

        @Override
        public Optional<CustomerReceivables> of(String customerId) {
            return books.stream().filter(b -> b.id().equals(customerId)).findFirst()
                    .map(b -> new CustomerReceivables(b.id(), "EUR", 1, b.invoices(), b.promises()));
        }
    }

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CreditAccounts accounts;

    @BeforeEach
    void noAccountsButTheBooks() {
        when(accounts.find(anyString())).thenReturn(Optional.empty());
        when(accounts.all()).thenReturn(List.of());
    }

    @Test
    void theKpisOfTheWholeBookAtAMonthEndWithAmountsAndDaysInTwoDecimals() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/kpis/receivables").param("asOf", "2023-02-28"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value("2023-02-28"))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.openInvoices").value(5))
                .andExpect(jsonPath("$.dsoWindowDays").value(90))
                .andExpect(jsonPath("$.topByOverdue[0].customerId").value("B"))
                .andReturn();
        String json = result.getResponse().getContentAsString();
        assertThat(json).contains("\"receivables\":7134.56", "\"overdue\":3900.00", "\"overdueRatio\":0.5466",
                "\"aged\":{\"current\":3234.56,\"1-30\":600.00,\"31-60\":2500.00,\"61-90\":0.00,\"90+\":800.00}",
                "\"dsoSimple\":84.11", "\"dsoCountback\":84.83", "\"bestPossibleDso\":38.13",
                "\"averageDaysDelinquent\":45.98");
    }

    @Test
    void theSeriesHasOnePointPerMonthEndOfTwentyEightToThirtyOneDays() throws Exception {
        mvc.perform(get("/api/v1/kpis/receivables/series").param("from", "2023-01-01").param("to", "2023-04-30")
                        .param("step", "month"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(4))
                .andExpect(jsonPath("$.points[0].asOf").value("2023-01-31"))
                .andExpect(jsonPath("$.points[1].asOf").value("2023-02-28"))
                .andExpect(jsonPath("$.points[1].receivables").value(7134.56))
                .andExpect(jsonPath("$.points[3].asOf").value("2023-04-30"));
    }

    @Test
    void theCustomersArePagedAndSorted() throws Exception {
        mvc.perform(get("/api/v1/kpis/receivables/customers").param("asOf", "2023-02-28")
                        .param("sort", "overdue,desc").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.customers.length()").value(2))
                .andExpect(jsonPath("$.customers[0].customerId").value("B"))
                .andExpect(jsonPath("$.customers[0].overdue").value(2500.00))
                .andExpect(jsonPath("$.customers[1].customerId").value("C"));
        mvc.perform(get("/api/v1/kpis/receivables/customers").param("asOf", "2023-02-28")
                        .param("sort", "customerId").param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.customers.length()").value(1))
                .andExpect(jsonPath("$.customers[0].customerId").value("C"))
                .andExpect(jsonPath("$.customers[0].oldestOverdueDays").value(106));
    }

    @Test
    void theAgedBalanceByCustomerAsCsvAndXlsx() throws Exception {
        String csv = mvc.perform(get("/api/v1/kpis/receivables/customers/export").param("asOf", "2023-02-28"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).containsExactly(
                "customerId,currency,openInvoices,receivables,overdue,overdueRatio,aged current,aged 1-30,aged 31-60,"
                        + "aged 61-90,aged 90+,oldestOverdueDays,disputed",
                "A,EUR,2,2600.00,600.00,0.2308,2000.00,600.00,0.00,0.00,0.00,19,0.00",
                "B,EUR,2,3734.56,2500.00,0.6694,1234.56,0.00,2500.00,0.00,0.00,40,0.00",
                "C,EUR,1,800.00,800.00,1.0000,0.00,0.00,0.00,0.00,800.00,106,0.00");
        byte[] xlsx = mvc.perform(get("/api/v1/kpis/receivables/series/export").param("from", "2023-01-01")
                        .param("to", "2023-04-30").param("format", "xlsx"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("2023-02-28");
            assertThat(book.getSheetAt(0).getRow(2).getCell(3).getNumericCellValue()).isEqualTo(7134.56);
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void everyBadParameterIsRefusedByItsName() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/v1/kpis/receivables?asOf=28/02/2023", "asOf");
        cases.put("/api/v1/kpis/receivables?asOf=2099-01-01", "asOf");
        cases.put("/api/v1/kpis/receivables?asOf=2023-02-28&periodFrom=2023-03-01", "periodFrom");
        cases.put("/api/v1/kpis/receivables?status=OPEN", "status");
        cases.put("/api/v1/kpis/receivables?country=France", "country");
        cases.put("/api/v1/kpis/receivables?customerId=NO-SUCH", "customerId");
        cases.put("/api/v1/kpis/receivables?group=NO-SUCH", "group");
        cases.put("/api/v1/kpis/receivables?currency=euro", "currency");
        cases.put("/api/v1/kpis/receivables?top=-1", "top");
        cases.put("/api/v1/kpis/receivables/series?from=2023-05-01&to=2023-04-30", "from");
        cases.put("/api/v1/kpis/receivables/series?to=2023-13-01", "to");
        cases.put("/api/v1/kpis/receivables/series?step=week", "step");
        cases.put("/api/v1/kpis/receivables/series?from=2000-01-01&to=2023-04-30", "from");
        cases.put("/api/v1/kpis/receivables/customers?sort=name", "sort");
        cases.put("/api/v1/kpis/receivables/customers?size=0", "size");
        cases.put("/api/v1/kpis/receivables/customers?page=x", "page");
        cases.put("/api/v1/kpis/receivables/customers/export?format=pdf", "format");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            mvc.perform(get(c.getKey()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-field"))
                    .andExpect(jsonPath("$.errors[0].field").value(c.getValue()));
        }
    }
}
