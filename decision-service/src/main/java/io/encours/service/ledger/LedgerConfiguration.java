package io.encours.service.ledger;

import com.mongodb.MongoCommandException;
import io.encours.service.account.CreditAccounts;
import io.encours.service.audit.AuditProperties;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the ledger; its indexes are created at start with the audit trail's (same switch). */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);
    private static final int UNAUTHORIZED = 13;

    @Bean
    LedgerStore ledgerStore(MongoTemplate mongo, WriteDurability durability, AuditProperties audit) {
        LedgerStore store = new LedgerStore(mongo, durability);
        if (audit.createIndexes()) {
            try {
                store.createIndexes();
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != UNAUTHORIZED) {
                    throw e;
                }
                log.warn("ledger indexes not created: the database user may not create indexes; they must exist "
                        + "already (see docs/ledger.md)");
            } catch (com.mongodb.MongoException e) {
                log.warn("ledger indexes not created at start-up, the store is unreachable reason=\"{}\"; the next "
                        + "start creates them", e.getMessage());
            }
        }
        return store;
    }

    @Bean
    Ledger ledger(LedgerStore store, CreditAccounts accounts, LedgerProperties properties, Clock clock) {
        return new Ledger(store, accounts, properties, clock);
    }
}
