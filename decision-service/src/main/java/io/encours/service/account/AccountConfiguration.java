package io.encours.service.account;

import com.mongodb.MongoCommandException;
import io.encours.service.audit.AuditProperties;
import io.encours.service.storage.WriteDurability;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the accounts; their indexes are created at start with the audit trail's (same switch). */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);
    private static final int UNAUTHORIZED = 13;

    @Bean
    AccountStore accountStore(MongoTemplate mongo, WriteDurability durability, AuditProperties audit,
                              AccountProperties properties) {
        AccountStore store = new AccountStore(mongo, durability, properties.abandonedChangeAfter());
        if (audit.createIndexes()) {
            try {
                store.createIndexes();
            } catch (MongoCommandException e) {
                if (e.getErrorCode() != UNAUTHORIZED) {
                    throw e;
                }
                log.warn("account indexes not created: the database user may not create indexes; they must exist "
                        + "already (see docs/accounts.md)");
            } catch (com.mongodb.MongoException e) {
                // Only the lists' speed depends on them: uniqueness rests on the _id of accounts and of changes.
                log.warn("account indexes not created at start-up, the store is unreachable reason=\"{}\"; the next "
                        + "start creates them", e.getMessage());
            }
        }
        return store;
    }

    @Bean
    CreditAccounts creditAccounts(AccountStore store, Clock clock, JsonMapper json) {
        return new CreditAccounts(store, clock, json);
    }
}
