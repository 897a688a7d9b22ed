package io.encours.service.storage;

import com.mongodb.ConnectionString;
import io.encours.service.executor.Pools;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Chooses the store: with {@code spring.mongodb.uri} set (application.properties binds it to
 * {@code MONGODB_URI}), Spring Boot's MongoDB client connects there; without it, an embedded server is
 * started first and the client is pointed at it through {@link MongoConnectionDetails}, which Boot's
 * auto-configuration uses in place of the properties.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    static final String MONGODB_URI_PROPERTY = "spring.mongodb.uri";

    /**
     * Short driver timeouts (applied after the connection string's own options): a request waits at most
     * {@code server-selection} for a store that is down. The read timeout only on a MongoDB across the network,
     * where a server can stop answering without closing the connection; the embedded server is in this process,
     * and its long legitimate commands (a bulk delete, an aggregation over a large trail) must not be cut.
     */
    static MongoClientSettingsBuilderCustomizer timeouts(StorageProperties.Timeouts timeouts, boolean readTimeout) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> {
                    socket.connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
                    if (readTimeout) {
                        socket.readTimeout((int) timeouts.read().toMillis(), TimeUnit.MILLISECONDS);
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoMongoUri.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedMongo embeddedMongo(StorageProperties properties, MeterRegistry meters) {
            EmbeddedMongo server = EmbeddedMongo.start(properties.dataDir(), properties.compaction().settings(),
                    properties.pageCompression());
            server.compactionPool().ifPresent(pool -> Pools.measured(EmbeddedMongo.COMPACTION_POOL, pool, meters));
            return server;
        }

        @Bean
        MongoClientSettingsBuilderCustomizer embeddedStoreTimeouts(StorageProperties properties) {
            return timeouts(properties.timeouts(), false);
        }

        @Bean
        MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo server, StorageProperties properties) {
            ConnectionString connection = new ConnectionString(server.connectionString(properties.database()));
            return () -> connection;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(MongoUriGiven.class)
    static class External {

        @Bean
        MongoClientSettingsBuilderCustomizer mongoDbTimeouts(StorageProperties properties) {
            return timeouts(properties.timeouts(), true);
        }

        @Bean
        WriteDurability journaledWrites(StorageProperties properties) {
            return WriteDurability.journaled(properties.writeConcern());
        }
    }

    static boolean mongoUriGiven(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty(MONGODB_URI_PROPERTY));
    }

    static final class NoMongoUri implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !mongoUriGiven(context);
        }
    }

    static final class MongoUriGiven implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return mongoUriGiven(context);
        }
    }
}
