package io.encours.service.collections;

import io.encours.service.storage.WriteDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the collections' store; its indexes follow {@code encours.collections.create-indexes}. */
@Configuration(proxyBeanMethods = false)
class CollectionsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CollectionsConfiguration.class);

    @Bean
    CollectionsStore collectionsStore(MongoTemplate mongo, WriteDurability durability, CollectionsProperties properties) {
        CollectionsStore store = new CollectionsStore(mongo, durability);
        try {
            store.createIndexes(properties.createIndexes());
        } catch (com.mongodb.MongoException e) {
            // Only the worklist's speed depends on them: a line's identity rests on its _id; the next start creates them.
            log.warn("collections indexes not created at start-up, the store is unreachable reason=\"{}\"", e.getMessage());
        }
        return store;
    }
}
