package io.encours.service.ledger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the read of the ledger's invoices for whole-book reports ({@link ReceivableHistories}). */
@Configuration(proxyBeanMethods = false)
class ReceivableHistoryConfiguration {
    @Bean
    ReceivableHistories receivableHistories(MongoTemplate mongo, LedgerStore store) {
        return new ReceivableHistoryStore(mongo, store);
    }
}
