package io.encours.service.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/** The insert every store needs where a unique index decides: "add it unless that key is taken". */
public final class Inserts {
    private Inserts() {
    }

    /** Inserts the document; false when a unique index already holds its key. */
    public static <T> boolean unlessTaken(MongoCollection<T> collection, T document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
