package io.encours.service.kpi;

import io.encours.service.account.CreditAccounts;
import io.encours.service.ledger.ReceivableHistories;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the receivables KPIs. */
@Configuration(proxyBeanMethods = false)
class KpiConfiguration {
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
