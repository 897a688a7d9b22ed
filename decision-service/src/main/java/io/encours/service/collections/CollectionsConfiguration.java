package io.encours.service.collections;

import io.encours.service.storage.WriteDurability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the collections' store; its indexes follow {@code encours.collections.create-indexes}. */
@Configuration(proxyBeanMethods = false)
class CollectionsConfiguration {

    @Bean
    CollectionsStore collectionsStore(MongoTemplate mongo, WriteDurability durability, CollectionsProperties properties) {
        CollectionsStore store = new CollectionsStore(mongo, durability);
        store.createIndexes(properties.createIndexes());
        return store;
    }
}
