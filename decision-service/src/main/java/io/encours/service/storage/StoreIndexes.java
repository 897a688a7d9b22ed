package io.encours.service.storage;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every store makes its indexes: in one {@code createIndexes} command per collection, when the feature's own
 * {@code create-indexes} setting allows it. A database user who may not create indexes (where an administrator
 * owns them) gets a warning, not a failed start: the indexes must exist already. A store that is unreachable
 * throws, and the caller decides whether to start all the same and create them later.
 */
public final class StoreIndexes {
    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);
    private static final int UNAUTHORIZED = 13;

    private StoreIndexes() {
    }

    /**
     * Creates {@code indexes} on {@code collection} when {@code enabled}; existing ones of the same definition are
     * left as they are. Returns false when they were not created (disabled, or not allowed).
     */
    public static <T> boolean ensure(MongoCollection<T> collection, boolean enabled, IndexModel... indexes) {
        if (!enabled || indexes.length == 0) {
            return false;
        }
        try {
            collection.createIndexes(List.of(indexes));
            return true;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != UNAUTHORIZED) {
                throw e;
            }
            log.warn("indexes of {} not created: the database user may not create indexes; they must exist already "
                    + "(set the feature's create-indexes property to false to skip this step)",
                    collection.getNamespace().getCollectionName());
            return false;
        }
    }
}
