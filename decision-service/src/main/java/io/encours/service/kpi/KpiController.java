package io.encours.service.kpi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receivables KPIs for credit staff and auditors (docs/kpis.md). Exports are written on the request's thread,
 * straight to the response (as the audit exports are), so a long one is not cut by the asynchronous timeout.
 */
@RestController
@RequestMapping("/api/v1/kpis/receivables")
@Tag(name = "KPIs")
class KpiController {
    private final KpiReports reports;

    KpiController(KpiReports reports) {
        this.reports = reports;
    }

    @GetMapping(produces = "application/json")
    @Operation(operationId = "receivablesKpis", summary = "Receivables KPIs of a scope as of a date (default today)",
            description = "Scope: customerId, group (a parent account and its members), sector, riskClass, country, "
                    + "insurer, status, currency; none: the whole book. periodFrom (default: the first of asOf's "
                    + "month) starts the period of the CEI, days late of payments and promises.")
    ReceivablesKpis receivables(@ParameterObject KpiQuery query) {
        return reports.receivables(query);
    }

    @GetMapping(path = "/series", produces = "application/json")
    @Operation(operationId = "receivablesSeries", summary = "The KPIs at each month end from `from`'s month to `to` (step=month)")
    KpiReports.Series series(@ParameterObject KpiQuery query) {
        return reports.series(query);
    }

    @GetMapping(path = "/customers", produces = "application/json")
    @Operation(operationId = "receivablesByCustomer", summary = "The aged balance by customer as of a date, paged (page from 0, size) and sorted "
            + "(sort=overdue,desc by default)")
    KpiReports.CustomerPage customers(@ParameterObject KpiQuery query) {
        return reports.customers(query);
    }

    @GetMapping(path = "/customers/export")
    @Operation(operationId = "exportReceivablesByCustomer", summary = "The aged balance by customer as a file (format=csv or xlsx), every customer of the scope")
    void exportCustomers(@ParameterObject KpiQuery query, HttpServletResponse response) throws IOException {
        String format = query.exportFormat();
        KpiExports.customers(reports.customers(query, reports.asOf(query), sortOf(query)), reports.agedKeys(), format,
                "aged-balance-" + reports.asOf(query), response);
    }

    @GetMapping(path = "/series/export")
    @Operation(operationId = "exportReceivablesSeries", summary = "The monthly series as a file (format=csv or xlsx)")
    void exportSeries(@ParameterObject KpiQuery query, HttpServletResponse response) throws IOException {
        String format = query.exportFormat();
        KpiExports.series(reports.series(query), reports.agedKeys(), format, "receivables-series", response);
    }

    private static String sortOf(KpiQuery query) {
        return query.sort() == null ? "customerId" : query.sort();
    }
}
